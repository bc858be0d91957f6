package document

import (
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
)

// TestOffersAgreeWithDraft checks that what pages ask before offering a
// link to draft (CanWrite, ReviewPeriod, Plannable) answers as Draft
// does: yes where Draft drafts, no where it refuses. Today is 10/07/2024:
// the second half of 2024 has begun, 2025 has not.
func TestOffersAgreeWithDraft(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newGenEnv(t, d)
		ls := e.w.LangSon.ID
		for _, c := range []struct {
			who  string
			p    *auth.Principal
			unit int64
			want bool
		}{
			{"the province's officer", e.officerLS, ls, true},
			{"the province's officer, a commune below", e.officerLS, e.w.QuangLang.ID, true},
			{"the administrator", e.w.Admin, ls, true},
			{"a viewer", e.viewerLS, ls, false},
			{"a commune's officer, the province above", e.officerQL, ls, false},
			{"another province's officer", e.officerST, ls, false},
			{"nobody", nil, ls, false},
			{"an unknown unit", e.officerLS, 999999, false},
		} {
			got, err := e.store.CanWrite(e.ctx, c.p, c.unit)
			if err != nil || got != c.want {
				t.Errorf("%s: CanWrite = %v, %v; want %v", c.who, got, err, c.want)
			}
			_, derr := e.gen.Draft(e.ctx, c.p, Request{Kind: KindModels, UnitID: c.unit, Period: period(t, "2024S1")})
			if (derr == nil) != c.want {
				t.Errorf("%s: CanWrite says %v but Draft answers %v", c.who, c.want, derr)
			}
		}

		today := e.gen.today()
		for code, want := range map[string]bool{"2024S1": true, "2023": true, "2024": true, "2024S2": true, "2025": false, "2025S1": false,
			"2024Q1": false} {
			per := period(t, code)
			if got := ReviewPeriod(per, today); got != want {
				t.Errorf("ReviewPeriod(%s) = %v, want %v", code, got, want)
			}
			_, err := e.gen.Draft(e.ctx, e.officerLS, Request{Kind: KindReview, UnitID: ls, Period: per})
			if drafted := err == nil; drafted != want {
				t.Errorf("ReviewPeriod(%s) says %v but Draft answers %v", code, want, err)
			}
		}

		for _, c := range []struct {
			name string
			id   int64
			want bool
		}{{"the year-end review", e.review.ID, true}, {"the dialogue without tasks", e.commune.ID, false}} {
			conf, err := e.meet.Conference(e.ctx, e.w.Admin, c.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := Plannable(conf); got != c.want {
				t.Errorf("Plannable(%s) = %v, want %v", c.name, got, c.want)
			}
			_, err = e.gen.Draft(e.ctx, e.w.Admin, Request{Kind: KindPlan, RecordID: c.id})
			if (err == nil) != c.want || (err != nil && apperr.CodeOf(err) != apperr.CodeInvalid) {
				t.Errorf("Plannable(%s) says %v but Draft answers %v", c.name, c.want, err)
			}
		}
		dropped := meeting.Conference{Tasks: []meeting.Task{{Title: "Bỏ", Status: meeting.Dropped}}}
		if Plannable(dropped) {
			t.Error("a conference whose only task was dropped is plannable")
		}
	})
}

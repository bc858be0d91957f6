package portal

import (
	"fmt"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

func TestPolls(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		in := PollInput{Question: "Bạn biết đến mô hình “Dân vận khéo” qua kênh nào?", Options: "Báo chí\n\nCán bộ cơ sở\nBáo chí\nMạng xã hội"}
		// Who may open a poll: a leader of the site's unit only.
		if _, err := e.s.CreatePoll(e.ctx, e.officer, e.site.ID, in); code(err) != apperr.CodeForbidden {
			t.Fatalf("officer opens a poll: %v", err)
		}
		if _, err := e.s.CreatePoll(e.ctx, e.otherLeader, e.site.ID, in); code(err) != apperr.CodeForbidden && code(err) != apperr.CodeNotFound {
			t.Fatalf("another unit's leader opens a poll: %v", err)
		}
		if _, err := e.s.CreatePoll(e.ctx, e.leader, e.site.ID, PollInput{Question: "?", Options: "Một"}); code(err) != apperr.CodeInvalid {
			t.Fatalf("one option: %v", err)
		}
		pl, err := e.s.CreatePoll(e.ctx, e.leader, e.site.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(pl.Options) != 3 || pl.Options[0].Label != "Báo chí" || pl.Options[2].Label != "Mạng xã hội" {
			t.Fatalf("options: %+v", pl.Options)
		}
		// One vote per browser.
		c1, err := e.s.NewVoter(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		v1, _ := e.s.VoterOf(e.ctx, c1)
		if v1 == "" {
			t.Fatal("a fresh cookie is not accepted")
		}
		forged := []byte(c1)
		forged[0] ^= 1 // another id under the same signature
		if v, _ := e.s.VoterOf(e.ctx, string(forged)); v != "" {
			t.Fatal("a forged cookie is accepted")
		}
		if err := e.s.Vote(e.ctx, e.site.ID, pl.ID, pl.Options[1].ID, v1, "192.0.2.7"); err != nil {
			t.Fatal(err)
		}
		if err := e.s.Vote(e.ctx, e.site.ID, pl.ID, pl.Options[0].ID, v1, "192.0.2.8"); code(err) != apperr.CodeConflict {
			t.Fatalf("second vote of a browser: %v", err)
		}
		if got, _ := e.s.Voted(e.ctx, pl.ID, v1); got != pl.Options[1].ID {
			t.Fatalf("voted %d", got)
		}
		if err := e.s.Vote(e.ctx, e.site.ID, pl.ID, 999999, "x", "192.0.2.8"); code(err) != apperr.CodeInvalid {
			t.Fatalf("unknown option: %v", err)
		}
		// The address cap: new cookies from one address stop at the limit.
		for i := 1; i < VotesPerAddress; i++ {
			if err := e.s.Vote(e.ctx, e.site.ID, pl.ID, pl.Options[0].ID, fmt.Sprintf("%032d", i), "192.0.2.7"); err != nil {
				t.Fatalf("vote %d: %v", i, err)
			}
		}
		if err := e.s.Vote(e.ctx, e.site.ID, pl.ID, pl.Options[0].ID, "over", "192.0.2.7"); code(err) != apperr.CodeInvalid {
			t.Fatalf("past the address cap: %v", err)
		}
		got, err := e.s.PublicPoll(e.ctx, e.site.ID, pl.ID)
		if err != nil || got.Total != VotesPerAddress || got.Options[1].Votes != 1 || got.Options[0].Votes != VotesPerAddress-1 {
			t.Fatalf("counts: %v %+v", err, got)
		}
		if p := got.Options[0].Percent(got.Total); p != 95 {
			t.Fatalf("percent %d", p)
		}
		// Closing: by hand (leader only) and by the moment.
		if err := e.s.ClosePoll(e.ctx, e.officer, e.site.ID, pl.ID); code(err) != apperr.CodeForbidden {
			t.Fatalf("officer closes: %v", err)
		}
		if err := e.s.ClosePoll(e.ctx, e.leader, e.site.ID, pl.ID); err != nil {
			t.Fatal(err)
		}
		if err := e.s.Vote(e.ctx, e.site.ID, pl.ID, pl.Options[0].ID, "late", "192.0.2.9"); code(err) != apperr.CodeInvalid {
			t.Fatalf("vote on a closed poll: %v", err)
		}
		timed, err := e.s.CreatePoll(e.ctx, e.leader, e.site.ID, PollInput{Question: "Câu hỏi có hạn", Options: "Có\nKhông", ClosesAt: e.clock.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		e.tick(2 * time.Hour)
		if err := e.s.Vote(e.ctx, e.site.ID, timed.ID, timed.Options[0].ID, "late", "192.0.2.9"); code(err) != apperr.CodeInvalid {
			t.Fatalf("vote after the closing moment: %v", err)
		}
		if _, err := e.s.PublicPoll(e.ctx, e.otherSite(), pl.ID); code(err) != apperr.CodeNotFound {
			t.Fatalf("a poll read through another site: %v", err)
		}
	})
}

// otherSite opens a site for Sóc Trăng and returns its id.
func (e *env) otherSite() int64 {
	e.t.Helper()
	st, err := e.s.CreateSite(e.ctx, e.w.Admin, SiteInput{UnitID: e.w.SocTrang.ID, Slug: "soc-trang", Name: "Trang Sóc Trăng"})
	if err != nil {
		e.t.Fatal(err)
	}
	return st.ID
}

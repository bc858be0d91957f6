package search_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/search"
)

// opener opens one record of a kind for a reader through the kind's own
// package: the page a search result links to.
type opener func(ctx context.Context, p *auth.Principal, id int64) error

// TestReadRulesAgree is a table of every kind and every role: for
// records in a commune, in its province, in a district closed at the
// reform and in another province, a reader finds a record, and counts it,
// exactly when the record's own package lets that reader open it (the
// package's own read method decides, not a copy of its rule here).
func TestReadRulesAgree(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, w := setup(t, d)
		bucket, err := blob.Open(ctx, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		meet := meeting.NewStore(d, w.Org, w.Auth)
		models := practice.NewStore(d, w.Org, w.Auth, bucket)
		reports := report.NewStore(d, w.Org, w.Auth)
		docs := document.NewStore(d, w.Org, w.Auth, bucket, document.DefaultSettings())
		cit := citizen.NewStore(d, w.Org, w.Auth)
		commend := commendation.NewStore(d, w.Org, w.Auth)
		sites := portal.NewStore(d, w.Org, w.Auth, bucket)
		open := map[search.Kind]opener{
			search.KindUnit: func(ctx context.Context, p *auth.Principal, id int64) error {
				return w.Auth.Require(ctx, p, auth.PermRead, id)
			},
			search.KindPerson: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := meet.Person(ctx, p, id)
				return err
			},
			search.KindConference: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := meet.Conference(ctx, p, id)
				return err
			},
			search.KindTask: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := meet.Task(ctx, p, id)
				return err
			},
			search.KindPractice: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := models.Get(ctx, p, id)
				return err
			},
			search.KindReport: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := reports.Report(ctx, p, id)
				return err
			},
			search.KindDocument: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := docs.Get(ctx, p, id)
				return err
			},
			search.KindPetition: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := cit.Petition(ctx, p, id)
				return err
			},
			search.KindDialogue: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := cit.Dialogue(ctx, p, id)
				return err
			},
			search.KindMediation: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := cit.Case(ctx, p, id)
				return err
			},
			search.KindCommendation: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, err := commend.Decision(ctx, p, id)
				return err
			},
			search.KindArticle: func(ctx context.Context, p *auth.Principal, id int64) error {
				_, _, err := sites.Article(ctx, p, id)
				return err
			},
		}
		if len(open) != len(search.Kinds) {
			t.Fatalf("%d openers for %d kinds", len(open), len(search.Kinds))
		}

		// The same words in four places.
		const text = "Khuổi Mạ"
		var recs []map[search.Kind]int64
		for _, u := range []int64{w.NewChiLang.ID, w.LangSon.ID, w.ChiLang.ID, w.NewMyXuyen.ID} {
			recs = append(recs, records(t, d, u, text))
		}
		readers := map[string]*auth.Principal{"nobody": w.Person("nobody", "", w.LangSon.ID)}
		for _, role := range auth.Roles {
			for name, unit := range map[string]int64{"province": w.LangSon.ID, "commune": w.NewChiLang.ID, "other": w.SocTrang.ID} {
				login := fmt.Sprintf("%s-%s", name, role)
				readers[login] = w.Person(login, role, unit)
			}
		}
		readers["national"] = w.Admin

		for login, p := range readers {
			for _, k := range search.Kinds {
				if k == search.KindUnit {
					continue // units are named otherwise; TestScope finds them by name
				}
				t.Run(login+"/"+string(k), func(t *testing.T) {
					got := find(t, s, p, search.Query{Text: text, Kinds: []search.Kind{k}, PerPage: search.MaxPerPage})
					found := map[int64]bool{}
					for _, h := range got.Hits {
						found[h.ID] = true
					}
					want := 0
					for _, r := range recs {
						err := open[k](ctx, p, r[k])
						may := err == nil
						if code := apperr.CodeOf(err); err != nil && code != apperr.CodeNotFound && code != apperr.CodeForbidden && code != apperr.CodeUnauthorized {
							t.Fatalf("opening %s %d: %v", k, r[k], err)
						}
						if may {
							want++
						}
						if found[r[k]] != may {
							t.Errorf("%s %d: found %v, its package lets the reader open it: %v (%v)", k, r[k], found[r[k]], may, err)
						}
					}
					if got.Total != want || got.ByKind[k] != want {
						t.Errorf("counted %d (by kind %d), the reader may open %d", got.Total, got.ByKind[k], want)
					}
					// The table is not empty: the national administrator
					// opens all four, someone without a role none.
					if login == "national" && want != len(recs) || login == "nobody" && want != 0 {
						t.Errorf("%s may open %d of the %d records", login, want, len(recs))
					}
				})
			}
		}

		// Records a package lets more readers open than the readers of
		// their own unit: a petition first received in Lạng Sơn and now
		// handled in Sóc Trăng, a Sóc Trăng decision commending someone
		// of Lạng Sơn. The index scopes an entry by its own unit only, so
		// those other readers do not find them (a gap, logged); what
		// matters is that nobody finds what they may not open.
		other := records(t, d, w.NewKeSach.ID, "Nà Hang")
		if _, err := d.ExecContext(ctx, `UPDATE citizen_petitions SET received_unit_id = ? WHERE id = ?`, w.NewChiLang.ID, other[search.KindPetition]); err != nil {
			t.Fatal(err)
		}
		if _, err := d.ExecContext(ctx, `INSERT INTO commendation_recipients (decision_id, position, kind, unit_id, name, name_fold,
			achievement, achievement_fold) VALUES (?, 1, 'collective', ?, 'Chi hội Phụ nữ thôn Nà Hang', 'chi hoi phu nu thon na hang', 'Tiêu biểu', 'tieu bieu')`,
			other[search.KindCommendation], w.NewChiLang.ID); err != nil {
			t.Fatal(err)
		}
		for login, p := range readers {
			for _, k := range []search.Kind{search.KindPetition, search.KindCommendation} {
				got := find(t, s, p, search.Query{Text: "Nà Hang", Kinds: []search.Kind{k}})
				found := len(got.Hits) == 1 && got.Hits[0].ID == other[k]
				err := open[k](ctx, p, other[k])
				switch {
				case found && err != nil:
					t.Errorf("%s finds %s %d, which its package does not let them open: %v", login, k, other[k], err)
				case got.Total != len(got.Hits) || len(got.Hits) > 1:
					t.Errorf("%s: %s counted %d for %v", login, k, got.Total, keys(got))
				case !found && err == nil:
					t.Logf("%s may open %s %d through another unit but does not find it", login, k, other[k])
				}
			}
		}
	})
}

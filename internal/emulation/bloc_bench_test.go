package emulation_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// BenchmarkBlocsAndCommitteesNational times, on a copy of the national
// demo (SQLite), what a bloc's page and a committee's page ask: a
// bloc's year with its ranking, and who sat on a committee on a past
// day; and the two lists. The national demo has no blocs or committees
// at this scale, so the benchmark adds them once (marked "Bench"):
// every province board groups its communes of today into clusters of
// ten, each with a 20-line criteria table for 2025 and 2026 and every
// member's own and review scores (about 340 blocs, 136,000 scores);
// every province and commune has a QCDC committee of 15 seats, each
// seat held by three people in turn since 2021 (about 3,400 committees,
// 153,000 terms). DANVAN_BLOC_BENCH_DB names the copy, which it writes
// to (cp --reflink=auto the national demo first). Target: under 50 ms.
func BenchmarkBlocsAndCommitteesNational(b *testing.B) {
	path := os.Getenv("DANVAN_BLOC_BENCH_DB")
	if path == "" {
		b.Skip("DANVAN_BLOC_BENCH_DB is not set: give it a copy of the national demo (danvan demo --scale national), which the benchmark writes to")
	}
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var have int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM emulation_blocs WHERE name LIKE 'Bench %'`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have == 0 {
		t0 := time.Now()
		nb, nc, err := loadBlocsAndCommittees(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("added %d blocs and %d committees in %v", nb, nc, time.Since(t0).Round(time.Second))
	}
	units := org.NewStore(d)
	authz := auth.NewStore(d, units, auth.Config{})
	meetings := meeting.NewStore(d, units, authz)
	s := emulation.NewStore(d, units, authz, meetings)
	cs := committee.NewStore(d, units, authz, meetings)
	// The province with the most blocs, its first bloc and its committee.
	var province, bloc, comm int64
	if err := d.QueryRowContext(ctx, `SELECT unit_id, MIN(id) FROM emulation_blocs WHERE name LIKE 'Bench %'
		GROUP BY unit_id ORDER BY COUNT(*) DESC, unit_id LIMIT 1`).Scan(&province, &bloc); err != nil {
		b.Fatal(err)
	}
	if err := d.QueryRowContext(ctx, `SELECT MIN(id) FROM committees WHERE unit_id = ? AND name LIKE 'Bench %'`, province).Scan(&comm); err != nil {
		b.Fatal(err)
	}
	p := &auth.Principal{User: auth.User{ID: 1, Login: "bench", Active: true},
		Grants: []auth.Grant{{UserID: 1, UnitID: province, Role: auth.RoleLeader}}}
	day := org.Date(2023, 6, 15)
	for _, c := range []struct {
		name string
		run  func() (int, error)
	}{
		{"bloc-year-ranking", func() (int, error) {
			y, err := s.BlocYear(ctx, p, bloc, 2026)
			if err != nil {
				return 0, err
			}
			return len(y.Ranking()), nil
		}},
		{"committee-members-on-day", func() (int, error) {
			ms, err := cs.Members(ctx, p, comm, day)
			return len(ms), err
		}},
		{"bloc-list", func() (int, error) {
			_, n, err := s.Blocs(ctx, p, emulation.BlocFilter{})
			return n, err
		}},
		{"committee-list-province", func() (int, error) {
			_, n, err := cs.List(ctx, p, committee.Filter{UnitID: province})
			return n, err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			cpu0 := cputime.Used()
			for b.Loop() {
				var err error
				if n, err = c.run(); err != nil {
					b.Fatal(err)
				}
				if n == 0 {
					b.Fatal("nothing read")
				}
			}
			cputime.Report(b, cpu0)
			b.ReportMetric(float64(n), "rows")
			b.Logf("load average %s", cputime.Load())
		})
	}
}

// loadBlocsAndCommittees adds the benchmark's blocs and committees in
// one transaction.
func loadBlocsAndCommittees(ctx context.Context, d *db.DB) (blocs, committees int, err error) {
	const stamp = "2026-01-01T00:00:00.000000000Z"
	provinces, err := benchIDs(ctx, d, `SELECT id FROM units WHERE level = 'province' AND kind = 'board' AND valid_to IS NULL ORDER BY id`)
	if err != nil {
		return 0, 0, err
	}
	communes := map[int64][]int64{}
	for _, pr := range provinces {
		if communes[pr], err = benchIDs(ctx, d, `SELECT DISTINCT c.descendant_id FROM unit_closure c JOIN units k ON k.id = c.descendant_id
			WHERE c.ancestor_id = ? AND k.level = 'commune' AND k.valid_to IS NULL ORDER BY c.descendant_id`, pr); err != nil {
			return 0, 0, err
		}
	}
	next := func(table string) (int64, error) {
		var n int64
		err := d.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM `+table).Scan(&n)
		return n, err
	}
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		blocID, err := next("emulation_blocs")
		if err != nil {
			return err
		}
		critID, err := next("emulation_bloc_criteria")
		if err != nil {
			return err
		}
		comID, err := next("committees")
		if err != nil {
			return err
		}
		termID, err := next("committee_members")
		if err != nil {
			return err
		}
		var bs, ys, ms, crs, scs, cms, tms [][]any
		for _, pr := range provinces {
			cs := communes[pr]
			for i := 0; i+1 < len(cs); i += 10 {
				members := cs[i:min(i+10, len(cs))]
				name := fmt.Sprintf("Bench cụm thi đua số %d", i/10+1)
				bs = append(bs, []any{blocID, pr, "cluster", name, vntext.Fold(name), stamp})
				for _, year := range []int{2025, 2026} {
					leader := members[year%len(members)]
					ys = append(ys, []any{blocID, year, leader, members[(year+1)%len(members)], "scoring", "", 1})
					for pos, m := range members {
						ms = append(ms, []any{blocID, year, m, pos, stamp})
					}
					for k := range 20 {
						kind := "criterion"
						if k == 18 {
							kind = "bonus"
						} else if k == 19 {
							kind = "penalty"
						}
						title := fmt.Sprintf("Tiêu chí %d: thực hiện nhiệm vụ dân vận", k+1)
						crs = append(crs, []any{critID, blocID, year, k, kind, title, 10.0, ""})
						for j, m := range members {
							self := float64((int(m)+k+j)%10) + 0.5
							scs = append(scs, []any{critID, m, self, self - 0.5, stamp})
						}
						critID++
					}
				}
				blocID++
			}
			for _, unit := range append([]int64{pr}, cs...) {
				name := fmt.Sprintf("Bench Ban Chỉ đạo QCDC %d", unit)
				cms = append(cms, []any{comID, unit, name, vntext.Fold(name), "qcdc", "", "2021-01-01", "01-QĐ/BCĐ", stamp})
				for seat := range 15 {
					role := "member"
					switch {
					case seat == 0:
						role = "head"
					case seat < 3:
						role = "deputy"
					case seat < 6:
						role = "standing"
					}
					// Three people in turn: 2021 to mid-2022, to the end
					// of 2024, and since 2025.
					for k, span := range [][2]any{{"2021-01-01", "2022-06-30"}, {"2022-07-01", "2024-12-31"}, {"2025-01-01", nil}} {
						person := fmt.Sprintf("Người %d-%d-%d", unit, seat, k)
						reason := ""
						if span[1] != nil {
							reason = "Chuyển công tác"
						}
						tms = append(tms, []any{termID, comID, person, vntext.Fold(person), "Ủy viên", unit, role, span[0], span[1], reason})
						termID++
					}
				}
				comID++
			}
		}
		blocs, committees = len(bs), len(cms)
		for _, t := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"emulation_blocs", []string{"id", "unit_id", "kind", "name", "name_fold", "created_at"}, bs},
			{"emulation_bloc_years", []string{"bloc_id", "year", "leader_unit_id", "deputy_unit_id", "status", "note", "version"}, ys},
			{"emulation_bloc_members", []string{"bloc_id", "year", "unit_id", "position", "submitted_at"}, ms},
			{"emulation_bloc_criteria", []string{"id", "bloc_id", "year", "position", "kind", "title", "max_points", "evidence"}, crs},
			{"emulation_bloc_scores", []string{"criterion_id", "unit_id", "self_score", "review_score", "scored_at"}, scs},
			{"committees", []string{"id", "unit_id", "name", "name_fold", "purpose", "purpose_note", "established_on", "decision_no", "created_at"}, cms},
			{"committee_members", []string{"id", "committee_id", "name", "name_fold", "title", "unit_id", "role", "from_on", "until_on", "end_reason"}, tms},
		} {
			if _, err := tx.CopyFrom(ctx, t.table, t.cols, t.rows); err != nil {
				return fmt.Errorf("%s: %w", t.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	_, err = d.ExecContext(ctx, `ANALYZE`)
	return blocs, committees, err
}

// benchIDs reads the ids a query gives.
func benchIDs(ctx context.Context, d *db.DB, q string, args ...any) ([]int64, error) {
	rows, err := d.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

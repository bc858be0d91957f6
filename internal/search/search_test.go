package search_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/search"
	"github.com/danvan/danvan/internal/vntext"
)

var today = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T, d *db.DB) (*search.Store, *fixture.World) {
	t.Helper()
	w := fixture.NewWorld(t, d, today)
	return search.NewStore(d, w.Auth), w
}

// records writes one record of every kind but units in unitID, each with
// text in its title (the unit's own entry is its name), and returns their
// ids by kind.
func records(t *testing.T, d *db.DB, unitID int64, text string) map[search.Kind]int64 {
	t.Helper()
	ctx := context.Background()
	ids := map[search.Kind]int64{}
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		var err error
		ins := func(k search.Kind, q string, args ...any) int64 {
			if err != nil {
				return 0
			}
			var id int64
			id, err = tx.InsertID(ctx, q, args...)
			if err != nil {
				err = fmt.Errorf("%s: %w", k, err)
			}
			ids[k] = id
			return id
		}
		fold := vntext.Fold(text)
		ins(search.KindPerson, `INSERT INTO meeting_people (unit_id, name, name_fold, sort_key, created_at) VALUES (?, ?, ?, ?, ?)`,
			unitID, text, fold, db.SortKey(text), now)
		conf := ins(search.KindConference, `INSERT INTO meeting_conferences (unit_id, kind, title, title_fold, held_on, summary, created_at, updated_at)
			VALUES (?, 'so_ket', ?, ?, '2025-07-10', 'Sơ kết tại hội trường', ?, ?)`, unitID, "Hội nghị "+text, fold, now, now)
		ins(search.KindTask, `INSERT INTO meeting_tasks (conference_id, unit_id, title, title_fold, due_end, status, position, created_at, updated_at)
			VALUES (?, ?, ?, ?, '2025-12-31', 'open', 1, ?, ?)`, conf, unitID, "Nhiệm vụ "+text, fold, now, now)
		ins(search.KindPractice, `INSERT INTO practices (unit_id, name, name_fold, search_fold, sort_key, field, owner_type, owner_name, started_on,
			status, root_id, lineage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'economy', 'collective', 'Chi hội Nông dân', '2024-03-01', 'registered', 0, '/', ?, ?)`,
			unitID, "Mô hình "+text, fold, fold, db.SortKey(text), now, now)
		var form int64
		if err == nil {
			err = tx.QueryRowContext(ctx, `SELECT id FROM report_forms WHERE code = 'SEARCH'`).Scan(&form)
			if errors.Is(err, db.ErrNotFound) {
				form, err = tx.InsertID(ctx, `INSERT INTO report_forms (code, name, period_kind, sections, levels, valid_from, created_at)
					VALUES ('SEARCH', 'Báo cáo 6 tháng', 'half', ',', ',commune,', '2000-01-01', ?)`, now)
			}
		}
		ins(search.KindReport, `INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end, status, results, created_at, updated_at)
			VALUES (?, ?, '2025S2', 'half', '2025-07-01', '2025-12-31', 'draft', ?, ?, ?)`, form, unitID, "Kết quả: "+text+" đạt yêu cầu.", now, now)
		ins(search.KindDocument, `INSERT INTO documents (unit_id, term_id, type, seq, issuer_code, number, issued_on, summary, signer_name, signer_title,
			recipients, search_fold, docx_key, pdf_key, created_at) VALUES (?, (SELECT MIN(id) FROM document_terms), 'BC', ?, 'BDV', ?, '2025-08-01', ?,
			'Hoàng Văn Nam', 'Trưởng ban', 'Như trên', '', '', '', ?)`, unitID, unitID, fmt.Sprintf("%d-BC/BDV", unitID), "Báo cáo về "+text, now)
		ins(search.KindPetition, `INSERT INTO citizen_petitions (unit_id, received_unit_id, kind, source, received_on, subject, subject_fold, matter_key,
			status, clock_from, accept_due, created_at, updated_at) VALUES (?, ?, 'proposal', 'mail', '2025-09-01', ?, ?, '', 'received', '2025-09-01', '2025-09-11', ?, ?)`,
			unitID, unitID, "Kiến nghị "+text, fold, now, now)
		ins(search.KindDialogue, `INSERT INTO citizen_dialogues (unit_id, topic, topic_fold, head_name, planned_on, status, created_at, updated_at)
			VALUES (?, ?, ?, 'Hoàng Văn Nam', '2025-10-01', 'planned', ?, ?)`, unitID, "Đối thoại "+text, fold, now, now)
		team := ins(search.KindMediation, `INSERT INTO citizen_mediation_teams (unit_id, name, sort_key, founded_on, created_at) VALUES (?, 'Tổ hòa giải thôn 3', ?, '2020-01-01', ?)`,
			unitID, db.SortKey("Tổ"), now)
		ins(search.KindMediation, `INSERT INTO citizen_mediation_cases (team_id, unit_id, number, received_on, matter, category, parties_key, result, created_at, updated_at)
			VALUES (?, ?, 1, '2025-11-01', ?, 'land', '', 'ongoing', ?, ?)`, team, unitID, "Tranh chấp "+text, now, now)
		ins(search.KindCommendation, `INSERT INTO commendation_decisions (unit_id, number, search_fold, signed_on, signer, form, title, created_at)
			VALUES (?, ?, '', '2025-12-20', 'Hoàng Văn Nam', 'giay_khen', ?, ?)`,
			unitID, fmt.Sprintf("%d-QĐ/KT", unitID), "Khen thưởng "+text, now)
		site := ins(search.KindArticle, `INSERT INTO portal_sites (unit_id, slug, name, created_at, updated_at) VALUES (?, ?, 'Trang tin', ?, ?)`,
			unitID, fmt.Sprintf("site-%d", unitID), now, now)
		ins(search.KindArticle, `INSERT INTO portal_articles (site_id, slug, category, status, headline, author_id, publish_at, created_at, updated_at)
			VALUES (?, 'tin-1', 'news', 'published', ?, 1, ?, ?, ?)`, site, "Tin: "+text, db.Stamp(tx.Now().Add(-time.Hour)), now, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ids[search.KindUnit] = unitID
	return ids
}

func find(t *testing.T, s *search.Store, p *auth.Principal, q search.Query) search.Result {
	t.Helper()
	res, err := s.Search(context.Background(), p, q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return res
}

func keys(res search.Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, fmt.Sprintf("%s/%d", h.Kind, h.ID))
	}
	slices.Sort(out)
	return out
}

// TestSpellings: the same records whatever marks, tone placement or case
// are typed, and folded text finds the marked.
func TestSpellings(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		records(t, d, w.ChiLang.ID, "Ủy ban Mặt trận hòa giải thôn 3")
		records(t, d, w.SocTrang.ID, "Ủy ban nhân dân xã Đại Tâm")
		base := find(t, s, w.Admin, search.Query{Text: "uy ban", PerPage: 100})
		if base.Total < 22 {
			t.Fatalf("uy ban: %d hits, want at least 22 (11 kinds in two units)", base.Total)
		}
		for _, q := range []string{"Uỷ Ban", "ủy ban", "UỶ BAN", "u\u0309y ban" /* NFD */} {
			got := find(t, s, w.Admin, search.Query{Text: q, PerPage: 100})
			if !slices.Equal(keys(got), keys(base)) || got.Total != base.Total {
				t.Errorf("%q: %v, want as uy ban %v", q, keys(got), keys(base))
			}
		}
		hg := find(t, s, w.Admin, search.Query{Text: "hoa giai", PerPage: 100})
		if hg.Total < 11 {
			t.Fatalf("hoa giai: %d hits, want 11 and more", hg.Total)
		}
		for _, h := range hg.Hits {
			if !strings.Contains(strings.ToLower(h.Title+" "+h.Snippet), "hòa giải") && h.Kind != search.KindUnit {
				t.Errorf("hoa giai found %s %q without hòa giải", h.Kind, h.Title)
			}
		}
		// Exact marks first: "hoà giải" typed as written ranks a record
		// titled with those marks above one spelled "hoa giai".
		if got := find(t, s, w.Admin, search.Query{Text: "đại tâm"}); got.Total == 0 || !strings.Contains(got.Hits[0].Title, "Đại Tâm") {
			t.Errorf("đại tâm: %+v", got.Hits)
		}
	})
}

// TestAbbreviations: BDV finds "Ban Dân vận" and the words find BDV.
func TestAbbreviations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ids := records(t, d, w.ChiLang.ID, "Hội nghị của MTTQ huyện")
		got := find(t, s, w.Admin, search.Query{Text: "mặt trận tổ quốc", Kinds: []search.Kind{search.KindPractice}})
		if got.Total != 1 || got.Hits[0].ID != ids[search.KindPractice] {
			t.Errorf("mặt trận tổ quốc: %v, want the model", keys(got))
		}
		bdv := find(t, s, w.Admin, search.Query{Text: "BDV Chi Lăng", Kinds: []search.Kind{search.KindUnit}})
		if bdv.Total != 1 || bdv.Hits[0].ID != w.ChiLang.ID {
			t.Errorf("BDV Chi Lăng: %v", keys(bdv))
		}
		if !slices.Contains(bdv.Words, "dan") || !slices.Contains(bdv.Words, "bdv") {
			t.Errorf("words to highlight: %v", bdv.Words)
		}
	})
}

// TestTypo: a name with one letter wrong still finds the person, on both
// engines (pg_trgm; SQLite's trigram table).
func TestTypo(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ids := records(t, d, w.ChiLang.ID, "Nguyễn Thị Phượng")
		records(t, d, w.CaoLoc.ID, "Lê Văn Tám")
		for _, q := range []string{"Nguyễn Thị Phưởng", "nguyen thi phuong", "Nguyen Thi Phuonh", "nguyen thj phuong"} {
			got := find(t, s, w.Admin, search.Query{Text: q, Kinds: []search.Kind{search.KindPerson}})
			if got.Total == 0 || got.Hits[0].ID != ids[search.KindPerson] {
				t.Errorf("%q: %v (typo %v), want person %d first", q, keys(got), got.Typo, ids[search.KindPerson])
			}
		}
		if got := find(t, s, w.Admin, search.Query{Text: "Nguyen Thi Phuonh"}); !got.Typo {
			t.Error("a typo's hits are not marked as close matches")
		}
	})
}

// TestTypoCloseFirst: when some names are close to the query (a letter
// wrong), the merely similar ones are not offered beside them; when none
// is close, the similar ones are. Both engines agree.
func TestTypoCloseFirst(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		close := records(t, d, w.ChiLang.ID, "Nguyễn Thị Phượng")[search.KindPerson]
		far := records(t, d, w.CaoLoc.ID, "Nguyễn Thị Thu Hà")[search.KindPerson]
		sim := func(q, name string) float64 {
			return search.Similarity(search.Trigrams(vntext.Fold(q)), search.Trigrams(vntext.Fold(name)))
		}
		// The premises, as pg_trgm counts: the typo is close to the
		// first name and only similar to the second; the second query
		// is only similar to the first name.
		const typo, loose = "nguyen thi phuonh", "phuo thi ngiuen"
		if a, b := sim(typo, "Nguyễn Thị Phượng"), sim(typo, "Nguyễn Thị Thu Hà"); a < 0.5 || b < 0.3 || b >= 0.5 {
			t.Fatalf("premise: %q is %.2f and %.2f similar", typo, a, b)
		}
		if a, b := sim(loose, "Nguyễn Thị Phượng"), sim(loose, "Nguyễn Thị Thu Hà"); a < 0.3 || a >= 0.5 || b >= a {
			t.Fatalf("premise: %q is %.2f and %.2f similar", loose, a, b)
		}
		got := find(t, s, w.Admin, search.Query{Text: typo, Kinds: []search.Kind{search.KindPerson}})
		if !got.Typo || got.Total != 1 || got.Hits[0].ID != close {
			t.Errorf("%q: %v (typo %v), want person %d alone", typo, keys(got), got.Typo, close)
		}
		got = find(t, s, w.Admin, search.Query{Text: loose, Kinds: []search.Kind{search.KindPerson}})
		if !got.Typo || got.Total == 0 || got.Hits[0].ID != close {
			t.Errorf("%q: %v (typo %v), want person %d first", loose, keys(got), got.Typo, close)
		}
		for _, h := range got.Hits {
			if h.ID == far && sim(loose, "Nguyễn Thị Thu Hà") < 0.3 {
				t.Errorf("%q: offers %q, under the least similarity", loose, h.Title)
			}
		}
	})
}

// TestScope: every role of a province finds its own records and counts
// and nothing of the other province, for every kind; an anonymous reader
// finds nothing but the public articles.
func TestScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		mine := records(t, d, w.ChiLang.ID, "Đồng Bằng")
		theirs := records(t, d, w.MyXuyen.ID, "Đồng Bằng")
		for _, role := range auth.Roles {
			p := w.Person("ls-"+string(role), role, w.LangSon.ID)
			for _, k := range search.Kinds {
				got := find(t, s, p, search.Query{Text: "đồng bằng", Kinds: []search.Kind{k}, PerPage: 100})
				wantN := 1
				if k == search.KindMediation {
					wantN = 1
				}
				if k == search.KindUnit {
					wantN = 0 // units are named "Ban Dân vận …", not Đồng Bằng
				}
				for _, h := range got.Hits {
					if h.ID == theirs[k] && h.Kind == k && k != search.KindUnit {
						t.Errorf("%s: %s %d of Sóc Trăng found", role, k, h.ID)
					}
				}
				if got.Total != wantN || got.ByKind[k] != wantN {
					t.Errorf("%s %s: total %d, by kind %d, want %d (%v)", role, k, got.Total, got.ByKind[k], wantN, keys(got))
				}
				if wantN == 1 && (len(got.Hits) != 1 || got.Hits[0].ID != mine[k]) {
					t.Errorf("%s %s: %v, want %d", role, k, keys(got), mine[k])
				}
			}
			// The other province's unit, chosen, is not found.
			_, err := s.Search(context.Background(), p, search.Query{Text: "đồng bằng", UnitID: w.SocTrang.ID})
			if apperr.CodeOf(err) != apperr.CodeNotFound {
				t.Errorf("%s: a unit out of reach chosen: %v", role, err)
			}
		}
		// No role at all: nothing, and no counts.
		none := w.Person("nobody", "", w.LangSon.ID)
		if got := find(t, s, none, search.Query{Text: "đồng bằng"}); got.Total != 0 || len(got.ByKind) != 0 {
			t.Errorf("no role: %+v", got)
		}
		if got := find(t, s, nil, search.Query{Text: "đồng bằng"}); got.Total != 0 || len(got.ByKind) != 0 {
			t.Errorf("anonymous: %+v", got)
		}
		// The public: published articles only, of both provinces.
		pub := find(t, s, nil, search.Query{Text: "đồng bằng", Public: true})
		if pub.Total != 2 || pub.ByKind[search.KindArticle] != 2 || len(pub.ByKind) != 1 {
			t.Errorf("public: %v %v", keys(pub), pub.ByKind)
		}
		if _, err := d.ExecContext(context.Background(), `UPDATE portal_articles SET status = 'draft' WHERE id = ?`, mine[search.KindArticle]); err != nil {
			t.Fatal(err)
		}
		if pub := find(t, s, nil, search.Query{Text: "đồng bằng", Public: true}); pub.Total != 1 || pub.Hits[0].ID != theirs[search.KindArticle] {
			t.Errorf("public after unpublishing: %v", keys(pub))
		}
		// A chosen unit narrows to its subtree.
		if got := find(t, s, w.Admin, search.Query{Text: "đồng bằng", UnitID: w.SocTrang.ID}); got.Total != 11 || slices.Contains(keys(got), fmt.Sprintf("practice/%d", mine[search.KindPractice])) {
			t.Errorf("Sóc Trăng chosen: %d hits (%v), want 11 of Mỹ Xuyên", got.Total, keys(got))
		}
	})
}

// TestSameTransaction: an entry is written with its record and goes with
// a rollback; an edit and a delete follow; Reindex rebuilds the same.
func TestSameTransaction(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, w := setup(t, d)
		boom := errors.New("boom")
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_people (unit_id, name, name_fold, sort_key, created_at) VALUES (?, 'Vừ A Dính', 'vu a dinh', ?, ?)`,
				w.ChiLang.ID, db.SortKey("Vừ A Dính"), db.Stamp(tx.Now())); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM search_entries WHERE kind = 'person' AND title_fold = 'vu a dinh'`).Scan(&n); err != nil {
				return err
			}
			if n != 1 {
				t.Errorf("inside the transaction: %d entries, want 1", n)
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		var n int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM search_entries WHERE title_fold = 'vu a dinh'`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("after the rollback: %d entries (%v), want 0", n, err)
		}
		if got := find(t, s, w.Admin, search.Query{Text: "vu a dinh"}); got.Total != 0 {
			t.Errorf("rolled back record found: %v", keys(got))
		}
		ids := records(t, d, w.ChiLang.ID, "Vừ A Dính")
		if _, err := d.ExecContext(ctx, `UPDATE practices SET name = 'Mô hình bếp ăn tình thương' WHERE id = ?`, ids[search.KindPractice]); err != nil {
			t.Fatal(err)
		}
		if got := find(t, s, w.Admin, search.Query{Text: "bep an tinh thuong"}); got.Total != 1 || got.Hits[0].ID != ids[search.KindPractice] {
			t.Errorf("after the edit: %v", keys(got))
		}
		if _, err := d.ExecContext(ctx, `DELETE FROM meeting_tasks WHERE id = ?`, ids[search.KindTask]); err != nil {
			t.Fatal(err)
		}
		if got := find(t, s, w.Admin, search.Query{Text: "vu a dinh", Kinds: []search.Kind{search.KindTask}}); got.Total != 0 {
			t.Errorf("after the delete: %v", keys(got))
		}
		before := entries(t, d)
		if _, err := s.Reindex(ctx, w.Person("ls-admin", auth.RoleAdmin, w.LangSon.ID)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a province's admin reindexed: %v", err)
		}
		m, err := s.Reindex(ctx, auth.System())
		if err != nil || m == 0 {
			t.Fatalf("reindex: %d, %v", m, err)
		}
		if after := entries(t, d); after != before {
			t.Error("reindex gave another index than the triggers")
		}
	})
}

// TestBadInput: a bad kind or period is refused with its message; empty
// text finds nothing.
func TestBadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		if _, err := s.Search(context.Background(), w.Admin, search.Query{Text: "x", Kinds: []search.Kind{"nope"}}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("bad kind: %v", err)
		}
		if _, err := s.Search(context.Background(), w.Admin, search.Query{Text: "x", Period: "2023X"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("bad period: %v", err)
		}
		if got := find(t, s, w.Admin, search.Query{Text: " ?! "}); got.Total != 0 {
			t.Errorf("punctuation only: %+v", got)
		}
	})
}

// entries dumps the index table (on PostgreSQL the entries' vectors of
// words too; on SQLite the column is NULL).
func entries(t *testing.T, d *db.DB) string {
	t.Helper()
	return dumpRows(t, d, `SELECT id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day,
		COALESCE(public_from, '-'), COALESCE(CAST(words AS TEXT), '-') FROM search_entries ORDER BY id`)
}

// dumpRows runs query, whose rows have the twelve columns of an index
// entry, and writes them one line each.
func dumpRows(t *testing.T, d *db.DB, query string) string {
	t.Helper()
	rows, err := d.QueryContext(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var v [12]string
		if err := rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10], &v[11]); err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(v[:], "|") + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCommendationRecipientsIndexed: a decision is found by the names and
// achievements of its recipients, written after it in its transaction.
func TestCommendationRecipientsIndexed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		dec, _, err := commendation.NewStore(d, w.Org, w.Auth).Create(context.Background(), w.Admin, commendation.Decision{
			UnitID: w.ChiLang.ID, Number: "46-QĐ/BDVHU", SignedOn: org.Date(2024, 12, 20), Signer: "Hoàng Văn Nam", Form: commendation.Certificate,
			Recipients: []commendation.Recipient{{Kind: commendation.Household, Name: "Hộ ông Lương Văn Tư, thôn Bản Dăm", Achievement: "Hiến 300 m² đất làm đường"}},
		}, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"luong van tu", "hien dat lam duong"} {
			res := find(t, s, w.Admin, search.Query{Text: q, Kinds: []search.Kind{search.KindCommendation}})
			if len(res.Hits) != 1 || res.Hits[0].ID != dec.ID {
				t.Errorf("%q: %v", q, keys(res))
			}
		}
	})
}

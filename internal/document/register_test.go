package document

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
)

// regEnv is one register test's world on one database.
type regEnv struct {
	t     *testing.T
	d     *db.DB
	s     *Store
	auth  *auth.Store
	units *org.Store
	u     *fixture.Units
	files *blob.Bucket
	ctx   context.Context
	clock *time.Time

	// officerLS writes for Lạng Sơn's board, adminLS administers it,
	// viewerLS only reads, officerQL writes for a commune below it,
	// officerST writes for Sóc Trăng, national administers everything.
	officerLS, adminLS, viewerLS, officerQL, officerST, national *auth.Principal
}

func newRegEnv(t *testing.T, d *db.DB) *regEnv {
	t.Helper()
	clk := time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)
	d.SetClock(func() time.Time { return clk })
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	units := org.NewStore(d)
	as := auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})
	files, err := blob.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &regEnv{t: t, d: d, s: NewStore(d, units, as, files, DefaultSettings()), auth: as, units: units,
		u: fixture.Tree(t, d), files: files, ctx: ctx, clock: &clk}
	e.officerLS = e.user("officer.ls", auth.RoleOfficer, e.u.LangSon.ID)
	e.adminLS = e.user("admin.ls", auth.RoleAdmin, e.u.LangSon.ID)
	e.viewerLS = e.user("viewer.ls", auth.RoleViewer, e.u.LangSon.ID)
	e.officerQL = e.user("officer.ql", auth.RoleOfficer, e.u.QuangLang.ID)
	e.officerST = e.user("officer.st", auth.RoleOfficer, e.u.SocTrang.ID)
	e.national = e.user("admin.tw", auth.RoleAdmin, e.u.Central.ID)
	for _, is := range []Issuer{
		{UnitID: e.u.LangSon.ID, From: fixture.Start, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"},
		{UnitID: e.u.SocTrang.ID, From: fixture.Start, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Sóc Trăng", Place: "Sóc Trăng"},
		{UnitID: e.u.QuangLang.ID, From: fixture.Start, Code: "KDV", Name: "Khối Dân vận", Superior: "Đảng ủy xã Quang Lang", Place: "Quang Lang"},
	} {
		if _, err := e.s.SetIssuer(ctx, e.national, is); err != nil {
			t.Fatalf("set issuer: %v", err)
		}
	}
	return e
}

func (e *regEnv) user(login string, role auth.Role, unitID int64) *auth.Principal {
	e.t.Helper()
	return fixture.Person(e.t, e.auth, login, role, unitID)
}

// at moves the clock.
func (e *regEnv) at(t time.Time) { *e.clock = t }

func draft(unit int64, t Type, summary string) Draft {
	return Draft{
		UnitID: unit, Type: t, Summary: summary,
		Body:       []Block{Text("Nội dung " + summary)},
		Signature:  Signature{Mode: SignDeputy, For: "Trưởng ban", Title: "Phó Trưởng ban", Name: "Hoàng Thị Lan"},
		Recipients: []string{"Ban Dân vận Trung ương", "Lưu VP"},
	}
}

func (e *regEnv) issue(p *auth.Principal, d Draft) Record {
	e.t.Helper()
	rec, err := e.s.Issue(e.ctx, p, d)
	if err != nil {
		e.t.Fatalf("issue %s %q: %v", d.Type, d.Summary, err)
	}
	return rec
}

func errKey(err error) string {
	key, _ := apperr.KeyOf(err)
	return key
}

func TestNumbersRunPerTypeAndUnit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		var got []string
		for _, dr := range []Draft{
			draft(e.u.LangSon.ID, Report, "Báo cáo tháng 5"),
			draft(e.u.LangSon.ID, Report, "Báo cáo tháng 6"),
			draft(e.u.LangSon.ID, Plan, "Kế hoạch tuyên truyền"),
			draft(e.u.LangSon.ID, Decision, "Quyết định khen thưởng"),
			draft(e.u.LangSon.ID, Report, "Báo cáo sơ kết"),
			draft(e.u.QuangLang.ID, Report, "Báo cáo của xã"),
		} {
			p := e.officerLS
			if dr.UnitID == e.u.QuangLang.ID {
				p = e.officerQL
			}
			got = append(got, e.issue(p, dr).Number)
		}
		want := []string{"01-BC/BDVTU", "02-BC/BDVTU", "01-KH/BDVTU", "01-QĐ/BDVTU", "03-BC/BDVTU", "01-BC/KDV"}
		if !slices.Equal(got, want) {
			t.Errorf("numbers %v, want %v", got, want)
		}
		// Sóc Trăng has the same code but its own series.
		if n := e.issue(e.officerST, draft(e.u.SocTrang.ID, Report, "Báo cáo")).Number; n != "01-BC/BDVTU" {
			t.Errorf("another unit's first report: %s", n)
		}
		// Every issue is audited in its transaction.
		var n int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND action = 'issue'").Scan(&n); err != nil || n != 7 {
			t.Errorf("audit rows: %d (%v), want 7", n, err)
		}
	})
}

// TestIssuedAsABodyOfTheUnit: a steering committee of the board issues
// in its own name: its line in the header, its code in the number and a
// series of its own, beside the board's; a bad code is refused.
func TestIssuedAsABodyOfTheUnit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		bcd := func(summary string) Draft {
			dr := draft(e.u.LangSon.ID, Decision, summary)
			dr.As = &IssuedAs{Name: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở", Code: "BCĐ"}
			return dr
		}
		first := e.issue(e.officerLS, bcd("Ban hành Kế hoạch kiểm tra năm 2025"))
		var got []string
		for _, rec := range []Record{first, e.issue(e.officerLS, draft(e.u.LangSon.ID, Decision, "Quyết định khen thưởng")),
			e.issue(e.officerLS, bcd("Kiện toàn thành viên"))} {
			got = append(got, rec.Number+" "+rec.IssuerCode)
		}
		if want := []string{"01-QĐ/BCĐ BCĐ", "01-QĐ/BDVTU BDVTU", "02-QĐ/BCĐ BCĐ"}; !slices.Equal(got, want) {
			t.Errorf("numbers %v, want %v", got, want)
		}
		doc, err := e.s.Preview(e.ctx, e.officerLS, bcd("Xem trước"))
		if err != nil || doc.Issuer != "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở" || doc.Number != DraftNumber(Decision, "BCĐ") || doc.Superior == "" {
			t.Errorf("preview: %+v %v", doc, err)
		}
		bad := bcd("Mã sai")
		bad.As.Code = "bcđ 1"
		if _, err := e.s.Issue(e.ctx, e.officerLS, bad); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a bad code: %v", err)
		}
	})
}

func TestIssuedRecordAndFiles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		// 18:30 UTC on 14 June is already 15 June in Vietnam.
		e.at(time.Date(2024, 6, 14, 18, 30, 0, 0, time.UTC))
		dr := draft(e.u.LangSon.ID, Report, "Sơ kết công tác dân vận 6 tháng đầu năm 2024")
		dr.Source = Source{Kind: "review", ID: 42, Period: "2024S1"}
		dr.Parts = map[string]string{"intro": "Mở đầu do người viết sửa."}
		rec := e.issue(e.officerLS, dr)
		if rec.Number != "01-BC/BDVTU" || rec.Seq != 1 || rec.Type != Report || rec.TermName != "2020–2025" ||
			!rec.IssuedOn.Equal(time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)) || rec.Source != (Source{"review", 42, "2024S1"}) ||
			rec.Parts["intro"] != "Mở đầu do người viết sửa." || rec.Signature != dr.Signature ||
			rec.UnitName != "Ban Dân vận Tỉnh ủy Lạng Sơn" || rec.Signer != "Hoàng Thị Lan" ||
			rec.SignerAs != "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN" || !slices.Equal(rec.Recipients, []string{"Ban Dân vận Trung ương", "Lưu VP"}) ||
			rec.IssuedBy != e.officerLS.User.ID {
			t.Errorf("record %+v", rec)
		}
		// The stored DOCX carries the number, the date and the header
		// as the unit stood that day.
		f, err := e.s.Open(e.ctx, e.viewerLS, rec.ID, FileDOCX)
		if err != nil {
			t.Fatal(err)
		}
		body := docxBody(t, f.Data)
		for _, want := range []string{"Số 01-BC/BDVTU", "Lạng Sơn, ngày 15 tháng 6 năm 2024", "TỈNH ỦY LẠNG SƠN", "BAN DÂN VẬN",
			"SƠ KẾT", "K/T TRƯỞNG BAN", "Hoàng Thị Lan"} {
			if !strings.Contains(body, want) && !strings.Contains(strings.ToUpper(body), want) {
				t.Errorf("docx lacks %q", want)
			}
		}
		if f.Name != "01-BC-BDVTU.docx" {
			t.Errorf("file name %q", f.Name)
		}
		pdf, err := e.s.Open(e.ctx, e.viewerLS, rec.ID, FilePDF)
		if err != nil || !bytes.HasPrefix(pdf.Data, []byte("%PDF-")) || pdf.ContentType != "application/pdf" {
			t.Errorf("pdf: %v %q", err, pdf.Data[:min(8, len(pdf.Data))])
		}
		// A filter finds it without diacritics.
		list, total, err := e.s.List(e.ctx, e.viewerLS, Filter{Search: "so ket cong tac", Type: Report})
		if err != nil || total != 1 || len(list) != 1 || list[0].ID != rec.ID {
			t.Errorf("search: %d %v %v", total, list, err)
		}
	})
}

// docxBody is the text of a DOCX's body part.
func docxBody(t *testing.T, b []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(x), "")
}

func TestNewTermRestartsNumbers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		e.at(time.Date(2025, 9, 29, 3, 0, 0, 0, time.UTC))
		a := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo 1"))
		b := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo 2"))
		// The default 2025–2030 term starts on 1 October 2025.
		e.at(time.Date(2025, 10, 1, 3, 0, 0, 0, time.UTC))
		c := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo 3"))
		if a.Number != "01-BC/BDVTU" || b.Number != "02-BC/BDVTU" || c.Number != "01-BC/BDVTU" ||
			a.TermName != "2020–2025" || c.TermName != "2025–2030" {
			t.Errorf("numbers %s %s (%s) then %s (%s)", a.Number, b.Number, a.TermName, c.Number, c.TermName)
		}
		// The same number in two terms: both rows stand.
		list, total, err := e.s.List(e.ctx, e.officerLS, Filter{})
		if err != nil || total != 3 || len(list) != 3 || list[0].ID != c.ID {
			t.Errorf("list %v %d %v", list, total, err)
		}
	})
}

func TestUnitTermsOverrideDefaults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		// Sóc Trăng's congress met on 12 August 2020: its own terms.
		for _, term := range []Term{
			{UnitID: e.u.SocTrang.ID, Name: "2015–2020", Start: date(2015, 8, 1), End: date(2020, 8, 11)},
			{UnitID: e.u.SocTrang.ID, Name: "2020–2025", Start: date(2020, 8, 12), End: date(2025, 8, 20)},
		} {
			if _, err := e.s.SetTerm(e.ctx, e.national, term); err != nil {
				t.Fatal(err)
			}
		}
		// Only an admin sets terms; overlapping terms are refused.
		if _, err := e.s.SetTerm(e.ctx, e.officerST, Term{UnitID: e.u.SocTrang.ID, Name: "x", Start: date(2030, 1, 1), End: date(2031, 1, 1)}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("officer sets a term: %v", err)
		}
		if _, err := e.s.SetTerm(e.ctx, e.national, Term{UnitID: e.u.SocTrang.ID, Name: "x", Start: date(2025, 1, 1), End: date(2026, 1, 1)}); errKey(err) != "document.err.term_overlap" {
			t.Errorf("overlapping term: %v", err)
		}
		if _, err := e.s.SetTerm(e.ctx, e.adminLS, Term{Name: "2030–2035", Start: date(2030, 10, 1), End: date(2035, 9, 30)}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a provincial admin changes the defaults: %v", err)
		}
		e.at(time.Date(2025, 8, 20, 3, 0, 0, 0, time.UTC))
		first := e.issue(e.officerST, draft(e.u.SocTrang.ID, Notice, "Thông báo 1"))
		e.at(time.Date(2025, 8, 21, 3, 0, 0, 0, time.UTC))
		// No term of Sóc Trăng's own covers 21 August: issuing is refused
		// until one is set, then numbering restarts.
		if _, err := e.s.Issue(e.ctx, e.officerST, draft(e.u.SocTrang.ID, Notice, "Thông báo 2")); errKey(err) != "document.err.no_term" {
			t.Fatalf("issue outside the terms: %v", err)
		}
		if _, err := e.s.SetTerm(e.ctx, e.national, Term{UnitID: e.u.SocTrang.ID, Name: "2025–2030", Start: date(2025, 8, 21), End: date(2030, 8, 20)}); err != nil {
			t.Fatal(err)
		}
		second := e.issue(e.officerST, draft(e.u.SocTrang.ID, Notice, "Thông báo 2"))
		if ts, err := e.s.Terms(e.ctx, e.officerST, e.u.SocTrang.ID); err != nil || len(ts) != 3 || ts[2].Name != "2025–2030" || ts[2].UnitID != e.u.SocTrang.ID {
			t.Errorf("Sóc Trăng's terms %+v %v", ts, err)
		}
		if ts, err := e.s.Terms(e.ctx, e.officerLS, 0); err != nil || len(ts) != 3 || ts[0].UnitID != 0 || ts[1].Name != "2020–2025" {
			t.Errorf("default terms %+v %v", ts, err)
		}
		if first.Number != "01-TB/BDVTU" || first.TermName != "2020–2025" || second.Number != "01-TB/BDVTU" || second.TermName != "2025–2030" {
			t.Errorf("%s (%s), %s (%s)", first.Number, first.TermName, second.Number, second.TermName)
		}
		// Lạng Sơn numbered under the defaults; its own first term would
		// renumber that past, so it is refused.
		e.issue(e.officerLS, draft(e.u.LangSon.ID, Notice, "Thông báo"))
		if _, err := e.s.SetTerm(e.ctx, e.adminLS, Term{UnitID: e.u.LangSon.ID, Name: "2025–2030", Start: date(2025, 9, 1), End: date(2030, 8, 31)}); errKey(err) != "document.err.term_used" {
			t.Errorf("own term after issuing under the defaults: %v", err)
		}
	})
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestIssuerAsOnTheDay: the 2025 reform made Lạng Sơn's board part of
// the Ban Tuyên giáo và Dân vận: documents dated before carry the old
// code and header, documents after the new ones, in a new series.
func TestIssuerAsOnTheDay(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		e.at(time.Date(2025, 2, 20, 3, 0, 0, 0, time.UTC))
		old := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo trước sáp nhập"))
		// Changing the code from before a document already issued is
		// refused; from after it, accepted.
		if _, err := e.s.SetIssuer(e.ctx, e.adminLS, Issuer{UnitID: e.u.LangSon.ID, From: date(2025, 2, 15), Code: "BTGDVTU",
			Name: "Ban Tuyên giáo và Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"}); errKey(err) != "document.err.issuer_used" {
			t.Errorf("code change before an issued document: %v", err)
		}
		if _, err := e.s.SetIssuer(e.ctx, e.officerLS, Issuer{UnitID: e.u.LangSon.ID, From: date(2025, 3, 1), Code: "BTGDVTU",
			Name: "Ban Tuyên giáo và Dân vận", Place: "Lạng Sơn"}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer changes the code: %v", err)
		}
		if _, err := e.s.SetIssuer(e.ctx, e.adminLS, Issuer{UnitID: e.u.LangSon.ID, From: date(2025, 3, 1), Code: "BTGDVTU",
			Name: "Ban Tuyên giáo và Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.SetIssuer(e.ctx, e.adminLS, Issuer{UnitID: e.u.LangSon.ID, From: date(2025, 3, 5), Code: "bad code",
			Name: "x", Place: "y"}); errKey(err) != "document.err.issuer_code" {
			t.Errorf("bad code: %v", err)
		}
		e.at(time.Date(2025, 3, 3, 3, 0, 0, 0, time.UTC))
		recent := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo sau sáp nhập"))
		if old.Number != "01-BC/BDVTU" || recent.Number != "01-BC/BTGDVTU" {
			t.Errorf("numbers %s, %s", old.Number, recent.Number)
		}
		f, err := e.s.Open(e.ctx, e.officerLS, recent.ID, FileDOCX)
		if err != nil {
			t.Fatal(err)
		}
		if body := docxBody(t, f.Data); !strings.Contains(body, "BAN TUYÊN GIÁO VÀ DÂN VẬN") || !strings.Contains(body, "Số 01-BC/BTGDVTU") {
			t.Errorf("the new header is missing: %.400s", body)
		}
		is, err := e.s.IssuerOn(e.ctx, e.viewerLS, e.u.LangSon.ID, date(2025, 2, 28))
		if err != nil || is.Code != "BDVTU" || !is.To.Equal(date(2025, 2, 28)) {
			t.Errorf("issuer on 28/02: %+v %v", is, err)
		}
		if iss, err := e.s.Issuers(e.ctx, e.viewerLS, e.u.LangSon.ID); err != nil || len(iss) != 2 || iss[1].Code != "BTGDVTU" {
			t.Errorf("issuers %+v %v", iss, err)
		}
		if _, err := e.s.Issuers(e.ctx, e.officerST, e.u.LangSon.ID); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("another province reads the issuers: %v", err)
		}
		// A unit without an issuer code cannot issue.
		officerMS := e.user("officer.ms", auth.RoleOfficer, e.u.MaiSao.ID)
		if _, err := e.s.Issue(e.ctx, officerMS, draft(e.u.MaiSao.ID, Report, "x")); errKey(err) != "document.err.no_issuer" {
			t.Errorf("issue without a code: %v", err)
		}
	})
}

// TestConcurrentIssuesHaveNoGaps issues documents of one type from two
// database handles at once (two servers: on PostgreSQL the advisory
// lock, on SQLite the file's write lock): the numbers are 1…n, each
// once.
func TestConcurrentIssuesHaveNoGaps(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d1, open := dbtest.Servers(t, kind)
			e := newRegEnv(t, d1)
			d2 := open()
			d2.SetClock(func() time.Time { return *e.clock })
			// The second server shares the first one's files.
			second := NewStore(d2, org.NewStore(d2), auth.NewStore(d2, org.NewStore(d2), auth.Config{Password: auth.TestPasswordParams}), e.files, DefaultSettings())
			const perServer = 12
			var wg sync.WaitGroup
			var mu sync.Mutex
			var seqs []int
			var errs []error
			for i := range 2 * perServer {
				s := e.s
				if i%2 == 1 {
					s = second
				}
				wg.Go(func() {
					rec, err := s.Issue(e.ctx, e.officerLS, draft(e.u.LangSon.ID, Report, fmt.Sprint("Báo cáo số ", i)))
					mu.Lock()
					defer mu.Unlock()
					if err != nil {
						errs = append(errs, err)
						return
					}
					seqs = append(seqs, rec.Seq)
				})
			}
			wg.Wait()
			if len(errs) > 0 {
				t.Fatalf("%d issues failed, the first: %v", len(errs), errs[0])
			}
			slices.Sort(seqs)
			for i, s := range seqs {
				if s != i+1 {
					t.Fatalf("numbers %v: want 1…%d, each once", seqs, 2*perServer)
				}
			}
			var n, distinct int
			if err := d1.QueryRowContext(ctx, "SELECT COUNT(*), COUNT(DISTINCT number) FROM documents").Scan(&n, &distinct); err != nil || n != 2*perServer || distinct != n {
				t.Errorf("register: %d rows, %d numbers (%v)", n, distinct, err)
			}
		})
	}
}

func TestCorrectionReplaces(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		orig := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo có sai sót"))
		before, err := e.s.Open(e.ctx, e.officerLS, orig.ID, FilePDF)
		if err != nil {
			t.Fatal(err)
		}
		fix := draft(e.u.LangSon.ID, Report, "Báo cáo (thay thế)")
		fix.Replaces = orig.ID
		corr := e.issue(e.officerLS, fix)
		if corr.Replaces != orig.ID || corr.Number != "02-BC/BDVTU" {
			t.Errorf("correction %+v", corr)
		}
		got, err := e.s.Get(e.ctx, e.viewerLS, orig.ID)
		if err != nil || got.ReplacedBy != corr.ID || got.Number != orig.Number || got.Summary != orig.Summary {
			t.Errorf("original after the correction: %+v %v", got, err)
		}
		after, err := e.s.Open(e.ctx, e.officerLS, orig.ID, FilePDF)
		if err != nil || !bytes.Equal(before.Data, after.Data) {
			t.Errorf("the issued file changed (%v)", err)
		}
		// Replaced once only; by the same unit only.
		fix.Summary = "Lần nữa"
		if _, err := e.s.Issue(e.ctx, e.officerLS, fix); errKey(err) != "document.err.replaced" {
			t.Errorf("second replacement: %v", err)
		}
		other := draft(e.u.SocTrang.ID, Report, "Thay văn bản của tỉnh khác")
		other.Replaces = corr.ID
		if _, err := e.s.Issue(e.ctx, e.officerST, other); errKey(err) != "document.err.replace_unit" {
			t.Errorf("replacement by another unit: %v", err)
		}
		// Nothing was numbered by the refused issues.
		next := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Tiếp"))
		if next.Number != "03-BC/BDVTU" {
			t.Errorf("after refusals: %s", next.Number)
		}
	})
}

func TestPreviewLeavesTheNumberBlank(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		doc, err := e.s.Preview(e.ctx, e.officerLS, draft(e.u.LangSon.ID, Plan, "Kế hoạch"))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Number != DraftNumber(Plan, "BDVTU") || doc.Issuer != "Ban Dân vận" || doc.Place != "Lạng Sơn" ||
			!doc.Date.Equal(date(2024, 6, 15)) {
			t.Errorf("preview %+v", doc)
		}
		if _, err := e.s.Preview(e.ctx, e.viewerLS, draft(e.u.LangSon.ID, Plan, "Kế hoạch")); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("viewer previews: %v", err)
		}
		var n int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM documents").Scan(&n); err != nil || n != 0 {
			t.Errorf("a preview left %d rows", n)
		}
		// The first issue after a preview still gets 01.
		if rec := e.issue(e.officerLS, draft(e.u.LangSon.ID, Plan, "Kế hoạch")); rec.Number != "01-KH/BDVTU" {
			t.Errorf("after a preview: %s", rec.Number)
		}
	})
}

func TestRegisterPermissions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		ls := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Tỉnh"))
		ql := e.issue(e.officerQL, draft(e.u.QuangLang.ID, Report, "Xã"))
		st := e.issue(e.officerST, draft(e.u.SocTrang.ID, Report, "Sóc Trăng"))
		for _, c := range []struct {
			name string
			p    *auth.Principal
			unit int64
			code apperr.Code
		}{
			{"anonymous", nil, e.u.LangSon.ID, apperr.CodeUnauthorized},
			{"viewer", e.viewerLS, e.u.LangSon.ID, apperr.CodeForbidden},
			{"commune officer for the province", e.officerQL, e.u.LangSon.ID, apperr.CodeForbidden},
			{"another province", e.officerST, e.u.LangSon.ID, apperr.CodeForbidden},
		} {
			if _, err := e.s.Issue(e.ctx, c.p, draft(c.unit, Report, "x")); apperr.CodeOf(err) != c.code {
				t.Errorf("%s issues: %v, want %s", c.name, err, c.code)
			}
		}
		// The province reads its communes' documents; a commune does not
		// read the province's; nobody outside sees a document exists.
		if _, err := e.s.Get(e.ctx, e.viewerLS, ql.ID); err != nil {
			t.Errorf("province reads commune: %v", err)
		}
		for _, c := range []struct {
			p  *auth.Principal
			id int64
		}{{e.officerQL, ls.ID}, {e.officerST, ls.ID}, {nil, ls.ID}, {e.officerLS, st.ID}} {
			if _, err := e.s.Get(e.ctx, c.p, c.id); apperr.CodeOf(err) != apperr.CodeNotFound {
				t.Errorf("get %d: %v, want not found", c.id, err)
			}
			if _, err := e.s.Open(e.ctx, c.p, c.id, FilePDF); apperr.CodeOf(err) != apperr.CodeNotFound {
				t.Errorf("open %d: %v, want not found", c.id, err)
			}
		}
		ids := func(p *auth.Principal) []int64 {
			list, _, err := e.s.List(e.ctx, p, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, r := range list {
				out = append(out, r.ID)
			}
			slices.Sort(out)
			return out
		}
		if got := ids(e.viewerLS); !slices.Equal(got, []int64{ls.ID, ql.ID}) {
			t.Errorf("province list %v", got)
		}
		if got := ids(e.officerQL); !slices.Equal(got, []int64{ql.ID}) {
			t.Errorf("commune list %v", got)
		}
		if got := ids(e.national); !slices.Equal(got, []int64{ls.ID, ql.ID, st.ID}) {
			t.Errorf("national list %v", got)
		}
		if _, _, err := e.s.List(e.ctx, nil, Filter{}); apperr.CodeOf(err) != apperr.CodeUnauthorized {
			t.Errorf("anonymous list: %v", err)
		}
		// A viewer may not upload a scan.
		if _, err := e.s.AttachScan(e.ctx, e.viewerLS, ls.ID, Upload{Name: "scan.pdf", Body: strings.NewReader("%PDF-1.4\n")}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("viewer uploads: %v", err)
		}
	})
}

func TestValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		bad := Draft{UnitID: e.u.LangSon.ID, Type: "XX", Summary: " ", Signature: Signature{Mode: SignBehalf, Name: "", Title: ""},
			Recipients: []string{strings.Repeat("x", 400)}, Source: Source{Kind: "Báo cáo", ID: 0}}
		_, err := e.s.Issue(e.ctx, e.officerLS, bad)
		var es apperr.Errors
		if !errors.As(err, &es) {
			t.Fatalf("want field errors, got %v", err)
		}
		var got []string
		for _, fe := range es {
			got = append(got, fe.Field+":"+fe.Key)
		}
		want := []string{"type:document.err.type", "summary:document.err.summary", "signer_name:document.err.signer_name",
			"signer_title:document.err.signer_title", "signer_for:document.err.signer_for",
			"recipients:document.err.recipients", "source:document.err.source"}
		if !slices.Equal(got, want) {
			t.Errorf("errors %v\nwant %v", got, want)
		}
		var n int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM documents").Scan(&n); err != nil || n != 0 {
			t.Errorf("%d rows after refusals", n)
		}
	})
}

func TestAttachScan(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		rec := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Đã ký"))
		if _, err := e.s.Open(e.ctx, e.officerLS, rec.ID, FileScan); errKey(err) != "document.err.no_scan" {
			t.Errorf("scan before upload: %v", err)
		}
		for _, c := range []struct {
			body string
			key  string
		}{{"", "document.err.scan_empty"}, {"just text, not a scan", "document.err.scan_type"}} {
			if _, err := e.s.AttachScan(e.ctx, e.officerLS, rec.ID, Upload{Name: "x", Body: strings.NewReader(c.body)}); errKey(err) != c.key {
				t.Errorf("upload %q: %v, want %s", c.body, err, c.key)
			}
		}
		big := io.MultiReader(strings.NewReader("%PDF-1.4\n"), bytes.NewReader(make([]byte, MaxScanSize)))
		if _, err := e.s.AttachScan(e.ctx, e.officerLS, rec.ID, Upload{Name: "big.pdf", Body: big}); errKey(err) != "document.err.scan_large" {
			t.Errorf("large upload: %v", err)
		}
		scan := []byte("%PDF-1.4\n% signed and stamped\n%%EOF\n")
		sc, err := e.s.AttachScan(e.ctx, e.officerLS, rec.ID, Upload{Name: `C:\Scans\bản ký.pdf`, Body: bytes.NewReader(scan)})
		if err != nil || sc.ContentType != "application/pdf" || sc.Name != "bản ký.pdf" || sc.Size != int64(len(scan)) {
			t.Fatalf("upload: %+v %v", sc, err)
		}
		f, err := e.s.Open(e.ctx, e.viewerLS, rec.ID, FileScan)
		if err != nil || !bytes.Equal(f.Data, scan) || f.Name != "01-BC-BDVTU-scan.pdf" {
			t.Errorf("open scan: %q %v", f.Name, err)
		}
		got, err := e.s.Get(e.ctx, e.viewerLS, rec.ID)
		if err != nil || got.Scan == nil || got.Scan.ID != sc.ID || got.DOCXKey != rec.DOCXKey || got.PDFKey != rec.PDFKey {
			t.Errorf("record after upload: %+v %v", got, err)
		}
		var n int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND action = 'attach_scan'").Scan(&n); err != nil || n != 1 {
			t.Errorf("audit rows for the scan: %d %v", n, err)
		}
	})
}

// TestMessagesCoverKeys: every "document.…" key the package's code uses
// has its texts in Messages, and every type and way of signing a label.
func TestMessagesCoverKeys(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`"(document\.[a-z_]+\.[a-zA-ZĐ_]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if !Messages.Has(m[1]) {
				t.Errorf("%s: key %s has no text", f, m[1])
			}
		}
	}
	for _, ty := range Types {
		if !Messages.Has(ty.Label()) {
			t.Errorf("type %s has no label", ty)
		}
	}
	for _, m := range []SignMode{SignDirect, SignDeputy, SignBehalf} {
		if !Messages.Has("document.sign." + string(m)) {
			t.Errorf("mode %s has no label", m)
		}
	}
	for k, v := range Messages {
		if v.VI() == "" || v.EN() == "" {
			t.Errorf("%s lacks a language", k)
		}
	}
}

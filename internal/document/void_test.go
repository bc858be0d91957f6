package document

import (
	"bytes"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
)

// TestVoidKeepsTheNumber: a revoked document keeps its row, files and
// number (the next one is not reused); it is revoked once, with a
// reason, by a writer of its unit only, and is not replaced afterwards.
func TestVoidKeepsTheNumber(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newRegEnv(t, d)
		rec := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Báo cáo ban hành nhầm"))
		pdf, err := e.s.Open(e.ctx, e.officerLS, rec.ID, FilePDF)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			who    string
			err    func() error
			code   apperr.Code
			reason string
		}{
			{"a viewer", func() error { _, err := e.s.Void(e.ctx, e.viewerLS, rec.ID, "Sai"); return err }, apperr.CodeForbidden, ""},
			{"another province", func() error { _, err := e.s.Void(e.ctx, e.officerST, rec.ID, "Sai"); return err }, apperr.CodeNotFound, ""},
			{"a commune below", func() error { _, err := e.s.Void(e.ctx, e.officerQL, rec.ID, "Sai"); return err }, apperr.CodeNotFound, ""},
			{"no reason", func() error { _, err := e.s.Void(e.ctx, e.officerLS, rec.ID, "  \n "); return err }, apperr.CodeInvalid, ""},
			{"a long reason", func() error { _, err := e.s.Void(e.ctx, e.officerLS, rec.ID, strings.Repeat("x", 501)); return err }, apperr.CodeInvalid, ""},
			{"nobody", func() error { _, err := e.s.Void(e.ctx, nil, rec.ID, "Sai"); return err }, apperr.CodeNotFound, ""},
		} {
			before := dbtest.Snapshot(t, d)
			if got := apperr.CodeOf(c.err()); got != c.code && !(c.who == "nobody" && got == apperr.CodeUnauthorized) {
				t.Errorf("%s: %s, want %s", c.who, got, c.code)
			}
			if after := dbtest.Snapshot(t, d); after != before {
				t.Errorf("%s: the refused revocation wrote", c.who)
			}
		}
		got, err := e.s.Void(e.ctx, e.officerLS, rec.ID, "Ban hành nhầm\tđơn vị")
		if err != nil {
			t.Fatal(err)
		}
		if got.Void == nil || got.Void.Reason != "Ban hành nhầm đơn vị" || got.Void.By != e.officerLS.User.ID || got.Number != rec.Number {
			t.Errorf("revoked %+v %+v", got, got.Void)
		}
		after, err := e.s.Open(e.ctx, e.officerLS, rec.ID, FilePDF)
		if err != nil || !bytes.Equal(after.Data, pdf.Data) {
			t.Errorf("the issued file changed (%v)", err)
		}
		if _, err := e.s.Void(e.ctx, e.officerLS, rec.ID, "Lần nữa"); errKey(err) != "document.err.voided" {
			t.Errorf("second revocation: %v", err)
		}
		fix := draft(e.u.LangSon.ID, Report, "Thay văn bản đã thu hồi")
		fix.Replaces = rec.ID
		if _, err := e.s.Issue(e.ctx, e.officerLS, fix); errKey(err) != "document.err.voided" {
			t.Errorf("replacing a revoked document: %v", err)
		}
		if next := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Tiếp")); next.Number != "02-BC/BDVTU" {
			t.Errorf("after a revocation the next number is %s", next.Number)
		}
		recs, _, err := e.s.List(e.ctx, e.viewerLS, Filter{})
		if err != nil || len(recs) != 2 || recs[1].Void == nil || recs[0].Void != nil {
			t.Errorf("list: %d rows, %v", len(recs), err)
		}
		var n int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND action = 'void'").Scan(&n); err != nil || n != 1 {
			t.Errorf("audit rows %d %v", n, err)
		}
	})
}

// TestRegisterXLSX exports the register the reader may see, filtered,
// with each row's standing.
func TestRegisterXLSX(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	e := newRegEnv(t, d)
	a := e.issue(e.officerLS, draft(e.u.LangSon.ID, Report, "Sơ kết công tác dân vận"))
	e.issue(e.officerLS, draft(e.u.LangSon.ID, Letter, "Về việc tổ chức hội nghị"))
	e.issue(e.officerST, draft(e.u.SocTrang.ID, Report, "Báo cáo của Sóc Trăng"))
	if _, err := e.s.Void(e.ctx, e.officerLS, a.ID, "Sai số liệu"); err != nil {
		t.Fatal(err)
	}
	read := func(f Filter) string {
		var buf bytes.Buffer
		if err := e.s.RegisterXLSX(e.ctx, e.viewerLS, f, &buf); err != nil {
			t.Fatal(err)
		}
		rows, err := report.ReadTable(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r.Cells, " | ") + "\n")
		}
		return b.String()
	}
	got := read(Filter{})
	for _, want := range []string{
		"01-BC/BDVTU | 15/06/2024 | Báo cáo | Sơ kết công tác dân vận | K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN Hoàng Thị Lan | Ban Dân vận Trung ương; Lưu VP | Ban Dân vận Tỉnh ủy Lạng Sơn | 2020–2025 | Đã thu hồi ngày 15/06/2024: Sai số liệu",
		"01-CV/BDVTU | 15/06/2024 | Công văn | Về việc tổ chức hội nghị"} {
		if !strings.Contains(got, want) {
			t.Errorf("register lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Sóc Trăng") {
		t.Errorf("the register shows another province:\n%s", got)
	}
	if got := read(Filter{Type: Letter}); strings.Contains(got, "BC/BDVTU") || !strings.Contains(got, "01-CV/BDVTU") {
		t.Errorf("letters only:\n%s", got)
	}
	if err := e.s.RegisterXLSX(e.ctx, nil, Filter{}, &bytes.Buffer{}); apperr.CodeOf(err) != apperr.CodeUnauthorized {
		t.Errorf("nobody: %v", err)
	}
}

package practice

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/practice/sheet"
)

// TestImportUnchangedAndStale: the outside tester's two findings.
// An unchanged export (with models of a commune merged since and a
// stopped model) was refused; it now imports as nothing changed. And an
// old export imported after someone else's edit silently undid it; now
// the stale row is refused, named, and nothing of the file is saved.
func TestImportUnchangedAndStale(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a := e.create(e.officerQL, e.u.QuangLang.ID, "Camera an ninh thôn Nà Pài", DefenceSecurity)
		b := e.create(e.officerQL, e.u.QuangLang.ID, "Tổ tiết kiệm phụ nữ thôn Bản Lấn", Economy)
		c := e.create(e.officerMS, e.u.MaiSao.ID, "Sân chơi thiếu nhi thôn Mỏ Heo", CultureSociety)
		if _, err := e.s.Start(e.ctx, e.officerMS, c.ID, date(2023, 4, 1)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Stop(e.ctx, e.officerMS, c.ID, date(2024, 5, 1), "Thôn sáp nhập"); err != nil {
			t.Fatal(err)
		}
		officerLS := e.user("officer.ls", auth.RoleOfficer, e.u.LangSon.ID)
		// After the 2025 reform: Quang Lang and Mai Sao are merged into
		// the new commune of Chi Lăng, and their codes no longer live.
		*e.clock = date(2026, 3, 2)
		export := func() []SheetRow {
			t.Helper()
			var buf bytes.Buffer
			if err := e.s.Export(e.ctx, officerLS, e.u.LangSon.ID, &buf); err != nil {
				t.Fatal(err)
			}
			rows, err := ReadSheet(&buf)
			if err != nil {
				t.Fatalf("read the export: %v", err)
			}
			return rows
		}
		old := export()
		if len(old) != 3 {
			t.Fatalf("%d rows exported, want 3", len(old))
		}
		before := e.snapshot()
		created, updated, err := e.s.Import(e.ctx, officerLS, e.u.LangSon.ID, old)
		if err != nil || created != 0 || updated != 0 {
			t.Fatalf("an unchanged export: %d created, %d updated, %v; want nothing changed", created, updated, err)
		}
		if after := e.snapshot(); after != before {
			t.Errorf("an unchanged import wrote: %s -> %s", before, after)
		}

		// Someone edits b; then the old file comes back with an edit of a.
		in := e.input(b.UnitID, "Tổ tiết kiệm phụ nữ thôn Bản Lấn mở rộng", Economy)
		in.ID, in.Version = b.ID, b.Version
		if _, err := e.s.Update(e.ctx, officerLS, in); err != nil {
			t.Fatal(err)
		}
		before = e.snapshot()
		rowOf := map[int64]int{}
		for i := range old {
			rowOf[old[i].ID] = old[i].Row
			if old[i].ID == a.ID {
				old[i].Input.Name = "Camera an ninh thôn Nà Pài (mở rộng)"
			}
		}
		_, _, err = e.s.Import(e.ctx, officerLS, e.u.LangSon.ID, old)
		wantCode(t, "a stale row", err, apperr.CodeInvalid)
		var es apperr.Errors
		if !errors.As(err, &es) || len(es) != 1 {
			t.Fatalf("errors: %v, want one", err)
		}
		cat, _ := i18n.Merge(sheet.Messages, Messages)
		msg := cat.T(i18n.VI, es[0].Key, es[0].Args...)
		want := "Dòng " + strconv.Itoa(rowOf[b.ID]) + ", cột R (Phiên bản): mô hình “Tổ tiết kiệm phụ nữ thôn Bản Lấn mở rộng” đã được sửa sau khi tệp được xuất (phiên bản hiện tại 2, trong tệp 1)."
		if !strings.HasPrefix(msg, want) {
			t.Errorf("message:\n%s\nwant it to start\n%s", msg, want)
		}
		if after := e.snapshot(); after != before {
			t.Errorf("a refused import wrote: %s -> %s", before, after)
		}
		// A file without the version column cannot update a model.
		for i := range old {
			old[i].Version = 0
		}
		_, _, err = e.s.Import(e.ctx, officerLS, e.u.LangSon.ID, old)
		if !errors.As(err, &es) || len(es) != 3 || !strings.Contains(cat.T(i18n.VI, es[0].Key, es[0].Args...), "tệp không có phiên bản") {
			t.Errorf("rows without versions: %v", err)
		}
		// A fresh export with the edit goes through.
		rows := export()
		for i := range rows {
			if rows[i].ID == a.ID {
				rows[i].Input.Name = "Camera an ninh thôn Nà Pài (mở rộng)"
			}
		}
		if created, updated, err := e.s.Import(e.ctx, officerLS, e.u.LangSon.ID, rows); err != nil || created != 0 || updated != 1 {
			t.Errorf("a fresh export with one edit: %d created, %d updated, %v", created, updated, err)
		}
	})
}

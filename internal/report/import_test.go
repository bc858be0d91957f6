package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// TestImportAllOrNothing fills the template of a province with 240
// communes (over 10,000 value rows), spoils one cell and uploads it: the
// upload names the cell and saves nothing; the corrected file saves every
// report.
func TestImportAllOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		units, a := fixture.Stores(d)
		s := report.NewStore(d, units, a)
		if err := s.SeedCatalogue(ctx, nil); err != nil {
			t.Fatal(err)
		}
		start := org.Date(2015, 1, 1)
		var prov org.Unit
		err := units.Update(ctx, func(w *org.Writer) error {
			tw, err := w.Create(ctx, org.NewUnit{Code: "TW", Name: "Ban Dân vận Trung ương", Level: org.Central, Kind: org.Board, ValidFrom: start})
			if err != nil {
				return err
			}
			prov, err = w.Create(ctx, org.NewUnit{Code: "T20", Name: "Ban Dân vận Tỉnh ủy Lạng Sơn", Level: org.Province, Kind: org.Board, ParentID: tw.ID, ValidFrom: start})
			if err != nil {
				return err
			}
			for i := 1; i <= 240; i++ {
				if _, err := w.Create(ctx, org.NewUnit{Code: fmt.Sprintf("T20-X%03d", i), Name: fmt.Sprintf("Khối Dân vận xã Số %d", i),
					Level: org.Commune, Kind: org.CommuneBloc, ParentID: prov.ID, ValidFrom: start}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		w := &world{d: d, units: units, auth: a, store: s}
		officer := w.person(t, "canbo.tinh", auth.RoleOfficer, prov)
		viewer := w.person(t, "xem.tinh", auth.RoleViewer, prov)
		f, err := s.FormByCode(ctx, report.FormHalf)
		if err != nil {
			t.Fatal(err)
		}
		per := period(t, "2026S1")
		if _, err := s.Template(ctx, viewer, prov.ID, f, per); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer's template: %v", err)
		}
		tpl, err := s.Template(ctx, officer, prov.ID, f, per)
		if err != nil {
			t.Fatal(err)
		}
		rows := cells(tpl)
		if len(rows) < 10000 {
			t.Fatalf("template has %d rows, want over 10,000", len(rows))
		}
		inds, _ := s.Indicators(ctx)
		pct := map[string]bool{}
		for _, i := range inds {
			pct[i.Code] = i.Percent
		}
		for i, r := range rows {
			switch {
			case pct[r[2].(string)]:
				r[6] = "85,5"
			case r[2] == "AN01" || r[2] == "CQ01" || r[2] == "VH01":
				r[6] = "1.200"
			default:
				r[6] = fmt.Sprint(i % 97)
			}
		}
		bad := 7321
		rows[bad][6] = "12 vụ"
		var buf bytes.Buffer
		if err := report.WriteXLSX(&buf, report.SheetName, report.ColumnKeys, rows); err != nil {
			t.Fatal(err)
		}
		table, err := report.ReadTable(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(table) != len(rows) {
			t.Fatalf("read %d rows of %d", len(table), len(rows))
		}
		_, err = s.Import(ctx, officer, prov.ID, f, per, table)
		var ps report.Problems
		if !errors.As(err, &ps) || len(ps) != 1 {
			t.Fatalf("import with one bad cell: %v", err)
		}
		if p := ps[0]; p.Sheet != report.SheetName || p.Row != bad+2 || p.Column != "G" || p.Message.Key != "report.err.not_number" ||
			!strings.Contains(vi(p.Text()), "“12 vụ” không phải là số") || !strings.Contains(en(p.Text()), "“12 vụ” is not a number") {
			t.Errorf("problem = %+v (%s)", p, vi(p.Text()))
		}
		if key, args := apperr.KeyOf(err); apperr.CodeOf(err) != apperr.CodeInvalid ||
			!strings.Contains(vi(i18n.M(key, args...)), fmt.Sprintf("Trang Số liệu, dòng %d, cột G", bad+2)) {
			t.Errorf("message = %q", vi(i18n.M(key, args...)))
		}
		var n int
		if err := d.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM reports) + (SELECT COUNT(*) FROM report_values)").Scan(&n); err != nil || n != 0 {
			t.Fatalf("a refused import left %d rows (%v)", n, err)
		}
		// As CSV, corrected.
		rows[bad][6] = "12"
		buf.Reset()
		if err := report.WriteCSV(&buf, report.ColumnKeys, rows); err != nil {
			t.Fatal(err)
		}
		table, err = report.ReadTable(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		saved, err := s.Import(ctx, officer, prov.ID, f, per, table)
		if err != nil {
			t.Fatal(err)
		}
		if saved != 241 {
			t.Errorf("saved %d reports, want 241", saved)
		}
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM report_values").Scan(&n); err != nil || n != len(rows) {
			t.Errorf("values = %d, want %d (%v)", n, len(rows), err)
		}
		// The export has the values back.
		table2, err := s.Table(ctx, viewer, prov.ID, f, per)
		if err != nil {
			t.Fatal(err)
		}
		out := cells(table2)
		if len(out) != len(rows) || out[bad][6] != 12.0 || out[bad][7] != "draft" {
			t.Errorf("export row = %v", out[bad])
		}
		// A neighbour province's officer may not import here.
		if _, err := s.Import(ctx, w.person(t, "canbo.khac", auth.RoleOfficer, org.Unit{ID: prov.ID + 1}), prov.ID, f, per, table); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("import by an outsider: %v", err)
		}
	})
}

// FuzzReadTable feeds the upload reader arbitrary bytes: it must answer
// rows or an invalid-input error, never panic or hang. Mutated workbooks
// are slow to minimize; run with -fuzzminimizetime 2x to keep it moving.
func FuzzReadTable(f *testing.F) {
	var buf bytes.Buffer
	_ = report.WriteXLSX(&buf, report.SheetName, report.ColumnKeys, [][]any{{"T20", "Tỉnh", "DV01", "Hội nghị", "hội nghị", "", 12.0, ""}})
	f.Add(buf.Bytes())
	f.Add([]byte("Mã đơn vị;Tên\nT20;x;DV01;;;;5.112\n"))
	f.Add([]byte("\xef\xbb\xbfa,b,c\n\"x,1\",\"y\n"))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := report.ReadTable(data)
		if err != nil {
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("error of code %s: %v", apperr.CodeOf(err), err)
			}
			return
		}
		for _, r := range rows {
			if r.Line < 2 {
				t.Fatalf("row line %d", r.Line)
			}
		}
	})
}

// cells are a table's rows as spreadsheet cells, statuses by their code.
func cells(t report.Table) [][]any {
	out := make([][]any, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = r.Cells(func(s report.Status) string { return string(s) })
	}
	return out
}

// catalog is what the tests translate messages with.
var catalog = func() i18n.Catalog {
	c, err := i18n.Merge(report.Messages, vntext.Messages, org.Messages)
	if err != nil {
		panic(err)
	}
	return c
}()

func vi(m i18n.Message) string { return catalog.Text(i18n.VI, m) }
func en(m i18n.Message) string { return catalog.Text(i18n.EN, m) }

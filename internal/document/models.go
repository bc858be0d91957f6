package document

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// The register of "Dân vận khéo" models of a unit and period: the
// models of the unit's subtree that started in the period (every
// status), as a table in a report and as a spreadsheet. They are the
// models the model list shows for the same unit and period.

// MaxRegisterModels bounds the models a register lists; the rest are
// counted in its last row.
const MaxRegisterModels = 5000

// modelColumns are the register's columns.
var modelColumns = []string{"TT", "Tên mô hình", "Chủ thể thực hiện", "Đơn vị", "Lĩnh vực", "Ngày bắt đầu", "Tình trạng"}

// registerModels reads the models of the register, at most
// MaxRegisterModels, and how many there are.
func (g *Generator) registerModels(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period) ([]practice.Practice, int, error) {
	if !per.Valid() {
		return nil, 0, apperr.Invalid("period", "document.err.period")
	}
	if unitID <= 0 {
		return nil, 0, apperr.Invalid("unit_id", "document.err.unit")
	}
	f := practice.Filter{Unit: unitID, Period: per.String(), Statuses: practice.Statuses, Limit: 1000}
	var all []practice.Practice
	total := 0
	for len(all) < MaxRegisterModels {
		rows, n, err := g.practices.List(ctx, p, f)
		if err != nil {
			return nil, 0, err
		}
		total = n
		all = append(all, rows...)
		if len(rows) < f.Limit {
			break
		}
		f.Offset += f.Limit
	}
	if len(all) > MaxRegisterModels {
		all = all[:MaxRegisterModels]
	}
	return all, total, nil
}

// modelRow is one model as the register writes it.
func modelRow(i int, m practice.Practice) []string {
	owner := m.OwnerName
	if m.OwnerTitle != "" {
		owner += " - " + m.OwnerTitle
	}
	state := m.Status.Label()
	if m.DecisionNo != "" && (m.Status == practice.Recognized || m.Status == practice.Replicated) {
		state += " (Quyết định số " + m.DecisionNo + ")"
	}
	started := ""
	if !m.StartedOn.IsZero() {
		started = shortDate(m.StartedOn)
	}
	return []string{fmt.Sprint(i + 1), m.Name, owner, m.UnitName, m.Field.Label(), started, state}
}

func (g *Generator) models(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	if err := g.store.requireWrite(ctx, p, r.UnitID); err != nil {
		return Generated{}, err
	}
	rows, total, err := g.registerModels(ctx, p, r.UnitID, r.Period)
	if err != nil {
		return Generated{}, err
	}
	u, err := g.units.Get(ctx, r.UnitID, g.today())
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Generated{}, apperr.Invalid("unit_id", "document.err.unit")
		}
		return Generated{}, err
	}
	label := r.Period.Label()
	var blocks []Block
	if total > 0 {
		t := Table{Header: [][]string{modelColumns}, Widths: []float64{0.8, 3, 2.2, 2, 1.4, 1.3, 1.6}}
		for i, m := range rows {
			t.Rows = append(t.Rows, modelRow(i, m))
		}
		if more := total - len(rows); more > 0 {
			t.Rows = append(t.Rows, []string{"", fmt.Sprintf("Và %s mô hình khác", vntext.FormatInt(int64(more)))})
		}
		blocks = []Block{t}
	}
	intro := fmt.Sprintf("%s báo cáo danh sách mô hình “Dân vận khéo” đăng ký thực hiện %s (tổng số %s mô hình) như sau:",
		u.Name, label, vntext.FormatInt(int64(total)))
	if total == 0 {
		intro = fmt.Sprintf("Trong %s, chưa có mô hình “Dân vận khéo” nào đăng ký thực hiện.", label)
	}
	return Generated{
		Unit: u,
		Draft: Draft{UnitID: u.ID, Type: Report, Summary: "Danh sách mô hình “Dân vận khéo” đăng ký thực hiện " + label,
			Recipients: g.defaultRecipients(ctx, p, u), Source: Source{Kind: string(KindModels), ID: u.ID, Period: r.Period.String()}},
		Parts: []Part{
			{Name: "intro", Editable: true, Text: intro},
			{Name: "table", Blocks: blocks},
		},
	}, nil
}

// ModelsXLSX writes the register of models of a unit and period as a
// spreadsheet: the same rows as the document's table, every model up to
// MaxRegisterModels. The caller needs the read permission on the unit
// (the model list's rules).
func (g *Generator) ModelsXLSX(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period, w io.Writer) error {
	if p == nil {
		return apperr.Unauthorized("document.err.login")
	}
	rows, total, err := g.registerModels(ctx, p, unitID, per)
	if err != nil {
		return err
	}
	out := make([][]any, 0, len(rows)+1)
	for i, m := range rows {
		r := modelRow(i, m)
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		cells[0] = i + 1
		out = append(out, cells)
	}
	if more := total - len(rows); more > 0 {
		out = append(out, []any{"", fmt.Sprintf("Và %s mô hình khác", vntext.FormatInt(int64(more)))})
	}
	sheet := strings.ToUpper(per.String())
	return report.WriteXLSX(w, "Mô hình "+sheet, modelColumns, out)
}

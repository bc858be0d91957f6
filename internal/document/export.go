package document

import (
	"context"
	"io"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/report"
)

// MaxRegisterRows bounds the rows of a register export.
const MaxRegisterRows = 20000

// registerColumns are the columns of the outgoing register as a
// spreadsheet (sổ văn bản đi).
var registerColumns = []string{"Số, ký hiệu", "Ngày ban hành", "Loại văn bản", "Trích yếu", "Người ký", "Nơi nhận",
	"Đơn vị ban hành", "Nhiệm kỳ", "Tình trạng"}

// state is a register row's standing, as the register writes it.
func (r Record) state() string {
	switch {
	case r.Void != nil:
		return "Đã thu hồi ngày " + showDay(r.Void.At.In(Zone)) + ": " + r.Void.Reason
	case r.ReplacedBy != 0:
		return "Đã được thay thế"
	}
	return "Còn hiệu lực"
}

// RegisterXLSX writes the rows of the register that f chooses (its
// Limit and Offset are ignored: every row, at most MaxRegisterRows),
// newest first, as a spreadsheet, among the units p may read.
func (s *Store) RegisterXLSX(ctx context.Context, p *auth.Principal, f Filter, w io.Writer) error {
	if p == nil {
		return apperr.Unauthorized("document.err.login")
	}
	f.Offset, f.Limit = 0, 1000
	var rows [][]any
	for len(rows) < MaxRegisterRows {
		recs, total, err := s.List(ctx, p, f)
		if err != nil {
			return err
		}
		for _, r := range recs {
			rows = append(rows, []any{r.Number, showDay(r.IssuedOn), Messages[r.Type.Label()].VI(), r.Summary,
				strings.TrimSpace(r.SignerAs + " " + r.Signer), strings.Join(r.Recipients, "; "), r.UnitName, r.TermName, r.state()})
		}
		f.Offset += f.Limit
		if len(recs) < f.Limit || f.Offset >= total {
			break
		}
	}
	if len(rows) > MaxRegisterRows {
		rows = rows[:MaxRegisterRows]
	}
	return report.WriteXLSX(w, "Sổ văn bản đi", registerColumns, rows)
}

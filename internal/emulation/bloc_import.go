package emulation

import (
	"context"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation/blocsheet"
	"github.com/danvan/danvan/internal/vntext"
)

// ScoreSheet writes bloc year y's scoring table (see package blocsheet)
// with the counted scores so far: the template a bloc fills in and
// imports back.
func ScoreSheet(w io.Writer, y BlocYear, codes map[int64]string) error {
	headers := make([]string, len(y.Criteria))
	for i, c := range y.Criteria {
		headers[i] = blocsheet.Header(c.Number, c.Title)
	}
	lines := make([]blocsheet.Line, len(y.Members))
	for i, m := range y.Members {
		l := blocsheet.Line{Code: codes[m.UnitID], Name: m.UnitName, Scores: make([]*float64, len(y.Criteria))}
		for j, c := range y.Criteria {
			if v, ok := m.Score(c.ID); ok {
				l.Scores[j] = &v
			}
		}
		lines[i] = l
	}
	return blocsheet.Write(w, headers, lines)
}

// MemberCodes returns the unit codes of bloc year y's members.
func (s *Store) MemberCodes(ctx context.Context, y BlocYear) (map[int64]string, error) {
	out := map[int64]string{}
	for _, m := range y.Members {
		u, err := s.units.Get(ctx, m.UnitID, yearEnd(y.Year))
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[m.UnitID] = u.Code
	}
	return out, nil
}

// ImportReview reads the bloc's review scores for bloc id's year from a
// scoring table (package blocsheet) and records them as Review does:
// every column must name a line of the year's criteria (by its number,
// "1. …", or its title) and every row a member (by unit code). Any
// problem refuses the whole file with every error by cell; otherwise
// all scores are written in one transaction. It returns the year and
// how many scores were written.
func (s *Store) ImportReview(ctx context.Context, p *auth.Principal, id int64, year int, r io.Reader) (BlocYear, int, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, 0, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{y.LeaderID}, "emulation.bloc.err.forbidden_review"); err != nil {
		return BlocYear{}, 0, err
	}
	sh, err := blocsheet.Read(r)
	if err != nil {
		return BlocYear{}, 0, err
	}
	var es apperr.Errors
	cols := make([]BlocCriterion, len(sh.Columns))
	for j, h := range sh.Columns {
		c, ok := matchCriterion(y.Criteria, h)
		if !ok {
			es = append(es, blocsheet.CellError(1, j+2, "emulation.bloc.import.column", h))
			continue
		}
		cols[j] = c
	}
	codes, err := s.MemberCodes(ctx, y)
	if err != nil {
		return BlocYear{}, 0, err
	}
	byCode := map[string]int64{}
	for uid, code := range codes {
		byCode[strings.ToUpper(code)] = uid
	}
	var scores []BlocScore
	seen := map[int64]int{}
	for _, row := range sh.Rows {
		uid, ok := byCode[strings.ToUpper(row.UnitCode)]
		if !ok {
			es = append(es, blocsheet.CellError(row.Number, 0, "emulation.bloc.import.member", row.UnitCode))
			continue
		}
		if first, twice := seen[uid]; twice {
			es = append(es, blocsheet.CellError(row.Number, 0, "emulation.bloc.import.twice", first))
			continue
		}
		seen[uid] = row.Number
		for j, cell := range row.Scores {
			if !cell.Set || cols[j].ID == 0 {
				continue
			}
			if cell.Value < 0 || cell.Value > cols[j].MaxPoints {
				es = append(es, blocsheet.CellError(row.Number, j+2, "emulation.err.score_range", vntext.FormatNumber(cols[j].MaxPoints, 1)))
				continue
			}
			scores = append(scores, BlocScore{UnitID: uid, CriterionID: cols[j].ID, Score: cell.Value})
		}
	}
	if len(es) > 0 {
		return BlocYear{}, 0, es
	}
	y, err = s.Review(ctx, p, id, year, scores, false)
	if err != nil {
		return BlocYear{}, 0, err
	}
	return y, len(scores), nil
}

// matchCriterion finds the line a column header names: by its leading
// number ("2. …", "2 - …", "2") when there is one, else by its title
// (diacritics, case and spacing aside).
func matchCriterion(cs []BlocCriterion, header string) (BlocCriterion, bool) {
	h := strings.TrimSpace(header)
	i := strings.IndexFunc(h, func(r rune) bool { return !unicode.IsDigit(r) })
	if i != 0 {
		num := h
		if i > 0 {
			num = h[:i]
		}
		if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= len(cs) {
			return cs[n-1], true
		}
		return BlocCriterion{}, false
	}
	key := strings.Join(strings.Fields(vntext.Fold(h)), " ")
	for _, c := range cs {
		if strings.Join(strings.Fields(vntext.Fold(c.Title)), " ") == key {
			return c, true
		}
	}
	return BlocCriterion{}, false
}

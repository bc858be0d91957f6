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
	return criterionByTitle(cs, h)
}

// SelfSheet writes member m's self-scoring sheet of bloc year y (see
// package blocsheet): the year's criteria with m's own scores so far.
func SelfSheet(w io.Writer, y BlocYear, m BlocMember) error {
	lines := make([]blocsheet.SelfLine, len(y.Criteria))
	for i, c := range y.Criteria {
		l := blocsheet.SelfLine{Number: c.Number, Title: c.Title, Max: c.MaxPoints}
		if v, ok := m.Self[c.ID]; ok {
			l.Score = blocsheet.Cell{Set: true, Value: v}
		}
		lines[i] = l
	}
	return blocsheet.WriteSelf(w, m.UnitName, lines)
}

// ImportSelf reads member unitID's own scores in bloc id's year from its
// self-scoring sheet (package blocsheet) and records them as SelfScore
// does, handing them in when submit is set: each row must name a line of
// the year's criteria by its number, else by its title, at most once,
// and each score lie within the line's maximum. Any problem refuses the
// whole file with every error by cell; otherwise all scores are written
// in one transaction. It returns the year and how many scores were
// written.
func (s *Store) ImportSelf(ctx context.Context, p *auth.Principal, id int64, year int, unitID int64, r io.Reader, submit bool) (BlocYear, int, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, 0, err
	}
	m, ok := y.Member(unitID)
	if !ok {
		return BlocYear{}, 0, apperr.Invalid("unit", "emulation.bloc.err.not_of_year")
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{unitID}, "emulation.bloc.err.forbidden_self"); err != nil {
		return BlocYear{}, 0, err
	}
	if y.Status != Scoring || m.Submitted {
		return BlocYear{}, 0, apperr.Conflict("emulation.bloc.err.handed_in")
	}
	lines, err := blocsheet.ReadSelf(r)
	if err != nil {
		return BlocYear{}, 0, err
	}
	var es apperr.Errors
	scores := map[int64]float64{}
	seen := map[int64]int{}
	for _, l := range lines {
		c, ok := lineOf(y.Criteria, l)
		if !ok {
			what := l.Title
			if l.Number > 0 {
				what = strconv.Itoa(l.Number)
			}
			es = append(es, blocsheet.CellError(l.Row, 0, "emulation.bloc.import.line", what))
			continue
		}
		if first, twice := seen[c.ID]; twice {
			es = append(es, blocsheet.CellError(l.Row, 0, "emulation.bloc.import.line_twice", first))
			continue
		}
		seen[c.ID] = l.Row
		if !l.Score.Set {
			continue
		}
		if l.Score.Value < 0 || l.Score.Value > c.MaxPoints {
			es = append(es, blocsheet.CellError(l.Row, 3, "emulation.err.score_range", vntext.FormatNumber(c.MaxPoints, 1)))
			continue
		}
		scores[c.ID] = l.Score.Value
	}
	if len(es) > 0 {
		return BlocYear{}, 0, es
	}
	y, err = s.SelfScore(ctx, p, id, year, unitID, scores, submit)
	if err != nil {
		return BlocYear{}, 0, err
	}
	return y, len(scores), nil
}

// lineOf finds the line a row of a self-scoring sheet names: by its
// number when it has one, else by its title.
func lineOf(cs []BlocCriterion, l blocsheet.SelfLine) (BlocCriterion, bool) {
	if l.Number > 0 {
		if l.Number <= len(cs) {
			return cs[l.Number-1], true
		}
		return BlocCriterion{}, false
	}
	return criterionByTitle(cs, l.Title)
}

// criterionByTitle finds the line titled t, diacritics, case and spacing
// aside.
func criterionByTitle(cs []BlocCriterion, t string) (BlocCriterion, bool) {
	key := strings.Join(strings.Fields(vntext.Fold(t)), " ")
	for _, c := range cs {
		if strings.Join(strings.Fields(vntext.Fold(c.Title)), " ") == key {
			return c, true
		}
	}
	return BlocCriterion{}, false
}

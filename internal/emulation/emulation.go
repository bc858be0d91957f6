// Package emulation keeps emulation pledges (giao ước thi đua): at a
// conference, the subordinate units of a board sign a pledge with it for a
// period, made of commitments, each a target on an indicator or a
// described deliverable and worth a number of points. Later each
// commitment is scored per signatory and the signatories are ranked.
//
// Scoring rules (Rules, shown beside every ranking): a commitment's score
// lies between 0 and its maximum; a signatory's total is the sum of its
// scores, a commitment not yet scored counting 0; signatories are ranked
// by total, highest first; equal totals share a rank and the next rank
// skips as many places ("1, 2, 2, 4"), and within a tie units are listed
// in Vietnamese name order.
package emulation

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Rules are the scoring rules every ranking shows.
var Rules = []string{
	"Mỗi cam kết có số điểm tối đa; điểm chấm từ 0 đến số điểm tối đa.",
	"Tổng điểm của đơn vị là tổng điểm các cam kết; cam kết chưa chấm tính 0 điểm.",
	"Xếp hạng theo tổng điểm từ cao xuống thấp.",
	"Các đơn vị bằng điểm được xếp đồng hạng; hạng kế tiếp bỏ qua số vị trí tương ứng (ví dụ 1, 2, 2, 4). Trong cùng hạng, đơn vị xếp theo thứ tự tên.",
}

// CommitmentKind says what a commitment promises.
type CommitmentKind string

// The kinds of commitment.
const (
	Target      CommitmentKind = "target"      // a figure on an indicator
	Deliverable CommitmentKind = "deliverable" // a described result
)

// Pledge is an emulation pledge.
type Pledge struct {
	ID           int64
	UnitID       int64 // the board above, with which the units sign
	UnitName     string
	ConferenceID int64 // the conference it was signed at, 0 if none
	Title        string
	Period       string
	SignedOn     time.Time
	Rules        string // the pledge's own rules, beside the standard ones
	Commitments  []Commitment
	Signatories  []Signatory
}

// PeriodLabel is the label of the pledge's period.
func (p Pledge) PeriodLabel() string {
	if v, err := vntext.ParsePeriod(p.Period); err == nil {
		return v.Label()
	}
	return p.Period
}

// MaxTotal is the most a signatory can score.
func (p Pledge) MaxTotal() float64 {
	t := 0.0
	for _, c := range p.Commitments {
		t += c.MaxScore
	}
	return t
}

// Commitment is one promise of a pledge.
type Commitment struct {
	ID            int64
	Kind          CommitmentKind
	IndicatorCode string
	Target        float64 // for Target
	Description   string
	MaxScore      float64
}

// Signatory is a unit that signed, who signed for it and when, and its
// scores by commitment id.
type Signatory struct {
	ID       int64
	UnitID   int64
	UnitName string
	Signer   string
	SignedOn time.Time
	Scores   map[int64]float64
}

// Total is the signatory's total score.
func (s Signatory) Total() float64 {
	t := 0.0
	for _, v := range s.Scores {
		t += v
	}
	return t
}

// Standing is one line of a ranking.
type Standing struct {
	Rank      int
	Tied      bool // shares its rank with another signatory
	Signatory Signatory
	Total     float64
}

// Rank orders signatories by the rules above.
func Rank(sigs []Signatory) []Standing {
	out := make([]Standing, len(sigs))
	for i, s := range sigs {
		out[i] = Standing{Signatory: s, Total: round(s.Total())}
	}
	keys := make([][]byte, len(out))
	for i := range out {
		keys[i] = vntext.SortKey(out[i].Signatory.UnitName)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := out[idx[a]], out[idx[b]]
		if x.Total != y.Total {
			return x.Total > y.Total
		}
		return bytes.Compare(keys[idx[a]], keys[idx[b]]) < 0
	})
	sorted := make([]Standing, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	for i := range sorted {
		if i > 0 && sorted[i].Total == sorted[i-1].Total {
			sorted[i].Rank = sorted[i-1].Rank
			sorted[i].Tied, sorted[i-1].Tied = true, true
		} else {
			sorted[i].Rank = i + 1
		}
	}
	return sorted
}

// round keeps two decimals, so that 0.1+0.2 ties with 0.3.
func round(f float64) float64 { return math.Round(f*100) / 100 }

// Store reads and writes pledges.
type Store struct {
	db    *db.DB
	units *org.Store
}

// NewStore returns a store over d.
func NewStore(d *db.DB, units *org.Store) *Store { return &Store{db: d, units: units} }

func day(t time.Time) string { return t.Format(time.DateOnly) }

func parseDay(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

// Create records a pledge with its commitments and signatories. Every
// signatory must be a unit below the pledge's unit on the signing day.
func (s *Store) Create(ctx context.Context, p Pledge) (Pledge, error) {
	var es apperr.Errors
	p.Title, p.Rules, p.Period = clean(p.Title), strings.TrimSpace(vntext.Normalize(p.Rules)), strings.TrimSpace(p.Period)
	if p.Title == "" {
		es.Add("title", "Hãy nhập tên giao ước.")
	}
	if _, err := vntext.ParsePeriod(p.Period); err != nil {
		es.Add("period", "Kỳ phải có dạng 2023, 2023S1, 2023Q3, 202307 hoặc 2016-2020.")
	}
	if p.SignedOn.IsZero() {
		es.Add("signed_on", "Hãy nhập ngày ký.")
	}
	if len(p.Commitments) == 0 {
		es.Add("commitments", "Giao ước cần ít nhất một cam kết.")
	}
	for i := range p.Commitments {
		c := &p.Commitments[i]
		c.Description, c.IndicatorCode = clean(c.Description), strings.TrimSpace(c.IndicatorCode)
		if c.Kind != Target && c.Kind != Deliverable {
			c.Kind = Deliverable
			if c.IndicatorCode != "" {
				c.Kind = Target
			}
		}
		if c.Description == "" {
			es.Add(fmt.Sprintf("commitment.%d.description", i), "Hãy mô tả cam kết.")
		}
		if c.Kind == Target && c.IndicatorCode == "" {
			es.Add(fmt.Sprintf("commitment.%d.indicator", i), "Chỉ tiêu cần mã chỉ tiêu.")
		}
		if c.MaxScore <= 0 || c.MaxScore > 1000 {
			es.Add(fmt.Sprintf("commitment.%d.max", i), "Điểm tối đa phải lớn hơn 0 và không quá 1000.")
		}
	}
	if len(p.Signatories) == 0 {
		es.Add("signatories", "Giao ước cần ít nhất một đơn vị ký.")
	}
	if err := es.Err(); err != nil {
		return Pledge{}, err
	}
	if _, err := s.units.Get(ctx, p.UnitID, p.SignedOn); err != nil {
		return Pledge{}, apperr.Invalid("unit", "Đơn vị không tồn tại vào ngày ký.")
	}
	seen := map[int64]bool{}
	for i := range p.Signatories {
		sg := &p.Signatories[i]
		sg.Signer = clean(sg.Signer)
		if sg.SignedOn.IsZero() {
			sg.SignedOn = p.SignedOn
		}
		field := fmt.Sprintf("signatory.%d.unit", i)
		if seen[sg.UnitID] {
			return Pledge{}, apperr.Invalid(field, "Một đơn vị chỉ ký một lần.")
		}
		seen[sg.UnitID] = true
		u, err := s.units.Get(ctx, sg.UnitID, sg.SignedOn)
		if err != nil {
			return Pledge{}, apperr.Invalid(field, "Đơn vị không tồn tại vào ngày ký.")
		}
		below := false
		for _, a := range u.PathIDs() {
			if a == p.UnitID && u.ID != p.UnitID {
				below = true
			}
		}
		if !below {
			return Pledge{}, apperr.Invalid(field, fmt.Sprintf("“%s” không phải đơn vị cấp dưới của đơn vị phát động.", u.Name))
		}
		if sg.Signer == "" {
			return Pledge{}, apperr.Invalid(fmt.Sprintf("signatory.%d.signer", i), "Hãy ghi người ký.")
		}
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var conf any
		if p.ConferenceID != 0 {
			conf = p.ConferenceID
		}
		id, err := tx.InsertID(ctx, `INSERT INTO emulation_pledges (unit_id, conference_id, title, title_fold, period, signed_on, rules, version, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`, p.UnitID, conf, p.Title, vntext.Fold(p.Title), p.Period, day(p.SignedOn), p.Rules,
			tx.Now().Format(time.RFC3339Nano))
		if err != nil {
			return err
		}
		p.ID = id
		for i, c := range p.Commitments {
			var target any
			if c.Kind == Target {
				target = c.Target
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_commitments (pledge_id, position, kind, indicator_code, target, description, max_score)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, i, string(c.Kind), c.IndicatorCode, target, c.Description, c.MaxScore); err != nil {
				return err
			}
		}
		for _, sg := range p.Signatories {
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_signatories (pledge_id, unit_id, signer, signed_on) VALUES (?, ?, ?, ?)`,
				id, sg.UnitID, sg.Signer, day(sg.SignedOn)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "pledge", EntityID: id, UnitID: p.UnitID,
			After: map[string]any{"title": p.Title, "period": p.Period, "commitments": len(p.Commitments), "signatories": len(p.Signatories)}})
	})
	if err != nil {
		if errors.Is(err, db.ErrReference) {
			return Pledge{}, apperr.Invalid("conference", "Không tìm thấy hội nghị.")
		}
		return Pledge{}, fmt.Errorf("emulation: create pledge: %w", err)
	}
	return s.Pledge(ctx, p.ID)
}

// Pledge returns pledge id with its commitments, signatories and scores.
func (s *Store) Pledge(ctx context.Context, id int64) (Pledge, error) {
	var p Pledge
	var conf *int64
	var signed string
	err := s.db.QueryRowContext(ctx, `SELECT p.id, p.unit_id, p.conference_id, p.title, p.period, p.signed_on, p.rules,
		COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = p.unit_id AND v.valid_from <= p.signed_on ORDER BY v.valid_from DESC LIMIT 1), '')
		FROM emulation_pledges p WHERE p.id = ?`, id).Scan(&p.ID, &p.UnitID, &conf, &p.Title, &p.Period, &signed, &p.Rules, &p.UnitName)
	if errors.Is(err, db.ErrNotFound) {
		return Pledge{}, apperr.NotFound("Không tìm thấy giao ước thi đua.")
	}
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	if conf != nil {
		p.ConferenceID = *conf
	}
	p.SignedOn = parseDay(signed)
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, indicator_code, COALESCE(target, 0), description, max_score
		FROM emulation_commitments WHERE pledge_id = ? ORDER BY position`, id)
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	for rows.Next() {
		var c Commitment
		var kind string
		if err := rows.Scan(&c.ID, &kind, &c.IndicatorCode, &c.Target, &c.Description, &c.MaxScore); err != nil {
			rows.Close()
			return Pledge{}, err
		}
		c.Kind = CommitmentKind(kind)
		p.Commitments = append(p.Commitments, c)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT s.id, s.unit_id, s.signer, s.signed_on,
		COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = s.unit_id AND v.valid_from <= s.signed_on ORDER BY v.valid_from DESC LIMIT 1), '')
		FROM emulation_signatories s WHERE s.pledge_id = ? ORDER BY s.id`, id)
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	idx := map[int64]int{}
	for rows.Next() {
		var sg Signatory
		var on string
		if err := rows.Scan(&sg.ID, &sg.UnitID, &sg.Signer, &on, &sg.UnitName); err != nil {
			rows.Close()
			return Pledge{}, err
		}
		sg.SignedOn, sg.Scores = parseDay(on), map[int64]float64{}
		idx[sg.ID] = len(p.Signatories)
		p.Signatories = append(p.Signatories, sg)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT sc.signatory_id, sc.commitment_id, sc.score FROM emulation_scores sc
		JOIN emulation_signatories s ON s.id = sc.signatory_id WHERE s.pledge_id = ?`, id)
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sid, cid int64
		var v float64
		if err := rows.Scan(&sid, &cid, &v); err != nil {
			return Pledge{}, err
		}
		p.Signatories[idx[sid]].Scores[cid] = v
	}
	return p, rows.Err()
}

// Score is one score to record.
type Score struct {
	SignatoryID  int64
	CommitmentID int64
	Score        float64
}

// SetScores records scores on pledge id (replacing earlier ones) after
// checking each against its commitment's maximum.
func (s *Store) SetScores(ctx context.Context, id int64, scores []Score) (Pledge, error) {
	p, err := s.Pledge(ctx, id)
	if err != nil {
		return Pledge{}, err
	}
	maxOf := map[int64]float64{}
	for _, c := range p.Commitments {
		maxOf[c.ID] = c.MaxScore
	}
	sig := map[int64]bool{}
	for _, sg := range p.Signatories {
		sig[sg.ID] = true
	}
	var es apperr.Errors
	for _, sc := range scores {
		m, ok := maxOf[sc.CommitmentID]
		field := fmt.Sprintf("score.%d.%d", sc.SignatoryID, sc.CommitmentID)
		if !ok || !sig[sc.SignatoryID] {
			es.Add(field, "Cam kết hoặc đơn vị không thuộc giao ước này.")
		} else if sc.Score < 0 || sc.Score > m || math.IsNaN(sc.Score) {
			es.Add(field, fmt.Sprintf("Điểm phải từ 0 đến %s.", vntext.FormatNumber(m, 1)))
		}
	}
	if err := es.Err(); err != nil {
		return Pledge{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, sc := range scores {
			if _, err := tx.ExecContext(ctx, "DELETE FROM emulation_scores WHERE signatory_id = ? AND commitment_id = ?", sc.SignatoryID, sc.CommitmentID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_scores (signatory_id, commitment_id, score, scored_at) VALUES (?, ?, ?, ?)`,
				sc.SignatoryID, sc.CommitmentID, sc.Score, tx.Now().Format(time.RFC3339Nano)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "score", Entity: "pledge", EntityID: id, UnitID: p.UnitID,
			After: map[string]any{"scores": len(scores)}})
	})
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: score pledge %d: %w", id, err)
	}
	return s.Pledge(ctx, id)
}

// Row is a pledge as lists show it.
type Row struct {
	ID          int64
	UnitID      int64
	Title       string
	Period      string
	SignedOn    time.Time
	Signatories int
}

// List returns the pledges of units (all: every unit), newest first, or
// of one conference when conferenceID is set.
func (s *Store) List(ctx context.Context, all bool, units []int64, conferenceID int64, limit int) ([]Row, error) {
	if !all && len(units) == 0 {
		return []Row{}, nil
	}
	var where []string
	var args []any
	if !all {
		where = append(where, "p.unit_id IN ("+db.Placeholders(len(units))+")")
		for _, u := range units {
			args = append(args, u)
		}
	}
	if conferenceID != 0 {
		where = append(where, "p.conference_id = ?")
		args = append(args, conferenceID)
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.unit_id, p.title, p.period, p.signed_on,
		(SELECT COUNT(*) FROM emulation_signatories s WHERE s.pledge_id = p.id)
		FROM emulation_pledges p `+w+` ORDER BY p.signed_on DESC, p.id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("emulation: list: %w", err)
	}
	defer rows.Close()
	out := []Row{}
	for rows.Next() {
		var r Row
		var on string
		if err := rows.Scan(&r.ID, &r.UnitID, &r.Title, &r.Period, &on, &r.Signatories); err != nil {
			return nil, fmt.Errorf("emulation: list: %w", err)
		}
		r.SignedOn = parseDay(on)
		out = append(out, r)
	}
	return out, rows.Err()
}

package citizen

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

// Rule is a hot-spot rule: what makes a warning.
type Rule string

// The rules.
const (
	// RuleRepeat: the same matter raised again at the same place — at
	// least Threshold petitions whose subjects share most of their folded
	// words, within Window days.
	RuleRepeat Rule = "repeat"
	// RuleCrowd: a petition signed by at least Threshold people (đông người).
	RuleCrowd Rule = "crowd"
	// RuleLate: a petition more than Threshold days past its deadline.
	RuleLate Rule = "late"
	// RuleIssue: an issue raised at a dialogue still unanswered more than
	// Threshold days after its deadline (or after the dialogue, without one).
	RuleIssue Rule = "issue"
	// RuleMediation: the same dispute (the same parties before the same
	// team) failed at mediation at least Threshold times within Window days.
	RuleMediation Rule = "mediation"
)

// Rules lists every rule.
var Rules = []Rule{RuleRepeat, RuleCrowd, RuleLate, RuleIssue, RuleMediation}

// Label is the rule's name.
func (r Rule) Label() i18n.Message { return i18n.M("citizen.rule." + string(r)) }

// Explain says what the rule fires on, with its setting.
func (r Rule) Explain(s RuleSetting) i18n.Message {
	return i18n.M("citizen.rule_explain."+string(r), s.Threshold, s.Window)
}

// RuleSetting is a province's tuning of one rule.
type RuleSetting struct {
	Rule      Rule
	Enabled   bool
	Threshold int
	Window    int // days (repeat and mediation)
	Default   bool
}

// DefaultRule is the setting a rule has where a province has not tuned it.
func DefaultRule(r Rule) RuleSetting {
	switch r {
	case RuleRepeat:
		return RuleSetting{Rule: r, Enabled: true, Threshold: 2, Window: 365, Default: true}
	case RuleCrowd:
		return RuleSetting{Rule: r, Enabled: true, Threshold: 5, Default: true}
	case RuleLate:
		return RuleSetting{Rule: r, Enabled: true, Threshold: 30, Default: true}
	case RuleIssue:
		return RuleSetting{Rule: r, Enabled: true, Threshold: 15, Default: true}
	case RuleMediation:
		return RuleSetting{Rule: r, Enabled: true, Threshold: 2, Window: 730, Default: true}
	}
	return RuleSetting{Rule: r}
}

func (rs *RuleSetting) validate(es *apperr.Errors) {
	f := "rule." + string(rs.Rule)
	switch rs.Rule {
	case RuleRepeat, RuleMediation:
		if rs.Threshold < 2 || rs.Threshold > 100 {
			es.Add(f+".threshold", "citizen.err.rule_threshold", 2, 100)
		}
		if rs.Window < 7 || rs.Window > 3650 {
			es.Add(f+".window", "citizen.err.rule_window")
		}
	case RuleCrowd:
		if rs.Threshold < 2 || rs.Threshold > 10000 {
			es.Add(f+".threshold", "citizen.err.rule_threshold", 2, 10000)
		}
	case RuleLate, RuleIssue:
		if rs.Threshold < 0 || rs.Threshold > 365 {
			es.Add(f+".threshold", "citizen.err.rule_threshold", 0, 365)
		}
	default:
		es.Add("rule", "citizen.err.rule")
	}
}

// rules reads a province's settings for every rule.
func rulesOf(ctx context.Context, q db.Querier, province int64) (map[Rule]RuleSetting, error) {
	out := map[Rule]RuleSetting{}
	for _, r := range Rules {
		out[r] = DefaultRule(r)
	}
	rows, err := q.QueryContext(ctx, `SELECT rule, enabled, threshold, window_days FROM citizen_hotspot_rules WHERE province_id = ?`, province)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var rs RuleSetting
		var rule string
		var enabled int
		if err := rows.Scan(&rule, &enabled, &rs.Threshold, &rs.Window); err != nil {
			return nil, err
		}
		rs.Rule, rs.Enabled = Rule(rule), enabled == 1
		if _, ok := out[rs.Rule]; ok {
			out[rs.Rule] = rs
		}
	}
	return out, rows.Err()
}

// RuleSettings returns the rules of province (a unit p leads or reads),
// in the order of Rules.
func (s *Store) RuleSettings(ctx context.Context, p *auth.Principal, province int64) ([]RuleSetting, error) {
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", province); err != nil {
		return nil, err
	}
	m, err := rulesOf(ctx, s.db, province)
	if err != nil {
		return nil, wrap(err, "rules")
	}
	out := make([]RuleSetting, 0, len(Rules))
	for _, r := range Rules {
		out = append(out, m[r])
	}
	return out, nil
}

// SaveRules sets a province's rules, for a leader of the province (a
// unit directly below the root). Open warnings stay; the new settings
// apply from the next change.
func (s *Store) SaveRules(ctx context.Context, p *auth.Principal, province int64, rs []RuleSetting) error {
	if err := s.require(ctx, p, auth.PermApprove, "citizen.err.forbidden_rules", province); err != nil {
		return err
	}
	u, err := s.units.Get(ctx, province, s.Today())
	if err != nil {
		return wrap(err, "rules")
	}
	if u.Level != org.Province {
		return apperr.Invalid("province", "citizen.err.not_province")
	}
	var es apperr.Errors
	seen := map[Rule]bool{}
	for i := range rs {
		if seen[rs[i].Rule] {
			es.Add("rule", "citizen.err.rule")
		}
		seen[rs[i].Rule] = true
		rs[i].validate(&es)
	}
	if err := es.Err(); err != nil {
		return err
	}
	return wrap(s.db.WithTx(ctx, func(tx *db.Tx) error {
		before, err := rulesOf(ctx, tx, province)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if _, err := tx.ExecContext(ctx, `DELETE FROM citizen_hotspot_rules WHERE province_id = ? AND rule = ?`, province, string(r.Rule)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_hotspot_rules (province_id, rule, enabled, threshold, window_days, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, province, string(r.Rule), boolInt(r.Enabled), r.Threshold, r.Window, db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "hotspot_rules", EntityID: province, UnitID: province,
			Before: before, After: rs})
	}), "save rules")
}

// CaseRef names a case a warning is about.
type CaseRef struct {
	Kind  string // petition, issue, mediation (and, for figures, dialogue, hotspot, team)
	ID    int64
	Title string
}

// Link is the page of the case.
func (c CaseRef) Link() string {
	switch c.Kind {
	case "petition":
		return fmt.Sprintf("/cong-dan/don/%d", c.ID)
	case "issue":
		return fmt.Sprintf("/cong-dan/y-kien/%d", c.ID)
	case "dialogue":
		return fmt.Sprintf("/cong-dan/doi-thoai/%d", c.ID)
	case "hotspot":
		return fmt.Sprintf("/cong-dan/diem-nong/%d", c.ID)
	case "team":
		return fmt.Sprintf("/cong-dan/hoa-giai/%d", c.ID)
	}
	return fmt.Sprintf("/cong-dan/vu-viec-hoa-giai/%d", c.ID)
}

// HotSpot is a warning.
type HotSpot struct {
	ID         int64
	UnitID     int64
	UnitName   string
	ProvinceID int64
	Rule       Rule
	Summary    string
	Open       bool
	OpenedOn   time.Time
	CaseCount  int
	Assessment string
	ClosedOn   time.Time
	ClosedBy   string
	Cases      []CaseRef
}

// evalDay is the day rules are evaluated on in tx.
func evalDay(tx *db.Tx) time.Time { return db.DayOf(tx.Now().In(vietnam)) }

// raise opens a warning of rule on subject for unit with the given cases,
// or adds the cases to the open warning of the same subject (or one that
// names any of them); a subject closed before with no new case stays
// closed.
func raise(ctx context.Context, tx *db.Tx, rule Rule, subject string, unit, province int64, summary string, kind string, cases []int64) error {
	slices.Sort(cases)
	// The open warning of this rule and subject, and the open warning of
	// this rule naming one of the cases: the older of the two. Two
	// lookups, each on its own index (one query joined with OR read
	// every warning's case list).
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM citizen_hotspots WHERE rule = ? AND subject_key = ? AND status = 'open'`,
		string(rule), subject).Scan(&id)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	// The warnings naming the cases, read by the cases alone, then the
	// open ones of this rule among them: two single-table lookups, so no
	// planner (with statistics taken before any warning existed) walks
	// every open warning probing each case.
	args := []any{kind}
	for _, c := range cases {
		args = append(args, c)
	}
	naming, err := idsOf(ctx, tx, `SELECT DISTINCT hotspot_id FROM citizen_hotspot_cases WHERE case_kind = ? AND case_id IN (`+db.Placeholders(len(cases))+`)`, args...)
	if err != nil {
		return err
	}
	var named int64
	if len(naming) > 0 {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MIN(id), 0) FROM citizen_hotspots WHERE id IN (`+db.IDList(naming)+`) AND rule = ? AND status = 'open'`,
			string(rule)).Scan(&named); err != nil {
			return err
		}
	}
	if named != 0 && (id == 0 || named < id) {
		id = named
	}
	if id == 0 {
		// A closed warning that named every case already: the leaders
		// assessed it; nothing new.
		var closed int
		cargs := []any{string(rule), subject, kind}
		for _, c := range cases {
			cargs = append(cargs, c)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(DISTINCT c.case_id) FROM citizen_hotspots h JOIN citizen_hotspot_cases c ON c.hotspot_id = h.id
			WHERE h.status = 'closed' AND h.rule = ? AND h.subject_key = ? AND c.case_kind = ? AND c.case_id IN (`+db.Placeholders(len(cases))+`)`,
			cargs...).Scan(&closed); err != nil {
			return err
		}
		if closed == len(cases) {
			return nil
		}
		now := db.Stamp(tx.Now())
		id, err = tx.InsertID(ctx, `INSERT INTO citizen_hotspots (unit_id, province_id, rule, subject_key, summary, status, opened_on, case_count, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 'open', ?, 0, ?, ?)`, unit, db.NullID(province), string(rule), subject, summary, db.Day(evalDay(tx)), now, now)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "raise", Entity: "hotspot", EntityID: id, UnitID: unit,
			After: map[string]any{"rule": rule, "summary": summary, "cases": cases}}); err != nil {
			return err
		}
	}
	// The cases the warning names already, read once: a repeat group
	// can hold hundreds.
	have := map[int64]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT case_id FROM citizen_hotspot_cases WHERE hotspot_id = ? AND case_kind = ?`, id, kind)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		have[c] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	added := 0
	for _, c := range cases {
		if have[c] {
			continue
		}
		have[c] = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_hotspot_cases (hotspot_id, case_kind, case_id) VALUES (?, ?, ?)`, id, kind, c); err != nil {
			return err
		}
		added++
	}
	if added == 0 {
		// Nothing new: the warning follows its latest case's unit, and is
		// otherwise left as it was.
		_, err = tx.ExecContext(ctx, `UPDATE citizen_hotspots SET unit_id = ?, updated_at = ? WHERE id = ? AND unit_id <> ?`, unit, db.Stamp(tx.Now()), id, unit)
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE citizen_hotspots SET case_count = (SELECT COUNT(*) FROM citizen_hotspot_cases WHERE hotspot_id = ?),
		unit_id = ?, updated_at = ? WHERE id = ?`, id, unit, db.Stamp(tx.Now()), id)
	return err
}

// similar reports whether two matter keys share most of their words: at
// least 60% of the smaller one's and half of all.
func similar(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return a == b
	}
	common := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			common++
		}
	}
	union := len(wa) + len(wb) - common
	return float64(common) >= 0.6*float64(min(len(wa), len(wb))) && float64(common) >= 0.5*float64(union)
}

// evaluatePetition runs every rule on petition id inside tx.
func (s *Store) evaluatePetition(ctx context.Context, tx *db.Tx, id int64) error {
	return s.petitionRules(ctx, tx, id, false)
}

// evaluatePetitionLate runs on petition id only the rule that time alone
// can fire (late), for the daily sweep: the crowd and repeat rules
// change only with a write, which evaluates them then, so the sweep
// would only write their warnings again.
func (s *Store) evaluatePetitionLate(ctx context.Context, tx *db.Tx, id int64) error {
	return s.petitionRules(ctx, tx, id, true)
}

// petitionRules runs the rules on petition id inside tx: every rule, or
// the late rule alone.
func (s *Store) petitionRules(ctx context.Context, tx *db.Tx, id int64, lateOnly bool) error {
	var unit, province int64
	var subject, matter, place, recv, due string
	var signers int
	err := tx.QueryRowContext(ctx, `SELECT unit_id, COALESCE(province_id, 0), subject, matter_key, place_fold, received_on, due_on, signatories
		FROM citizen_petitions WHERE id = ?`, id).Scan(&unit, &province, &subject, &matter, &place, &recv, &due, &signers)
	if err != nil {
		return err
	}
	rules, err := rulesOf(ctx, tx, province)
	if err != nil {
		return err
	}
	today := evalDay(tx)
	pid := strconv.FormatInt(id, 10)
	if r := rules[RuleCrowd]; r.Enabled && signers >= r.Threshold && !lateOnly {
		if err := raise(ctx, tx, RuleCrowd, "p"+pid, unit, province, subject, "petition", []int64{id}); err != nil {
			return err
		}
	}
	if r := rules[RuleLate]; r.Enabled && due != "" {
		d, err := db.ParseDay(due)
		if err != nil {
			return err
		}
		if d.AddDate(0, 0, r.Threshold).Before(today) {
			if err := raise(ctx, tx, RuleLate, "p"+pid, unit, province, subject, "petition", []int64{id}); err != nil {
				return err
			}
		}
	}
	if r := rules[RuleRepeat]; r.Enabled && place != "" && matter != "" && !lateOnly {
		received, err := db.ParseDay(recv)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, matter_key FROM citizen_petitions
			WHERE province_id = ? AND place_fold = ? AND received_on >= ? AND received_on <= ? AND id <> ?
			ORDER BY received_on DESC LIMIT 500`,
			province, place, db.Day(received.AddDate(0, 0, -r.Window)), db.Day(received.AddDate(0, 0, r.Window)), id)
		if err != nil {
			return err
		}
		group := []int64{id}
		alike := map[string]bool{} // by matter key: petitions repeat their words
		for rows.Next() {
			var oid int64
			var key string
			if err := rows.Scan(&oid, &key); err != nil {
				rows.Close()
				return err
			}
			same, ok := alike[key]
			if !ok {
				same = similar(matter, key)
				alike[key] = same
			}
			if same {
				group = append(group, oid)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(group) >= r.Threshold {
			first := slices.Min(group)
			if err := raise(ctx, tx, RuleRepeat, "p"+strconv.FormatInt(first, 10), unit, province, subject, "petition", group); err != nil {
				return err
			}
		}
	}
	return nil
}

// evaluateIssue runs the unanswered-issue rule on dialogue issue id.
func (s *Store) evaluateIssue(ctx context.Context, tx *db.Tx, id int64) error {
	var unit int64
	var status, due, held, content string
	err := tx.QueryRowContext(ctx, `SELECT i.unit_id, i.status, i.due_on, d.held_on, i.content FROM citizen_dialogue_issues i
		JOIN citizen_dialogues d ON d.id = i.dialogue_id WHERE i.id = ?`, id).Scan(&unit, &status, &due, &held, &content)
	if err != nil {
		return err
	}
	if status != "open" {
		return nil
	}
	u, err := s.units.Get(ctx, unit, evalDay(tx))
	province := int64(0)
	if err == nil {
		province = provinceOf(u)
	} else if apperr.CodeOf(err) != apperr.CodeNotFound {
		return err
	}
	rules, err := rulesOf(ctx, tx, province)
	if err != nil {
		return err
	}
	r := rules[RuleIssue]
	from := due
	if from == "" {
		from = held
	}
	if !r.Enabled || from == "" {
		return nil
	}
	d, err := db.ParseDay(from)
	if err != nil {
		return err
	}
	if !d.AddDate(0, 0, r.Threshold).Before(evalDay(tx)) {
		return nil
	}
	summary := content
	if rs := []rune(summary); len(rs) > 200 {
		summary = string(rs[:200]) + "…"
	}
	return raise(ctx, tx, RuleIssue, "i"+strconv.FormatInt(id, 10), unit, province, summary, "issue", []int64{id})
}

// evaluateMediation runs the failed-twice rule on mediation case id.
func (s *Store) evaluateMediation(ctx context.Context, tx *db.Tx, id int64) error {
	var team, unit int64
	var parties, matter, recv, result string
	err := tx.QueryRowContext(ctx, `SELECT team_id, unit_id, parties_key, matter, received_on, result FROM citizen_mediation_cases WHERE id = ?`, id).
		Scan(&team, &unit, &parties, &matter, &recv, &result)
	if err != nil {
		return err
	}
	if result != "failed" || parties == "" {
		return nil
	}
	u, err := s.units.Get(ctx, unit, evalDay(tx))
	province := int64(0)
	if err == nil {
		province = provinceOf(u)
	} else if apperr.CodeOf(err) != apperr.CodeNotFound {
		return err
	}
	rules, err := rulesOf(ctx, tx, province)
	if err != nil {
		return err
	}
	r := rules[RuleMediation]
	if !r.Enabled {
		return nil
	}
	received, err := db.ParseDay(recv)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM citizen_mediation_cases WHERE team_id = ? AND parties_key = ? AND result = 'failed'
		AND received_on >= ? ORDER BY id LIMIT 100`, team, parties, db.Day(received.AddDate(0, 0, -r.Window)))
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(ids) < r.Threshold {
		return nil
	}
	return raise(ctx, tx, RuleMediation, fmt.Sprintf("m%d:%s", team, parties), unit, province, matter, "mediation", ids)
}

// sweepName is the setting that keeps the day of the last sweep.
const sweepName = "sweep"

// Sweep evaluates the rules that time alone can fire — petitions past
// their deadline, dialogue issues unanswered — once a day (a second call
// the same day does nothing): the pages of warnings call it before
// reading, and serve's maintenance runs it every hour so that a page
// rarely waits for it. The cases go through in batches of sweepBatch,
// each batch one transaction, so that a national sweep never holds the
// database for long and an interrupted one resumes where it stopped
// (evaluation is idempotent: a case already warned is not warned twice).
// It reports how many cases it looked at.
func (s *Store) Sweep(ctx context.Context) (int, error) {
	today := db.Day(s.Today())
	if done, err := s.swept(ctx, s.db, today); err != nil || done {
		return 0, wrap(err, "sweep")
	}
	n := 0
	// The latest threshold any province may set is a year; the
	// evaluation applies each province's own.
	late, err := s.sweepBatches(ctx, today, `SELECT p.id FROM citizen_petitions p WHERE p.due_on <> '' AND p.due_on < ? AND p.id > ?
		AND NOT EXISTS (SELECT 1 FROM citizen_hotspot_cases c JOIN citizen_hotspots h ON h.id = c.hotspot_id
			WHERE h.rule = 'late' AND c.case_kind = 'petition' AND c.case_id = p.id)
		ORDER BY p.id LIMIT ?`, s.evaluatePetitionLate, today)
	n += late
	if err != nil {
		return n, wrap(err, "sweep")
	}
	open, err := s.sweepBatches(ctx, today, `SELECT i.id FROM citizen_dialogue_issues i WHERE i.status = 'open' AND i.id > ?
		AND NOT EXISTS (SELECT 1 FROM citizen_hotspot_cases c JOIN citizen_hotspots h ON h.id = c.hotspot_id
			WHERE h.rule = 'issue' AND c.case_kind = 'issue' AND c.case_id = i.id)
		ORDER BY i.id LIMIT ?`, s.evaluateIssue)
	n += open
	if err != nil {
		return n, wrap(err, "sweep")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM citizen_settings WHERE name = ?`, sweepName); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO citizen_settings (name, body, version, updated_at) VALUES (?, ?, 1, ?)`, sweepName, today, db.Stamp(tx.Now()))
		return err
	})
	return n, wrap(err, "sweep")
}

// sweepBatch is how many cases one transaction of the sweep evaluates (a
// variable for the tests).
var sweepBatch = 500

// swept tells whether the sweep of today has been done.
func (s *Store) swept(ctx context.Context, q db.Querier, today string) (bool, error) {
	var last string
	err := q.QueryRowContext(ctx, `SELECT body FROM citizen_settings WHERE name = ?`, sweepName).Scan(&last)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return false, err
	}
	return last == today, nil
}

// sweepBatches evaluates, a batch per transaction, the cases that query
// selects after an id (its arguments: args, then the last id seen, then
// the batch size), in id order, and returns how many it evaluated. It
// stops early when another server has finished today's sweep meanwhile.
func (s *Store) sweepBatches(ctx context.Context, today, query string, eval func(context.Context, *db.Tx, int64) error, args ...any) (int, error) {
	n := 0
	var after int64
	for {
		var ids []int64
		stop := false
		err := s.db.WithTx(ctx, func(tx *db.Tx) error {
			if done, err := s.swept(ctx, tx, today); err != nil || done {
				stop = done
				return err
			}
			var err error
			if ids, err = idsOf(ctx, tx, query, append(append(slices.Clone(args), after), sweepBatch)...); err != nil {
				return err
			}
			for _, id := range ids {
				if err := eval(ctx, tx, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return n, err
		}
		if stop {
			return n, nil
		}
		n += len(ids)
		if len(ids) < sweepBatch {
			return n, nil
		}
		after = ids[len(ids)-1]
	}
}

func idsOf(ctx context.Context, q db.Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// HotSpotFilter selects warnings.
type HotSpotFilter struct {
	Open   bool // only open ones
	Closed bool // only closed ones
	// Leading keeps the warnings of units the caller leads
	// (auth.PermApprove): what a leader's home page shows.
	Leading       bool
	Limit, Offset int
}

const hotspotCols = `h.id, h.unit_id, COALESCE(h.province_id, 0), h.rule, h.summary, h.status, h.opened_on, h.case_count,
	h.assessment, h.closed_on, h.closed_by`

func scanHotSpot(r interface{ Scan(...any) error }, extra ...any) (HotSpot, error) {
	var h HotSpot
	var rule, status, opened, closed string
	dest := append([]any{&h.ID, &h.UnitID, &h.ProvinceID, &rule, &h.Summary, &status, &opened, &h.CaseCount,
		&h.Assessment, &closed, &h.ClosedBy}, extra...)
	if err := r.Scan(dest...); err != nil {
		return HotSpot{}, err
	}
	h.Rule, h.Open = Rule(rule), status == "open"
	return h, parseDays(&h.OpenedOn, opened, &h.ClosedOn, closed)
}

// HotSpots returns one page of the warnings f selects among the units p
// may read (or lead), the newest first, and how many there are. It does
// not sweep (reading writes nothing): call Sweep first for today's.
func (s *Store) HotSpots(ctx context.Context, p *auth.Principal, f HotSpotFilter) ([]HotSpot, int, error) {
	perm := auth.PermRead
	if f.Leading {
		perm = auth.PermApprove
	}
	r, err := s.reach(ctx, p, perm)
	if err != nil {
		return nil, 0, err
	}
	var where []string
	if w := scopeWhere("h.unit_id", r); w != "" {
		where = append(where, w)
	}
	if f.Open {
		where = append(where, "h.status = 'open'")
	} else if f.Closed {
		where = append(where, "h.status = 'closed'")
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	today := db.Day(s.Today())
	rows, err := s.db.QueryContext(ctx, `SELECT `+hotspotCols+`, `+org.NameSQL("h.unit_id", "?")+`, COUNT(*) OVER ()
		FROM citizen_hotspots h`+w+` ORDER BY h.opened_on DESC, h.id DESC LIMIT ? OFFSET ?`, today, min(f.Limit, 500), f.Offset)
	if err != nil {
		return nil, 0, wrap(err, "hot spots")
	}
	defer rows.Close()
	out := []HotSpot{}
	total := 0
	for rows.Next() {
		var name string
		h, err := scanHotSpot(rows, &name, &total)
		if err != nil {
			return nil, 0, wrap(err, "hot spots")
		}
		h.UnitName = name
		out = append(out, h)
	}
	return out, total, wrap(rows.Err(), "hot spots")
}

// HotSpot returns warning id with its cases, to a reader of its unit.
func (s *Store) HotSpot(ctx context.Context, p *auth.Principal, id int64) (HotSpot, error) {
	today := db.Day(s.Today())
	var name string
	h, err := scanHotSpot(s.db.QueryRowContext(ctx, `SELECT `+hotspotCols+`, `+org.NameSQL("h.unit_id", "?")+` FROM citizen_hotspots h WHERE h.id = ?`, today, id), &name)
	if errors.Is(err, db.ErrNotFound) {
		return HotSpot{}, apperr.NotFound("citizen.err.hotspot_not_found")
	}
	if err != nil {
		return HotSpot{}, wrap(err, "hot spot")
	}
	h.UnitName = name
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", h.UnitID); err != nil {
		return HotSpot{}, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.case_kind, c.case_id, COALESCE(pt.subject, i.content, m.matter, '')
		FROM citizen_hotspot_cases c
		LEFT JOIN citizen_petitions pt ON c.case_kind = 'petition' AND pt.id = c.case_id
		LEFT JOIN citizen_dialogue_issues i ON c.case_kind = 'issue' AND i.id = c.case_id
		LEFT JOIN citizen_mediation_cases m ON c.case_kind = 'mediation' AND m.id = c.case_id
		WHERE c.hotspot_id = ? ORDER BY c.case_kind, c.case_id`, id)
	if err != nil {
		return HotSpot{}, wrap(err, "hot spot")
	}
	defer rows.Close()
	for rows.Next() {
		var c CaseRef
		if err := rows.Scan(&c.Kind, &c.ID, &c.Title); err != nil {
			return HotSpot{}, wrap(err, "hot spot")
		}
		h.Cases = append(h.Cases, c)
	}
	return h, wrap(rows.Err(), "hot spot")
}

// CloseHotSpot closes an open warning with the leaders' assessment, for
// a leader of its unit (or above).
func (s *Store) CloseHotSpot(ctx context.Context, p *auth.Principal, id int64, assessment string) (HotSpot, error) {
	h, err := s.HotSpot(ctx, p, id)
	if err != nil {
		return HotSpot{}, err
	}
	if err := s.require(ctx, p, auth.PermApprove, "citizen.err.forbidden_close", h.UnitID); err != nil {
		return HotSpot{}, err
	}
	assessment = cleanText(assessment)
	if assessment == "" {
		return HotSpot{}, apperr.Invalid("assessment", "citizen.err.assessment")
	}
	if len([]rune(assessment)) > 10000 {
		return HotSpot{}, apperr.Invalid("assessment", "citizen.err.too_long", 10000)
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE citizen_hotspots SET status = 'closed', assessment = ?, closed_on = ?, closed_by = ?, updated_at = ?
			WHERE id = ? AND status = 'open'`, assessment, db.Day(evalDay(tx)), author(p), db.Stamp(tx.Now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("citizen.err.hotspot_closed")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "close", Entity: "hotspot", EntityID: id, UnitID: h.UnitID,
			After: map[string]any{"assessment": assessment}})
	})
	if err != nil {
		return HotSpot{}, wrap(err, "close hot spot")
	}
	return s.HotSpot(ctx, p, id)
}

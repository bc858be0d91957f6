package commendation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

// ProposalStatus is where a proposal stands.
type ProposalStatus string

// The statuses of a proposal.
const (
	Submitted ProposalStatus = "submitted"
	Approved  ProposalStatus = "approved"
	Rejected  ProposalStatus = "rejected"
)

// Label is the status's name (catalog key "commendation.status.<code>").
func (s ProposalStatus) Label() i18n.Message { return i18n.M("commendation.status." + string(s)) }

// Proposal is a request (đề nghị khen thưởng) from a unit to a unit above
// it to commend the recipients listed.
type Proposal struct {
	ID          int64
	UnitID      int64 // the proposing unit
	UnitName    string
	ToUnitID    int64 // the unit asked to decide
	ToUnitName  string
	Form        Form
	Title       string
	Period      string
	Reason      string // why the proposing unit asks (tờ trình)
	Recipients  []Recipient
	Status      ProposalStatus
	Note        string // the deciding unit's reason for a rejection
	DecisionID  int64  // the decision an approval made
	SubmittedAt time.Time
	DecidedAt   time.Time
	Version     int64
}

// Propose sends pr from its unit to pr.ToUnitID, for a caller who may
// write on the proposing unit. The unit asked must be above it today and
// allowed by the rule table to give the form; the recipients must be the
// proposing unit or below it today.
func (s *Store) Propose(ctx context.Context, p *auth.Principal, pr Proposal) (Proposal, error) {
	var es apperr.Errors
	validateAward(&es, &pr.Form, &pr.Title, &pr.Period, pr.Recipients)
	if pr.Reason = clean(pr.Reason); len(pr.Reason) > maxLong {
		es.Add("reason", "commendation.err.too_long")
	}
	if err := es.Err(); err != nil {
		return Proposal{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "commendation.err.forbidden_write", pr.UnitID); err != nil {
		return Proposal{}, err
	}
	today := s.db.Now()
	from, err := s.units.Get(ctx, pr.UnitID, today)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Proposal{}, apperr.Invalid("unit", "commendation.err.unit_day")
		}
		return Proposal{}, err
	}
	if pr.ToUnitID == pr.UnitID || !slices.Contains(from.PathIDs(), pr.ToUnitID) {
		return Proposal{}, apperr.Invalid("to_unit", "commendation.err.to_unit")
	}
	to, err := s.units.Get(ctx, pr.ToUnitID, today)
	if err != nil {
		return Proposal{}, err
	}
	ok, err := allows(ctx, s.db, to.Level, pr.Form)
	if err != nil {
		return Proposal{}, err
	}
	if !ok {
		return Proposal{}, apperr.Invalid("form", "commendation.err.form_level", pr.Form.Label(), i18n.M("level."+string(to.Level)))
	}
	if err := s.resolve(ctx, pr.UnitID, today, pr.Recipients); err != nil {
		return Proposal{}, err
	}
	list, err := json.Marshal(pr.Recipients)
	if err != nil {
		return Proposal{}, fmt.Errorf("commendation: propose: %w", err)
	}
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err = tx.InsertID(ctx, `INSERT INTO commendation_proposals (unit_id, to_unit_id, form, title, period, reason, recipients, status, submitted_at, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, 1)`, pr.UnitID, pr.ToUnitID, string(pr.Form), pr.Title, pr.Period, pr.Reason, string(list), db.Stamp(tx.Now()))
		if err != nil {
			return fmt.Errorf("commendation: propose: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "submit", Entity: "commendation_proposal", EntityID: id, UnitID: pr.UnitID,
			After: map[string]any{"to_unit": pr.ToUnitID, "form": pr.Form, "recipients": len(pr.Recipients)}})
	})
	if err != nil {
		return Proposal{}, err
	}
	return s.Proposal(ctx, p, id)
}

// Proposal returns proposal id to a caller who may read the proposing or
// the deciding unit.
func (s *Store) Proposal(ctx context.Context, p *auth.Principal, id int64) (Proposal, error) {
	pr, err := loadProposal(ctx, s.db, id)
	if err != nil {
		return Proposal{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "commendation.err.forbidden_read", pr.UnitID, pr.ToUnitID); err != nil {
		return Proposal{}, err
	}
	return pr, nil
}

const proposalColumns = `p.id, p.unit_id, p.to_unit_id, p.form, p.title, p.period, p.reason, p.recipients, p.status, p.note,
	COALESCE(p.decision_id, 0), p.submitted_at, p.decided_at, p.version, `

func scanProposal(sc interface{ Scan(...any) error }) (Proposal, error) {
	var pr Proposal
	var list, submitted string
	var decided *string
	if err := sc.Scan(&pr.ID, &pr.UnitID, &pr.ToUnitID, &pr.Form, &pr.Title, &pr.Period, &pr.Reason, &list, &pr.Status, &pr.Note,
		&pr.DecisionID, &submitted, &decided, &pr.Version, &pr.UnitName, &pr.ToUnitName); err != nil {
		return Proposal{}, err
	}
	if err := json.Unmarshal([]byte(list), &pr.Recipients); err != nil {
		return Proposal{}, err
	}
	var err error
	if pr.SubmittedAt, err = db.ParseStamp(submitted); err != nil {
		return Proposal{}, err
	}
	if decided != nil {
		if pr.DecidedAt, err = db.ParseStamp(*decided); err != nil {
			return Proposal{}, err
		}
	}
	return pr, nil
}

func proposalQuery(where string) string {
	day := "substr(p.submitted_at, 1, 10)"
	return `SELECT ` + proposalColumns + org.NameSQL("p.unit_id", day) + `, ` + org.NameSQL("p.to_unit_id", day) + `
		FROM commendation_proposals p WHERE ` + where
}

func loadProposal(ctx context.Context, q db.Querier, id int64) (Proposal, error) {
	pr, err := scanProposal(q.QueryRowContext(ctx, proposalQuery("p.id = ?"), id))
	if errors.Is(err, db.ErrNotFound) {
		return Proposal{}, apperr.NotFound("commendation.err.proposal_not_found")
	}
	if err != nil {
		return Proposal{}, fmt.Errorf("commendation: proposal %d: %w", id, err)
	}
	return pr, nil
}

// Proposals returns the proposals sent to unit unitID (incoming) or from
// it, newest first, to a caller who may read it; status "" means every
// status.
func (s *Store) Proposals(ctx context.Context, p *auth.Principal, unitID int64, incoming bool, status ProposalStatus) ([]Proposal, error) {
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "commendation.err.forbidden_read", unitID); err != nil {
		return nil, err
	}
	where, args := "p.unit_id = ?", []any{unitID}
	if incoming {
		where = "p.to_unit_id = ?"
	}
	switch status {
	case "":
	case Submitted, Approved, Rejected:
		where += " AND p.status = ?"
		args = append(args, string(status))
	default:
		return nil, apperr.Invalid("status", "commendation.err.status")
	}
	rows, err := s.db.QueryContext(ctx, proposalQuery(where)+` ORDER BY p.submitted_at DESC, p.id DESC LIMIT 500`, args...)
	if err != nil {
		return nil, fmt.Errorf("commendation: proposals: %w", err)
	}
	defer rows.Close()
	out := []Proposal{}
	for rows.Next() {
		pr, err := scanProposal(rows)
		if err != nil {
			return nil, fmt.Errorf("commendation: proposals: %w", err)
		}
		out = append(out, pr)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("commendation: proposals: %w", err)
	}
	return out, nil
}

// Approve decides proposal id (at version, as read) by issuing decision
// d, for a caller who may approve on the unit asked: d gives the number,
// the day, the signer; the unit, form, title, period and recipients come
// from the proposal. The decision and the proposal's new status are
// written in one transaction. Duplicates are handled as Create does.
func (s *Store) Approve(ctx context.Context, p *auth.Principal, id, version int64, d Decision, confirm bool) (Proposal, Decision, []Duplicate, error) {
	pr, err := loadProposal(ctx, s.db, id)
	if err != nil {
		return Proposal{}, Decision{}, nil, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermApprove, "commendation.err.forbidden_decide", pr.ToUnitID); err != nil {
		return Proposal{}, Decision{}, nil, err
	}
	if pr.Status != Submitted {
		return Proposal{}, Decision{}, nil, apperr.Conflict("commendation.err.decided")
	}
	if pr.Version != version {
		return Proposal{}, Decision{}, nil, apperr.Conflict("commendation.err.stale")
	}
	d.UnitID, d.Form, d.Title, d.Period, d.Recipients = pr.ToUnitID, pr.Form, pr.Title, pr.Period, pr.Recipients
	// The deciding leader records the decision: the issuer's write check
	// is the approval itself.
	if err := d.validate(); err != nil {
		return Proposal{}, Decision{}, nil, err
	}
	dups, err := s.issuable(ctx, &d)
	if err != nil {
		return Proposal{}, Decision{}, nil, err
	}
	if len(dups) > 0 && !confirm {
		return Proposal{}, Decision{}, dups, apperr.Conflict("commendation.err.duplicate", len(dups))
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE commendation_proposals SET status = 'approved', decided_at = ?, version = version + 1
			WHERE id = ? AND version = ? AND status = 'submitted'`, db.Stamp(tx.Now()), id, version)
		if err != nil {
			return fmt.Errorf("commendation: approve %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("commendation.err.stale")
		}
		if err := insert(ctx, tx, &d, len(dups)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE commendation_proposals SET decision_id = ? WHERE id = ?`, d.ID, id); err != nil {
			return fmt.Errorf("commendation: approve %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "approve", Entity: "commendation_proposal", EntityID: id, UnitID: pr.ToUnitID,
			After: map[string]any{"decision": d.ID, "number": d.Number}})
	})
	if err != nil {
		return Proposal{}, Decision{}, nil, err
	}
	out, err := s.Proposal(ctx, p, id)
	if err != nil {
		return Proposal{}, Decision{}, nil, err
	}
	dec, err := s.Decision(ctx, p, d.ID)
	return out, dec, dups, err
}

// Reject decides proposal id (at version) against, with the reason in
// note, for a caller who may approve on the unit asked.
func (s *Store) Reject(ctx context.Context, p *auth.Principal, id, version int64, note string) (Proposal, error) {
	note = clean(note)
	if note == "" || len(note) > maxLong {
		return Proposal{}, apperr.Invalid("note", "commendation.err.note")
	}
	pr, err := loadProposal(ctx, s.db, id)
	if err != nil {
		return Proposal{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermApprove, "commendation.err.forbidden_decide", pr.ToUnitID); err != nil {
		return Proposal{}, err
	}
	if pr.Status != Submitted {
		return Proposal{}, apperr.Conflict("commendation.err.decided")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE commendation_proposals SET status = 'rejected', note = ?, decided_at = ?, version = version + 1
			WHERE id = ? AND version = ? AND status = 'submitted'`, note, db.Stamp(tx.Now()), id, version)
		if err != nil {
			return fmt.Errorf("commendation: reject %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("commendation.err.stale")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "reject", Entity: "commendation_proposal", EntityID: id, UnitID: pr.ToUnitID,
			After: map[string]any{"note": note}})
	})
	if err != nil {
		return Proposal{}, err
	}
	return s.Proposal(ctx, p, id)
}

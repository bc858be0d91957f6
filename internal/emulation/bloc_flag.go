package emulation

import (
	"context"
	"fmt"
	"slices"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// FlagProposal is the commendation proposal a bloc's approved year makes
// for the emulation flag (Cờ thi đua): the member proposed (UnitID)
// proposes itself to ToUnitID, with the achievement written from the
// bloc's year.
type FlagProposal struct {
	UnitID      int64
	ToUnitID    int64
	Year        int
	Achievement string
	Reason      string
}

// Proposer records a flag proposal through package commendation's
// proposal flow, writing through d (a database inside the caller's
// transaction), and returns the proposal's id. Package emulation cannot
// import commendation (commendation drafts documents, which read
// pledges), so its wiring passes commendation.ProposeBlocFlag.
type Proposer func(ctx context.Context, d *db.DB, p *auth.Principal, fp FlagProposal) (int64, error)

// MayProposeFlag reports whether p may propose y's flag member for the
// emulation flag now: the year is approved, its flag member is set and
// not yet proposed, and p writes on that member.
func (s *Store) MayProposeFlag(ctx context.Context, p *auth.Principal, y BlocYear) (bool, error) {
	if y.Status != Approved || y.FlagUnitID == 0 || y.FlagProposalID != 0 {
		return false, nil
	}
	return s.may(ctx, p, auth.PermWrite, y.FlagUnitID)
}

// ProposeFlag proposes the member of bloc id's approved year chosen for
// the flag for the emulation flag, through propose (package
// commendation's proposal flow), and links the proposal to the year, in
// one transaction. The caller must write on that member, which proposes
// itself; toUnitID is the unit asked to decide: the bloc's organizer
// (0) or a unit above it, one whose level may give the flag
// (commendation's rule table decides). A year proposes once.
func (s *Store) ProposeFlag(ctx context.Context, p *auth.Principal, propose Proposer, id int64, year int, toUnitID int64, reason string) (BlocYear, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, err
	}
	if y.Status != Approved || y.FlagUnitID == 0 {
		return BlocYear{}, apperr.Conflict("emulation.bloc.err.not_approved")
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{y.FlagUnitID}, "emulation.bloc.err.forbidden_flag"); err != nil {
		return BlocYear{}, err
	}
	if y.FlagProposalID != 0 {
		return BlocYear{}, apperr.Conflict("emulation.bloc.err.flag_proposed")
	}
	if toUnitID == 0 {
		toUnitID = y.UnitID
	}
	organizer, err := s.units.Get(ctx, y.UnitID, s.db.Now())
	switch {
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		return BlocYear{}, apperr.Invalid("to_unit", "emulation.bloc.err.flag_to")
	case err != nil:
		return BlocYear{}, err
	case toUnitID != y.UnitID && !slices.Contains(organizer.PathIDs(), toUnitID):
		return BlocYear{}, apperr.Invalid("to_unit", "emulation.bloc.err.flag_to")
	}
	fp := FlagProposal{UnitID: y.FlagUnitID, ToUnitID: toUnitID, Year: year, Reason: clean(reason),
		Achievement: fmt.Sprintf("Dẫn đầu %s năm %d", y.Name, year)}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := s.lockYear(ctx, tx, id, year)
		if err != nil {
			return err
		}
		if cur.Status != Approved || cur.FlagUnitID != fp.UnitID {
			return apperr.Conflict("emulation.bloc.err.not_approved")
		}
		if cur.FlagProposalID != 0 {
			return apperr.Conflict("emulation.bloc.err.flag_proposed")
		}
		pid, err := propose(ctx, s.db.Within(tx), p, fp)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_years SET flag_proposal_id = ?, version = version + 1
			WHERE bloc_id = ? AND year = ? AND flag_proposal_id IS NULL`, pid, id, year)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("emulation.bloc.err.flag_proposed")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "flag_proposal", Entity: "bloc", EntityID: id, UnitID: fp.UnitID,
			After: map[string]any{"year": year, "proposal": pid, "to_unit": toUnitID}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d flag proposal", id)
	}
	return s.BlocYear(ctx, p, id, year)
}

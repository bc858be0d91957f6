package commendation

import (
	"context"
	"strconv"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/org"
)

// ProposeBlocFlag is the emulation.Proposer by which an emulation bloc's
// leading member is proposed for the emulation flag: a Propose from the
// member to the unit asked, form Cờ thi đua, for the year, the member
// itself the one recipient with the bloc's achievement. It writes
// through the database it is given (the bloc's transaction), so every
// rule of Propose applies (who may propose, a unit above, the rule
// table's forms).
func ProposeBlocFlag(units *org.Store, authz *auth.Store) emulation.Proposer {
	return func(ctx context.Context, d *db.DB, p *auth.Principal, fp emulation.FlagProposal) (int64, error) {
		pr, err := NewStore(d, units, authz).Propose(ctx, p, Proposal{UnitID: fp.UnitID, ToUnitID: fp.ToUnitID, Form: Flag,
			Period: strconv.Itoa(fp.Year), Reason: fp.Reason,
			Recipients: []Recipient{{Kind: UnitKind, UnitID: fp.UnitID, Achievement: fp.Achievement}}})
		return pr.ID, err
	}
}

package report

import (
	"context"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/vntext"
)

// What waits for a leader in reporting, for the home page's inbox: the
// reports of the units directly below their units that wait for their
// decision, the units below that have not submitted the report of the
// six months that ended last (overdue: a report is due by the last day
// of its period) and those that have not yet submitted the running one.

// HalfOf is the six-month period containing day t.
func HalfOf(t time.Time) vntext.Period {
	part := 1
	if t.Month() > 6 {
		part = 2
	}
	return vntext.Period{Kind: vntext.Half, Year: t.Year(), Part: part}
}

// InboxEntry is one unit's report in an inbox list.
type InboxEntry struct {
	Progress
	Period vntext.Period
}

// Inbox is what waits for a leader in reporting.
type Inbox struct {
	// Running is the six months containing today, Ended the one before.
	Running, Ended vntext.Period
	// Waiting are submitted reports the reader may decide, oldest
	// period first.
	Waiting []InboxEntry
	// Overdue are the units below that have not submitted Ended's
	// report (missing, draft or returned), Due those that have not
	// submitted Running's yet.
	Overdue, Due []InboxEntry
}

// Inbox reads what waits for p on day today, over every unit where p may
// approve reports; it is empty for those who decide nothing.
func (s *Store) Inbox(ctx context.Context, p *auth.Principal, today time.Time) (Inbox, error) {
	in := Inbox{Running: HalfOf(today)}
	in.Ended = Previous(in.Running)
	if p == nil || !p.User.Active {
		return in, nil
	}
	for _, root := range auth.ScopeRoots(p, auth.PermApprove) {
		u, err := s.units.Get(ctx, root, today)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue // a grant on a unit closed since
		}
		if err != nil {
			return in, err
		}
		for _, per := range []vntext.Period{in.Ended, in.Running} {
			level, err := s.levelBelow(ctx, u, per)
			if err != nil {
				return in, err
			}
			f, err := s.FormFor(ctx, level, per.Kind)
			if apperr.CodeOf(err) == apperr.CodeNotFound {
				continue
			}
			if err != nil {
				return in, err
			}
			ps, err := s.completeness(ctx, root, f, per)
			if err != nil {
				return in, err
			}
			for _, pr := range ps {
				e := InboxEntry{Progress: pr, Period: per}
				switch pr.Status {
				case Submitted:
					ok, err := s.canDecide(ctx, p, pr.Unit)
					if err != nil {
						return in, err
					}
					if ok {
						in.Waiting = append(in.Waiting, e)
					}
				case Approved:
				default:
					if per == in.Ended {
						in.Overdue = append(in.Overdue, e)
					} else {
						in.Due = append(in.Due, e)
					}
				}
			}
		}
	}
	return in, nil
}

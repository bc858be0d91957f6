package notify

import (
	"context"
	"errors"
	"fmt"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
)

// The kinds of citizen affairs' deadlines (petitions, dialogue issues,
// dialogues to announce or publish).
const (
	CitizenDue     Kind = "citizen_due"
	CitizenOverdue Kind = "citizen_overdue"
)

// CitizenSource reminds of the deadlines citizen affairs list (citizen's
// Store.Due): due within the task lead days or late within the overdue
// days, to the handlers a petition names or else the officers of the unit
// that must act.
func CitizenSource(c *citizen.Store) Source {
	return func(ctx context.Context, q db.Querier, w Window) ([]Item, error) {
		due, err := c.Due(ctx, auth.System(), w.Day.AddDate(0, 0, -w.Settings.OverdueDays), w.Day.AddDate(0, 0, w.Settings.TaskLeadDays), 0)
		if err != nil {
			return nil, fmt.Errorf("notify: citizen deadlines: %w", err)
		}
		h := &holderCache{q: q, cache: map[holderKey][]int64{}}
		names := map[int64]string{}
		var out []Item
		for _, it := range due {
			name, ok := names[it.UnitID]
			if !ok {
				err := q.QueryRowContext(ctx, `SELECT name FROM unit_versions WHERE unit_id = ? AND valid_from <= ?
					ORDER BY valid_from DESC LIMIT 1`, it.UnitID, db.Day(w.Day)).Scan(&name)
				if err != nil && !errors.Is(err, db.ErrNotFound) {
					return nil, err
				}
				names[it.UnitID] = name
			}
			people := it.UserIDs
			if len(people) == 0 {
				if people, err = h.of(ctx, it.UnitID, "officer", "admin"); err != nil {
					return nil, err
				}
			}
			kind, key := CitizenDue, "notify.msg.citizen_due"
			if it.Late(w.Day) {
				kind, key = CitizenOverdue, "notify.msg.citizen_overdue"
			}
			for _, uid := range people {
				out = append(out, Item{UserID: uid, Kind: kind, Due: it.DueOn,
					Ref:     fmt.Sprintf("citizen:%s:%d", it.Kind, it.ID),
					Message: i18n.M(key, i18n.M("notify.citizen."+it.Kind), it.Title, name, dateText(it.DueOn)),
					Link:    it.Link()})
			}
		}
		return out, nil
	}
}

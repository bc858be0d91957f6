package citizen

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// DueItem is a deadline of citizen affairs falling due: what a reminder
// tells its officers.
type DueItem struct {
	// Kind is what falls due: "petition" (accepting or settling it),
	// "issue" (a dialogue issue's follow-up), "dialogue_notice" (announcing
	// a planned dialogue), "dialogue_publish" (publishing its results).
	Kind   string
	ID     int64 // the petition, issue or dialogue
	UnitID int64 // the unit that must act
	// Title is the subject, the issue or the topic; never who sent a
	// petition.
	Title string
	DueOn time.Time
	// UserIDs are the officers assigned (a petition's handlers); empty
	// means the officers of UnitID.
	UserIDs []int64
}

// Late reports whether the item was due before today.
func (d DueItem) Late(today time.Time) bool { return d.DueOn.Before(today) }

// Link is the page of the case.
func (d DueItem) Link() string {
	switch d.Kind {
	case "petition":
		return fmt.Sprintf("/cong-dan/don/%d", d.ID)
	case "issue":
		return fmt.Sprintf("/cong-dan/y-kien/%d", d.ID)
	}
	return fmt.Sprintf("/cong-dan/doi-thoai/%d", d.ID)
}

// maxDue bounds one call of Due.
const maxDue = 5000

// Due lists the deadlines of the units p may read that fall due up to to
// (inclusive) and not before from (a zero from keeps every late one): the
// next step of open petitions, the follow-up of dialogue issues not done,
// the announcement of planned dialogues and the publication of held
// ones. The nearest first, at most limit (≤ 0 or above 5.000: 5.000).
// Reminders call it with auth.System() to see every unit.
func (s *Store) Due(ctx context.Context, p *auth.Principal, from, to time.Time, limit int) ([]DueItem, error) {
	if limit <= 0 || limit > maxDue {
		limit = maxDue
	}
	r, err := s.reach(ctx, p, auth.PermRead)
	if err != nil {
		return nil, err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	lo, hi := "", db.Day(to)
	if !from.IsZero() {
		lo = db.Day(from)
	}
	scope := func(col string) string {
		if w := scopeWhere(col, r); w != "" {
			return " AND " + w
		}
		return ""
	}
	var out []DueItem
	add := func(kind, query string, args ...any) error {
		rows, err := s.db.QueryContext(ctx, query+fmt.Sprintf(" LIMIT %d", limit), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			it := DueItem{Kind: kind}
			var due string
			if err := rows.Scan(&it.ID, &it.UnitID, &it.Title, &due); err != nil {
				return err
			}
			if it.DueOn, err = db.ParseDay(due); err != nil {
				return err
			}
			out = append(out, it)
		}
		return rows.Err()
	}
	err = add("petition", `SELECT p.id, p.unit_id, p.subject, p.due_on FROM citizen_petitions p
		WHERE p.due_on <> '' AND p.due_on >= ? AND p.due_on <= ?`+scope("p.unit_id")+` ORDER BY p.due_on, p.id`, lo, hi)
	if err == nil {
		err = add("issue", `SELECT i.id, COALESCE(i.responsible_unit_id, i.unit_id), i.content, i.due_on FROM citizen_dialogue_issues i
			WHERE i.status <> 'done' AND i.due_on <> '' AND i.due_on >= ? AND i.due_on <= ?`+
			scope("COALESCE(i.responsible_unit_id, i.unit_id)")+` ORDER BY i.due_on, i.id`, lo, hi)
	}
	// A dialogue is announced DialogueNotice days before it and published
	// within DialoguePublish days after: the bounds move by as much.
	if err == nil {
		dlo := ""
		if lo != "" {
			dlo = db.Day(from.AddDate(0, 0, set.DialogueNotice))
		}
		err = add("dialogue_notice", `SELECT d.id, d.unit_id, d.topic, d.planned_on FROM citizen_dialogues d
			WHERE d.status = 'planned' AND d.announced_on = '' AND d.planned_on >= ? AND d.planned_on <= ?`+
			scope("d.unit_id")+` ORDER BY d.planned_on, d.id`, dlo, db.Day(to.AddDate(0, 0, set.DialogueNotice)))
	}
	if err == nil {
		dlo := ""
		if lo != "" {
			dlo = db.Day(from.AddDate(0, 0, -set.DialoguePublish))
		}
		err = add("dialogue_publish", `SELECT d.id, d.unit_id, d.topic, d.held_on FROM citizen_dialogues d
			WHERE d.status = 'held' AND d.published_on = '' AND d.held_on <> '' AND d.held_on >= ? AND d.held_on <= ?`+
			scope("d.unit_id")+` ORDER BY d.held_on, d.id`, dlo, db.Day(to.AddDate(0, 0, -set.DialoguePublish)))
	}
	if err != nil {
		return nil, wrap(err, "due")
	}
	for i := range out {
		switch out[i].Kind {
		case "dialogue_notice":
			out[i].DueOn = out[i].DueOn.AddDate(0, 0, -set.DialogueNotice)
		case "dialogue_publish":
			out[i].DueOn = out[i].DueOn.AddDate(0, 0, set.DialoguePublish)
		}
	}
	slices.SortStableFunc(out, func(a, b DueItem) int {
		if c := a.DueOn.Compare(b.DueOn); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, wrap(s.handlersOf(ctx, out), "due")
}

// handlersOf fills the handlers of the petitions among items.
func (s *Store) handlersOf(ctx context.Context, items []DueItem) error {
	idx := map[int64][]int{}
	var ids []int64
	for i, it := range items {
		if it.Kind == "petition" {
			if _, ok := idx[it.ID]; !ok {
				ids = append(ids, it.ID)
			}
			idx[it.ID] = append(idx[it.ID], i)
		}
	}
	for len(ids) > 0 {
		batch := ids[:min(len(ids), 500)]
		ids = ids[len(batch):]
		rows, err := s.db.QueryContext(ctx, `SELECT petition_id, user_id FROM citizen_petition_handlers
			WHERE petition_id IN (`+idList(batch)+`) ORDER BY petition_id, user_id`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var pid, uid int64
			if err := rows.Scan(&pid, &uid); err != nil {
				rows.Close()
				return err
			}
			for _, i := range idx[pid] {
				items[i].UserIDs = append(items[i].UserIDs, uid)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

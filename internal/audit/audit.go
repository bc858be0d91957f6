// Package audit keeps danvan's audit log: for every write, who made it,
// when, from which address, on what, and the record before and after, in
// the same transaction as the write itself.
package audit

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/danvan/danvan/internal/db"
)

// Actor is who makes a change. The zero Actor is the system itself
// (migrations, the demo generator, command-line tools run by an operator).
type Actor struct {
	UserID int64
	Name   string
	Addr   string
}

type actorKey struct{}

// WithActor returns a context that carries a as the author of writes.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor carried by ctx, or the zero Actor.
func ActorFrom(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}

// Entry is one change to record. Before and After are encoded as JSON;
// leave Before nil for a creation and After nil for an end.
type Entry struct {
	Action   string // e.g. "create", "rename", "merge"
	Entity   string // e.g. "unit", "user"
	EntityID int64
	UnitID   int64 // the unit the change belongs to, for scoped reading; 0 if none
	Before   any
	After    any
}

// Record writes e to the audit log inside tx, with the actor from ctx and
// the transaction's time, chained to the row before it (see chain.go).
func Record(ctx context.Context, tx *db.Tx, e Entry) error {
	return RecordMany(ctx, tx, []Entry{e})
}

// RecordMany writes es to the audit log inside tx, in order: the same rows,
// chained the same way, as Record writing each entry after the one before,
// with one lock and one read of the chain for all of them, and the rows
// written together (COPY on PostgreSQL, multi-row INSERTs on SQLite) when
// there are several. It is for a bulk load that makes many changes at once.
func RecordMany(ctx context.Context, tx *db.Tx, es []Entry) error {
	if len(es) == 0 {
		return nil
	}
	a := ActorFrom(ctx)
	at := db.Stamp(tx.Now())
	rows := make([][]any, len(es))
	prev := ""
	for i, e := range es {
		before, err := encode(e.Before)
		if err != nil {
			return fmt.Errorf("audit: encode before: %w", err)
		}
		after, err := encode(e.After)
		if err != nil {
			return fmt.Errorf("audit: encode after: %w", err)
		}
		if i == 0 {
			// The lock and the chain's end are taken once the entries
			// are known to encode, as Record always did.
			if prev, err = lastHash(ctx, tx); err != nil {
				return err
			}
		}
		l := link{Prev: prev, At: at, UserID: a.UserID, Actor: a.Name, Addr: a.Addr,
			Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, UnitID: e.UnitID, Before: before, After: after}
		prev = l.hash()
		rows[i] = []any{l.At, db.NullID(a.UserID), a.Name, a.Addr,
			e.Action, e.Entity, db.NullID(e.EntityID), db.NullID(e.UnitID), nullText(before), nullText(after), prev}
	}
	if len(rows) == 1 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log
			(at, user_id, actor, addr, action, entity, entity_id, unit_id, before_json, after_json, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rows[0]...); err != nil {
			return fmt.Errorf("audit: record %s %s: %w", es[0].Action, es[0].Entity, err)
		}
	} else if _, err := tx.CopyFrom(ctx, "audit_log", auditColumns, rows); err != nil {
		return fmt.Errorf("audit: record %d entries: %w", len(es), err)
	}
	// The chain's end, for the transaction's next entry (lastHash).
	tx.Remember(chainLock, prev)
	return nil
}

// auditColumns are the columns RecordMany writes, in the order of its rows.
var auditColumns = []string{"at", "user_id", "actor", "addr", "action", "entity", "entity_id", "unit_id",
	"before_json", "after_json", "hash"}

// nullText is the value to store for encoded JSON: NULL for none.
func nullText(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func encode(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

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
	before, err := encode(e.Before)
	if err != nil {
		return fmt.Errorf("audit: encode before: %w", err)
	}
	after, err := encode(e.After)
	if err != nil {
		return fmt.Errorf("audit: encode after: %w", err)
	}
	a := ActorFrom(ctx)
	prev, err := lastHash(ctx, tx)
	if err != nil {
		return err
	}
	l := link{Prev: prev, At: db.Stamp(tx.Now()), UserID: a.UserID, Actor: a.Name, Addr: a.Addr,
		Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, UnitID: e.UnitID, Before: before, After: after}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log
		(at, user_id, actor, addr, action, entity, entity_id, unit_id, before_json, after_json, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.At, db.NullID(a.UserID), a.Name, a.Addr,
		e.Action, e.Entity, db.NullID(e.EntityID), db.NullID(e.UnitID), before, after, l.hash())
	if err != nil {
		return fmt.Errorf("audit: record %s %s: %w", e.Action, e.Entity, err)
	}
	return nil
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

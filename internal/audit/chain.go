package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/danvan/danvan/internal/db"
)

// The chain. Each row's hash is the SHA-256 of the previous row's hash
// and the row's own fields (everything but its id), so that changing a
// row, removing one or slipping one in breaks every hash from there on.
// Record takes a lock for the chain (an advisory lock on PostgreSQL, held
// until its transaction ends; SQLite has one writer), reads the latest
// hash and writes the row after it: rows of concurrent transactions, on
// any number of servers, join the chain one at a time, in id order.
// Rows written before the chain existed have an empty hash; they may only
// come before the first chained row.

// chainLock names the lock of the chain.
const chainLock = "audit-chain"

// link is what a row's hash covers, in a fixed order.
type link struct {
	Prev     string  `json:"p"`
	At       string  `json:"at"`
	UserID   int64   `json:"u"`
	Actor    string  `json:"a"`
	Addr     string  `json:"ip"`
	Action   string  `json:"do"`
	Entity   string  `json:"e"`
	EntityID int64   `json:"ei"`
	UnitID   int64   `json:"un"`
	Before   *string `json:"b"`
	After    *string `json:"af"`
}

func (l link) hash() string {
	b, _ := json.Marshal(l) // strings and numbers only: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// lastHash takes the chain's lock and returns the latest row's hash: the
// one this transaction wrote last (kept by RecordMany: no other may write
// while it holds the lock), or else read.
func lastHash(ctx context.Context, tx *db.Tx) (string, error) {
	if err := tx.Lock(ctx, chainLock); err != nil {
		return "", err
	}
	if h, ok := tx.Recall(chainLock); ok {
		return h.(string), nil
	}
	var h string
	err := tx.QueryRowContext(ctx, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").Scan(&h)
	if errors.Is(err, db.ErrNotFound) || errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("audit: chain: %w", err)
	}
	return h, nil
}

// Verification is what Verify found.
type Verification struct {
	Rows     int   // rows read
	Unhashed int   // rows from before the chain (all before the first chained row)
	BrokenAt int64 // the id of the first row whose hash does not follow; 0 when the chain holds
}

// OK reports whether the chain holds.
func (v Verification) OK() bool { return v.BrokenAt == 0 }

// Verify walks the whole audit log in id order and recomputes every
// row's hash from the previous one's: the first row where they differ
// (a row changed, removed or inserted there, or a hash blanked) is
// BrokenAt. It reads the log in pages, in constant memory, and changes
// nothing.
func Verify(ctx context.Context, d *db.DB) (Verification, error) {
	var v Verification
	prev, chained := "", false
	after := int64(0)
	for {
		rows, err := d.QueryContext(ctx, `SELECT id, at, COALESCE(user_id, 0), actor, addr, action, entity,
			COALESCE(entity_id, 0), COALESCE(unit_id, 0), before_json, after_json, hash
			FROM audit_log WHERE id > ? ORDER BY id LIMIT 5000`, after)
		if err != nil {
			return v, fmt.Errorf("audit: verify: %w", err)
		}
		n := 0
		for rows.Next() {
			var id int64
			var l link
			var before, afterJSON sql.NullString
			var h string
			if err := rows.Scan(&id, &l.At, &l.UserID, &l.Actor, &l.Addr, &l.Action, &l.Entity, &l.EntityID, &l.UnitID,
				&before, &afterJSON, &h); err != nil {
				rows.Close()
				return v, fmt.Errorf("audit: verify: %w", err)
			}
			n++
			v.Rows++
			after = id
			if v.BrokenAt != 0 {
				continue
			}
			if h == "" && !chained {
				v.Unhashed++
				continue
			}
			chained = true
			if before.Valid {
				l.Before = &before.String
			}
			if afterJSON.Valid {
				l.After = &afterJSON.String
			}
			l.Prev = prev
			if l.hash() != h {
				v.BrokenAt = id
				continue
			}
			prev = h
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return v, fmt.Errorf("audit: verify: %w", err)
		}
		rows.Close()
		if n == 0 {
			return v, nil
		}
	}
}

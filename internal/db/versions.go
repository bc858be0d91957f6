package db

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// Versions tell caches when what they keep has changed.
//
// A cache in a server process keeps a result together with the versions
// of the topics it was computed from ("org.tree", "report.catalogue", …).
// Every write that changes what a topic covers raises the topic's version
// in the same transaction (Tx.Bump), so the change and the new version
// are committed together. Reading the versions is one read of a table of
// a few rows: each request checks, against the database every server
// shares, that what it keeps is current, and a write committed by one
// server is seen by the next request on any other, with no message
// between servers and no time during which an answer may be stale.
//
// The versions must be read before the data a result is computed from:
// then a write committed in between leaves the result filed under the
// older versions, where nobody finds it again, rather than the reverse.

// Versions are the versions of the topics, by topic; a topic never
// raised is at 0.
type Versions map[string]int64

// Bump raises the version of each topic by one, in the transaction: a
// cache that kept something computed from the topic computes it again
// once the transaction has committed.
//
// A topic is raised once per transaction however many writes bump it
// (a bulk load bumps once per row): what matters is that its version
// after the commit differs from every version seen before it. Once the
// versions have been read inside the transaction (a cache may then keep
// a result under the raised version, computed from writes made so far),
// or a savepoint has been rolled back (its raise with it), the next bump
// raises the topic again, so the later writes of the transaction never
// commit under a version a kept result was filed under.
func (tx *Tx) Bump(ctx context.Context, topics ...string) error {
	topics = slices.Clone(topics)
	slices.Sort(topics) // one order, so that concurrent writers never deadlock
	for _, t := range slices.Compact(topics) {
		if tx.raised[t] {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO data_versions (topic, version) VALUES (?, 1)
			ON CONFLICT (topic) DO UPDATE SET version = data_versions.version + 1`, t); err != nil {
			return fmt.Errorf("db: bump %s: %w", t, err)
		}
		if tx.raised == nil {
			tx.raised = map[string]bool{}
		}
		tx.raised[t] = true
	}
	tx.bumped = true
	return nil
}

// Versions returns the version of every topic. Within a context made by
// WithVersions they are read once and kept for the context's life (one
// request), until a transaction begun with that context bumps a topic and
// commits.
func (d *DB) Versions(ctx context.Context) (Versions, error) {
	m, _ := ctx.Value(versionsKey{}).(*versionMemo)
	if m != nil {
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.v != nil {
			return m.v, nil
		}
	}
	if d.in != nil {
		// Read inside a transaction: its next bump raises again.
		d.in.raised = nil
	}
	v, err := readVersions(ctx, d)
	if err != nil {
		return nil, err
	}
	if m != nil {
		m.v = v
	}
	return v, nil
}

// Versions reads the versions as the transaction sees them (its next
// Bump raises every topic again).
func (tx *Tx) Versions(ctx context.Context) (Versions, error) {
	tx.raised = nil
	return readVersions(ctx, tx)
}

func readVersions(ctx context.Context, q Querier) (Versions, error) {
	rows, err := q.QueryContext(ctx, "SELECT topic, version FROM data_versions")
	if err != nil {
		return nil, fmt.Errorf("db: versions: %w", err)
	}
	defer rows.Close()
	v := Versions{}
	for rows.Next() {
		var t string
		var n int64
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("db: versions: %w", err)
		}
		v[t] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: versions: %w", err)
	}
	return v, nil
}

type versionsKey struct{}

type versionMemo struct {
	mu sync.Mutex
	v  Versions
}

// WithVersions returns a context in which DB.Versions reads the versions
// once: the web layer gives one to each request, so that the several
// caches a page consults cost one read between them.
func WithVersions(ctx context.Context) context.Context {
	return context.WithValue(ctx, versionsKey{}, &versionMemo{})
}

// forgetVersions drops the versions kept in ctx: a transaction begun with
// it has just committed a bump.
func forgetVersions(ctx context.Context) {
	if m, _ := ctx.Value(versionsKey{}).(*versionMemo); m != nil {
		m.mu.Lock()
		m.v = nil
		m.mu.Unlock()
	}
}

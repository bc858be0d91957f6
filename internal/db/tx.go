package db

import (
	"context"
	"database/sql"
	"fmt"
	"hash/crc32"
	"slices"
	"time"
)

// Tx is one database transaction. Its methods take '?' placeholders and
// translate driver errors like DB's. Now is fixed for the whole
// transaction, so every row a write touches carries the same time.
type Tx struct {
	tx      *sql.Tx
	dialect Dialect
	now     time.Time

	conn   *sql.Conn       // the connection tx runs on (for CopyFrom); nil when begun elsewhere
	bumped bool            // Bump was called: versions read before the commit are out of date
	raised map[string]bool // topics Bump raised since the versions were last read in the transaction
	saves  int             // savepoints taken, for their names
	stmts  *stmtCache      // prepared statements kept for the transaction (CacheStatements); nil: none
	locks  []string        // names Lock took (PostgreSQL): held until the transaction ends
	memo   map[string]any  // what Remember keeps
}

// WithTx runs fn in one transaction: it commits when fn returns nil and
// rolls back when fn returns an error or panics. On SQLite the
// transaction takes the write lock at BEGIN (IMMEDIATE), so two writers
// never deadlock upgrading from a read lock.
//
// On a DB returned by Within, WithTx runs fn inside that DB's transaction,
// in a savepoint: an error from fn undoes fn's writes alone, and nothing is
// committed until the outer transaction is.
func (d *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	if d.in != nil {
		return d.in.savepoint(ctx, fn)
	}
	conn, err := d.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("db: begin: %w", translate(err))
	}
	defer conn.Close()
	return d.txOn(ctx, conn, fn)
}

// txOn runs fn in one transaction on conn (WithTx without the connection).
func (d *DB) txOn(ctx context.Context, conn *sql.Conn, fn func(tx *Tx) error) (err error) {
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", translate(err))
	}
	tx := &Tx{tx: sqlTx, dialect: d.dialect, now: d.Now(), conn: conn}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = sqlTx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = sqlTx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", translate(err))
	}
	if tx.bumped {
		forgetVersions(ctx)
	}
	return nil
}

// savepoint runs fn in a savepoint of tx: fn's writes are undone when it
// returns an error or panics, and kept (uncommitted) otherwise.
func (tx *Tx) savepoint(ctx context.Context, fn func(tx *Tx) error) (err error) {
	tx.saves++
	name := fmt.Sprintf("danvan_%d", tx.saves)
	if _, err := tx.ExecContext(ctx, "SAVEPOINT "+name); err != nil {
		return fmt.Errorf("db: savepoint: %w", err)
	}
	// Rolling back to the savepoint releases the locks taken since.
	held := len(tx.locks)
	undo := func() {
		_, _ = tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT "+name)
		_, _ = tx.ExecContext(ctx, "RELEASE SAVEPOINT "+name)
		tx.locks = tx.locks[:held]
		tx.memo = nil
		tx.raised = nil
	}
	defer func() {
		if p := recover(); p != nil {
			undo()
			panic(p)
		}
	}()
	if err = fn(tx); err != nil {
		undo()
		return err
	}
	if _, err := tx.ExecContext(ctx, "RELEASE SAVEPOINT "+name); err != nil {
		return fmt.Errorf("db: release savepoint: %w", err)
	}
	return nil
}

// Within returns a DB whose every query, write and transaction runs inside
// tx, so that several stores built on it (and their own WithTx calls,
// which become savepoints) write in one transaction: a bulk loader such
// as the demo generator commits all of its work, or none of it. The
// returned DB must not outlive tx; closing it does nothing.
func (d *DB) Within(tx *Tx) *DB {
	base := d
	if d.base != nil {
		base = d.base
	}
	return &DB{write: d.write, read: d.read, dialect: d.dialect, dsn: d.dsn, in: tx, base: base}
}

// Now is the time fixed for this transaction (UTC).
func (tx *Tx) Now() time.Time { return tx.now }

// Dialect reports which engine the transaction runs on.
func (tx *Tx) Dialect() Dialect { return tx.dialect }

// ExecContext runs a statement in the transaction.
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := tx.stmts.get(ctx, tx, query); st != nil {
		res, err := st.ExecContext(ctx, args...)
		return res, translate(err)
	}
	res, err := tx.tx.ExecContext(ctx, tx.dialect.Rebind(query), args...)
	return res, translate(err)
}

// QueryContext runs a query in the transaction.
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := tx.stmts.get(ctx, tx, query); st != nil {
		rows, err := st.QueryContext(ctx, args...)
		return rows, translate(err)
	}
	rows, err := tx.tx.QueryContext(ctx, tx.dialect.Rebind(query), args...)
	return rows, translate(err)
}

// QueryRowContext runs a query in the transaction that returns at most one row.
func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	if st := tx.stmts.get(ctx, tx, query); st != nil {
		return &Row{row: st.QueryRowContext(ctx, args...)}
	}
	return &Row{row: tx.tx.QueryRowContext(ctx, tx.dialect.Rebind(query), args...)}
}

// InsertID runs an INSERT statement (written without a RETURNING clause)
// and returns the id of the new row. Both engines support RETURNING.
func (tx *Tx) InsertID(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

// Lock serializes, until this transaction ends, every transaction that
// takes the lock of the same name: for invariants that span rows no
// constraint can check (such as "the hierarchy has no cycle"). On SQLite
// transactions are already serialized (BEGIN IMMEDIATE on one writer
// connection), so it does nothing; on PostgreSQL it takes a
// transaction-scoped advisory lock keyed by the name, once: a lock the
// transaction already holds is not asked for again (the audit log takes
// its lock for every row it writes).
func (tx *Tx) Lock(ctx context.Context, name string) error {
	if tx.dialect != Postgres || slices.Contains(tx.locks, name) {
		return nil
	}
	key := int64(crc32.ChecksumIEEE([]byte("danvan:lock:" + name)))
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", key); err != nil {
		return fmt.Errorf("db: lock %s: %w", name, err)
	}
	tx.locks = append(tx.locks, name)
	return nil
}

// Remember keeps v under key for the rest of the transaction: for what
// holds as long as the transaction's own writes do, such as the last row
// of a chain that only the holder of a Lock may extend. Rolling back to
// a savepoint forgets everything kept (the writes it was true of may be
// gone).
func (tx *Tx) Remember(key string, v any) {
	if tx.memo == nil {
		tx.memo = map[string]any{}
	}
	tx.memo[key] = v
}

// Recall returns what Remember keeps under key.
func (tx *Tx) Recall(key string) (any, bool) {
	v, ok := tx.memo[key]
	return v, ok
}

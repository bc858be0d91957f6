package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Bulk loading, for the demo generator: rows written in the fewest
// statements each engine allows, and secondary indexes built once at the
// end instead of row by row.

// WithBulkTx runs fn in one transaction like WithTx, for a bulk load
// whose rows refer to each other correctly by construction (the demo
// generator): on SQLite the connection checks no foreign keys until the
// transaction ends (PRAGMA foreign_keys can only change outside one), which
// spares two parent lookups per report value; the tests check the
// generated data with PRAGMA foreign_key_check instead. Foreign keys are
// on again for the connection afterwards; if that fails, the connection
// is thrown away rather than returned to the pool without them. The load
// also runs with a rollback journal instead of WAL when it can have the
// file to itself (bulkJournal). Elsewhere (PostgreSQL, or a DB bound by
// Within) it is WithTx.
func (d *DB) WithBulkTx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	if d.in != nil || d.dialect != SQLite {
		return d.WithTx(ctx, fn)
	}
	conn, err := d.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("db: begin: %w", translate(err))
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return fmt.Errorf("db: bulk: %w", translate(err))
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON"); rerr != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			err = errors.Join(err, fmt.Errorf("db: bulk: foreign keys back on: %w", rerr))
		}
	}()
	back, err := d.bulkJournal(ctx, conn)
	if err != nil {
		return err
	}
	defer func() {
		if berr := back(); berr != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			err = errors.Join(err, berr)
		}
	}()
	return d.txOn(ctx, conn, fn)
}

// bulkJournal takes the connection out of WAL mode for a bulk load, into
// a rollback journal, and returns the function that puts WAL back. In
// WAL mode every page of a load larger than the page cache is written
// twice, to the log as the cache spills and at commit, and again into
// the database by the checkpoint; with a rollback journal each page is
// written once into the database, and the journal holds only the pages
// the file had before (none of those the load appends). A crash during
// the load still leaves the database as it was. The switch needs the
// file to itself: idle readers are closed first, and when another
// connection (another process) still holds it, the load stays in WAL
// mode. Other connections that read while the load runs wait for it, as
// readers of a rollback journal do (the demo has none).
func (d *DB) bulkJournal(ctx context.Context, conn *sql.Conn) (back func() error, err error) {
	none := func() error { return nil }
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return nil, fmt.Errorf("db: bulk: journal mode: %w", translate(err))
	}
	if !strings.EqualFold(mode, "wal") {
		return none, nil
	}
	if d.read != d.write {
		// An idle reader in WAL mode keeps a shared lock on the file;
		// the read pool keeps as many idle connections as it may open.
		d.read.SetMaxIdleConns(0)
		d.read.SetMaxIdleConns(d.read.Stats().MaxOpenConnections)
	}
	// Another process's connection would be waited for until the busy
	// timeout: ask once instead.
	var wait int
	if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&wait); err != nil {
		return nil, fmt.Errorf("db: bulk: busy timeout: %w", translate(err))
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return nil, fmt.Errorf("db: bulk: busy timeout: %w", translate(err))
	}
	switchErr := conn.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode)
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", wait)); err != nil {
		return nil, fmt.Errorf("db: bulk: busy timeout: %w", translate(err))
	}
	if switchErr != nil || !strings.EqualFold(mode, "delete") {
		return none, nil
	}
	return func() error {
		var m string
		if err := conn.QueryRowContext(context.WithoutCancel(ctx), "PRAGMA journal_mode = WAL").Scan(&m); err != nil {
			return fmt.Errorf("db: bulk: back to WAL: %w", translate(err))
		}
		if !strings.EqualFold(m, "wal") {
			return fmt.Errorf("db: bulk: back to WAL: journal mode is %s", m)
		}
		return nil
	}, nil
}

// CopyFrom writes rows (each one value per column, in order) into table.
// On PostgreSQL it uses COPY, one round trip for any number of rows; on
// SQLite one multi-row INSERT statement, prepared once, per batch of rows.
// It returns how many rows it wrote.
func (tx *Tx) CopyFrom(ctx context.Context, table string, columns []string, rows [][]any) (int64, error) {
	if len(rows) == 0 {
		return 0, nil
	}
	if tx.dialect == Postgres && tx.conn != nil {
		var n int64
		err := tx.conn.Raw(func(dc any) error {
			c, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("db: copy into %s: not a pgx connection", table)
			}
			var err error
			n, err = c.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
			return err
		})
		if err != nil {
			return n, fmt.Errorf("db: copy into %s: %w", table, translate(err))
		}
		return n, nil
	}
	if tx.conn != nil {
		if n, ok, err := tx.insertRaw(ctx, table, columns, rows); ok {
			return n, err
		}
	}
	// Both engines take 32,766 bound values or more; stay well below.
	per := max(1, 8000/len(columns))
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, per*len(columns))
	var n int64
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		args = args[:0]
		for _, r := range part {
			if len(r) != len(columns) {
				return n, fmt.Errorf("db: copy into %s: a row has %d values for %d columns", table, len(r), len(columns))
			}
			args = append(args, r...)
		}
		var err error
		if len(part) == per {
			if full == nil {
				if full, err = tx.tx.PrepareContext(ctx, tx.dialect.Rebind(insertRowsSQL(table, columns, per))); err != nil {
					return n, fmt.Errorf("db: copy into %s: %w", table, translate(err))
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, insertRowsSQL(table, columns, len(part)), args...)
		}
		if err != nil {
			return n, fmt.Errorf("db: copy into %s: %w", table, translate(err))
		}
		n += int64(len(part))
	}
	return n, nil
}

// insertRowsSQL is an INSERT of k rows of columns into table, with
// question-mark placeholders.
func insertRowsSQL(table string, columns []string, k int) string {
	row := "(" + Placeholders(len(columns)) + ")"
	return "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", k), ", ")
}

// insertRaw is CopyFrom on SQLite through the driver's connection itself
// (ok is false when the driver cannot prepare with a context; nothing
// was written then): the rows are bound from one slice of driver values
// reused for every statement, instead of database/sql checking and
// copying each value into a new slice for every statement (a tenth of
// the national demo's report values step). The values are converted as
// database/sql converts them (driver.DefaultParameterConverter, which
// also calls a driver.Valuer).
func (tx *Tx) insertRaw(ctx context.Context, table string, columns []string, rows [][]any) (n int64, ok bool, err error) {
	per := max(1, 8000/len(columns))
	err = tx.conn.Raw(func(dc any) error {
		pc, can := dc.(driver.ConnPrepareContext)
		if !can {
			return nil
		}
		ok = true
		prepare := func(k int) (driver.StmtExecContext, func(), error) {
			st, err := pc.PrepareContext(ctx, tx.dialect.Rebind(insertRowsSQL(table, columns, k)))
			if err != nil {
				return nil, nil, err
			}
			ex, can := st.(driver.StmtExecContext)
			if !can {
				st.Close()
				return nil, nil, fmt.Errorf("the driver's statements take no context")
			}
			return ex, func() { st.Close() }, nil
		}
		var full driver.StmtExecContext
		args := make([]driver.NamedValue, per*len(columns))
		for i := range args {
			args[i].Ordinal = i + 1
		}
		for start := 0; start < len(rows); start += per {
			part := rows[start:min(start+per, len(rows))]
			vs := args[:len(part)*len(columns)]
			for i, r := range part {
				if len(r) != len(columns) {
					return fmt.Errorf("a row has %d values for %d columns", len(r), len(columns))
				}
				for j, v := range r {
					dv, err := driverValue(v)
					if err != nil {
						return fmt.Errorf("row %d, %s: %w", start+i+1, columns[j], err)
					}
					vs[i*len(columns)+j].Value = dv
				}
			}
			st := full
			if st == nil || len(part) < per {
				var err error
				var done func()
				if st, done, err = prepare(len(part)); err != nil {
					return err
				}
				defer done()
				if len(part) == per {
					full = st
				}
			}
			if _, err := st.ExecContext(ctx, vs); err != nil {
				return err
			}
			n += int64(len(part))
		}
		return nil
	})
	if err != nil {
		err = fmt.Errorf("db: copy into %s: %w", table, translate(err))
	}
	return n, ok, err
}

// driverValue converts v as database/sql converts an argument for a
// driver without a converter of its own.
func driverValue(v any) (driver.Value, error) {
	switch x := v.(type) {
	case nil, int64, float64, string, []byte, bool, time.Time:
		return v, nil
	case int:
		return int64(x), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(v)
}

// DeferIndexes drops the secondary indexes of tables (every index but
// the primary key and those behind UNIQUE constraints) inside the
// transaction and returns the function that builds them again from their
// stored definitions: loading many rows and then building each index
// once, by sorting, is several times faster than keeping it up to date
// row by row. Call the returned function before the transaction ends; if
// the transaction is rolled back instead, the indexes were never dropped.
func (tx *Tx) DeferIndexes(ctx context.Context, tables ...string) (rebuild func(context.Context) error, err error) {
	if len(tables) == 0 {
		return func(context.Context) error { return nil }, nil
	}
	args := make([]any, len(tables))
	for i, t := range tables {
		args[i] = t
	}
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (` + Placeholders(len(tables)) + `) ORDER BY name`
	if tx.dialect == Postgres {
		q = `SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
			JOIN pg_class i ON i.oid = x.indexrelid
			JOIN pg_class t ON t.oid = x.indrelid
			WHERE t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
			AND t.relname IN (` + Placeholders(len(tables)) + `) ORDER BY i.relname`
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("db: indexes of %s: %w", strings.Join(tables, ", "), err)
	}
	type index struct{ name, def string }
	var idx []index
	for rows.Next() {
		var i index
		if err := rows.Scan(&i.name, &i.def); err != nil {
			rows.Close()
			return nil, fmt.Errorf("db: indexes: %w", err)
		}
		idx = append(idx, i)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("db: indexes: %w", err)
	}
	for _, i := range idx {
		if _, err := tx.ExecContext(ctx, "DROP INDEX "+quoteName(i.name)); err != nil {
			return nil, fmt.Errorf("db: drop index %s: %w", i.name, err)
		}
	}
	return func(ctx context.Context) error {
		for _, i := range idx {
			if _, err := tx.ExecContext(ctx, i.def); err != nil {
				return fmt.Errorf("db: build index %s: %w", i.name, err)
			}
		}
		return nil
	}, nil
}

// quoteName quotes an identifier for either engine.
func quoteName(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// RowsWritten returns how many rows the transaction's connection has
// inserted, changed or deleted so far (on SQLite since the connection
// opened, triggers included; on PostgreSQL rows inserted, updated and
// deleted in this transaction): the difference of two calls counts the
// rows a step of a bulk load wrote, for its progress log.
func (tx *Tx) RowsWritten(ctx context.Context) (int64, error) {
	q := "SELECT total_changes()"
	if tx.dialect == Postgres {
		q = `SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_all_tables`
	}
	var n int64
	if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return 0, fmt.Errorf("db: rows written: %w", err)
	}
	return n, nil
}

// DeferTriggers drops the triggers whose names start with prefix (except
// those on the tables in except) inside the transaction and returns the
// function that creates them again from their stored definitions: a bulk
// load that then rebuilds what the triggers maintain in one statement
// (such as the search index) does not pay for them row by row. Call the
// returned function before the transaction ends; if the transaction is
// rolled back instead, the triggers were never dropped.
func (tx *Tx) DeferTriggers(ctx context.Context, prefix string, except ...string) (restore func(context.Context) error, err error) {
	args := []any{EscapeLike(prefix) + "%"}
	notIn := ""
	if len(except) > 0 {
		notIn = " AND tbl_name NOT IN (" + Placeholders(len(except)) + ")"
		for _, t := range except {
			args = append(args, t)
		}
	}
	q := `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\'` + notIn + ` ORDER BY name`
	if tx.dialect == Postgres {
		q = `SELECT g.tgname, c.relname, pg_get_triggerdef(g.oid) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
			WHERE c.relnamespace = current_schema()::regnamespace AND NOT g.tgisinternal AND g.tgname LIKE ? ESCAPE '\'` +
			strings.ReplaceAll(notIn, "tbl_name", "c.relname") + ` ORDER BY g.tgname`
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("db: triggers %s*: %w", prefix, err)
	}
	type trigger struct{ name, table, def string }
	var trs []trigger
	for rows.Next() {
		var t trigger
		if err := rows.Scan(&t.name, &t.table, &t.def); err != nil {
			rows.Close()
			return nil, fmt.Errorf("db: triggers: %w", err)
		}
		trs = append(trs, t)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("db: triggers: %w", err)
	}
	for _, t := range trs {
		drop := "DROP TRIGGER " + quoteName(t.name)
		if tx.dialect == Postgres {
			drop += " ON " + quoteName(t.table)
		}
		if _, err := tx.ExecContext(ctx, drop); err != nil {
			return nil, fmt.Errorf("db: drop trigger %s: %w", t.name, err)
		}
	}
	return func(ctx context.Context) error {
		for _, t := range trs {
			if _, err := tx.ExecContext(ctx, t.def); err != nil {
				return fmt.Errorf("db: create trigger %s: %w", t.name, err)
			}
		}
		return nil
	}, nil
}

// CacheStatements makes the transaction keep every statement it runs
// prepared until it ends (at most maxCachedStatements of them), so that a
// bulk load that runs the same few statements many thousand times
// through the domain stores parses each once. SQLite only: the pgx
// driver keeps its own statement cache.
func (tx *Tx) CacheStatements() {
	if tx.dialect == SQLite && tx.stmts == nil {
		tx.stmts = &stmtCache{m: map[string]*sql.Stmt{}}
	}
}

// maxCachedStatements bounds a transaction's statement cache: queries
// whose text varies (lists of placeholders) are run without it when it
// is full.
const maxCachedStatements = 1000

type stmtCache struct {
	m map[string]*sql.Stmt
}

// get returns query prepared in tx, or nil when there is no cache, it is
// full, or the query cannot be prepared (run without the cache, the
// query then reports its own error).
func (c *stmtCache) get(ctx context.Context, tx *Tx, query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	if st, ok := c.m[query]; ok {
		return st
	}
	if len(c.m) >= maxCachedStatements || !cacheable(query) {
		return nil
	}
	st, err := tx.tx.PrepareContext(ctx, tx.dialect.Rebind(query))
	if err != nil {
		return nil
	}
	c.m[query] = st
	return st
}

// cacheable reports whether query reads or writes rows (savepoints,
// pragmas and schema changes are run as they come).
func cacheable(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	for _, verb := range []string{"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"} {
		if len(q) > len(verb) && strings.EqualFold(q[:len(verb)], verb) {
			return true
		}
	}
	return false
}

// DeferForeignKeys drops the foreign keys of tables inside the
// transaction on PostgreSQL and returns the function that adds them again
// from their stored definitions, which checks every row at once (one join
// per key) instead of a lookup per row and key as rows arrive: a COPY of
// the national demo's report values spent most of its time in those
// lookups. On SQLite it does nothing (WithBulkTx turns the checks off
// for the whole load). Call the returned function before the
// transaction ends; if the transaction is rolled back instead, the keys
// were never dropped.
func (tx *Tx) DeferForeignKeys(ctx context.Context, tables ...string) (restore func(context.Context) error, err error) {
	return tx.deferConstraints(ctx, "f", "foreign key", tables)
}

// DeferPrimaryKeys drops the primary keys of tables inside the transaction
// on PostgreSQL and returns the function that adds them again from their
// stored definitions, which builds each key's index once, by sorting,
// instead of row by row as rows arrive (a COPY of the national demo's
// report values into the table with its key took about three times as
// long as into the table without it and the key's build together). The
// rows loaded meanwhile must be unique by construction: a duplicate is
// found only when the key comes back, which fails. A key that another
// table's foreign key refers to cannot be dropped (the error says so).
// On SQLite it does nothing (a table's primary key is part of it). Call
// the returned function before the transaction ends; if the transaction
// is rolled back instead, the keys were never dropped.
func (tx *Tx) DeferPrimaryKeys(ctx context.Context, tables ...string) (restore func(context.Context) error, err error) {
	return tx.deferConstraints(ctx, "p", "primary key", tables)
}

// deferConstraints drops the constraints of type contype (pg_constraint's
// letter; what names it in errors) of tables on PostgreSQL and returns the
// function that adds them again.
func (tx *Tx) deferConstraints(ctx context.Context, contype, what string, tables []string) (restore func(context.Context) error, err error) {
	if tx.dialect != Postgres || len(tables) == 0 {
		return func(context.Context) error { return nil }, nil
	}
	args := []any{contype}
	for _, t := range tables {
		args = append(args, t)
	}
	rows, err := tx.QueryContext(ctx, `SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		WHERE c.contype = ? AND t.relnamespace = current_schema()::regnamespace
		AND t.relname IN (`+Placeholders(len(tables))+`) ORDER BY t.relname, c.conname`, args...)
	if err != nil {
		return nil, fmt.Errorf("db: %ss of %s: %w", what, strings.Join(tables, ", "), err)
	}
	type key struct{ table, name, def string }
	var keys []key
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.table, &k.name, &k.def); err != nil {
			rows.Close()
			return nil, fmt.Errorf("db: %ss: %w", what, err)
		}
		keys = append(keys, k)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("db: %ss: %w", what, err)
	}
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE "+quoteName(k.table)+" DROP CONSTRAINT "+quoteName(k.name)); err != nil {
			return nil, fmt.Errorf("db: drop %s %s: %w", what, k.name, err)
		}
	}
	return func(ctx context.Context) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, "ALTER TABLE "+quoteName(k.table)+" ADD CONSTRAINT "+quoteName(k.name)+" "+k.def); err != nil {
				return fmt.Errorf("db: add %s %s: %w", what, k.name, err)
			}
		}
		return nil
	}, nil
}

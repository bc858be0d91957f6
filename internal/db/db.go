// Package db opens danvan's database — an embedded SQLite file or a
// PostgreSQL server — and gives the rest of the program one way to run
// queries against either: '?' placeholders rebound per dialect, one
// transaction per write, driver errors translated to ErrNotFound and
// ErrConflict, and embedded migrations applied with goose.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names the database engine behind a DB. The few real differences
// between the engines are methods on it; everything else is portable SQL.
type Dialect int

// The supported dialects.
const (
	SQLite Dialect = iota + 1
	Postgres
)

// String returns the dialect's short name, as used in URLs and logs.
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	}
	return "unknown"
}

// DefaultURL is the database used when none is given.
const DefaultURL = "sqlite:danvan.db"

// DB is an open database. It is safe for concurrent use.
//
// On SQLite it holds two pools over the same file: a single writer
// connection (SQLite allows one writer at a time; queuing writers in Go
// avoids busy errors) and a pool of read-only connections that read in
// parallel under WAL. On PostgreSQL both are the same pool.
type DB struct {
	write   *sql.DB
	read    *sql.DB
	dialect Dialect
	dsn     string // what was opened, without a password

	mu  sync.RWMutex
	now func() time.Time

	// in and base are set on a DB returned by Within: every query runs
	// in the transaction in, and the clock is base's.
	in   *Tx
	base *DB

	stmts *readStmts // SQLite readers' prepared statements; nil on PostgreSQL
}

// Open opens the database named by rawURL: "sqlite:PATH" (also
// "sqlite://PATH") or "postgres://..." / "postgresql://...". It checks the
// connection but does not migrate; call Migrate for that.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	if rawURL == "" {
		rawURL = DefaultURL
	}
	var d *DB
	var err error
	switch {
	case strings.HasPrefix(rawURL, "sqlite:"):
		d, err = openSQLite(strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "//"))
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		d, err = openPostgres(rawURL)
	default:
		return nil, fmt.Errorf("db: unsupported database URL %q (want sqlite:PATH or postgres://...)", redact(rawURL))
	}
	if err != nil {
		return nil, err
	}
	if err := d.Ping(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func openSQLite(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("db: sqlite URL has no file path")
	}
	if path != ":memory:" {
		if dir := filepath.Dir(path); dir != "." {
			if _, err := os.Stat(dir); err != nil {
				return nil, fmt.Errorf("db: sqlite folder %s: %w", dir, err)
			}
		}
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	w, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("db: open sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=query_only(1)"+readPragmas)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open sqlite %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	return &DB{write: w, read: r, dialect: SQLite, dsn: "sqlite:" + path, stmts: &readStmts{m: map[string]*sql.Stmt{}}}, nil
}

// The read pool's own settings on SQLite (the writer keeps SQLite's
// defaults, which suit short transactions):
//
//   - a page cache of 32 MiB per connection instead of 2 MiB, so that the
//     indexes a roll-up or a search walks stay decoded in the connection
//     between requests (at most 8 connections: 256 MiB at worst);
//   - the file mapped into memory (up to 4 GiB, which SQLite caps to what
//     it was built for): pages are read from the operating system's cache
//     without a copy into SQLite's, and every reader shares them;
//   - temporary b-trees (ORDER BY, DISTINCT, GROUP BY that no index
//     serves) in memory instead of a temporary file.
const (
	ReadCacheKiB = 32 << 10
	ReadMmapSize = 4 << 30
)

var readPragmas = fmt.Sprintf("&_pragma=cache_size(-%d)&_pragma=mmap_size(%d)&_pragma=temp_store(MEMORY)", ReadCacheKiB, ReadMmapSize)

func openPostgres(rawURL string) (*DB, error) {
	rawURL = withDefaultParam(rawURL, "jit", "off")
	p, err := sql.Open("pgx", rawURL)
	if err != nil {
		return nil, fmt.Errorf("db: open postgres %s: %w", redact(rawURL), err)
	}
	// As many idle connections kept as may be open: under a burst of
	// requests a pool that keeps fewer closes the connections above its
	// idle limit as each request ends and opens them again for the next
	// (a new server process and a sign-in each time). With 10 kept of 20,
	// /don-vi under 50 clients closed and reopened one connection in 45
	// requests and served 605 requests/s (p95 202 ms); keeping all 20, it
	// reopened none and served 2,424 (p95 47 ms), both at load 5–7. Idle
	// connections still close after five minutes.
	p.SetMaxOpenConns(20)
	p.SetMaxIdleConns(20)
	p.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{write: p, read: p, dialect: Postgres, dsn: redact(rawURL)}, nil
}

// withDefaultParam adds name=value to a postgres:// URL unless the URL
// sets name itself. pgx sends unknown parameters to the server as session
// settings. danvan sets jit=off by default: its queries are short and
// answer people waiting on a page, and compiling them costs more than it
// saves (a roll-up paid ~10 ms of compiling per call).
func withDefaultParam(rawURL, name, value string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	q := u.Query()
	if q.Has(name) {
		return rawURL
	}
	q.Set(name, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// redact hides a password in a database URL so that it can be logged.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error {
	if err := d.write.PingContext(ctx); err != nil {
		return fmt.Errorf("db: ping %s: %w", d.dsn, err)
	}
	if d.read != d.write {
		if err := d.read.PingContext(ctx); err != nil {
			return fmt.Errorf("db: ping %s (readers): %w", d.dsn, err)
		}
	}
	return nil
}

// Close closes every connection. On a DB returned by Within it does
// nothing: the connections are the original DB's.
func (d *DB) Close() error {
	if d.in != nil {
		return nil
	}
	d.stmts.close()
	err := d.write.Close()
	if d.read != d.write {
		err = errors.Join(err, d.read.Close())
	}
	return err
}

// InTx reports whether d runs its queries in a transaction (a DB
// returned by Within): what it reads may not be committed yet, so a
// cache shared beyond that transaction must not keep it.
func (d *DB) InTx() bool { return d.in != nil }

// Dialect reports which engine this is.
func (d *DB) Dialect() Dialect { return d.dialect }

// String describes the database for logs (without any password).
func (d *DB) String() string { return d.dsn }

// Stats returns the connection pool statistics of the writer pool and,
// on SQLite, of the reader pool.
func (d *DB) Stats() (write, read sql.DBStats) {
	return d.write.Stats(), d.read.Stats()
}

// SetClock replaces the clock that fixes Tx.Now; tests use it to control
// time. A nil function restores the real clock.
func (d *DB) SetClock(now func() time.Time) {
	if d.base != nil {
		d.base.SetClock(now)
		return
	}
	d.mu.Lock()
	d.now = now
	d.mu.Unlock()
}

// Now returns the current time by the database's clock, in UTC and
// truncated to microseconds (what both engines store).
func (d *DB) Now() time.Time {
	if d.base != nil {
		return d.base.Now()
	}
	d.mu.RLock()
	now := d.now
	d.mu.RUnlock()
	if now == nil {
		now = time.Now
	}
	return now().UTC().Truncate(time.Microsecond)
}

// ExecContext runs a statement outside any explicit transaction.
// Writes should normally go through WithTx instead.
func (d *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if d.in != nil {
		return d.in.ExecContext(ctx, query, args...)
	}
	res, err := d.write.ExecContext(ctx, d.Rebind(query), args...)
	return res, translate(err)
}

// QueryContext runs a read query. On SQLite it uses the read-only pool.
func (d *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if d.in != nil {
		return d.in.QueryContext(ctx, query, args...)
	}
	var rows *sql.Rows
	var err error
	if d.stmts.run(ctx, d.read, query, func(st *sql.Stmt) { rows, err = st.QueryContext(ctx, args...) }) {
		return rows, translate(err)
	}
	rows, err = d.read.QueryContext(ctx, d.Rebind(query), args...)
	return rows, translate(err)
}

// QueryRowContext runs a read query that returns at most one row.
func (d *DB) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	if d.in != nil {
		return d.in.QueryRowContext(ctx, query, args...)
	}
	var row *sql.Row
	if d.stmts.run(ctx, d.read, query, func(st *sql.Stmt) { row = st.QueryRowContext(ctx, args...) }) {
		return &Row{row: row}
	}
	return &Row{row: d.read.QueryRowContext(ctx, d.Rebind(query), args...)}
}

// SQLite's readers keep the statements of the program's queries prepared
// (each connection its own, as database/sql does for a Stmt), so that a
// request does not parse and plan again the same few dozen queries it
// ran last time: preparing was 5% of the CPU of the dashboard under load,
// more than reading its session. Long queries (those with an id list
// spliced in, different every time) are not kept; at most maxStmts are,
// one dropped at random to make room. PostgreSQL's driver keeps its own.
const (
	maxStmts     = 200
	maxStmtBytes = 4000
)

type readStmts struct {
	// Held shared while a statement starts a query, exclusively to drop
	// one: a statement is closed only when no query is starting on it
	// (database/sql then waits for the rows already open).
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// run starts query on its kept statement with start, preparing it on
// pool first; ok is false when the cache is off, the query too long or
// preparing failed (the caller then runs the query as it is, and sees
// the error).
func (c *readStmts) run(ctx context.Context, pool *sql.DB, query string, start func(*sql.Stmt)) (ok bool) {
	if c == nil || len(query) > maxStmtBytes {
		return false
	}
	for range 2 {
		c.mu.RLock()
		if st := c.m[query]; st != nil {
			start(st)
			c.mu.RUnlock()
			return true
		}
		c.mu.RUnlock()
		if !c.add(ctx, pool, query) {
			return false
		}
	}
	return false // dropped again at once: run as it is
}

// add prepares query and keeps it, dropping another when full.
func (c *readStmts) add(ctx context.Context, pool *sql.DB, query string) bool {
	st, err := pool.PrepareContext(context.WithoutCancel(ctx), query)
	if err != nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil { // closed
		st.Close()
		return false
	}
	if c.m[query] != nil { // prepared at the same time by another request
		st.Close()
		return true
	}
	if len(c.m) >= maxStmts {
		for q, old := range c.m {
			delete(c.m, q)
			old.Close()
			break
		}
	}
	c.m[query] = st
	return true
}

func (c *readStmts) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// Row is the result of QueryRowContext; its Scan translates "no rows" into
// ErrNotFound.
type Row struct{ row *sql.Row }

// Scan copies the row's columns into dest. It returns an error wrapping
// ErrNotFound when there was no row.
func (r *Row) Scan(dest ...any) error { return translate(r.row.Scan(dest...)) }

// Err returns the error, if any, that was encountered while running the query.
func (r *Row) Err() error { return translate(r.row.Err()) }

// Querier is what both *DB and *Tx offer for reading, so that read helpers
// can run inside or outside a transaction.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *Row
	Dialect() Dialect
}

var (
	_ Querier = (*DB)(nil)
	_ Querier = (*Tx)(nil)
)

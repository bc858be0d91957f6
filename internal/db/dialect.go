package db

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
)

// Errors that both engines' driver errors are translated into. Test with
// errors.Is; the driver's own error stays wrapped inside.
var (
	// ErrNotFound means a query that expected a row found none.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a write broke a unique constraint.
	ErrConflict = errors.New("conflict")
	// ErrReference means a write broke a foreign key constraint.
	ErrReference = errors.New("reference")
)

// SQLite extended result codes (see sqlite3.h) used by translate.
const (
	sqliteConstraintForeignKey = 787
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintUnique     = 2067
)

// translate maps driver errors onto ErrNotFound, ErrConflict and
// ErrReference, keeping the original error wrapped. It is the only place
// that knows the drivers' error types.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) || errors.Is(err, ErrReference) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqliteConstraintUnique, sqliteConstraintPrimaryKey:
			return fmt.Errorf("%w: %w", ErrConflict, err)
		case sqliteConstraintForeignKey:
			return fmt.Errorf("%w: %w", ErrReference, err)
		}
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return fmt.Errorf("%w: %w", ErrConflict, err)
		case "23503":
			return fmt.Errorf("%w: %w", ErrReference, err)
		}
	}
	return err
}

// Rebind rewrites '?' placeholders for the database's engine.
func (d *DB) Rebind(query string) string { return d.dialect.Rebind(query) }

// Rebind rewrites the '?' placeholders of query into the engine's own form:
// unchanged for SQLite, $1, $2, … for PostgreSQL. Question marks inside
// string literals, quoted identifiers and comments are left alone.
func (d Dialect) Rebind(query string) string {
	if d != Postgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(query) {
				if query[j] == c {
					if j+1 < len(query) && query[j+1] == c { // doubled quote
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= len(query) {
				j = len(query) - 1
			}
			b.WriteString(query[i : j+1])
			i = j
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				j = len(query) - i - 1
			}
			b.WriteString(query[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Placeholders returns n comma-separated '?' placeholders, for IN lists and
// multi-row inserts.
func Placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

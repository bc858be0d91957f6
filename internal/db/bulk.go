package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Bulk loading, for the demo generator: rows written in the fewest
// statements each engine allows, and secondary indexes built once at the
// end instead of row by row.

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
	// Both engines take 32,766 bound values or more; stay well below.
	per := max(1, 8000/len(columns))
	row := "(" + Placeholders(len(columns)) + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
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
		q := head + strings.TrimSuffix(strings.Repeat(row+", ", len(part)), ", ")
		var err error
		if len(part) == per {
			if full == nil {
				if full, err = tx.tx.PrepareContext(ctx, tx.dialect.Rebind(q)); err != nil {
					return n, fmt.Errorf("db: copy into %s: %w", table, translate(err))
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, q, args...)
		}
		if err != nil {
			return n, fmt.Errorf("db: copy into %s: %w", table, translate(err))
		}
		n += int64(len(part))
	}
	return n, nil
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

package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/pressly/goose/v3"
)

// What backups, restores and checks need from the engines: the tables of
// the schema and their stored columns, a consistent read of all of them,
// a bulk load with foreign keys checked once at the end, and the engines'
// own integrity checks. The few differences between SQLite and
// PostgreSQL stay here, as the rest of the package's.

// Table is a table of danvan's schema and the columns it stores (in
// declaration order; generated columns, which the engine computes, and
// derived ones, which the schema's triggers compute, are left out).
type Table struct {
	Name    string
	Columns []string
	// Binary lists, parallel to Columns, the columns that hold bytes
	// (BLOB on SQLite, BYTEA on PostgreSQL).
	Binary []bool
}

// MigrationTable is goose's own table of applied migrations; Tables leaves
// it out (a backup records the schema version instead).
const MigrationTable = "goose_db_version"

// Tables lists the ordinary tables of the schema, sorted by name, without
// goose's table, views, virtual tables or their shadow tables.
func (d *DB) Tables(ctx context.Context, q Querier) ([]Table, error) {
	var names []string
	list := `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if d.dialect == Postgres {
		list = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	rows, err := q.QueryContext(ctx, list)
	if err != nil {
		return nil, fmt.Errorf("db: list tables: %w", err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("db: list tables: %w", err)
		}
		if name != MigrationTable {
			names = append(names, name)
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("db: list tables: %w", err)
	}
	slices.Sort(names)
	out := make([]Table, 0, len(names))
	for _, name := range names {
		t, err := d.columns(ctx, q, name)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// derived are the columns, by table, that the schema's triggers compute
// from the row's other columns, so that a backup need not carry them and
// a restore into either engine gets its own: the search's words
// (migration 00550), a vector on PostgreSQL and always NULL on SQLite.
var derived = map[string][]string{"search_entries": {"words"}}

// columns reads the stored columns of one table.
func (d *DB) columns(ctx context.Context, q Querier, table string) (Table, error) {
	query := `SELECT name, upper(type), hidden FROM pragma_table_xinfo(?) ORDER BY cid`
	if d.dialect == Postgres {
		query = `SELECT column_name, upper(data_type), CASE WHEN is_generated = 'ALWAYS' THEN 2 ELSE 0 END
			FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
			ORDER BY ordinal_position`
	}
	rows, err := q.QueryContext(ctx, query, table)
	if err != nil {
		return Table{}, fmt.Errorf("db: columns of %s: %w", table, err)
	}
	defer rows.Close()
	t := Table{Name: table}
	for rows.Next() {
		var name, typ string
		var hidden int
		if err := rows.Scan(&name, &typ, &hidden); err != nil {
			return Table{}, fmt.Errorf("db: columns of %s: %w", table, err)
		}
		if hidden != 0 || slices.Contains(derived[table], name) { // generated (2, 3) or a virtual table's hidden column (1)
			continue
		}
		t.Columns = append(t.Columns, name)
		t.Binary = append(t.Binary, typ == "BLOB" || typ == "BYTEA")
	}
	if err := rows.Err(); err != nil {
		return Table{}, fmt.Errorf("db: columns of %s: %w", table, err)
	}
	if len(t.Columns) == 0 {
		return Table{}, fmt.Errorf("db: table %s has no columns", table)
	}
	return t, nil
}

// QuoteIdent quotes a table or column name for either engine.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// SchemaVersion is the newest migration applied to the database; 0 for a
// database no migration has touched.
func (d *DB) SchemaVersion(ctx context.Context) (int64, error) {
	p, err := d.provider(ctx)
	if err != nil {
		return 0, err
	}
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return 0, fmt.Errorf("db: schema version: %w", err)
	}
	return v, nil
}

// LatestSchemaVersion is the newest migration this program carries for
// the database's engine.
func (d *DB) LatestSchemaVersion() (int64, error) {
	dir := "migrations/" + d.dialect.String()
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return 0, fmt.Errorf("db: migrations %s: %w", dir, err)
	}
	var latest int64
	for _, e := range entries {
		v, err := goose.NumericComponent(e.Name())
		if err != nil {
			continue
		}
		latest = max(latest, v)
	}
	return latest, nil
}

// MigrateTo applies the pending embedded migrations up to and including
// version, and returns how many it applied.
func (d *DB) MigrateTo(ctx context.Context, version int64) (int, error) {
	p, err := d.provider(ctx)
	if err != nil {
		return 0, err
	}
	res, err := p.UpTo(ctx, version)
	if err != nil {
		return len(res), fmt.Errorf("db: migrate %s to %d: %w", d.dsn, version, err)
	}
	return len(res), nil
}

// VacuumInto writes a consistent copy of a SQLite database to path (a
// file that must not exist) while others keep reading and writing: the
// copy is what a reader saw at one moment. It runs on a reader
// connection, so writers are not held up.
func (d *DB) VacuumInto(ctx context.Context, path string) error {
	if d.dialect != SQLite {
		return errors.New("db: VACUUM INTO is SQLite's")
	}
	// The reader pool is query_only, which VACUUM INTO refuses; one
	// connection of its own reads like a reader and writes only the copy.
	c, err := sql.Open("sqlite", "file:"+strings.TrimPrefix(d.dsn, "sqlite:")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("db: copy %s: %w", d.dsn, err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("db: copy %s to %s: %w", d.dsn, path, translate(err))
	}
	return nil
}

// ReadSnapshot runs fn in one read-only transaction that sees the whole
// database at one moment, whatever others write meanwhile. On PostgreSQL
// the transaction is REPEATABLE READ and snapshot names it, so that
// another session (pg_dump --snapshot) can see exactly the same data while
// fn runs; on SQLite snapshot is "".
func (d *DB) ReadSnapshot(ctx context.Context, fn func(tx *Tx, snapshot string) error) error {
	opts := &sql.TxOptions{}
	if d.dialect == Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	sqlTx, err := d.read.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("db: begin snapshot: %w", translate(err))
	}
	defer sqlTx.Rollback()
	tx := &Tx{tx: sqlTx, dialect: d.dialect, now: d.Now()}
	snapshot := ""
	if d.dialect == Postgres {
		if err := tx.QueryRowContext(ctx, "SELECT pg_export_snapshot()").Scan(&snapshot); err != nil {
			return fmt.Errorf("db: export snapshot: %w", err)
		}
	} else {
		// A deferred transaction takes its snapshot at the first read.
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master").Scan(&n); err != nil {
			return fmt.Errorf("db: begin snapshot: %w", err)
		}
	}
	return fn(tx, snapshot)
}

// Load runs fn in one write transaction in which foreign keys are checked
// once, when fn is done, rather than row by row: for restoring whole
// tables in any order. Every foreign key must hold at the end or nothing
// is written. On PostgreSQL the schema's foreign keys are dropped and
// added again inside the transaction (adding one checks every row), and
// the id sequences are moved past the ids loaded.
func (d *DB) Load(ctx context.Context, fn func(tx *Tx) error) error {
	return d.WithTx(ctx, func(tx *Tx) error {
		if d.dialect == SQLite {
			if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
				return fmt.Errorf("db: defer foreign keys: %w", err)
			}
			if err := fn(tx); err != nil {
				return err
			}
			problems, err := foreignKeyProblems(ctx, tx, SQLite)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return fmt.Errorf("db: %d rows break a foreign key, the first: %s", len(problems), problems[0])
			}
			return nil
		}
		type fk struct{ table, name, def string }
		var fks []fk
		rows, err := tx.QueryContext(ctx, `SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
			FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
			ORDER BY 1, 2`)
		if err != nil {
			return fmt.Errorf("db: foreign keys: %w", err)
		}
		for rows.Next() {
			var f fk
			if err := rows.Scan(&f.table, &f.name, &f.def); err != nil {
				rows.Close()
				return fmt.Errorf("db: foreign keys: %w", err)
			}
			fks = append(fks, f)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("db: foreign keys: %w", err)
		}
		for _, f := range fks {
			if _, err := tx.ExecContext(ctx, "ALTER TABLE "+f.table+" DROP CONSTRAINT "+QuoteIdent(f.name)); err != nil {
				return fmt.Errorf("db: drop %s: %w", f.name, err)
			}
		}
		if err := fn(tx); err != nil {
			return err
		}
		for _, f := range fks {
			if _, err := tx.ExecContext(ctx, "ALTER TABLE "+f.table+" ADD CONSTRAINT "+QuoteIdent(f.name)+" "+f.def); err != nil {
				return fmt.Errorf("db: rows of %s break foreign key %s: %w", f.table, f.name, err)
			}
		}
		return resetSequences(ctx, tx)
	})
}

// resetSequences moves every column sequence of the schema past the
// largest value its column holds.
func resetSequences(ctx context.Context, tx *Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%' ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("db: sequences: %w", err)
	}
	var cols [][2]string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			rows.Close()
			return fmt.Errorf("db: sequences: %w", err)
		}
		cols = append(cols, [2]string{t, c})
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("db: sequences: %w", err)
	}
	for _, c := range cols {
		t, col := QuoteIdent(c[0]), QuoteIdent(c[1])
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(%s), 0) + 1, false) FROM %s`, col, t)
		if _, err := tx.ExecContext(ctx, q, t, c[1]); err != nil {
			return fmt.Errorf("db: sequence of %s.%s: %w", c[0], c[1], err)
		}
	}
	return nil
}

// IntegrityProblems runs the engine's own check of its files (SQLite's
// integrity_check) and lists what it finds; PostgreSQL checks its pages
// as it reads them, so there it lists only the foreign keys that are not
// validated.
func (d *DB) IntegrityProblems(ctx context.Context) ([]string, error) {
	var out []string
	if d.dialect == SQLite {
		rows, err := d.read.QueryContext(ctx, "PRAGMA integrity_check")
		if err != nil {
			return nil, fmt.Errorf("db: integrity check: %w", translate(err))
		}
		defer rows.Close()
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				return nil, fmt.Errorf("db: integrity check: %w", err)
			}
			if line != "ok" {
				out = append(out, line)
			}
		}
		return out, rows.Err()
	}
	rows, err := d.QueryContext(ctx, `SELECT conrelid::regclass::text || ': ' || conname FROM pg_constraint
		WHERE contype = 'f' AND NOT convalidated AND connamespace = current_schema()::regnamespace ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("db: constraints: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, "foreign key not validated: "+s)
	}
	return out, rows.Err()
}

// ForeignKeyProblems lists rows whose reference points at no row (at most
// a hundred), as "table row N → parent". SQLite can hold such rows when
// foreign keys were off while they were written; PostgreSQL cannot, but
// its check runs the same queries over the catalog.
func (d *DB) ForeignKeyProblems(ctx context.Context) ([]string, error) {
	var out []string
	err := d.ReadSnapshot(ctx, func(tx *Tx, _ string) error {
		var err error
		out, err = foreignKeyProblems(ctx, tx, d.dialect)
		return err
	})
	return out, err
}

func foreignKeyProblems(ctx context.Context, tx *Tx, dialect Dialect) ([]string, error) {
	if dialect == SQLite {
		rows, err := tx.QueryContext(ctx, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 100")
		if err != nil {
			return nil, fmt.Errorf("db: foreign key check: %w", err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var table, parent string
			var rowid sql.NullInt64
			if err := rows.Scan(&table, &rowid, &parent); err != nil {
				return nil, fmt.Errorf("db: foreign key check: %w", err)
			}
			out = append(out, fmt.Sprintf("%s row %d → %s", table, rowid.Int64, parent))
		}
		return out, rows.Err()
	}
	// PostgreSQL: each single-column foreign key, checked by a query.
	rows, err := tx.QueryContext(ctx, `SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, af.attname
		FROM pg_constraint c
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
		WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND c.connamespace = current_schema()::regnamespace
		ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("db: foreign keys: %w", err)
	}
	var checks [][4]string
	for rows.Next() {
		var c [4]string
		if err := rows.Scan(&c[0], &c[1], &c[2], &c[3]); err != nil {
			rows.Close()
			return nil, err
		}
		checks = append(checks, c)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("db: foreign keys: %w", err)
	}
	var out []string
	for _, c := range checks {
		q := fmt.Sprintf(`SELECT COUNT(*) FROM %s t WHERE t.%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%s = t.%s)`,
			c[0], QuoteIdent(c[1]), c[2], QuoteIdent(c[3]), QuoteIdent(c[1]))
		var n int
		if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return nil, fmt.Errorf("db: foreign key %s.%s: %w", c[0], c[1], err)
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("%s: %d rows → %s", c[0], n, c[2]))
		}
	}
	return out, nil
}

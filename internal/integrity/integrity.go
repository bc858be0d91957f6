// Package integrity checks that a deployment is whole: the database
// engine's own check of its files, every foreign key, every file a row
// names present in the file store, the schema at a version this program
// knows, and the audit log's chain. `danvan check` runs it, after a
// crash, a restore or an upgrade, and says what it found.
package integrity

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
)

// FileColumn is a column whose values are keys of the file store.
type FileColumn struct{ Table, Column string }

// FileColumns lists every column that names a stored file. A feature
// that stores files adds its columns here, so that `danvan check` finds a
// row whose file is gone. A column whose table the database does not
// have (yet) is skipped.
var FileColumns = []FileColumn{
	{"practice_files", "blob_key"},
	{"practice_files", "thumb_key"},
	{"meeting_documents", "blob_key"},
	{"documents", "docx_key"},
	{"documents", "pdf_key"},
	{"document_scans", "file_key"},
}

// maxListed bounds the problems listed per check.
const maxListed = 50

// Result is the outcome of one check.
type Result struct {
	Name     string   // "engine", "foreign_keys", "files", "schema", "audit"
	Problems []string // empty when the check passed
	// Skipped says why the check did not run ("" when it ran).
	Skipped string
	// Checked is how many things it looked at (rows, files), for the report.
	Checked int64
}

// OK reports whether the check found nothing wrong.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Report is every check's result.
type Report struct{ Results []Result }

// OK reports whether every check passed.
func (r Report) OK() bool {
	for _, c := range r.Results {
		if !c.OK() {
			return false
		}
	}
	return true
}

// AuditVerifier checks the audit log's chain and describes its first
// broken link ("" when the chain holds); it returns how many rows it
// checked.
type AuditVerifier func(ctx context.Context) (checked int64, broken string, err error)

// Checker runs the checks over one deployment.
type Checker struct {
	DB    *db.DB
	Files *blob.Bucket
	// Audit verifies the audit log's chain; nil skips that check and says
	// why.
	Audit AuditVerifier
}

// Run runs every check. Only the system's operator may: the report
// names rows of every unit.
func (c *Checker) Run(ctx context.Context, p *auth.Principal) (Report, error) {
	if !p.IsSystem() {
		return Report{}, apperr.Forbidden("backup.err.operator")
	}
	var rep Report
	for _, check := range []struct {
		name string
		run  func(context.Context) (Result, error)
	}{
		{"schema", c.schema},
		{"engine", c.engine},
		{"foreign_keys", c.foreignKeys},
		{"files", c.files},
		{"audit", c.audit},
	} {
		r, err := check.run(ctx)
		if err != nil {
			return rep, fmt.Errorf("integrity: %s: %w", check.name, err)
		}
		r.Name = check.name
		rep.Results = append(rep.Results, r)
	}
	return rep, nil
}

func (c *Checker) schema(ctx context.Context) (Result, error) {
	have, err := c.DB.SchemaVersion(ctx)
	if err != nil {
		return Result{}, err
	}
	latest, err := c.DB.LatestSchemaVersion()
	if err != nil {
		return Result{}, err
	}
	var r Result
	switch {
	case have == 0:
		r.Problems = append(r.Problems, "the database has no schema: run danvan migrate")
	case have > latest:
		r.Problems = append(r.Problems, fmt.Sprintf("schema version %d is newer than this program's %d: use the newer danvan", have, latest))
	case have < latest:
		r.Skipped = fmt.Sprintf("schema version %d, this program's is %d: danvan migrate (or serve) applies the rest", have, latest)
	}
	r.Checked = have
	return r, nil
}

func (c *Checker) engine(ctx context.Context) (Result, error) {
	problems, err := c.DB.IntegrityProblems(ctx)
	return Result{Problems: limit(problems)}, err
}

func (c *Checker) foreignKeys(ctx context.Context) (Result, error) {
	problems, err := c.DB.ForeignKeyProblems(ctx)
	return Result{Problems: limit(problems)}, err
}

// files checks that every key a row names is in the file store, and
// reports temporary files a write that never finished left behind.
func (c *Checker) files(ctx context.Context) (Result, error) {
	if c.Files == nil {
		return Result{Skipped: "no file store given"}, nil
	}
	tables, err := c.DB.Tables(ctx, c.DB)
	if err != nil {
		return Result{}, err
	}
	var r Result
	for _, fc := range FileColumns {
		i := slices.IndexFunc(tables, func(t db.Table) bool { return t.Name == fc.Table })
		if i < 0 || !slices.Contains(tables[i].Columns, fc.Column) {
			continue
		}
		keys, err := columnKeys(ctx, c.DB, fc)
		if err != nil {
			return Result{}, err
		}
		for _, key := range keys {
			r.Checked++
			rc, err := c.Files.NewReader(ctx, key)
			if blob.IsNotFound(err) {
				r.Problems = append(r.Problems, fmt.Sprintf("%s.%s names %s, which is not in the file store", fc.Table, fc.Column, key))
				continue
			}
			if err != nil {
				return Result{}, err
			}
			rc.Close()
		}
	}
	r.Problems = limit(r.Problems)
	return r, nil
}

func columnKeys(ctx context.Context, d *db.DB, fc FileColumn) ([]string, error) {
	rows, err := d.QueryContext(ctx, fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %[1]s IS NOT NULL AND %[1]s <> ''",
		db.QuoteIdent(fc.Column), db.QuoteIdent(fc.Table)))
	if err != nil {
		return nil, fmt.Errorf("integrity: %s.%s: %w", fc.Table, fc.Column, err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, rows.Err()
}

func (c *Checker) audit(ctx context.Context) (Result, error) {
	if c.Audit == nil {
		return Result{Skipped: "this version's audit log carries no hash chain to verify"}, nil
	}
	n, broken, err := c.Audit(ctx)
	if err != nil {
		return Result{}, err
	}
	r := Result{Checked: n}
	if broken != "" {
		r.Problems = []string{broken}
	}
	return r, nil
}

func limit(problems []string) []string {
	if len(problems) > maxListed {
		n := len(problems)
		problems = append(problems[:maxListed:maxListed], fmt.Sprintf("… and %d more", n-maxListed))
	}
	return problems
}

// Text writes the report for a terminal: one line per check, then its
// problems.
func (r Report) Text() string {
	var b strings.Builder
	for _, c := range r.Results {
		switch {
		case !c.OK():
			fmt.Fprintf(&b, "LỖI (FAILED)  %-13s %d problem(s)\n", c.Name, len(c.Problems))
			for _, p := range c.Problems {
				fmt.Fprintf(&b, "    %s\n", p)
			}
		case c.Skipped != "":
			fmt.Fprintf(&b, "bỏ qua (skip) %-13s %s\n", c.Name, c.Skipped)
		case c.Checked > 0:
			fmt.Fprintf(&b, "ổn (ok)       %-13s %d checked\n", c.Name, c.Checked)
		default:
			fmt.Fprintf(&b, "ổn (ok)       %s\n", c.Name)
		}
	}
	return b.String()
}

// ErrProblems is returned by callers that turn a failed report into an
// exit status.
var ErrProblems = errors.New("integrity: problems found")

package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// Bounds on what a restore reads into memory at once.
const (
	maxManifest = 64 << 20 // the manifest
	maxFile     = 1 << 30  // one stored file
)

// damaged is the error of an archive that is not whole: what was wrong,
// for the operator, in the message's argument.
func damaged(format string, args ...any) error {
	detail := fmt.Sprintf(format, args...)
	return &apperr.Error{Code: apperr.CodeInvalid, Key: "backup.err.damaged", Args: []any{detail}, Err: errors.New(detail)}
}

// Verify reads the whole archive at path and checks it against its
// manifest: every entry there with the size and checksum the manifest
// gives, and nothing else. A truncated or altered archive is refused
// with backup.err.damaged.
func Verify(path string) (Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return Manifest{}, apperr.Invalid("", "backup.err.open", path, err.Error())
	}
	defer f.Close()
	var manifest []byte
	seen := map[string]Entry{}
	err = walk(f, func(name string, size int64, r io.Reader) error {
		if name == ManifestName {
			b, err := io.ReadAll(io.LimitReader(r, maxManifest+1))
			if err != nil {
				return err
			}
			if len(b) > maxManifest {
				return damaged("the manifest is larger than %d bytes", maxManifest)
			}
			manifest = b
			return nil
		}
		h := sha256.New()
		n, err := io.Copy(h, r)
		if err != nil {
			return err
		}
		seen[name] = Entry{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}
		return nil
	})
	if err != nil {
		return Manifest{}, err
	}
	if manifest == nil {
		return Manifest{}, damaged("no %s: the archive is incomplete", ManifestName)
	}
	m, err := decodeManifest(manifest)
	if err != nil {
		return Manifest{}, damaged("%v", err)
	}
	for name, want := range m.Entries {
		got, ok := seen[name]
		if !ok {
			return Manifest{}, damaged("%s is missing", name)
		}
		if got != want {
			return Manifest{}, damaged("%s does not match its checksum", name)
		}
	}
	for name := range seen {
		if _, ok := m.Entries[name]; !ok {
			return Manifest{}, damaged("%s is not in the manifest", name)
		}
	}
	return m, nil
}

// walk reads a gzip-compressed tar stream and calls fn on each regular
// entry, then reads the compressed stream to its end so that its own
// checksum is verified too. Any error of the stream is damage.
func walk(r io.Reader, fn func(name string, size int64, r io.Reader) error) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return damaged("not a gzip-compressed archive: %v", err)
	}
	tr := tar.NewReader(zr)
	names := map[string]bool{}
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return damaged("%v", err)
		}
		if hdr.Typeflag != tar.TypeReg {
			return damaged("%s is not a regular file", hdr.Name)
		}
		if names[hdr.Name] || path.Clean(hdr.Name) != hdr.Name || strings.HasPrefix(hdr.Name, "/") || strings.HasPrefix(hdr.Name, "..") {
			return damaged("bad or repeated entry %q", hdr.Name)
		}
		names[hdr.Name] = true
		if err := fn(hdr.Name, hdr.Size, tr); err != nil {
			if _, ok := apperr.As(err); ok {
				return err
			}
			return damaged("%s: %v", hdr.Name, err)
		}
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return damaged("%v", err)
	}
	return zr.Close()
}

// Restore loads the archive at path into the Store's database, which
// must hold no data, and its files into the Store's file store. The
// archive is verified first; one written by a newer program (a schema
// this program does not know) is refused. The database is migrated to
// the archive's schema version, every row loaded in one transaction
// (nothing is written if any row or foreign key fails), the counts
// compared with the manifest, and then the newer migrations of this
// program applied. It returns the manifest and how many migrations ran
// after the load.
func (s *Store) Restore(ctx context.Context, p *auth.Principal, archive string) (Manifest, int, error) {
	if err := requireOperator(p); err != nil {
		return Manifest{}, 0, err
	}
	m, err := Verify(archive)
	if err != nil {
		return Manifest{}, 0, err
	}
	latest, err := s.db.LatestSchemaVersion()
	if err != nil {
		return Manifest{}, 0, err
	}
	if m.SchemaVersion > latest {
		return Manifest{}, 0, apperr.Invalid("", "backup.err.newer_schema", m.SchemaVersion, m.Version, latest)
	}
	current, err := s.db.SchemaVersion(ctx)
	if err != nil {
		return Manifest{}, 0, err
	}
	if current > m.SchemaVersion {
		return Manifest{}, 0, apperr.Invalid("", "backup.err.target_ahead", current, m.SchemaVersion)
	}
	if current > 0 {
		if err := s.requireEmpty(ctx); err != nil {
			return Manifest{}, 0, err
		}
	}
	if _, err := s.db.MigrateTo(ctx, m.SchemaVersion); err != nil {
		return Manifest{}, 0, err
	}
	tables, err := s.db.Tables(ctx, s.db)
	if err != nil {
		return Manifest{}, 0, err
	}
	target := map[string]db.Table{}
	for _, t := range tables {
		target[t.Name] = t
	}
	for name, info := range m.Tables {
		t, ok := target[name]
		if !ok {
			return Manifest{}, 0, apperr.Invalid("", "backup.err.schema_mismatch", name)
		}
		for _, c := range info.Columns {
			if !slices.Contains(t.Columns, c) {
				return Manifest{}, 0, apperr.Invalid("", "backup.err.schema_mismatch", name+"."+c)
			}
		}
	}

	var written []string
	err = s.db.Load(ctx, func(tx *db.Tx) error {
		for _, t := range tables {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+db.QuoteIdent(t.Name)); err != nil {
				return fmt.Errorf("backup: empty %s: %w", t.Name, err)
			}
		}
		f, err := os.Open(archive)
		if err != nil {
			return apperr.Invalid("", "backup.err.open", archive, err.Error())
		}
		defer f.Close()
		return walk(f, func(name string, size int64, r io.Reader) error {
			if name == ManifestName {
				return nil
			}
			want, ok := m.Entries[name]
			if !ok || want.Size != size {
				return damaged("%s changed since it was verified", name)
			}
			h := sha256.New()
			r = io.TeeReader(r, h)
			switch {
			case strings.HasPrefix(name, dataPrefix):
				table := strings.TrimSuffix(strings.TrimPrefix(name, dataPrefix), ".jsonl")
				info, ok := m.Tables[table]
				if !ok {
					return damaged("%s names no table of the manifest", name)
				}
				n, err := loadTable(ctx, tx, target[table], info.Columns, r)
				if err != nil {
					return err
				}
				if n != info.Rows {
					return damaged("%s holds %d rows, the manifest says %d", name, n, info.Rows)
				}
			case strings.HasPrefix(name, filesPrefix) && s.files != nil:
				if size > maxFile {
					return damaged("%s is larger than %d bytes", name, maxFile)
				}
				data, err := io.ReadAll(io.LimitReader(r, maxFile))
				if err != nil {
					return err
				}
				key := strings.TrimPrefix(name, filesPrefix)
				if err := s.files.WriteAll(ctx, key, data); err != nil {
					return err
				}
				written = append(written, key)
			}
			if _, err := io.Copy(io.Discard, r); err != nil {
				return err
			}
			if hex.EncodeToString(h.Sum(nil)) != want.SHA256 {
				return damaged("%s changed since it was verified", name)
			}
			return nil
		})
	})
	if err != nil {
		for _, key := range written {
			s.files.Delete(context.WithoutCancel(ctx), key)
		}
		return Manifest{}, 0, err
	}
	applied, err := s.db.Migrate(ctx)
	if err != nil {
		return m, 0, fmt.Errorf("backup: restored, but migrating to this program's schema failed: %w", err)
	}
	return m, applied, nil
}

// requireEmpty refuses a database that already holds units or accounts:
// a restore never mixes two deployments' data.
func (s *Store) requireEmpty(ctx context.Context) error {
	for _, table := range []string{"units", "users"} {
		var n int64
		err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n)
		if err != nil {
			continue // not created yet at this schema version
		}
		if n > 0 {
			return apperr.Invalid("", "backup.err.not_empty", table, n)
		}
	}
	return nil
}

// loadTable inserts the rows of one data entry (after its line of column
// names, which must be cols) into t, in batches, and counts them.
func loadTable(ctx context.Context, tx *db.Tx, t db.Table, cols []string, r io.Reader) (int64, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var header []string
	if err := dec.Decode(&header); err != nil {
		return 0, damaged("%s: no column line: %v", t.Name, err)
	}
	if !slices.Equal(header, cols) {
		return 0, damaged("%s: the columns differ from the manifest's", t.Name)
	}
	binary := make([]bool, len(cols))
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = db.QuoteIdent(c)
		if j := slices.Index(t.Columns, c); j >= 0 {
			binary[i] = t.Binary[j]
		}
	}
	batch := max(1, min(200, 30000/len(cols)))
	row := "(" + db.Placeholders(len(cols)) + ")"
	prefix := "INSERT INTO " + db.QuoteIdent(t.Name) + " (" + strings.Join(quoted, ", ") + ") VALUES "
	var args []any
	var pending int
	var n int64
	flush := func() error {
		if pending == 0 {
			return nil
		}
		q := prefix + strings.TrimSuffix(strings.Repeat(row+", ", pending), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("backup: load %s: %w", t.Name, err)
		}
		args, pending = args[:0], 0
		return nil
	}
	for {
		var vals []any
		err := dec.Decode(&vals)
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, damaged("%s row %d: %v", t.Name, n+1, err)
		}
		if len(vals) != len(cols) {
			return 0, damaged("%s row %d has %d values for %d columns", t.Name, n+1, len(vals), len(cols))
		}
		for i, v := range vals {
			dv, err := decodeValue(v, binary[i])
			if err != nil {
				return 0, damaged("%s row %d, %s: %v", t.Name, n+1, cols[i], err)
			}
			args = append(args, dv)
		}
		pending++
		n++
		if pending == batch {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, flush()
}

// decodeValue turns a value of a row's JSON back into a query argument.
func decodeValue(v any, binary bool) (any, error) {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i, nil
		}
		return x.Float64()
	case map[string]any:
		s, ok := x["b"].(string)
		if !ok || len(x) != 1 {
			return nil, errors.New("an object that is not bytes")
		}
		return base64.StdEncoding.DecodeString(s)
	case string:
		if binary {
			return []byte(x), nil
		}
		return x, nil
	case nil, bool:
		return x, nil
	}
	return nil, fmt.Errorf("unexpected %T", v)
}

package backup

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
)

// Config is what a Store needs besides the database and the files.
type Config struct {
	// Version is the program's version, written into manifests.
	Version string
	// URL is the database's connection URL with its password, which
	// pg_dump needs (the *db.DB keeps none); unused on SQLite.
	URL string
	// PGDump is the pg_dump program; "" means pg_dump from PATH.
	PGDump string
	// Logger receives the scheduled backups' progress; nil discards it.
	Logger *slog.Logger
}

// Store backs up and restores one deployment: its database and its file
// store.
type Store struct {
	db    *db.DB
	files *blob.Bucket
	cfg   Config
}

// New returns a Store over d and files.
func New(d *db.DB, files *blob.Bucket, cfg Config) *Store {
	if cfg.PGDump == "" {
		cfg.PGDump = "pg_dump"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	return &Store{db: d, files: files, cfg: cfg}
}

// requireOperator refuses anyone but the system's operator: a backup
// holds every unit's data and every account's password hash.
func requireOperator(p *auth.Principal) error {
	if !p.IsSystem() {
		return apperr.Forbidden("backup.err.operator")
	}
	return nil
}

// FileName is the name Save gives an archive taken at t in a folder.
func FileName(t time.Time) string {
	return "danvan-" + t.UTC().Format("20060102T150405Z") + ".tar.gz"
}

// Save writes an archive to dest: into that folder under FileName when
// dest is a folder (or ends with a slash), else to that file. The archive
// is written beside its name with ".partial" added and renamed when
// complete, so a name without it is always a whole archive. It records
// the run (see LastGood) and returns the archive's path and manifest.
func (s *Store) Save(ctx context.Context, p *auth.Principal, dest string) (string, Manifest, error) {
	if err := requireOperator(p); err != nil {
		return "", Manifest{}, err
	}
	started := s.db.Now()
	path, m, err := s.save(ctx, dest, started)
	s.record(ctx, run{Started: started, Path: path, Manifest: m, Err: err})
	return path, m, err
}

func (s *Store) save(ctx context.Context, dest string, started time.Time) (string, Manifest, error) {
	path := dest
	if info, err := os.Stat(dest); (err == nil && info.IsDir()) || strings.HasSuffix(dest, string(os.PathSeparator)) {
		if err := os.MkdirAll(dest, 0o750); err != nil {
			return "", Manifest{}, fmt.Errorf("backup: folder %s: %w", dest, err)
		}
		path = filepath.Join(dest, FileName(started))
	}
	partial := path + ".partial"
	f, err := os.OpenFile(partial, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return "", Manifest{}, fmt.Errorf("backup: create %s: %w", partial, err)
	}
	m, err := s.write(ctx, f, filepath.Dir(path))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(partial, path)
	}
	if err != nil {
		os.Remove(partial)
		return "", Manifest{}, err
	}
	return path, m, nil
}

// Write writes an archive of the database and the file store to w. The
// rows are one consistent snapshot, whatever is written meanwhile; the
// files are copied after it, so every file a row of the snapshot names
// is there unless it was deleted in between. Temporary files go in a
// folder under tmpDir ("" means the system's).
func (s *Store) Write(ctx context.Context, p *auth.Principal, w io.Writer, tmpDir string) (Manifest, error) {
	if err := requireOperator(p); err != nil {
		return Manifest{}, err
	}
	return s.write(ctx, w, tmpDir)
}

func (s *Store) write(ctx context.Context, w io.Writer, tmpDir string) (Manifest, error) {
	stage, err := os.MkdirTemp(tmpDir, ".danvan-backup-")
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: temporary folder: %w", err)
	}
	defer os.RemoveAll(stage)

	m := Manifest{Format: Format, Version: s.cfg.Version, Dialect: s.db.Dialect().String(),
		CreatedAt: s.db.Now(), Tables: map[string]TableInfo{}, Entries: map[string]Entry{}}
	var native string
	if s.db.Dialect() == db.SQLite {
		native = filepath.Join(stage, SQLiteName)
		if err := s.db.VacuumInto(ctx, native); err != nil {
			return Manifest{}, fmt.Errorf("backup: %w", err)
		}
		snap, err := db.Open(ctx, "sqlite:"+native)
		if err != nil {
			return Manifest{}, fmt.Errorf("backup: open the copy: %w", err)
		}
		// The copy is archived as VACUUM INTO wrote it; reading it may
		// add a write-ahead log beside it, which is not archived.
		err = snap.ReadSnapshot(ctx, func(tx *db.Tx, _ string) error {
			return dumpTables(ctx, snap, tx, stage, &m)
		})
		snap.Close()
		if err != nil {
			return Manifest{}, err
		}
	} else {
		native = filepath.Join(stage, PGDumpName)
		err := s.db.ReadSnapshot(ctx, func(tx *db.Tx, snapshot string) error {
			var schema string
			if err := tx.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
				return fmt.Errorf("backup: schema: %w", err)
			}
			if err := s.pgDump(ctx, schema, snapshot, native); err != nil {
				return err
			}
			return dumpTables(ctx, s.db, tx, stage, &m)
		})
		if err != nil {
			return Manifest{}, err
		}
	}

	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return Manifest{}, err
	}
	tw := tar.NewWriter(zw)
	if err := addFile(tw, &m, filepath.Base(native), native); err != nil {
		return Manifest{}, err
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range m.Tables {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		if err := addFile(tw, &m, dataPrefix+name+".jsonl", filepath.Join(stage, name+".jsonl")); err != nil {
			return Manifest{}, err
		}
	}
	if err := s.addStore(ctx, tw, &m); err != nil {
		return Manifest{}, err
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return Manifest{}, err
	}
	if err := addBytes(tw, ManifestName, mb, m.CreatedAt); err != nil {
		return Manifest{}, err
	}
	if err := tw.Close(); err != nil {
		return Manifest{}, fmt.Errorf("backup: write archive: %w", err)
	}
	if err := zw.Close(); err != nil {
		return Manifest{}, fmt.Errorf("backup: write archive: %w", err)
	}
	return m, nil
}

// dumpTables writes every table of q's snapshot as data/<table>.jsonl in
// stage: a first line with the column names, then one JSON array a row.
func dumpTables(ctx context.Context, d *db.DB, q db.Querier, stage string, m *Manifest) error {
	var err error
	if m.SchemaVersion, err = schemaVersion(ctx, q); err != nil {
		return err
	}
	tables, err := d.Tables(ctx, q)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	for _, t := range tables {
		n, err := dumpTable(ctx, q, t, filepath.Join(stage, t.Name+".jsonl"))
		if err != nil {
			return err
		}
		m.Tables[t.Name] = TableInfo{Rows: n, Columns: t.Columns}
	}
	return nil
}

// schemaVersion reads goose's table in the snapshot itself.
func schemaVersion(ctx context.Context, q db.Querier) (int64, error) {
	var v int64
	if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(version_id), 0) FROM "+db.MigrationTable+" WHERE is_applied").Scan(&v); err != nil {
		return 0, fmt.Errorf("backup: schema version: %w", err)
	}
	if v == 0 {
		return 0, errors.New("backup: the database has no schema (run danvan migrate)")
	}
	return v, nil
}

func dumpTable(ctx context.Context, q db.Querier, t db.Table, path string) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<16)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(t.Columns); err != nil {
		return 0, err
	}
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = db.QuoteIdent(c)
	}
	// Ordered by the first column (the id, for every table that has one),
	// so two backups of the same data are the same.
	rows, err := q.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+db.QuoteIdent(t.Name)+" ORDER BY 1")
	if err != nil {
		return 0, fmt.Errorf("backup: read %s: %w", t.Name, err)
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, fmt.Errorf("backup: read %s: %w", t.Name, err)
		}
		for i, v := range vals {
			vals[i] = encodeValue(v, t.Binary[i])
		}
		if err := enc.Encode(vals); err != nil {
			return 0, fmt.Errorf("backup: encode %s: %w", t.Name, err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("backup: read %s: %w", t.Name, err)
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	return n, f.Close()
}

// binaryValue is how bytes are written in a row: {"b": base64}.
type binaryValue struct {
	B string `json:"b"`
}

// encodeValue turns a scanned value into what the row's JSON holds.
func encodeValue(v any, binary bool) any {
	switch x := v.(type) {
	case []byte:
		if binary {
			return binaryValue{B: base64.StdEncoding.EncodeToString(x)}
		}
		return string(x)
	case time.Time:
		return db.Stamp(x)
	}
	return v
}

// pgDump runs pg_dump on the snapshot into path (custom format, the
// schema danvan uses only, without owners or grants, so that it restores
// under another role).
func (s *Store) pgDump(ctx context.Context, schema, snapshot, path string) error {
	conn, password, err := libpqURL(s.cfg.URL)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, s.cfg.PGDump, "--format=custom", "--no-owner", "--no-privileges",
		"--schema="+schema, "--snapshot="+snapshot, "--file="+path, "--dbname="+conn)
	cmd.Env = os.Environ()
	if password != "" {
		cmd.Env = append(cmd.Env, "PGPASSWORD="+password)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("backup: pg_dump: %w: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// libpqParams are the URL parameters libpq (and so pg_dump) knows; the
// others, which pgx sends as settings (search_path, jit), go into
// libpq's options.
var libpqParams = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "passfile": true,
	"channel_binding": true, "connect_timeout": true, "client_encoding": true, "options": true,
	"application_name": true, "sslmode": true, "sslcert": true, "sslkey": true, "sslrootcert": true,
	"sslcrl": true, "sslpassword": true, "sslsni": true, "target_session_attrs": true, "service": true,
}

// libpqURL turns a danvan PostgreSQL URL into one pg_dump accepts, and
// takes the password out of it (pg_dump gets it from PGPASSWORD, not from
// a command line every user of the machine can read).
func libpqURL(raw string) (conn, password string, err error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", "", fmt.Errorf("backup: pg_dump needs the database's postgres:// URL")
	}
	if u.User != nil {
		password, _ = u.User.Password()
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	var opts []string
	if o := q.Get("options"); o != "" {
		opts = append(opts, o)
	}
	for k, vs := range q {
		if !libpqParams[k] {
			for _, v := range vs {
				opts = append(opts, "-c "+k+"="+v)
			}
			q.Del(k)
		}
	}
	slices.Sort(opts)
	if len(opts) > 0 {
		q.Set("options", strings.Join(opts, " "))
	}
	// libpq reads %20, not '+', as a space.
	u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20")
	return u.String(), password, nil
}

// addStore adds every file of the file store under files/<key>.
func (s *Store) addStore(ctx context.Context, tw *tar.Writer, m *Manifest) error {
	if s.files == nil {
		return nil
	}
	var keys []string
	for obj, err := range s.files.List(ctx, "") {
		if err != nil {
			return fmt.Errorf("backup: list files: %w", err)
		}
		keys = append(keys, obj.Key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		data, err := s.files.ReadAll(ctx, key)
		if blob.IsNotFound(err) {
			continue // deleted since it was listed
		}
		if err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		if err := addBytes(tw, filesPrefix+key, data, m.CreatedAt); err != nil {
			return err
		}
		m.Entries[filesPrefix+key] = checksum(data)
		m.Files++
		m.FileBytes += int64(len(data))
	}
	return nil
}

func checksum(data []byte) Entry {
	sum := sha256.Sum256(data)
	return Entry{Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
}

// addFile adds the file at path under name, recording its checksum.
func addFile(tw *tar.Writer, m *Manifest, name, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	hdr := &tar.Header{Name: name, Mode: 0o640, Size: info.Size(), ModTime: m.CreatedAt, Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(hdr); err != nil {
		return fmt.Errorf("backup: write archive: %w", err)
	}
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(tw, h), f); err != nil {
		return fmt.Errorf("backup: write archive: %w", err)
	}
	m.Entries[name] = Entry{Size: info.Size(), SHA256: hex.EncodeToString(h.Sum(nil))}
	return nil
}

func addBytes(tw *tar.Writer, name string, data []byte, at time.Time) error {
	hdr := &tar.Header{Name: name, Mode: 0o640, Size: int64(len(data)), ModTime: at, Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(hdr); err != nil {
		return fmt.Errorf("backup: write archive: %w", err)
	}
	if _, err := tw.Write(data); err != nil {
		return fmt.Errorf("backup: write archive: %w", err)
	}
	return nil
}

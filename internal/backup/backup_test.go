package backup

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
)

// source is a deployment to back up: the small demo, an account, and a
// few stored files.
type source struct {
	db    *db.DB
	files *blob.Bucket
	store *Store
	url   string
}

func newSource(t *testing.T, kind string) source {
	t.Helper()
	ctx := context.Background()
	url := dbtest.URL(t, kind)
	d, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := demo.GenerateAll(ctx, d, demo.Options{Scale: "small", Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	files, err := blob.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{[]byte("ảnh minh chứng"), bytes.Repeat([]byte{0, 1, 2, 255}, 5000), {}} {
		if err := files.WriteAll(ctx, fmt.Sprintf("practice/%d/f%d.bin", i+1, i), data); err != nil {
			t.Fatal(err)
		}
	}
	return source{db: d, files: files, url: url, store: New(d, files, Config{Version: "test", URL: url})}
}

// target is an empty database of kind and an empty file store.
func target(t *testing.T, kind string) (*db.DB, *blob.Bucket, *Store) {
	t.Helper()
	d := dbtest.OpenEmpty(t, kind)
	files, err := blob.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return d, files, New(d, files, Config{Version: "test"})
}

// counts is the number of rows of every table of d.
func counts(t *testing.T, d *db.DB) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	tables, err := d.Tables(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, tb := range tables {
		var n int64
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+tb.Name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tb.Name] = n
	}
	return out
}

// sample is the first n rows of table (by its first column) with the
// columns of cols, each as the JSON a backup writes: equal across both
// engines for equal data.
func sample(t *testing.T, d *db.DB, table db.Table, n int) []string {
	t.Helper()
	cols := make([]string, len(table.Columns))
	for i, c := range table.Columns {
		cols[i] = db.QuoteIdent(c)
	}
	// Every column orders the rows (a table keyed on two columns, such as
	// commendation_rules, ties on the first), and the sample is sorted
	// again below since the engines' text collations differ.
	order := make([]string, len(cols))
	for i := range cols {
		order[i] = fmt.Sprint(i + 1)
	}
	rows, err := d.QueryContext(context.Background(), fmt.Sprintf("SELECT %s FROM %s ORDER BY %s LIMIT %d", strings.Join(cols, ", "), table.Name, strings.Join(order, ", "), n))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			vals[i] = encodeValue(v, table.Binary[i])
		}
		b, _ := json.Marshal(vals)
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}

// writer adds accounts to d until stopped (at most 400), as officials
// would while a backup runs; it only inserts, so every row a backup holds
// stays as it was.
func writer(t *testing.T, d *db.DB) (stop func() int64) {
	t.Helper()
	units, accounts := fixture.Stores(d)
	_ = units
	var n atomic.Int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 400 {
			select {
			case <-done:
				return
			default:
			}
			_, err := accounts.CreateUser(context.Background(), auth.System(), auth.NewUser{
				Login: fmt.Sprintf("ghi.%d", i), Name: fmt.Sprintf("Người ghi %d", i), Password: "Mật-khẩu-rất-dài-2026"})
			if err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			n.Add(1)
		}
	})
	return func() int64 {
		close(done)
		wg.Wait()
		return n.Load()
	}
}

func TestBackupWhileWritingRestoresEverywhere(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			src := newSource(t, kind)
			stop := writer(t, src.db)
			// Let the writer get going: the snapshot must hold some of its
			// accounts and miss others (a fixed sleep was too short on a
			// loaded machine).
			for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				var users int
				if err := src.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&users); err != nil {
					t.Fatal(err)
				}
				if users > 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the writer added no account in 30 s")
				}
			}
			dir := t.TempDir()
			path, m, err := src.store.Save(ctx, auth.System(), dir)
			written := stop()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d rows in %d tables, %d files; the writer added %d accounts meanwhile", filepath.Base(path), m.Rows(), len(m.Tables), m.Files, written)
			if written == 0 {
				t.Fatal("the writer wrote nothing: the backup did not run beside writes")
			}
			if m.Files != 3 || m.SchemaVersion == 0 || m.Dialect != kind || m.Tables["units"].Rows == 0 {
				t.Fatalf("manifest: %+v", m)
			}
			native := SQLiteName
			if kind == "postgres" {
				native = PGDumpName
			}
			if m.Entries[native].Size == 0 {
				t.Errorf("the archive has no %s", native)
			}
			// The counts of the snapshot are consistent: every account
			// has its audit row.
			if m.Tables["users"].Rows < 1 || m.Tables["audit_log"].Rows < m.Tables["users"].Rows {
				t.Errorf("users %d, audit rows %d", m.Tables["users"].Rows, m.Tables["audit_log"].Rows)
			}
			srcTables, err := src.db.Tables(ctx, src.db)
			if err != nil {
				t.Fatal(err)
			}
			for _, into := range dbtest.Kinds() {
				t.Run("into_"+into, func(t *testing.T) {
					d, files, dst := target(t, into)
					got, applied, err := dst.Restore(ctx, auth.System(), path)
					if err != nil {
						t.Fatal(err)
					}
					if applied != 0 || got.SchemaVersion != m.SchemaVersion {
						t.Errorf("restore applied %d migrations after the load, schema %d", applied, got.SchemaVersion)
					}
					after := counts(t, d)
					for name, info := range m.Tables {
						if after[name] != info.Rows {
							t.Errorf("%s: %d rows restored, the manifest says %d", name, after[name], info.Rows)
						}
					}
					// The source has gone on (the writer, the record of
					// this backup): its first rows, as many as the
					// snapshot held, are the restored ones.
					for _, tb := range srcTables {
						n := int(min(40, m.Tables[tb.Name].Rows))
						want, have := sample(t, src.db, tb, n), sample(t, d, tb, n)
						if len(have) != n || strings.Join(want, "\n") != strings.Join(have, "\n") {
							t.Errorf("%s: the restored rows differ from the source's:\nsource   %.300s\nrestored %.300s", tb.Name, want, have)
						}
					}
					data, err := files.ReadAll(ctx, "practice/2/f1.bin")
					if err != nil || !bytes.Equal(data, bytes.Repeat([]byte{0, 1, 2, 255}, 5000)) {
						t.Errorf("restored file: %d bytes, %v", len(data), err)
					}
					// The restored database takes new rows: ids go on
					// after the restored ones.
					_, accounts := fixture.Stores(d)
					if _, err := accounts.CreateUser(ctx, auth.System(), auth.NewUser{Login: "moi.sau.khoi.phuc", Name: "Mới", Password: "Mật-khẩu-rất-dài-2026"}); err != nil {
						t.Errorf("a new account after the restore: %v", err)
					}
				})
			}
		})
	}
}

// rewrite copies the archive at path to a new file, passing each entry
// through change (which may alter its bytes).
func rewrite(t *testing.T, path string, change func(name string, data []byte) []byte) string {
	t.Helper()
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "changed.tar.gz")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	tw := tar.NewWriter(zw)
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		data = change(hdr.Name, data)
		hdr.Size = int64(len(data))
		tw.WriteHeader(hdr)
		tw.Write(data)
	}
	tw.Close()
	zw.Close()
	f.Close()
	return out
}

func TestDamagedOrNewerArchivesAreRefused(t *testing.T) {
	ctx := context.Background()
	src := newSource(t, "sqlite")
	path, _, err := src.store.Save(ctx, auth.System(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write := func(data []byte) string {
		p := filepath.Join(t.TempDir(), "x.tar.gz")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := bytes.Clone(raw)
	flipped[len(flipped)/2] ^= 0x20
	latest, err := src.db.LatestSchemaVersion()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, key string
	}{
		{"truncated", write(raw[:len(raw)*2/3]), "backup.err.damaged"},
		{"cut before the manifest", write(raw[:len(raw)-200]), "backup.err.damaged"},
		{"a flipped byte", write(flipped), "backup.err.damaged"},
		{"a changed row", rewrite(t, path, func(name string, data []byte) []byte {
			if name == "data/units.jsonl" {
				return bytes.Replace(data, []byte("1"), []byte("2"), 1)
			}
			return data
		}), "backup.err.damaged"},
		{"an added file", rewrite(t, path, func(name string, data []byte) []byte {
			if name == "files/practice/1/f0.bin" {
				return append(data, '!')
			}
			return data
		}), "backup.err.damaged"},
		{"a newer schema", rewrite(t, path, func(name string, data []byte) []byte {
			if name != ManifestName {
				return data
			}
			var m map[string]any
			json.Unmarshal(data, &m)
			m["schema_version"] = latest + 10
			b, _ := json.Marshal(m)
			return b
		}), "backup.err.newer_schema"},
		{"not an archive", write([]byte("hello")), "backup.err.damaged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, kind := range dbtest.Kinds() {
				d, files, dst := target(t, kind)
				_, _, err := dst.Restore(ctx, auth.System(), c.path)
				if key, _ := apperr.KeyOf(err); key != c.key {
					t.Fatalf("%s: got %v, want %s", kind, err, c.key)
				}
				if v, err := d.SchemaVersion(ctx); err != nil || v != 0 {
					t.Errorf("%s: the refused restore migrated the target to %d (%v)", kind, v, err)
				}
				for range files.List(ctx, "") {
					t.Errorf("%s: the refused restore wrote files", kind)
					break
				}
			}
		})
	}
	// A damaged message names what is wrong.
	_, err = Verify(cases[2].path)
	if e, ok := apperr.As(err); !ok || len(e.Args) != 1 || e.Args[0] == "" {
		t.Errorf("flipped byte: %v", err)
	}
}

func TestRestoreRefusesADatabaseWithData(t *testing.T) {
	ctx := context.Background()
	src := newSource(t, "sqlite")
	path, _, err := src.store.Save(ctx, auth.System(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		fixture.NewWorld(t, d, time.Now())
		before := dbtest.Snapshot(t, d)
		_, _, err := New(d, nil, Config{}).Restore(ctx, auth.System(), path)
		if key, _ := apperr.KeyOf(err); key != "backup.err.not_empty" {
			t.Fatalf("got %v", err)
		}
		if dbtest.Snapshot(t, d) != before {
			t.Error("the refused restore changed the database")
		}
	})
}

func TestOnlyTheOperatorBacksUp(t *testing.T) {
	ctx := context.Background()
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := fixture.NewWorld(t, d, time.Now())
		s := New(d, nil, Config{})
		if _, _, err := s.Save(ctx, w.Admin, t.TempDir()); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an admin's backup: %v", err)
		}
		if _, _, err := s.Restore(ctx, w.Admin, "x"); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an admin's restore: %v", err)
		}
		if _, err := s.Status(ctx, w.Admin); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an admin's status: %v", err)
		}
	})
}

func TestScheduleTakesOneBackupAcrossServers(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			src := newSource(t, kind)
			// A second server: its own connections to the same database.
			other, err := db.Open(context.Background(), src.url)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			dir := t.TempDir()
			// Archives of earlier days, and a partial one a dead server left.
			for _, name := range []string{"danvan-20260101T000000Z.tar.gz", "danvan-20260102T000000Z.tar.gz", "danvan-20260103T000000Z.tar.gz"} {
				os.WriteFile(filepath.Join(dir, name), []byte("old"), 0o600)
			}
			partial := filepath.Join(dir, "danvan-20260104T000000Z.tar.gz.partial")
			os.WriteFile(partial, []byte("half"), 0o600)
			os.Chtimes(partial, time.Now().Add(-48*time.Hour), time.Now().Add(-48*time.Hour))

			st, err := src.store.Status(context.Background(), auth.System())
			if err != nil || !st.LastGood.IsZero() {
				t.Fatalf("status before any backup: %+v, %v", st, err)
			}
			// No short timeout: under CI's load a backup can take seconds;
			// the servers are stopped once the backup is seen.
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			sc := Schedule{Dir: dir, Every: 24 * time.Hour, Keep: 2}
			var wg sync.WaitGroup
			for _, s := range []*Store{src.store, New(other, src.files, Config{URL: src.url})} {
				wg.Go(func() {
					if err := s.RunSchedule(ctx, auth.System(), sc); err != nil {
						t.Error(err)
					}
				})
			}
			// Wait for the backup and the pruning after it (the partial
			// archive gone), then let both servers poll a while.
			deadline := time.Now().Add(90 * time.Second)
			for time.Now().Before(deadline) {
				st, _ := src.store.Status(context.Background(), auth.System())
				if _, err := os.Stat(partial); !st.LastGood.IsZero() && os.IsNotExist(err) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(300 * time.Millisecond)
			cancel()
			wg.Wait()
			var runs int
			if err := src.db.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM backup_runs WHERE ok = 1").Scan(&runs); err != nil {
				t.Fatal(err)
			}
			if runs != 1 {
				t.Errorf("%d backups of one period by two servers, want 1", runs)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				if !strings.HasPrefix(e.Name(), ".") {
					names = append(names, e.Name())
				}
			}
			if len(names) != 2 || names[0] != "danvan-20260103T000000Z.tar.gz" {
				t.Errorf("the folder keeps %v, want the newest old one and today's", names)
			}
			st, err = src.store.Status(context.Background(), auth.System())
			if err != nil || st.LastGood.IsZero() || st.LastError != "" || !strings.HasPrefix(filepath.Base(st.LastPath), "danvan-") {
				t.Errorf("status after: %+v, %v", st, err)
			}
			if _, err := Verify(st.LastPath); err != nil {
				t.Errorf("the scheduled archive: %v", err)
			}
		})
	}
}

func TestLibpqURL(t *testing.T) {
	conn, pw, err := libpqURL("postgres://danvan:s3cr%40t@db.example:5432/danvan?sslmode=require&search_path=t_1&jit=off")
	if err != nil {
		t.Fatal(err)
	}
	if pw != "s3cr@t" || strings.Contains(conn, "s3cr") || strings.Contains(conn, "search_path=t_1&") {
		t.Errorf("conn %q, password %q", conn, pw)
	}
	if !strings.Contains(conn, "options=-c%20jit%3Doff%20-c%20search_path%3Dt_1") || !strings.Contains(conn, "sslmode=require") {
		t.Errorf("conn %q", conn)
	}
}

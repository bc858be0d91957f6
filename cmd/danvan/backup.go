package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/integrity"
	"github.com/danvan/danvan/internal/vntext"
)

// filesFlag registers --files with its default from DANVAN_FILES.
func filesFlag(fs *flag.FlagSet) *string {
	return fs.String("files", os.Getenv("DANVAN_FILES"), "thư mục tệp của máy chủ (the servers' file folder; env DANVAN_FILES; default beside the SQLite file)")
}

// openDeployment opens the database at rawURL and its file store.
func openDeployment(ctx context.Context, rawURL, files string) (*db.DB, *blob.Bucket, error) {
	d, err := db.Open(ctx, rawURL)
	if err != nil {
		return nil, nil, err
	}
	b, err := blob.Open(ctx, filesLocation(files, d))
	if err != nil {
		d.Close()
		return nil, nil, err
	}
	return d, b, nil
}

func runBackup(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("backup", stderr)
	dbURL := dbFlag(fs)
	files := filesFlag(fs)
	to := fs.String("to", "", "thư mục hoặc tệp lưu bản sao (folder or file to write the archive to)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *to == "" {
		return usageError{"thiếu --to THƯ_MỤC|TỆP (missing --to DIR|FILE)"}
	}
	d, b, err := openDeployment(ctx, *dbURL, *files)
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	path, m, err := backup.New(d, b, backup.Config{Version: version, URL: *dbURL}).Save(ctx, auth.System(), *to)
	if err != nil {
		return err
	}
	info, _ := os.Stat(path)
	var size int64
	if info != nil {
		size = info.Size()
	}
	fmt.Fprintf(stdout, "Đã sao lưu %s vào %s (backed up): %s dòng trong %d bảng, %s tệp, %s byte, %s\n",
		d, path, vntext.FormatInt(m.Rows()), len(m.Tables), vntext.FormatInt(int64(m.Files)), vntext.FormatInt(size), time.Since(start).Round(time.Millisecond))
	return nil
}

// splitArgs separates flags from positional arguments wherever they
// stand, so `restore FILE --db URL` and `restore --db URL FILE` both work.
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && i+1 < len(args) {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				continue
			}
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, positional
}

func runRestore(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("restore", stderr)
	dbURL := dbFlag(fs)
	files := filesFlag(fs)
	verifyOnly := fs.Bool("verify", false, "chỉ kiểm tra tệp sao lưu, không khôi phục (check the archive only)")
	flags, positional := splitArgs(fs, args)
	if err := parseFlags(fs, flags); err != nil {
		return err
	}
	if len(positional) != 1 {
		return usageError{"cần đúng một tệp sao lưu (want one archive): danvan restore TỆP --db URL"}
	}
	archive := positional[0]
	if *verifyOnly {
		m, err := backup.Verify(archive)
		if err != nil {
			return err
		}
		printManifest(stdout, m)
		fmt.Fprintln(stdout, "Tệp sao lưu nguyên vẹn (the archive is whole).")
		return nil
	}
	d, b, err := openDeployment(ctx, *dbURL, *files)
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	m, applied, err := backup.New(d, b, backup.Config{Version: version}).Restore(ctx, auth.System(), archive)
	if err != nil {
		return err
	}
	printManifest(stdout, m)
	fmt.Fprintf(stdout, "Đã khôi phục vào %s (restored): %s dòng, %s tệp, số dòng từng bảng khớp với bản sao lưu (every table's count matches); %d bản cập nhật cấu trúc áp dụng sau đó (migrations applied after); %s\n",
		d, vntext.FormatInt(m.Rows()), vntext.FormatInt(int64(m.Files)), applied, time.Since(start).Round(time.Millisecond))
	return nil
}

func printManifest(w io.Writer, m backup.Manifest) {
	fmt.Fprintf(w, "Bản sao lưu (archive): danvan %s, %s, cấu trúc (schema) %d, lúc %s\n",
		m.Version, m.Dialect, m.SchemaVersion, vntext.FormatDateTime(m.CreatedAt))
	names := make([]string, 0, len(m.Tables))
	for name := range m.Tables {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if n := m.Tables[name].Rows; n > 0 {
			fmt.Fprintf(w, "  %-32s %12s\n", name, vntext.FormatInt(n))
		}
	}
}

func runCheck(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	dbURL := dbFlag(fs)
	files := filesFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, b, err := openDeployment(ctx, *dbURL, *files)
	if err != nil {
		return err
	}
	defer d.Close()
	c := integrity.Checker{DB: d, Files: b, Audit: func(ctx context.Context) (int64, string, error) {
		v, err := audit.Verify(ctx, d)
		if err != nil || v.OK() {
			return int64(v.Rows), "", err
		}
		return int64(v.Rows), fmt.Sprintf("audit_log row %d: its hash does not follow the row before (a row changed, removed or slipped in there)", v.BrokenAt), nil
	}}
	rep, err := c.Run(ctx, auth.System())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Kiểm tra %s (checking):\n%s", d, rep.Text())
	if !rep.OK() {
		return fmt.Errorf("kiểm tra thấy lỗi (problems found): %w", integrity.ErrProblems)
	}
	fmt.Fprintln(stdout, "Không thấy lỗi (no problems found).")
	return nil
}

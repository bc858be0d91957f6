// Command danvan is the whole product in one binary: the web server, the
// database migrations, the demo data, and the tools officials and
// administrators run from a terminal. Each subcommand lives in its own
// file; this one only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/web"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// command is one subcommand: its name, a line of help and what it runs.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "chạy máy chủ web (start the web server)", runServe},
		{"migrate", "cập nhật cấu trúc cơ sở dữ liệu (apply database migrations)", runMigrate},
		{"demo", "tạo dữ liệu mẫu (generate demo data)", runDemo},
		{"user", "quản lý tài khoản (manage accounts)", runUser},
		{"extract", "đọc tin bài thành bản ghi hội nghị (read news articles into records)", runExtract},
		{"backup", "sao lưu cơ sở dữ liệu và tệp khi máy chủ đang chạy (back up the database and files)", runBackup},
		{"restore", "khôi phục bản sao lưu vào cơ sở dữ liệu trống (restore an archive into an empty database)", runRestore},
		{"bench", "tải thử máy chủ đang chạy (load drill against a running server)", runBench},
		{"reminders", "xem và đặt lịch nhắc việc (show and set the reminder schedule)", runReminders},
		{"reindex", "dựng lại chỉ mục tìm kiếm từ các hồ sơ (rebuild the search index from the records)", runReindex},
		{"check", "kiểm tra cơ sở dữ liệu và tệp còn nguyên vẹn (check the database and files are whole)", runCheck},
		{"audit", "kiểm tra chuỗi băm của nhật ký thao tác: audit verify (verify the audit log's hash chain)", runAudit},
		{"version", "in phiên bản (print the version)", runVersion},
		{"help", "hướng dẫn sử dụng (show this help)", nil},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "danvan:", errorLine(err))
		}
		os.Exit(exitCode(err))
	}
}

// errorLine is what the user reads for err: the Vietnamese message of a
// domain error, else the error itself; always one line.
func errorLine(err error) string {
	msg := err.Error()
	if e, ok := apperr.As(err); ok && e.Code != apperr.CodeInternal {
		msg = messageOf(e)
	}
	return strings.Join(strings.Fields(msg), " ")
}

// messageOf translates a domain error's message into Vietnamese.
func messageOf(e *apperr.Error) string {
	c, err := web.Catalog()
	if err != nil {
		return e.Error()
	}
	return c.T(i18n.VI, e.Key, e.Args...)
}

// usageError is an error in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return usageError{"thiếu lệnh (missing command); xem `danvan help`"}
	}
	name := args[0]
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		if c.run == nil {
			usage(stdout)
			return nil
		}
		return c.run(ctx, args[1:], stdin, stdout, stderr)
	}
	if name == "-h" || name == "--help" {
		usage(stdout)
		return nil
	}
	return usageError{fmt.Sprintf("lệnh không rõ %q (unknown command); xem `danvan help`", name)}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Cách dùng (usage): danvan <lệnh> [tùy chọn]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Xem tùy chọn của một lệnh (options of a command): danvan <lệnh> -h")
	fmt.Fprintln(w, "Cơ sở dữ liệu (database): --db URL hoặc biến DANVAN_DB; sqlite:PATH (mặc định sqlite:danvan.db) hoặc postgres://...")
}

func runVersion(_ context.Context, _ []string, _ io.Reader, stdout, _ io.Writer) error {
	fmt.Fprintln(stdout, "danvan", version)
	return nil
}

// newFlags returns a flag set that reports errors as one line and prints
// its help to stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("danvan "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// dbFlag registers --db with its default from DANVAN_DB.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("DANVAN_DB")
	if def == "" {
		def = "sqlite:danvan.db"
	}
	return fs.String("db", def, "cơ sở dữ liệu: sqlite:PATH hoặc postgres://... (database URL; env DANVAN_DB)")
}

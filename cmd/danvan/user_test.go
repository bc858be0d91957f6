package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

func TestUserCommand(t *testing.T) {
	ctx := context.Background()
	url := "sqlite:" + filepath.Join(t.TempDir(), "user.db")
	d, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	units := org.NewStore(d)
	root, err := units.Create(ctx, org.NewUnit{Code: "TW", Name: "Ban Dân vận Trung ương", Level: org.Central, Kind: org.Board, ValidFrom: org.Date(2015, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := units.Create(ctx, org.NewUnit{Code: "HN", Name: "Ban Dân vận Thành ủy Hà Nội", Level: org.Province, Kind: org.Board,
		ParentID: root.ID, ValidFrom: org.Date(2015, 1, 1)}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantErr  string // substring of the error; "" for success
		wantOut  string // substring of stdout
		exitCode int
	}{
		{"add", []string{"add", "--login", "Lan.Tran", "--name", "Trần Thị Lan", "--phone", "0912 345 678"},
			"mật khẩu rất dài\n", "", "Đã tạo tài khoản lan.tran (Trần Thị Lan)", 0},
		{"add with --password-stdin", []string{"add", "--login", "minh", "--name", "Lê Minh", "--password-stdin"},
			"một mật khẩu khác\r\n", "", "Đã tạo tài khoản minh", 0},
		{"add twice", []string{"add", "--login", "LAN.TRAN", "--name", "Ai Đó"},
			"mật khẩu rất dài\n", "Tên đăng nhập đã được dùng cho một tài khoản khác.", "", 1},
		{"add short password", []string{"add", "--login", "ngan", "--name", "Ngắn"},
			"ngắn\n", "Mật khẩu phải có ít nhất 10 ký tự.", "", 1},
		{"add without password", []string{"add", "--login", "trong", "--name", "Trống"},
			"", "chưa có mật khẩu", "", 1},
		{"add without name", []string{"add", "--login", "x1x"}, "", "cần --login và --name", "", 2},
		{"grant", []string{"grant", "--login", "lan.tran", "--unit", "HN", "--role", "officer"},
			"", "", "Đã cấp vai trò officer", 0},
		{"grant unknown unit", []string{"grant", "--login", "lan.tran", "--unit", "XX", "--role", "officer"},
			"", `Không tìm thấy đơn vị có mã “XX”`, "", 1},
		{"grant bad role", []string{"grant", "--login", "lan.tran", "--unit", "HN", "--role", "boss"},
			"", "vai trò \"boss\" không hợp lệ", "", 2},
		{"grant unknown user", []string{"grant", "--login", "khongco", "--unit", "HN", "--role", "viewer"},
			"", "Không tìm thấy tài khoản.", "", 1},
		{"passwd", []string{"passwd", "--login", "lan.tran"}, "mật khẩu mới toanh\n", "", "Đã đặt mật khẩu mới cho lan.tran", 0},
		{"list", []string{"list"}, "", "", "officer@HN", 0},
		{"list query", []string{"list", "--query", "le minh"}, "", "", "1 tài khoản", 0},
		{"no subcommand", []string{}, "", "thiếu lệnh con", "", 2},
		{"unknown subcommand", []string{"remove"}, "", "lệnh con không rõ", "", 2},
		{"unknown flag", []string{"list", "--bogus"}, "", "bogus", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string{"user"}, tt.args...)
			if len(tt.args) > 0 {
				args = append(args, "--db", url)
			}
			err := run(ctx, args, strings.NewReader(tt.stdin), &out, &errOut)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("error: %v (stderr %s)", err, errOut.String())
				}
			} else {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("error is not one line: %q", err)
				}
				if got := exitCode(err); got != tt.exitCode {
					t.Fatalf("exit code %d, want %d", got, tt.exitCode)
				}
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Fatalf("stdout %q, want %q", out.String(), tt.wantOut)
			}
		})
	}

	// The accounts work: the new password signs in, the old does not.
	s := auth.NewStore(d, units, auth.Config{})
	if _, err := s.Login(ctx, auth.LoginRequest{Login: "lan.tran", Password: "mật khẩu mới toanh"}); err != nil {
		t.Fatalf("sign in with the new password: %v", err)
	}
	if _, err := s.Login(ctx, auth.LoginRequest{Login: "lan.tran", Password: "mật khẩu rất dài"}); err == nil {
		t.Fatal("the old password still works")
	}
	if _, err := s.Login(ctx, auth.LoginRequest{Login: "minh", Password: "một mật khẩu khác"}); err != nil {
		t.Fatalf("a password read with CRLF: %v", err)
	}
	u, err := s.UserByLogin(ctx, auth.System(), "lan.tran")
	if err != nil {
		t.Fatal(err)
	}
	if u.Phone != "0912345678" {
		t.Fatalf("phone %q", u.Phone)
	}
	var actor string
	if err := d.QueryRowContext(ctx, "SELECT actor FROM audit_log WHERE entity = 'grant'").Scan(&actor); err != nil {
		t.Fatal(err)
	}
	if actor != "danvan user" {
		t.Fatalf("grant audited as %q", actor)
	}
}

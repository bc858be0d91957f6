package auth_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

func TestCreateUser(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		first, err := e.s.CreateUser(ctx, auth.System(), auth.NewUser{Login: " Hoa.Nguyen ", Name: "  Nguyễn   Thị Hoà ",
			Phone: "0912 345 678", Email: "Hoa@Example.VN", Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		if first.Login != "hoa.nguyen" || first.Name != "Nguyễn Thị Hòa" || first.Phone != "0912345678" ||
			first.Email != "hoa@example.vn" || !first.Active || first.Version != 1 || !first.CreatedAt.Equal(start) {
			t.Fatalf("created %+v", first)
		}
		tests := []struct {
			name  string
			nu    auth.NewUser
			field string
			msg   string
			code  apperr.Code
		}{
			{"login taken, other case", auth.NewUser{Login: "HOA.NGUYEN", Name: "Khác", Password: pw},
				"login", "Tên đăng nhập đã được dùng cho một tài khoản khác.", apperr.CodeInvalid},
			{"bad login", auth.NewUser{Login: "hoà", Name: "Hòa", Password: pw}, "login", "", apperr.CodeInvalid},
			{"no name", auth.NewUser{Login: "noname", Name: "   ", Password: pw}, "name", "Chưa nhập họ và tên.", apperr.CodeInvalid},
			{"short password", auth.NewUser{Login: "shortpw", Name: "Lê Văn Tám", Password: "ngắn quá"},
				"password", "Mật khẩu phải có ít nhất 10 ký tự.", apperr.CodeInvalid},
			{"bad phone", auth.NewUser{Login: "badphone", Name: "Lê Văn Tám", Phone: "09ab", Password: pw}, "phone", "", apperr.CodeInvalid},
			{"bad email", auth.NewUser{Login: "bademail", Name: "Lê Văn Tám", Email: "not an address", Password: pw},
				"email", "Địa chỉ thư điện tử không hợp lệ.", apperr.CodeInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, d, "SELECT COUNT(*) FROM users")
				_, err := e.s.CreateUser(ctx, auth.System(), tt.nu)
				wantCode(t, err, tt.code, tt.msg)
				if ae, _ := apperr.As(err); ae.Field != tt.field {
					t.Errorf("field = %q, want %q", ae.Field, tt.field)
				}
				if n := count(t, d, "SELECT COUNT(*) FROM users"); n != before {
					t.Errorf("users %d -> %d after a refused create", before, n)
				}
			})
		}
		got, err := e.s.UserByLogin(ctx, auth.System(), "HOA.nguyen")
		if err != nil || got.ID != first.ID {
			t.Fatalf("UserByLogin = %+v, %v", got, err)
		}
	})
}

func TestStaleVersionRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "lan", pw)
		// Two editors load version 1; the first saves.
		e.clk.advance(60_000_000_000)
		saved, err := e.s.UpdateUser(ctx, auth.System(), auth.UserUpdate{ID: u.ID, Version: u.Version, Name: "Trần Thị Lan", Phone: "0987654321"})
		if err != nil {
			t.Fatal(err)
		}
		if saved.Version != 2 || saved.Name != "Trần Thị Lan" || !saved.UpdatedAt.After(saved.CreatedAt) {
			t.Fatalf("saved %+v", saved)
		}
		audits := count(t, d, "SELECT COUNT(*) FROM audit_log")
		const stale = "Tài khoản đã được người khác cập nhật. Vui lòng tải lại trang và thử lại."
		tests := []struct {
			name string
			do   func() error
		}{
			{"update", func() error {
				_, err := e.s.UpdateUser(ctx, auth.System(), auth.UserUpdate{ID: u.ID, Version: 1, Name: "Trần Lan"})
				return err
			}},
			{"disable", func() error {
				_, err := e.s.SetActive(ctx, auth.System(), u.ID, 1, false)
				return err
			}},
			{"future version", func() error {
				_, err := e.s.UpdateUser(ctx, auth.System(), auth.UserUpdate{ID: u.ID, Version: 3, Name: "Trần Lan"})
				return err
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantCode(t, tt.do(), apperr.CodeConflict, stale)
				now, err := e.s.User(ctx, auth.System(), u.ID)
				if err != nil {
					t.Fatal(err)
				}
				if now != saved {
					t.Fatalf("after a refused save: %+v, want %+v", now, saved)
				}
				if n := count(t, d, "SELECT COUNT(*) FROM audit_log"); n != audits {
					t.Fatalf("audit rows %d -> %d after a refused save", audits, n)
				}
			})
		}
		_, err = e.s.UpdateUser(ctx, auth.System(), auth.UserUpdate{ID: 9999, Version: 1, Name: "Ai"})
		wantCode(t, err, apperr.CodeNotFound, "Không tìm thấy tài khoản.")
	})
}

func TestListUsers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		names := []string{"Đỗ Văn Bình", "Dương Thị Hà", "Âu Minh Châu", "Ánh Hồng", "Nguyễn Văn An", "Anh Tuấn"}
		ids := map[string]int64{}
		for i, n := range names {
			u, err := e.s.CreateUser(ctx, auth.System(), auth.NewUser{Login: "u" + string(rune('a'+i)) + "xx", Name: n, Password: pw})
			if err != nil {
				t.Fatal(err)
			}
			ids[n] = u.ID
		}
		if _, err := e.s.GrantRole(ctx, auth.System(), ids["Dương Thị Hà"], e.tree.A, auth.RoleOfficer); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.GrantRole(ctx, auth.System(), ids["Nguyễn Văn An"], e.tree.C, auth.RoleViewer); err != nil {
			t.Fatal(err)
		}
		off := false
		u, _ := e.s.User(ctx, auth.System(), ids["Anh Tuấn"])
		if _, err := e.s.SetActive(ctx, auth.System(), u.ID, u.Version, false); err != nil {
			t.Fatal(err)
		}
		str := func(s string) *string { return &s }
		tests := []struct {
			name  string
			f     auth.UserFilter
			want  []string
			total int
		}{
			// Vietnamese order: A < Ă < Â and D < Đ as letters; tones only break ties.
			{"all", auth.UserFilter{}, []string{"Ánh Hồng", "Anh Tuấn", "Âu Minh Châu", "Dương Thị Hà", "Đỗ Văn Bình", "Nguyễn Văn An"}, 6},
			{"page 2", auth.UserFilter{Offset: 2, Limit: 2}, []string{"Âu Minh Châu", "Dương Thị Hà"}, 6},
			{"past the end", auth.UserFilter{Offset: 10, Limit: 2}, nil, 6},
			{"folded query", auth.UserFilter{Query: str("van")}, []string{"Đỗ Văn Bình", "Nguyễn Văn An"}, 2},
			{"query with marks", auth.UserFilter{Query: str("ĐỖ VĂN")}, []string{"Đỗ Văn Bình"}, 1},
			{"login query", auth.UserFilter{Query: str("UCX")}, []string{"Âu Minh Châu"}, 1},
			{"like wildcards are literal", auth.UserFilter{Query: str("%")}, nil, 0},
			{"disabled", auth.UserFilter{Active: &off}, []string{"Anh Tuấn"}, 1},
			{"by unit", auth.UserFilter{UnitIDs: []int64{e.tree.A, e.tree.B}}, []string{"Dương Thị Hà"}, 1},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				us, total, err := e.s.ListUsers(ctx, auth.System(), tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, u := range us {
					got = append(got, u.Name)
				}
				if len(got) != len(tt.want) || total != tt.total {
					t.Fatalf("got %q (total %d), want %q (total %d)", got, total, tt.want, tt.total)
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Fatalf("got %q, want %q", got, tt.want)
					}
				}
			})
		}
	})
}

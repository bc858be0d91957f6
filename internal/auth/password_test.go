package auth_test

import (
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
)

func TestHashAndVerifyPassword(t *testing.T) {
	hash, err := auth.HashPassword("đúng mật khẩu 1", auth.TestPasswordParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q: not a PHC argon2id string with the given parameters", hash)
	}
	again, _ := auth.HashPassword("đúng mật khẩu 1", auth.TestPasswordParams)
	if again == hash {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
	def, err := auth.HashPassword("đúng mật khẩu 1", auth.DefaultPasswordParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(def, "$argon2id$v=19$m=32768,t=2,p=2$") {
		t.Fatalf("default hash %q", def)
	}
	parts := strings.Split(hash, "$")
	tests := []struct {
		name    string
		pw      string
		hash    string
		want    bool
		wantErr bool
	}{
		{"right", "đúng mật khẩu 1", hash, true, false},
		{"right, other salt", "đúng mật khẩu 1", again, true, false},
		{"right, default cost", "đúng mật khẩu 1", def, true, false},
		{"wrong", "sai mật khẩu 12", hash, false, false},
		{"one character off", "đúng mật khẩu 2", hash, false, false},
		{"NFD spelling of the same password", "đu\u0301ng mật khẩu 1", hash, true, false},
		{"empty", "", hash, false, false},
		{"not a hash", "x", "plain", false, true},
		{"other algorithm", "x", "$argon2i$v=19$m=64,t=1,p=1$" + parts[4] + "$" + parts[5], false, true},
		{"bad version", "x", "$argon2id$v=16$m=64,t=1,p=1$" + parts[4] + "$" + parts[5], false, true},
		{"absurd memory", "x", "$argon2id$v=19$m=99999999,t=1,p=1$" + parts[4] + "$" + parts[5], false, true},
		{"bad salt", "x", "$argon2id$v=19$m=64,t=1,p=1$!!!$" + parts[5], false, true},
		{"short key", "x", "$argon2id$v=19$m=64,t=1,p=1$" + parts[4] + "$AAAA", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := auth.VerifyPassword(tt.pw, tt.hash)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Fatalf("VerifyPassword = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		pw  string
		msg string
	}{
		{"123456789", "Mật khẩu phải có ít nhất 10 ký tự."},
		{"mậtkhẩu12", "Mật khẩu phải có ít nhất 10 ký tự."}, // 9 letters, more bytes
		{"          ", "Mật khẩu phải có ít nhất 10 ký tự."},
		// The outside tester's: accepted before.
		{"1234567890", "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất (hoặc chỉ thêm số, dấu vào một mật khẩu như vậy). Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ."},
		{"          x", "Mật khẩu quá đơn giản: cần ít nhất 5 ký tự khác nhau."},
		{strings.Repeat("a", 256), "Mật khẩu quá đơn giản: cần ít nhất 5 ký tự khác nhau."},
		{"ababababab", "Mật khẩu quá đơn giản: cần ít nhất 5 ký tự khác nhau."},
		{"qwertyuiop", "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất (hoặc chỉ thêm số, dấu vào một mật khẩu như vậy). Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ."},
		{"Password2025!", "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất (hoặc chỉ thêm số, dấu vào một mật khẩu như vậy). Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ."},
		{"AnhYeuEm@123", "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nhất (hoặc chỉ thêm số, dấu vào một mật khẩu như vậy). Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ."},
		{"mật khẩu 1", ""},
		{"con mèo đen trèo cây cau", ""},
		{strings.Repeat("abcde", 51) + "f", ""},
		{strings.Repeat("a", 257), "Mật khẩu không được dài quá 256 ký tự."},
	}
	for _, tt := range tests {
		err := auth.CheckPassword(tt.pw)
		if msg := errText(t, err); (err == nil) != (tt.msg == "") || (err != nil && msg != tt.msg) {
			t.Errorf("CheckPassword(%q) = %v, want %q", tt.pw, err, tt.msg)
		}
		if err != nil && apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("CheckPassword(%q) code %q", tt.pw, apperr.CodeOf(err))
		}
	}
}

// A password may not be built from the account's own names.
func TestCheckPasswordAvoids(t *testing.T) {
	avoid := []string{"nguyenvana", "Nguyễn Văn An", "Ban Dân vận Tỉnh ủy Lạng Sơn", "Lạng Sơn", "T20"}
	personal := "Mật khẩu không được chứa tên đăng nhập, họ tên hoặc tên đơn vị của tài khoản."
	for pw, want := range map[string]string{
		"nguyenvana2026":     personal,
		"Nguyen-Van-An!#7":   personal,
		"LangSon@2026xyz":    personal,
		"lạng sơn quê tôi":   personal,
		"T20-bao-cao-nhanh":  "",
		"hoa ban trắng 2026": "",
	} {
		err := auth.CheckPassword(pw, avoid...)
		if msg := errText(t, err); (err == nil) != (want == "") || (err != nil && msg != want) {
			t.Errorf("CheckPassword(%q) = %v, want %q", pw, err, want)
		}
	}
}

func TestNormalizeLogin(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"NguyenVanA", "nguyenvana", true},
		{"  an.nguyen_01 ", "an.nguyen_01", true},
		{"a-b", "a-b", true},
		{"ab", "ab", false},
		{".abc", ".abc", false},
		{"nguyễn", "nguyễn", false},
		{"có dấu cách", "có dấu cách", false},
		{strings.Repeat("a", 65), strings.Repeat("a", 65), false},
		{"a@b.c", "a@b.c", false},
	}
	for _, tt := range tests {
		got, ok := auth.NormalizeLogin(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeLogin(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRoleAllows(t *testing.T) {
	perms := []auth.Permission{auth.PermRead, auth.PermWrite, auth.PermApprove, auth.PermAdmin}
	want := map[auth.Role][4]bool{
		auth.RoleAdmin:   {true, true, true, true},
		auth.RoleLeader:  {true, false, true, false},
		auth.RoleOfficer: {true, true, false, false},
		auth.RoleViewer:  {true, false, false, false},
		"":               {false, false, false, false},
		"root":           {false, false, false, false},
	}
	for role, w := range want {
		for i, p := range perms {
			if got := role.Allows(p); got != w[i] {
				t.Errorf("%q.Allows(%s) = %v, want %v", role, p, got, w[i])
			}
		}
	}
}

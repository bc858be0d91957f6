package vntext

import "testing"

func TestControl(t *testing.T) {
	for _, c := range []struct {
		s    string
		want rune
		bad  bool
	}{
		{"Hòa giải thành công\tdòng hai\r\ndòng ba\n", 0, false},
		{"", 0, false},
		{"a\x00b", 0, true},
		{"\x1b[31mđỏ", 0x1b, true},
		{"xóa\x7f", 0x7f, true},
		{"c1 \u0085", 0x85, true},
		{"hỏng \xff", 0xfffd, true},
		{"\u200bvô hình nhưng hợp lệ", 0, false},
	} {
		r, bad := Control(c.s)
		if r != c.want || bad != c.bad {
			t.Errorf("Control(%q) = %U %v, want %U %v", c.s, r, bad, c.want, c.bad)
		}
	}
	if !IsControl(0) || IsControl('\n') || !IsControl(0x9f) || IsControl('đ') {
		t.Error("IsControl")
	}
}

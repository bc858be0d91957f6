package auth

import "testing"

// TestCommonList: the list written in common.go holds what it says, and
// stays small.
func TestCommonList(t *testing.T) {
	for _, pw := range []string{"password", "p@ssw0rd", "pa$$word", "matkhau", "m@tkh@u", "anhyeuem", "qwertyuiop",
		"1q2w3e4r5t", "1234567890", "0987654321", "2345678901", "1111111111", "1212121212", "123123123123", "0912345678"} {
		if !common(pw) {
			t.Errorf("%q is not on the list", pw)
		}
	}
	for _, pw := range []string{"con mèo đen", "hoabantrang", "t20-bao-cao"} {
		if common(pw) {
			t.Errorf("%q is on the list", pw)
		}
	}
	if n := len(commonSet); n < 1000 || n > 20000 {
		t.Errorf("%d entries", n)
	}
	t.Logf("%d entries", len(commonSet))
}

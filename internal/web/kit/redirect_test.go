package kit_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/web/kit"
)

// The outside tester's redirect, and its relatives: each one a browser
// would follow to another host.
func TestSafeNextRefusesOtherHosts(t *testing.T) {
	for _, in := range []string{
		"/%09/127.0.0.1:18209/x", // the tester's: Location "/\t/…", a browser drops the tab
		"/\t/127.0.0.1:18209/x",
		"/\n/evil.example",
		"/\r\n/evil.example",
		"/%0a/evil.example",
		"/%2F/evil.example",
		"/%5C/evil.example",
		"/%255C%255Cevil.example",
		"/%25252F%25252Fevil.example/x",
		"//evil.example",
		"/\\evil.example",
		"\\/evil.example",
		"https://evil.example",
		"javascript:alert(1)",
		"/ /evil.example",
		"/\x00/evil.example",
		"/\u0085/evil.example",
		"evil.example",
		"",
		"/" + strings.Repeat("a", 3000),
	} {
		if got := kit.SafeNext(in); got != "/" {
			t.Errorf("SafeNext(%q) = %q, want /", in, got)
		}
	}
	for _, in := range []string{"/", "/mo-hinh?x=1", "/bao-cao/tong-hop?don-vi=3&ky=2025S1#bang", "/t%C3%AAn", "/a%20b"} {
		if got := kit.SafeNext(in); got != in {
			t.Errorf("SafeNext(%q) = %q, want it kept", in, got)
		}
	}
}

// FuzzSafeNext: whatever comes in, what goes out resolves on this site,
// as sent and after decoding, and has nothing a browser drops.
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/", "/mo-hinh?x=1", "/%09/127.0.0.1:18209/x", "//x", "/\\x", "https://x", "/%2F%2Fx", "/a#b"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://danvan.example/dang-nhap")
	f.Fuzz(func(t *testing.T, in string) {
		out := kit.SafeNext(in)
		if out != "/" && out != in {
			t.Fatalf("SafeNext(%q) = %q: neither kept nor /", in, out)
		}
		forms := []string{out}
		for s := out; ; {
			d, err := url.PathUnescape(s)
			if err != nil || d == s {
				break
			}
			forms, s = append(forms, d), d
		}
		for i, s := range forms {
			if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || (i == 0 && r == ' ') || r == 0x7f || r == '\\' }) {
				t.Fatalf("SafeNext(%q) = %q holds a character browsers drop or turn", in, out)
			}
			u, err := base.Parse(s)
			if err != nil {
				t.Fatalf("SafeNext(%q) = %q does not parse: %v", in, out, err)
			}
			if u.Host != base.Host || u.Scheme != base.Scheme || u.User != nil {
				t.Fatalf("SafeNext(%q) = %q leads to %s", in, out, u)
			}
		}
	})
}

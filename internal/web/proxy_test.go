package web

import (
	"net/http/httptest"
	"testing"
)

func TestClientAddrBehindProxies(t *testing.T) {
	proxies, err := ParseProxies("10.0.0.1, 172.16.0.0/12,::1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"no proxy in the way: the peer", "203.0.113.9:4000", []string{"1.2.3.4"}, "203.0.113.9"},
		{"the tester's forgery: the leftmost is the client's own text", "10.0.0.1:4000", []string{"198.51.100.77, 203.0.113.7"}, "203.0.113.7"},
		{"two proxies", "10.0.0.1:4000", []string{"198.51.100.77, 203.0.113.7, 172.16.3.4"}, "203.0.113.7"},
		{"several headers", "10.0.0.1:4000", []string{"198.51.100.77", "203.0.113.7"}, "203.0.113.7"},
		{"garbage the client sent", "10.0.0.1:4000", []string{"nonsense, 203.0.113.7"}, "203.0.113.7"},
		{"garbage after trusted hops", "10.0.0.1:4000", []string{"nonsense, 172.16.0.9"}, "172.16.0.9"},
		{"every hop trusted", "10.0.0.1:4000", []string{"172.16.0.2"}, "172.16.0.2"},
		{"no header from the proxy", "10.0.0.1:4000", nil, "10.0.0.1"},
		{"ipv6 proxy", "[::1]:4000", []string{"2001:db8::5"}, "2001:db8::5"},
		{"ipv4-mapped", "[::ffff:10.0.0.1]:4000", []string{"203.0.113.7"}, "203.0.113.7"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.peer
		for _, h := range tt.xff {
			r.Header.Add("X-Forwarded-For", h)
		}
		if got := clientAddr(proxies, r); got != tt.want {
			t.Errorf("%s: clientAddr = %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, bad := range []string{"localhost", "10.0.0.0/33", "1.2.3"} {
		if _, err := ParseProxies(bad); err == nil {
			t.Errorf("ParseProxies(%q) took it", bad)
		}
	}
}

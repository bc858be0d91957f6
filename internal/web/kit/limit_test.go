package kit

import (
	"strconv"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	l := NewLimiter(3, time.Minute, func() time.Time { return now })
	for i := range 3 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("event %d refused", i+1)
		}
	}
	now = now.Add(20 * time.Second)
	ok, retry := l.Allow("a")
	if ok || retry != 40*time.Second {
		t.Fatalf("4th event: ok %v, retry %v; want refused, 40s", ok, retry)
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Fatal("another key is limited by the first")
	}
	now = now.Add(40 * time.Second)
	if ok, _ := l.Allow("a"); !ok {
		t.Fatal("a new window still refused")
	}
	// Memory stays bounded however many keys come.
	for i := range maxLimiterKeys + 10 {
		l.Allow(strconv.Itoa(i))
	}
	if n := len(l.keys); n > maxLimiterKeys {
		t.Fatalf("%d keys kept, bound %d", n, maxLimiterKeys)
	}
}

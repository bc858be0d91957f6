package cputime

import (
	"strings"
	"testing"
)

func TestUsedGrowsWithWork(t *testing.T) {
	start := Used()
	x := 0
	for i := range 50_000_000 {
		x ^= i * 7
	}
	if Used() <= start {
		t.Errorf("no CPU time counted for a busy loop (%d)", x)
	}
}

func TestLoad(t *testing.T) {
	got := Load()
	if got != "?" && len(strings.Fields(got)) != 3 {
		t.Errorf("Load() = %q, want three figures or ?", got)
	}
}

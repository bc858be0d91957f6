package cputime

import (
	"os"
	"strings"
	"testing"
	"time"
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

func TestProcessesReadsThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc on this system")
	}
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
	}
	if got := Processes([]int{os.Getpid()}); got < 10*time.Millisecond {
		t.Errorf("this process has used %s by /proc after 50 ms of work", got)
	}
	if got := Processes([]int{os.Getpid(), 1 << 30}); got != -1 {
		t.Errorf("a process that does not exist gave %s, want -1", got)
	}
}

// Package cputime measures the processor time this process has used: the
// figure a benchmark reports beside wall time, because on a shared,
// loaded machine wall time mostly measures the other processes.
package cputime

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Used is the user and system time every thread of the process has used
// so far (0 where the system cannot tell).
func Used() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Load is the machine's load average over 1, 5 and 15 minutes as
// /proc/loadavg gives it, "?" where it cannot be read.
func Load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// Report adds to b the processor milliseconds per operation since start
// (a value of Used taken before the loop) as the metric "cpu-ms/op".
func Report(b *testing.B, start time.Duration) {
	if b.N > 0 {
		b.ReportMetric(float64((Used()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

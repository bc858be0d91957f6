// Package cputime measures the processor time this process has used: the
// figure a benchmark reports beside wall time, because on a shared,
// loaded machine wall time mostly measures the other processes.
package cputime

import (
	"bytes"
	"os"
	"strconv"
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

// Processes is the user and system time the processes pids have used so
// far, read from /proc (a benchmark's PostgreSQL server on this machine);
// -1 when one of them cannot be read. A process gone meanwhile takes its
// time with it, so a difference of two readings is a lower bound.
func Processes(pids []int) time.Duration {
	var total time.Duration
	for _, pid := range pids {
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return -1
		}
		// After the command's closing parenthesis, utime and stime are
		// the 12th and 13th fields, in clock ticks of 10 ms.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) < 13 {
			return -1
		}
		ut, err1 := strconv.ParseInt(f[11], 10, 64)
		st, err2 := strconv.ParseInt(f[12], 10, 64)
		if err1 != nil || err2 != nil {
			return -1
		}
		total += time.Duration(ut+st) * 10 * time.Millisecond
	}
	return total
}

package dbtest

import (
	"context"
	"time"

	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
)

// ServerCPU is the user and system time the PostgreSQL server's
// processes serving d's database have used so far, read from /proc (a
// benchmark's server runs on this machine); -1 on SQLite or when it
// cannot be read. Parallel workers and connections closed meanwhile take
// their time with them, so a difference of two readings is a lower
// bound.
func ServerCPU(ctx context.Context, d *db.DB) time.Duration {
	if d.Dialect() != db.Postgres {
		return -1
	}
	rows, err := d.QueryContext(ctx, "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
	if err != nil {
		return -1
	}
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			return -1
		}
		pids = append(pids, pid)
	}
	if rows.Err() != nil {
		return -1
	}
	return cputime.Processes(pids)
}

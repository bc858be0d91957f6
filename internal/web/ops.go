package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
	"github.com/danvan/danvan/internal/db"
)

// What an operator reads about the deployment beside the requests: the
// schema version and the last good backup, on /readyz?verbose and in
// /metrics. Every server reads them from the database, so each one tells
// the same whichever server took the backup.

// opsCollector reports the backups at scrape time.
type opsCollector struct {
	backups *backup.Store
	log     *slog.Logger
}

var (
	backupLast   = prometheus.NewDesc("danvan_backup_last_success_timestamp_seconds", "When the newest complete backup finished (Unix time; 0 if none).", nil, nil)
	backupFailed = prometheus.NewDesc("danvan_backup_last_run_failed", "1 if the newest backup run failed.", nil, nil)
)

func (c opsCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- backupLast
	ch <- backupFailed
}

func (c opsCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.backups.Status(ctx, auth.System())
	if err != nil {
		c.log.Warn("backup status for metrics", slog.Any("err", err))
		return
	}
	var last, failed float64
	if !st.LastGood.IsZero() {
		last = float64(st.LastGood.Unix())
	}
	if st.LastError != "" {
		failed = 1
	}
	ch <- prometheus.MustNewConstMetric(backupLast, prometheus.GaugeValue, last)
	ch <- prometheus.MustNewConstMetric(backupFailed, prometheus.GaugeValue, failed)
}

// readyDetail writes the lines of /readyz?verbose after its "ok": the
// schema and the last good backup, with its age.
func (s *Server) readyDetail(ctx context.Context, w io.Writer) {
	have, err := s.DB.SchemaVersion(ctx)
	latest, lerr := s.DB.LatestSchemaVersion()
	switch {
	case err != nil || lerr != nil:
		fmt.Fprintf(w, "schema: unknown (%v)\n", firstErr(err, lerr))
	default:
		fmt.Fprintf(w, "schema: %d (this program: %d)\n", have, latest)
	}
	fmt.Fprintf(w, "database: %s\n", s.DB.Dialect())
	st, err := backup.New(s.DB, nil, backup.Config{}).Status(ctx, auth.System())
	switch {
	case err != nil:
		fmt.Fprintf(w, "last good backup: unknown (%v)\n", err)
	case st.LastGood.IsZero():
		fmt.Fprintln(w, "last good backup: none")
	default:
		fmt.Fprintf(w, "last good backup: %s (%s ago)\n", st.LastGood.Format(db.StampLayout),
			s.Now().Sub(st.LastGood).Round(time.Second))
	}
	if st.LastError != "" {
		fmt.Fprintf(w, "last backup run failed: %s\n", st.LastError)
	}
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
)

// The work a server does beside answering requests, besides the hourly
// sweep (maintain): scheduled backups. Each job is safe to run on every
// server of a deployment: the database decides which one does each piece.

// jobFlags registers the flags of the background jobs.
func jobFlags(fs *flag.FlagSet, cfg *ServeConfig) {
	fs.StringVar(&cfg.Backup.Dir, "backup-dir", os.Getenv("DANVAN_BACKUP_DIR"), "thư mục sao lưu tự động; trống là không sao lưu (folder of scheduled backups; env DANVAN_BACKUP_DIR; empty: none)")
	fs.DurationVar(&cfg.Backup.Every, "backup-every", envDuration("DANVAN_BACKUP_EVERY", 24*time.Hour), "mỗi bao lâu sao lưu một lần (how often; env DANVAN_BACKUP_EVERY)")
	fs.IntVar(&cfg.Backup.Keep, "backup-keep", envInt("DANVAN_BACKUP_KEEP", 7), "giữ bao nhiêu bản sao lưu gần nhất (how many archives to keep; env DANVAN_BACKUP_KEEP)")
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil && d > 0 {
		return d
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// startJobs starts the background jobs the configuration asks for; they
// end with ctx, and Shutdown waits for them.
func (m *Main) startJobs(ctx context.Context) {
	if m.cfg.Backup.Dir != "" {
		store := backup.New(m.db, m.files, backup.Config{Version: version, URL: m.cfg.DB, Logger: m.cfg.Logger})
		m.jobs.Go(func() {
			if err := store.RunSchedule(ctx, auth.System(), m.cfg.Backup); err != nil {
				m.cfg.Logger.Error("scheduled backups", slog.Any("err", err))
			}
		})
		m.cfg.Logger.Info("scheduled backups", slog.String("dir", m.cfg.Backup.Dir),
			slog.Duration("every", m.cfg.Backup.Every), slog.Int("keep", m.cfg.Backup.Keep))
	}
}

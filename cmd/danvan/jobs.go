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
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

// The work a server does beside answering requests, besides the hourly
// sweep (maintain): scheduled backups and reminders. Each job is safe to run on every
// server of a deployment: the database decides which one does each piece.

// jobFlags registers the flags of the background jobs.
func jobFlags(fs *flag.FlagSet, cfg *ServeConfig) {
	fs.StringVar(&cfg.Backup.Dir, "backup-dir", os.Getenv("DANVAN_BACKUP_DIR"), "thư mục sao lưu tự động; trống là không sao lưu (folder of scheduled backups; env DANVAN_BACKUP_DIR; empty: none)")
	fs.DurationVar(&cfg.Backup.Every, "backup-every", envDuration("DANVAN_BACKUP_EVERY", 24*time.Hour), "mỗi bao lâu sao lưu một lần (how often; env DANVAN_BACKUP_EVERY)")
	fs.IntVar(&cfg.Backup.Keep, "backup-keep", envInt("DANVAN_BACKUP_KEEP", 7), "giữ bao nhiêu bản sao lưu gần nhất (how many archives to keep; env DANVAN_BACKUP_KEEP)")
	fs.StringVar(&cfg.SMTP, "smtp", os.Getenv("DANVAN_SMTP"), "máy chủ thư gửi nhắc việc, ví dụ smtp://user:pass@mail.example.vn:587?from=nhacviec@example.vn (STARTTLS; smtps:// cho TLS; env DANVAN_SMTP)")
	fs.StringVar(&cfg.SiteURL, "site-url", os.Getenv("DANVAN_SITE_URL"), "địa chỉ công khai của trang, cho liên kết trong thư, ví dụ https://danvan.example.vn (env DANVAN_SITE_URL)")
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
// end with ctx, and Shutdown waits for them. Reminders always run: every
// server makes them (the first to claim a day does) and sends from the
// queue when --smtp is set.
func (m *Main) startJobs(ctx context.Context) error {
	var mailer notify.Mailer
	if m.cfg.SMTP != "" {
		s, err := notify.ParseSMTP(m.cfg.SMTP)
		if err != nil {
			return err
		}
		mailer = s
	}
	catalog, err := web.Catalog()
	if err != nil {
		return err
	}
	units := org.NewStore(m.db)
	affairs := citizen.NewStore(m.db, units, auth.NewStore(m.db, units, m.cfg.Auth))
	reminders := notify.New(m.db, notify.Config{Mailer: mailer, Catalog: catalog, BaseURL: m.cfg.SiteURL, Logger: m.cfg.Logger,
		Sources: []notify.Source{notify.CitizenSource(affairs)}})
	m.jobs.Go(func() { reminders.Run(ctx, time.Minute) })
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
	return nil
}

package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// run is one backup as backup_runs records it.
type run struct {
	ID       int64 // the claimed row of a scheduled run; 0 for one by hand
	Started  time.Time
	Path     string
	Manifest Manifest
	Err      error
}

// record writes the outcome of a run. It never fails the backup itself:
// an archive that was written is good even if its record is not.
func (s *Store) record(ctx context.Context, r run) {
	ctx = context.WithoutCancel(ctx)
	var size int64
	if info, err := os.Stat(r.Path); err == nil && r.Err == nil {
		size = info.Size()
	}
	ok, msg := 1, ""
	if r.Err != nil {
		ok, msg = 0, r.Err.Error()
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		if r.ID != 0 {
			_, err := tx.ExecContext(ctx, `UPDATE backup_runs SET finished_at = ?, ok = ?, path = ?, bytes = ?,
				row_count = ?, file_count = ?, error = ? WHERE id = ?`,
				now, ok, r.Path, size, r.Manifest.Rows(), r.Manifest.Files, msg, r.ID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO backup_runs (started_at, finished_at, ok, path, bytes, row_count, file_count, error)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			db.Stamp(r.Started), now, ok, r.Path, size, r.Manifest.Rows(), r.Manifest.Files, msg)
		return err
	})
	if err != nil {
		s.cfg.Logger.Warn("record backup", slog.Any("err", err))
	}
}

// Status is what the operator is told about backups.
type Status struct {
	// LastGood is when the newest complete backup finished (zero if none).
	LastGood time.Time
	// LastPath is where it was written.
	LastPath string
	// LastError is the error of the newest run, when it failed.
	LastError string
}

// Status reads the newest runs of every server.
func (s *Store) Status(ctx context.Context, p *auth.Principal) (Status, error) {
	if err := requireOperator(p); err != nil {
		return Status{}, err
	}
	var st Status
	var finished sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT finished_at, path FROM backup_runs WHERE ok = 1
		ORDER BY finished_at DESC LIMIT 1`).Scan(&finished, &st.LastPath)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Status{}, fmt.Errorf("backup: status: %w", err)
	}
	if st.LastGood, err = db.NullStamp(finished); err != nil {
		return Status{}, err
	}
	var ok int
	var msg string
	err = s.db.QueryRowContext(ctx, `SELECT ok, error FROM backup_runs WHERE finished_at IS NOT NULL
		ORDER BY finished_at DESC LIMIT 1`).Scan(&ok, &msg)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Status{}, fmt.Errorf("backup: status: %w", err)
	}
	if ok == 0 {
		st.LastError = msg
	}
	return st, nil
}

// Schedule is when a server takes backups on its own.
type Schedule struct {
	Dir   string        // the folder the archives go in
	Every time.Duration // one backup per period of this length (UTC), e.g. 24h
	Keep  int           // how many archives to keep in Dir; older ones are removed
}

// slot is the start of the period t falls in.
func (sc Schedule) slot(t time.Time) time.Time { return t.UTC().Truncate(sc.Every) }

// RunSchedule takes one backup per period of the schedule until ctx
// ends: at start-up if the current period has none yet, then at the start
// of each period. Several servers may run it on one database: each period
// is claimed in backup_runs first, and only the server that claims it
// backs up. After each backup the folder keeps the newest Keep archives,
// and partial archives older than a period (left by a server that died
// while writing) are removed.
func (s *Store) RunSchedule(ctx context.Context, p *auth.Principal, sc Schedule) error {
	if err := requireOperator(p); err != nil {
		return err
	}
	if sc.Dir == "" || sc.Every <= 0 {
		return errors.New("backup: a schedule needs a folder and a period")
	}
	if sc.Keep <= 0 {
		sc.Keep = 7
	}
	if err := os.MkdirAll(sc.Dir, 0o750); err != nil {
		return fmt.Errorf("backup: folder %s: %w", sc.Dir, err)
	}
	poll := min(time.Minute, max(sc.Every/4, 100*time.Millisecond))
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		if err := s.scheduled(ctx, sc); err != nil && ctx.Err() == nil {
			s.cfg.Logger.Warn("scheduled backup", slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// scheduled takes the current period's backup if no server has claimed it.
func (s *Store) scheduled(ctx context.Context, sc Schedule) error {
	started := s.db.Now()
	slot := db.Stamp(sc.slot(started))
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO backup_runs (slot, started_at) VALUES (?, ?)`, slot, db.Stamp(started))
		return err
	})
	if errors.Is(err, db.ErrConflict) {
		return nil // taken, by this server or another
	}
	if err != nil {
		return fmt.Errorf("backup: claim %s: %w", slot, err)
	}
	s.cfg.Logger.Info("backup started", slog.String("slot", slot))
	path, m, err := s.save(ctx, sc.Dir+string(os.PathSeparator), started)
	s.record(ctx, run{ID: id, Started: started, Path: path, Manifest: m, Err: err})
	if err != nil {
		return err
	}
	s.cfg.Logger.Info("backup written", slog.String("path", path), slog.Int64("rows", m.Rows()), slog.Int("files", m.Files))
	return prune(sc, s.db.Now())
}

// prune keeps the newest sc.Keep archives in sc.Dir and removes partial
// ones older than a period.
func prune(sc Schedule, now time.Time) error {
	entries, err := os.ReadDir(sc.Dir)
	if err != nil {
		return fmt.Errorf("backup: prune: %w", err)
	}
	var archives []string
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "danvan-") || e.IsDir() {
			continue
		}
		switch {
		case strings.HasSuffix(name, ".tar.gz"):
			archives = append(archives, name)
		case strings.HasSuffix(name, ".tar.gz.partial"):
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > sc.Every {
				errs = append(errs, os.Remove(filepath.Join(sc.Dir, name)))
			}
		}
	}
	slices.Sort(archives) // names carry their time
	for len(archives) > sc.Keep {
		errs = append(errs, os.Remove(filepath.Join(sc.Dir, archives[0])))
		archives = archives[1:]
	}
	return errors.Join(errs...)
}

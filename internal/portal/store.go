package portal

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// Store reads and writes the portal. Exported methods own their
// transaction and check the caller's permission themselves.
type Store struct {
	db    *db.DB
	units *org.Store
	auth  *auth.Store
	files *blob.Bucket

	views *viewCounter

	keyMu sync.Mutex
	key   []byte // the shared key (portal_keys 'main'), loaded once

	stampMu sync.Mutex
	stamps  map[int64]stampMemo
	// StampTTL is how long a stamp read from the database is trusted
	// before it is read again: how long another server's publish may take
	// to show here. Zero means one second.
	StampTTL time.Duration
}

// NewStore returns a store over d; files holds images and documents.
func NewStore(d *db.DB, units *org.Store, authStore *auth.Store, files *blob.Bucket) *Store {
	return &Store{db: d, units: units, auth: authStore, files: files, views: newViewCounter(), stamps: map[int64]stampMemo{}}
}

// Now is the database clock.
func (s *Store) Now() time.Time { return s.db.Now() }

// require checks that p holds perm on unit, else Forbidden (Unauthorized
// for a visitor).
func (s *Store) require(ctx context.Context, p *auth.Principal, perm auth.Permission, unitID int64) error {
	return s.auth.Require(ctx, p, perm, unitID)
}

// Can reports whether p holds perm on the unit of site (for pages that
// offer buttons).
func (s *Store) Can(ctx context.Context, p *auth.Principal, perm auth.Permission, site Site) bool {
	if p == nil {
		return false
	}
	ok, err := s.auth.Can(ctx, p, perm, site.UnitID)
	return err == nil && ok
}

// ---- sites

const siteCols = `id, unit_id, slug, COALESCE(host, ''), name, name_en, tagline, address, phone, email, editor, about, about_en, version, created_at, updated_at`

func scanSite(r interface{ Scan(...any) error }) (Site, error) {
	var st Site
	var created, updated string
	if err := r.Scan(&st.ID, &st.UnitID, &st.Slug, &st.Host, &st.Name, &st.NameEN, &st.Tagline, &st.Address, &st.Phone,
		&st.Email, &st.Editor, &st.About, &st.AboutEN, &st.Version, &created, &updated); err != nil {
		return st, err
	}
	var err error
	if st.Created, err = db.ParseStamp(created); err != nil {
		return st, err
	}
	st.Updated, err = db.ParseStamp(updated)
	return st, err
}

func (s *Store) loadSite(ctx context.Context, q db.Querier, where string, arg any) (Site, error) {
	st, err := scanSite(q.QueryRowContext(ctx, "SELECT "+siteCols+" FROM portal_sites WHERE "+where, arg))
	if errors.Is(err, db.ErrNotFound) {
		return Site{}, apperr.NotFound("portal.err.site_not_found")
	}
	if err != nil {
		return Site{}, fmt.Errorf("portal: site: %w", err)
	}
	names, err := s.units.NamesOn(ctx, []int64{st.UnitID}, s.db.Now())
	if err != nil {
		return Site{}, err
	}
	st.UnitName = names[st.UnitID]
	return st, nil
}

// PublicSite returns the site at path segment slug, to anyone.
func (s *Store) PublicSite(ctx context.Context, slug string) (Site, error) {
	if !validSlug(slug) {
		return Site{}, apperr.NotFound("portal.err.site_not_found")
	}
	return s.loadSite(ctx, s.db, "slug = ?", slug)
}

// PublicSiteByHost returns the site served under host name host.
func (s *Store) PublicSiteByHost(ctx context.Context, host string) (Site, error) {
	host = strings.ToLower(host)
	if host == "" || !hostRE.MatchString(host) {
		return Site{}, apperr.NotFound("portal.err.site_not_found")
	}
	return s.loadSite(ctx, s.db, "host = ?", host)
}

// PublicSites lists every site, by name.
func (s *Store) PublicSites(ctx context.Context) ([]Site, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+siteCols+" FROM portal_sites ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("portal: sites: %w", err)
	}
	defer rows.Close()
	var out []Site
	for rows.Next() {
		st, err := scanSite(rows)
		if err != nil {
			return nil, fmt.Errorf("portal: sites: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// EditableSites lists the sites p may read the editorial side of.
func (s *Store) EditableSites(ctx context.Context, p *auth.Principal) ([]Site, error) {
	if p == nil {
		return nil, apperr.Unauthorized("auth.err.sign_in")
	}
	all, err := s.PublicSites(ctx)
	if err != nil {
		return nil, err
	}
	var out []Site
	for _, st := range all {
		if ok, err := s.auth.Can(ctx, p, auth.PermRead, st.UnitID); err != nil {
			return nil, err
		} else if ok {
			out = append(out, st)
		}
	}
	return out, nil
}

// Site returns site id for its editorial pages (read on its unit).
func (s *Store) Site(ctx context.Context, p *auth.Principal, id int64) (Site, error) {
	st, err := s.loadSite(ctx, s.db, "id = ?", id)
	if err != nil {
		return Site{}, err
	}
	if p == nil {
		return Site{}, apperr.Unauthorized("auth.err.sign_in")
	}
	if ok, err := s.auth.Can(ctx, p, auth.PermRead, st.UnitID); err != nil {
		return Site{}, err
	} else if !ok {
		return Site{}, apperr.NotFound("portal.err.site_not_found")
	}
	return st, nil
}

// CreateSite opens a site for a unit (admin on the unit; one per unit).
func (s *Store) CreateSite(ctx context.Context, p *auth.Principal, in SiteInput) (Site, error) {
	if err := in.validate(); err != nil {
		return Site{}, err
	}
	if _, err := s.units.Get(ctx, in.UnitID, s.db.Now()); err != nil {
		return Site{}, apperr.Invalid("unit", "portal.err.site_unit")
	}
	if err := s.require(ctx, p, auth.PermAdmin, in.UnitID); err != nil {
		return Site{}, err
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO portal_sites (unit_id, slug, host, name, name_en, tagline, address, phone, email, editor,
			about, about_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.UnitID, in.Slug, db.NullString(in.Host), in.Name, in.NameEN, in.Tagline, in.Address, in.Phone, in.Email, in.Editor,
			in.About, in.AboutEN, now, now)
		if errors.Is(err, db.ErrConflict) {
			return siteConflict(ctx, tx, in)
		}
		if err != nil {
			return err
		}
		if err := bump(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "portal_site", EntityID: id, UnitID: in.UnitID, After: in})
	})
	if err != nil {
		return Site{}, wrap(err, "create site")
	}
	return s.loadSite(ctx, s.db, "id = ?", id)
}

// siteConflict says which unique value of a site is taken.
func siteConflict(ctx context.Context, tx *db.Tx, in SiteInput) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_sites WHERE unit_id = ?", in.UnitID).Scan(&n); err == nil && n > 0 {
		return apperr.Conflict("portal.err.site_exists")
	}
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_sites WHERE slug = ?", in.Slug).Scan(&n); err == nil && n > 0 {
		return apperr.Invalid("slug", "portal.err.slug_taken")
	}
	return apperr.Invalid("host", "portal.err.host_taken")
}

// UpdateSite changes a site's settings (admin on its unit; the unit never
// changes).
func (s *Store) UpdateSite(ctx context.Context, p *auth.Principal, id int64, in SiteInput) (Site, error) {
	old, err := s.loadSite(ctx, s.db, "id = ?", id)
	if err != nil {
		return Site{}, err
	}
	if err := s.require(ctx, p, auth.PermAdmin, old.UnitID); err != nil {
		return Site{}, err
	}
	in.UnitID = old.UnitID
	if err := in.validate(); err != nil {
		return Site{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE portal_sites SET slug = ?, host = ?, name = ?, name_en = ?, tagline = ?, address = ?,
			phone = ?, email = ?, editor = ?, about = ?, about_en = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			in.Slug, db.NullString(in.Host), in.Name, in.NameEN, in.Tagline, in.Address, in.Phone, in.Email, in.Editor, in.About,
			in.AboutEN, db.Stamp(tx.Now()), id, in.Version)
		if errors.Is(err, db.ErrConflict) {
			return siteConflict(ctx, tx, in)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("portal.err.stale")
		}
		if err := bump(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "portal_site", EntityID: id, UnitID: old.UnitID, Before: old, After: in})
	})
	if err != nil {
		return Site{}, wrap(err, "update site")
	}
	return s.loadSite(ctx, s.db, "id = ?", id)
}

// wrap adds context to an internal error and lets domain errors through.
func wrap(err error, what string) error {
	if _, ok := apperr.As(err); ok {
		return err
	}
	var es apperr.Errors
	if errors.As(err, &es) {
		return err
	}
	return fmt.Errorf("portal: %s: %w", what, err)
}

// ---- stamps: when did a site's public pages last change

// Stamp says where a site's public pages stand: a counter every change
// bumps, when it last changed, and the next moment a scheduled article
// goes live (zero for none), after which the pages change without any
// write.
type Stamp struct {
	N       int64
	Changed time.Time
	NextDue time.Time
}

type stampMemo struct {
	st         Stamp
	read       time.Time
	refreshing bool // a request is reading it again: others use st meanwhile
}

// bump moves a site's stamp and the national one (site 0) on, inside a
// write's transaction.
func bump(ctx context.Context, tx *db.Tx, siteID int64) error {
	now := db.Stamp(tx.Now())
	for _, id := range []int64{siteID, 0} {
		res, err := tx.ExecContext(ctx, "UPDATE portal_stamps SET stamp = stamp + 1, changed_at = ? WHERE site_id = ?", now, id)
		if err != nil {
			return fmt.Errorf("portal: stamp: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := tx.ExecContext(ctx, "INSERT INTO portal_stamps (site_id, stamp, changed_at) VALUES (?, 1, ?)", id, now); err != nil {
				return fmt.Errorf("portal: stamp: %w", err)
			}
		}
	}
	return nil
}

// Stamp returns the stamp of a site (0: of every site, for the national
// front page), read from the database at most once per StampTTL, so that
// a change made through any server is seen by every server within that
// time.
func (s *Store) Stamp(ctx context.Context, siteID int64) (Stamp, error) {
	ttl := s.StampTTL
	if ttl == 0 {
		ttl = time.Second
	}
	now := s.db.Now()
	s.stampMu.Lock()
	m, ok := s.stamps[siteID]
	if ok && now.Sub(m.read) < ttl && now.Sub(m.read) >= 0 && (m.st.NextDue.IsZero() || now.Before(m.st.NextDue)) {
		s.stampMu.Unlock()
		return m.st, nil
	}
	if ok && m.refreshing {
		// Another request is reading it: under load, hundreds of requests
		// would otherwise read the same row at the same moment.
		s.stampMu.Unlock()
		return m.st, nil
	}
	if ok {
		m.refreshing = true
		s.stamps[siteID] = m
	}
	s.stampMu.Unlock()
	st, err := s.readStamp(ctx, siteID, now)
	s.stampMu.Lock()
	defer s.stampMu.Unlock()
	if err != nil {
		if cur, ok := s.stamps[siteID]; ok {
			cur.refreshing = false
			s.stamps[siteID] = cur
		}
		return Stamp{}, err
	}
	s.stamps[siteID] = stampMemo{st: st, read: now}
	return st, nil
}

// readStamp reads a site's stamp from the database.
func (s *Store) readStamp(ctx context.Context, siteID int64, now time.Time) (Stamp, error) {
	var st Stamp
	var changed string
	err := s.db.QueryRowContext(ctx, "SELECT stamp, changed_at FROM portal_stamps WHERE site_id = ?", siteID).Scan(&st.N, &changed)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Stamp{}, fmt.Errorf("portal: stamp: %w", err)
	}
	if st.Changed, err = db.ParseStamp(changed); err != nil {
		return Stamp{}, err
	}
	q := "SELECT MIN(publish_at) FROM portal_articles WHERE status = 'published' AND publish_at > ?"
	args := []any{db.Stamp(now)}
	if siteID != 0 {
		q += " AND site_id = ?"
		args = append(args, siteID)
	}
	var next sql.NullString
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&next); err != nil {
		return Stamp{}, fmt.Errorf("portal: next scheduled: %w", err)
	}
	if st.NextDue, err = db.NullStamp(next); err != nil {
		return Stamp{}, err
	}
	// A scheduled article that has gone live changed the pages at its
	// moment: that is when they were last modified.
	var last sql.NullString
	q = "SELECT MAX(publish_at) FROM portal_articles WHERE status = 'published' AND publish_at <= ?"
	if siteID != 0 {
		q += " AND site_id = ?"
	}
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&last); err != nil {
		return Stamp{}, fmt.Errorf("portal: last published: %w", err)
	}
	if lt, err := db.NullStamp(last); err == nil && lt.After(st.Changed) {
		st.Changed = lt
	}
	return st, nil
}

// forget drops the memo of the stamps a write of this server changed, so
// that this server sees its own change at once.
func (s *Store) forget(siteID int64) {
	s.stampMu.Lock()
	delete(s.stamps, siteID)
	delete(s.stamps, 0)
	s.stampMu.Unlock()
}

// ---- the shared key

// secret returns the key the servers share (created on first use).
func (s *Store) secret(ctx context.Context) ([]byte, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if s.key != nil {
		return s.key, nil
	}
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM portal_keys WHERE name = 'main'").Scan(&v)
	if errors.Is(err, db.ErrNotFound) {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		err = s.db.WithTx(ctx, func(tx *db.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO portal_keys (name, value) VALUES ('main', ?) ON CONFLICT (name) DO NOTHING", hex.EncodeToString(b))
			return err
		})
		if err == nil {
			err = s.db.QueryRowContext(ctx, "SELECT value FROM portal_keys WHERE name = 'main'").Scan(&v)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("portal: key: %w", err)
	}
	k, err := hex.DecodeString(v)
	if err != nil || len(k) < 16 {
		return nil, fmt.Errorf("portal: stored key is damaged")
	}
	s.key = k
	return k, nil
}

// mac is the keyed hash of parts, in hexadecimal: how addresses are kept
// (never the address itself) and how poll cookies are signed.
func (s *Store) mac(ctx context.Context, parts ...string) (string, error) {
	k, err := s.secret(ctx)
	if err != nil {
		return "", err
	}
	h := hmac.New(sha256.New, k)
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("portal: crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

package portal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

const articleCols = `a.id, a.site_id, a.slug, a.category, a.status, a.headline, a.lead, a.body, a.tags, COALESCE(a.image_id, 0),
	a.record_kind, COALESCE(a.record_id, 0), a.publish_at, a.author_id, a.views, a.version, a.created_at, a.updated_at`

// listArticleCols leaves the body out.
var listArticleCols = strings.Replace(articleCols, "a.body,", "'',", 1)

func scanArticle(r interface{ Scan(...any) error }, extra ...any) (Article, error) {
	var a Article
	var tags, created, updated string
	var publish sql.NullString
	dest := append([]any{&a.ID, &a.SiteID, &a.Slug, &a.Category, &a.Status, &a.Headline, &a.Lead, &a.Body, &tags, &a.ImageID,
		&a.RecordKind, &a.RecordID, &publish, &a.AuthorID, &a.Views, &a.Version, &created, &updated}, extra...)
	if err := r.Scan(dest...); err != nil {
		return a, err
	}
	if tags != "" {
		a.Tags = strings.Split(tags, "\n")
	}
	var err error
	if a.PublishAt, err = db.NullStamp(publish); err != nil {
		return a, err
	}
	if a.Created, err = db.ParseStamp(created); err != nil {
		return a, err
	}
	a.Updated, err = db.ParseStamp(updated)
	return a, err
}

func loadArticle(ctx context.Context, q db.Querier, id int64) (Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, "SELECT "+articleCols+" FROM portal_articles a WHERE a.id = ?", id))
	if errors.Is(err, db.ErrNotFound) {
		return a, apperr.NotFound("portal.err.article_not_found")
	}
	if err != nil {
		return a, fmt.Errorf("portal: article %d: %w", id, err)
	}
	return a, nil
}

// article loads article id and its site for p, who must hold perm on
// the site's unit; without read permission the article is "not found".
func (s *Store) article(ctx context.Context, p *auth.Principal, id int64, perm auth.Permission) (Article, Site, error) {
	a, err := loadArticle(ctx, s.db, id)
	if err != nil {
		return Article{}, Site{}, err
	}
	st, err := s.Site(ctx, p, a.SiteID)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Article{}, Site{}, apperr.NotFound("portal.err.article_not_found")
		}
		return Article{}, Site{}, err
	}
	if perm != auth.PermRead {
		if err := s.require(ctx, p, perm, st.UnitID); err != nil {
			return Article{}, Site{}, err
		}
	}
	return a, st, nil
}

// Article returns article id for the editorial pages (read on its site).
func (s *Store) Article(ctx context.Context, p *auth.Principal, id int64) (Article, Site, error) {
	a, st, err := s.article(ctx, p, id, auth.PermRead)
	if err != nil {
		return Article{}, Site{}, err
	}
	if err := s.fillImages(ctx, []*Article{&a}); err != nil {
		return Article{}, Site{}, err
	}
	return a, st, nil
}

// CreateArticle writes a new draft on site siteID (write on its unit).
func (s *Store) CreateArticle(ctx context.Context, p *auth.Principal, siteID int64, in ArticleInput) (Article, error) {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return Article{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, st.UnitID); err != nil {
		return Article{}, err
	}
	tags, body, err := in.validate()
	if err != nil {
		return Article{}, err
	}
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.checkImage(ctx, tx, siteID, 0, in.ImageID); err != nil {
			return err
		}
		slug, err := freeSlug(ctx, tx, siteID, 0, in.Slug, in.Headline)
		if err != nil {
			return err
		}
		now := db.Stamp(tx.Now())
		id, err = tx.InsertID(ctx, `INSERT INTO portal_articles (site_id, slug, category, status, headline, lead, body, tags, search_fold,
			image_id, record_kind, record_id, author_id, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			siteID, slug, string(in.Category), in.Headline, in.Lead, body, strings.Join(tags, "\n"), searchFold(in.Headline, in.Lead, body, tags),
			db.NullID(in.ImageID), string(in.RecordKind), db.NullID(in.RecordID), p.User.ID, now, now)
		if err != nil {
			return err
		}
		if err := setTags(ctx, tx, id, tags); err != nil {
			return err
		}
		if in.ImageID != 0 {
			if _, err := tx.ExecContext(ctx, "UPDATE portal_images SET article_id = ? WHERE id = ?", id, in.ImageID); err != nil {
				return err
			}
		}
		a, err := loadArticle(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.version(ctx, tx, p, a, "create", "", st.UnitID)
	})
	if err != nil {
		return Article{}, wrap(err, "create article")
	}
	return loadArticle(ctx, s.db, id)
}

// UpdateArticle changes an article (write on its site). Editing a
// submitted, published or unpublished article takes it back to draft: a
// change is published again only by someone who may publish.
func (s *Store) UpdateArticle(ctx context.Context, p *auth.Principal, id int64, in ArticleInput) (Article, error) {
	old, st, err := s.article(ctx, p, id, auth.PermWrite)
	if err != nil {
		return Article{}, err
	}
	tags, body, err := in.validate()
	if err != nil {
		return Article{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.checkImage(ctx, tx, old.SiteID, id, in.ImageID); err != nil {
			return err
		}
		slug := old.Slug
		if in.Slug != "" && in.Slug != old.Slug {
			if slug, err = freeSlug(ctx, tx, old.SiteID, id, in.Slug, in.Headline); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE portal_articles SET slug = ?, category = ?, status = 'draft', headline = ?, lead = ?,
			body = ?, tags = ?, search_fold = ?, image_id = ?, record_kind = ?, record_id = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND version = ?`,
			slug, string(in.Category), in.Headline, in.Lead, body, strings.Join(tags, "\n"), searchFold(in.Headline, in.Lead, body, tags),
			db.NullID(in.ImageID), string(in.RecordKind), db.NullID(in.RecordID), db.Stamp(tx.Now()), id, in.Version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("portal.err.stale")
		}
		if err := setTags(ctx, tx, id, tags); err != nil {
			return err
		}
		if in.ImageID != 0 {
			if _, err := tx.ExecContext(ctx, "UPDATE portal_images SET article_id = ? WHERE id = ?", id, in.ImageID); err != nil {
				return err
			}
		}
		a, err := loadArticle(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Status == Published {
			if err := bump(ctx, tx, old.SiteID); err != nil {
				return err
			}
		}
		return s.version(ctx, tx, p, a, "update", "", st.UnitID)
	})
	if err != nil {
		return Article{}, wrap(err, "update article")
	}
	s.forget(old.SiteID)
	return loadArticle(ctx, s.db, id)
}

// Submit sends a draft to be published (write on its site).
func (s *Store) Submit(ctx context.Context, p *auth.Principal, id, version int64) (Article, error) {
	return s.move(ctx, p, id, version, auth.PermWrite, "submit", []Status{Draft}, Submitted, time.Time{}, "")
}

// Publish publishes a draft or submitted article (approve on its site),
// now when at is zero or in the past, else at that moment (scheduled).
// An unpublished article is published again the same way.
func (s *Store) Publish(ctx context.Context, p *auth.Principal, id, version int64, at time.Time) (Article, error) {
	now := s.db.Now()
	if at.IsZero() || at.Before(now) {
		at = now
	}
	if at.After(now.AddDate(1, 0, 0)) {
		return Article{}, apperr.Invalid("publish_at", "portal.err.schedule_far")
	}
	return s.move(ctx, p, id, version, auth.PermApprove, "publish", []Status{Draft, Submitted, Unpublished}, Published, at, "")
}

// Unpublish takes a published (or scheduled) article off the site
// (approve on its site); note says why.
func (s *Store) Unpublish(ctx context.Context, p *auth.Principal, id, version int64, note string) (Article, error) {
	return s.move(ctx, p, id, version, auth.PermApprove, "unpublish", []Status{Published}, Unpublished, time.Time{}, note)
}

// Return sends a submitted article back to its writer as a draft
// (approve on its site); note says what to change.
func (s *Store) Return(ctx context.Context, p *auth.Principal, id, version int64, note string) (Article, error) {
	return s.move(ctx, p, id, version, auth.PermApprove, "return", []Status{Submitted}, Draft, time.Time{}, note)
}

// move changes an article's state.
func (s *Store) move(ctx context.Context, p *auth.Principal, id, version int64, perm auth.Permission, action string,
	from []Status, to Status, at time.Time, note string) (Article, error) {
	old, st, err := s.article(ctx, p, id, perm)
	if err != nil {
		return Article{}, err
	}
	note = cleanLine(note)
	if tooLong(note, 500) {
		return Article{}, apperr.Invalid("note", "portal.err.too_long", 500)
	}
	ok := false
	for _, f := range from {
		ok = ok || old.Status == f
	}
	if !ok {
		return Article{}, apperr.Conflict("portal.err.move", i18nStatus(old.Status))
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var publish any // a return to draft clears the moment
		if to == Published {
			publish = db.Stamp(at)
		}
		q := "UPDATE portal_articles SET status = ?, version = version + 1, updated_at = ?"
		args := []any{string(to), db.Stamp(tx.Now())}
		if to == Published || to == Draft {
			q += ", publish_at = ?"
			args = append(args, publish)
		}
		res, err := tx.ExecContext(ctx, q+" WHERE id = ? AND version = ? AND status = ?", append(args, id, version, string(old.Status))...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("portal.err.stale")
		}
		a, err := loadArticle(ctx, tx, id)
		if err != nil {
			return err
		}
		if to == Published || old.Status == Published {
			if err := bump(ctx, tx, old.SiteID); err != nil {
				return err
			}
		}
		return s.version(ctx, tx, p, a, action, note, st.UnitID)
	})
	if err != nil {
		return Article{}, wrap(err, action+" article")
	}
	s.forget(old.SiteID)
	return loadArticle(ctx, s.db, id)
}

func i18nStatus(st Status) any { return st.Label() }

// version writes the version row and the audit row of a change.
func (s *Store) version(ctx context.Context, tx *db.Tx, p *auth.Principal, a Article, action, note string, unitID int64) error {
	var publish any
	if !a.PublishAt.IsZero() {
		publish = db.Stamp(a.PublishAt)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO portal_article_versions (article_id, version, action, status, category, headline, lead,
		body, tags, publish_at, note, changed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Version, action, string(a.Status), string(a.Category), a.Headline, a.Lead, a.Body, strings.Join(a.Tags, "\n"),
		publish, note, p.User.ID, db.Stamp(tx.Now()))
	if err != nil {
		return fmt.Errorf("version: %w", err)
	}
	after := map[string]any{"version": a.Version, "status": a.Status, "headline": a.Headline, "slug": a.Slug, "category": a.Category}
	if !a.PublishAt.IsZero() {
		after["publish_at"] = a.PublishAt
	}
	if note != "" {
		after["note"] = note
	}
	return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "portal_article", EntityID: a.ID, UnitID: unitID, After: after})
}

// Version is one saved state of an article.
type Version struct {
	Version   int64
	Action    string
	Status    Status
	Headline  string
	Lead      string
	Body      string
	Tags      []string
	PublishAt time.Time
	Note      string
	ChangedBy string
	At        time.Time
}

// Versions lists every version of an article, newest first (read on
// its site).
func (s *Store) Versions(ctx context.Context, p *auth.Principal, id int64) ([]Version, error) {
	if _, _, err := s.article(ctx, p, id, auth.PermRead); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT v.version, v.action, v.status, v.headline, v.lead, v.body, v.tags, v.publish_at, v.note,
		COALESCE(u.name, ''), v.created_at FROM portal_article_versions v LEFT JOIN users u ON u.id = v.changed_by
		WHERE v.article_id = ? ORDER BY v.version DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("portal: versions: %w", err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var tags, at string
		var publish sql.NullString
		if err := rows.Scan(&v.Version, &v.Action, &v.Status, &v.Headline, &v.Lead, &v.Body, &tags, &publish, &v.Note, &v.ChangedBy, &at); err != nil {
			return nil, fmt.Errorf("portal: versions: %w", err)
		}
		if tags != "" {
			v.Tags = strings.Split(tags, "\n")
		}
		if v.PublishAt, err = db.NullStamp(publish); err != nil {
			return nil, err
		}
		if v.At, err = db.ParseStamp(at); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// freeSlug returns want (or the headline's slug) made unique on the site
// by a number suffix.
func freeSlug(ctx context.Context, tx *db.Tx, siteID, self int64, want, headline string) (string, error) {
	base := want
	if base == "" {
		base = Slugify(headline)
	}
	if base == "" {
		base = "bai-viet"
	}
	for i := 1; i < 1000; i++ {
		slug := base
		if i > 1 {
			slug = base + "-" + strconv.Itoa(i)
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_articles WHERE site_id = ? AND slug = ? AND id <> ?", siteID, slug, self).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return slug, nil
		}
		if want != "" && i == 1 {
			return "", apperr.Invalid("slug", "portal.err.slug_taken")
		}
	}
	return "", apperr.Invalid("slug", "portal.err.slug_taken")
}

func setTags(ctx context.Context, tx *db.Tx, id int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM portal_article_tags WHERE article_id = ?", id); err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, "INSERT INTO portal_article_tags (article_id, slug, name) VALUES (?, ?, ?)", id, Slugify(t), t); err != nil {
			return err
		}
	}
	return nil
}

func searchFold(headline, lead, body string, tags []string) string {
	return vntext.Fold(headline + " " + lead + " " + TextOf(body) + " " + strings.Join(tags, " "))
}

// Filter chooses articles of a list.
type Filter struct {
	Status   Status   // editorial lists only; public lists show what is live
	Category Category // "" for every section
	Tag      string   // a tag's slug
	Month    string   // "2025-07": published in that month (Vietnam's time)
	Term     *Term    // published in that term
	Search   string   // diacritic-insensitive, in headline, lead, body and tags
	ID       int64    // this article only
	Exclude  int64    // an article to leave out
	NoTotal  bool     // the caller needs no total: it is not counted (0)
	Limit    int      // 0 means 20
	Offset   int
}

// where turns a filter into conditions on portal_articles a.
func (f Filter) where(conds []string, args []any) ([]string, []any, error) {
	if f.Category != "" {
		if !f.Category.Valid() {
			return nil, nil, apperr.Invalid("category", "portal.err.category")
		}
		conds, args = append(conds, "a.category = ?"), append(args, string(f.Category))
	}
	if f.Tag != "" {
		conds, args = append(conds, "a.id IN (SELECT article_id FROM portal_article_tags WHERE slug = ?)"), append(args, f.Tag)
	}
	if f.Month != "" {
		m, err := time.ParseInLocation("2006-01", f.Month, vntext.Zone)
		if err != nil {
			return nil, nil, apperr.Invalid("month", "portal.err.month")
		}
		conds = append(conds, "a.publish_at >= ? AND a.publish_at < ?")
		args = append(args, db.Stamp(m), db.Stamp(m.AddDate(0, 1, 0)))
	}
	if f.Term != nil {
		conds = append(conds, "a.publish_at >= ? AND a.publish_at < ?")
		args = append(args, db.Stamp(f.Term.Start()), db.Stamp(f.Term.End()))
	}
	if q := vntext.Fold(f.Search); q != "" {
		for w := range strings.FieldsSeq(q) {
			conds, args = append(conds, `a.search_fold LIKE ? ESCAPE '\'`), append(args, "%"+db.EscapeLike(w)+"%")
		}
	}
	if f.ID != 0 {
		conds, args = append(conds, "a.id = ?"), append(args, f.ID)
	}
	if f.Exclude != 0 {
		conds, args = append(conds, "a.id <> ?"), append(args, f.Exclude)
	}
	return conds, args, nil
}

// list runs a list query over portal_articles a with conds.
// Without total it counts nothing: COUNT(*) OVER () reads every matching
// row however small the page (a home page's lists need no total).
func (s *Store) list(ctx context.Context, conds []string, args []any, order string, limit, offset int, total bool) ([]Article, int, error) {
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	var n int
	count := ", COUNT(*) OVER ()"
	if !total {
		count = ", 0"
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+listArticleCols+count+" FROM portal_articles a WHERE "+
		strings.Join(conds, " AND ")+" ORDER BY "+order+" LIMIT ? OFFSET ?", append(args, limit, max(offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("portal: list: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows, &n)
		if err != nil {
			return nil, 0, fmt.Errorf("portal: list: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("portal: list: %w", err)
	}
	ptrs := make([]*Article, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if err := s.fillImages(ctx, ptrs); err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// Articles lists a site's articles for its editors (read on the site),
// newest change first.
func (s *Store) Articles(ctx context.Context, p *auth.Principal, siteID int64, f Filter) ([]Article, int, error) {
	if _, err := s.Site(ctx, p, siteID); err != nil {
		return nil, 0, err
	}
	conds, args := []string{"a.site_id = ?"}, []any{siteID}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, 0, apperr.Invalid("status", "portal.err.status")
		}
		conds, args = append(conds, "a.status = ?"), append(args, string(f.Status))
	}
	conds, args, err := f.where(conds, args)
	if err != nil {
		return nil, 0, err
	}
	return s.list(ctx, conds, args, "a.updated_at DESC, a.id DESC", f.Limit, f.Offset, !f.NoTotal)
}

// live are the conditions of what the public sees at now.
func live(now time.Time) ([]string, []any) {
	return []string{"a.status = 'published'", "a.publish_at <= ?"}, []any{db.Stamp(now)}
}

// PublicArticles lists what is live on a site (0: on every site),
// newest first.
func (s *Store) PublicArticles(ctx context.Context, siteID int64, f Filter) ([]Article, int, error) {
	conds, args := live(s.db.Now())
	if siteID != 0 {
		conds, args = append(conds, "a.site_id = ?"), append(args, siteID)
	}
	conds, args, err := f.where(conds, args)
	if err != nil {
		return nil, 0, err
	}
	return s.list(ctx, conds, args, "a.publish_at DESC, a.id DESC", f.Limit, f.Offset, !f.NoTotal)
}

// PublicArticle returns a live article of a site by its slug.
func (s *Store) PublicArticle(ctx context.Context, siteID int64, slug string) (Article, error) {
	if !validSlug(slug) {
		return Article{}, apperr.NotFound("portal.err.article_not_found")
	}
	conds, args := live(s.db.Now())
	a, err := scanArticle(s.db.QueryRowContext(ctx, "SELECT "+articleCols+" FROM portal_articles a WHERE a.site_id = ? AND a.slug = ? AND "+
		strings.Join(conds, " AND "), append([]any{siteID, slug}, args...)...))
	if errors.Is(err, db.ErrNotFound) {
		return Article{}, apperr.NotFound("portal.err.article_not_found")
	}
	if err != nil {
		return Article{}, fmt.Errorf("portal: article %s: %w", slug, err)
	}
	if err := s.fillImages(ctx, []*Article{&a}); err != nil {
		return Article{}, err
	}
	return a, nil
}

// Related lists live articles of the same site that share a tag with a,
// else its section, newest first.
func (s *Store) Related(ctx context.Context, a Article, n int) ([]Article, error) {
	conds, args := live(s.db.Now())
	conds = append(conds, "a.site_id = ?", "a.id <> ?")
	args = append(args, a.SiteID, a.ID)
	if len(a.Tags) > 0 {
		slugs := make([]any, len(a.Tags))
		for i, t := range a.Tags {
			slugs[i] = Slugify(t)
		}
		c := append(conds, "a.id IN (SELECT article_id FROM portal_article_tags WHERE slug IN ("+db.Placeholders(len(slugs))+"))")
		out, _, err := s.list(ctx, c, append(append([]any{}, args...), slugs...), "a.publish_at DESC, a.id DESC", n, 0, false)
		if err != nil || len(out) > 0 {
			return out, err
		}
	}
	out, _, err := s.list(ctx, append(conds, "a.category = ?"), append(args, string(a.Category)), "a.publish_at DESC, a.id DESC", n, 0, false)
	return out, err
}

// Month is a month of a site's archive with how many articles it holds.
type Month struct {
	Code  string // "2025-07"
	Year  int
	Month int
	Count int
}

// ArchiveMonths lists the months that hold live articles of a site,
// newest first.
func (s *Store) ArchiveMonths(ctx context.Context, siteID int64) ([]Month, error) {
	conds, args := live(s.db.Now())
	rows, err := s.db.QueryContext(ctx, "SELECT a.publish_at FROM portal_articles a WHERE a.site_id = ? AND "+strings.Join(conds, " AND ")+
		" ORDER BY a.publish_at DESC", append([]any{siteID}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("portal: archive: %w", err)
	}
	defer rows.Close()
	var out []Month
	for rows.Next() {
		var at string
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		t, err := db.ParseStamp(at)
		if err != nil {
			return nil, err
		}
		code := t.In(vntext.Zone).Format("2006-01")
		if len(out) > 0 && out[len(out)-1].Code == code {
			out[len(out)-1].Count++
			continue
		}
		l := t.In(vntext.Zone)
		out = append(out, Month{Code: code, Year: l.Year(), Month: int(l.Month()), Count: 1})
	}
	return out, rows.Err()
}

// ArchiveTerms lists the Party committee terms of a site's live
// articles, newest first, with their counts.
func (s *Store) ArchiveTerms(ctx context.Context, siteID int64) ([]TermCount, error) {
	months, err := s.ArchiveMonths(ctx, siteID)
	if err != nil {
		return nil, err
	}
	var out []TermCount
	for _, m := range months {
		t := TermOf(time.Date(m.Year, time.Month(m.Month), 15, 0, 0, 0, 0, vntext.Zone))
		if len(out) > 0 && out[len(out)-1].Term == t {
			out[len(out)-1].Count += m.Count
			continue
		}
		out = append(out, TermCount{Term: t, Count: m.Count})
	}
	return out, nil
}

// TermCount is a term of the archive with how many articles it holds.
type TermCount struct {
	Term  Term
	Count int
}

// Tag is a tag with its URL form.
type Tag struct{ Slug, Name string }

// PublicTag returns the name of a tag of a site's live articles.
func (s *Store) PublicTag(ctx context.Context, siteID int64, slug string) (Tag, error) {
	conds, args := live(s.db.Now())
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT t.name FROM portal_article_tags t JOIN portal_articles a ON a.id = t.article_id WHERE t.slug = ? AND a.site_id = ? AND "+
		strings.Join(conds, " AND ")+" ORDER BY a.publish_at DESC LIMIT 1", append([]any{slug, siteID}, args...)...).Scan(&name)
	if errors.Is(err, db.ErrNotFound) {
		return Tag{}, apperr.NotFound("portal.err.tag_not_found")
	}
	if err != nil {
		return Tag{}, fmt.Errorf("portal: tag: %w", err)
	}
	return Tag{Slug: slug, Name: name}, nil
}

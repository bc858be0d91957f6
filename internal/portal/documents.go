package portal

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/document"
)

// Listed documents (Văn bản): a leader of a site's unit lists documents
// the unit issued through the register (package document); the site
// shows each with its type, number, issuer, date and summary, and serves
// its PDF to anyone. A voided document is not shown.

// ListedDocument is a document a site shows.
type ListedDocument struct {
	document.Record
	Listed time.Time
}

func (s *Store) documents() *document.Store {
	return document.NewStore(s.db, s.units, s.auth, s.files, document.Settings{})
}

// ListDocument puts document docID on site siteID (approve on the site's
// unit; the document must be issued by that unit, be readable by p and
// stand, not voided).
func (s *Store) ListDocument(ctx context.Context, p *auth.Principal, siteID, docID int64) error {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return err
	}
	if err := s.require(ctx, p, auth.PermApprove, st.UnitID); err != nil {
		return err
	}
	rec, err := s.documents().Get(ctx, p, docID)
	if err != nil {
		return err
	}
	if rec.UnitID != st.UnitID || rec.Void != nil {
		return apperr.Invalid("document", "portal.err.document_unit")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_documents WHERE site_id = ? AND document_id = ?", siteID, docID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("portal.err.document_listed")
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO portal_documents (site_id, document_id, listed_by, listed_at) VALUES (?, ?, ?, ?)",
			siteID, docID, p.User.ID, db.Stamp(tx.Now())); err != nil {
			return err
		}
		if err := bump(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "list", Entity: "portal_document", EntityID: docID, UnitID: st.UnitID,
			After: map[string]any{"site_id": siteID, "number": rec.Number}})
	})
	if err != nil {
		return wrap(err, "list document")
	}
	s.forget(siteID)
	return nil
}

// UnlistDocument takes a document off a site (approve on its unit).
func (s *Store) UnlistDocument(ctx context.Context, p *auth.Principal, siteID, docID int64) error {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return err
	}
	if err := s.require(ctx, p, auth.PermApprove, st.UnitID); err != nil {
		return err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM portal_documents WHERE site_id = ? AND document_id = ?", siteID, docID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.NotFound("portal.err.document_not_found")
		}
		if err := bump(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "unlist", Entity: "portal_document", EntityID: docID, UnitID: st.UnitID,
			Before: map[string]any{"site_id": siteID}})
	})
	if err != nil {
		return wrap(err, "unlist document")
	}
	s.forget(siteID)
	return nil
}

// PublicDocuments lists what a site shows, newest issue first (at most
// 200), without the voided ones.
func (s *Store) PublicDocuments(ctx context.Context, siteID int64) ([]ListedDocument, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT pd.document_id, pd.listed_at FROM portal_documents pd JOIN documents d ON d.id = pd.document_id
		WHERE pd.site_id = ? ORDER BY d.issued_on DESC, d.id DESC LIMIT 200`, siteID)
	if err != nil {
		return nil, fmt.Errorf("portal: documents: %w", err)
	}
	type row struct {
		id     int64
		listed time.Time
	}
	var ids []row
	for rows.Next() {
		var r row
		var at string
		if err := rows.Scan(&r.id, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("portal: documents: %w", err)
		}
		if r.listed, err = db.ParseStamp(at); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("portal: documents: %w", err)
	}
	ds := s.documents()
	var out []ListedDocument
	for _, r := range ids {
		// The register is read as the system: the listing is what makes
		// the document public.
		rec, err := ds.Get(ctx, auth.System(), r.id)
		if err != nil {
			return nil, err
		}
		if rec.Void == nil {
			out = append(out, ListedDocument{Record: rec, Listed: r.listed})
		}
	}
	return out, nil
}

// PublicDocumentFile returns the PDF of a document a site lists, to
// anyone.
func (s *Store) PublicDocumentFile(ctx context.Context, siteID, docID int64) (document.File, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_documents WHERE site_id = ? AND document_id = ?", siteID, docID).Scan(&n)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return document.File{}, fmt.Errorf("portal: document file: %w", err)
	}
	if n == 0 {
		return document.File{}, apperr.NotFound("portal.err.document_not_found")
	}
	ds := s.documents()
	rec, err := ds.Get(ctx, auth.System(), docID)
	if err != nil {
		return document.File{}, err
	}
	if rec.Void != nil {
		return document.File{}, apperr.NotFound("portal.err.document_not_found")
	}
	return ds.Open(ctx, auth.System(), docID, document.FilePDF)
}

package document

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// Void is the revocation (thu hồi) of an issued document: the register
// row and its files stay as issued, and its number stays used (numbers
// have no gaps), but the document no longer stands.
type Void struct {
	Reason string
	By     int64 // the user who revoked it, 0 when unknown
	At     time.Time
}

// maxVoidReason bounds the reason for a revocation, in characters.
const maxVoidReason = 500

// Void revokes issued document id for reason: in one transaction, with
// its audit entry. A document is revoked at most once, and a revoked
// document is not replaced by a correction. Needs the write permission
// on the issuing unit; a document p may not read is not found.
func (s *Store) Void(ctx context.Context, p *auth.Principal, id int64, reason string) (Record, error) {
	rec, err := s.Get(ctx, p, id)
	if err != nil {
		return Record{}, err
	}
	if err := s.requireWrite(ctx, p, rec.UnitID); err != nil {
		return Record{}, err
	}
	reason = cleanLine(reason)
	if reason == "" || utf8.RuneCountInString(reason) > maxVoidReason {
		return Record{}, apperr.Invalid("reason", "document.err.void_reason", maxVoidReason)
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		v, err := voidOf(ctx, tx, id)
		if err != nil {
			return err
		}
		if v != nil {
			return apperr.Conflict("document.err.voided", showDay(v.At.In(Zone)))
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO document_voids (document_id, reason, voided_by, voided_at) VALUES (?, ?, ?, ?)`,
			id, reason, db.NullID(p.User.ID), db.Stamp(tx.Now()))
		if errors.Is(err, db.ErrConflict) {
			return apperr.Conflict("document.err.voided", showDay(tx.Now().In(Zone)))
		}
		if err != nil {
			return fmt.Errorf("document: void %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "void", Entity: "document", EntityID: id, UnitID: rec.UnitID,
			Before: map[string]any{"number": rec.Number}, After: map[string]any{"number": rec.Number, "reason": reason}})
	})
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, p, id)
}

// voidOf reads the revocation of document id, nil when it stands.
func voidOf(ctx context.Context, q db.Querier, id int64) (*Void, error) {
	var v Void
	var at string
	err := q.QueryRowContext(ctx, `SELECT reason, COALESCE(voided_by, 0), voided_at FROM document_voids WHERE document_id = ?`, id).
		Scan(&v.Reason, &v.By, &at)
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("document: void of %d: %w", id, err)
	}
	if v.At, err = db.ParseStamp(at); err != nil {
		return nil, err
	}
	return &v, nil
}

// fillVoids sets the revocations of recs, whose ids are ids.
func (s *Store) fillVoids(ctx context.Context, recs []*Record, ids []any) error {
	rows, err := s.db.QueryContext(ctx, `SELECT document_id, reason, COALESCE(voided_by, 0), voided_at FROM document_voids
		WHERE document_id IN (`+db.Placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return fmt.Errorf("document: voids: %w", err)
	}
	defer rows.Close()
	voids := map[int64]*Void{}
	for rows.Next() {
		var v Void
		var doc int64
		var at string
		if err := rows.Scan(&doc, &v.Reason, &v.By, &at); err != nil {
			return fmt.Errorf("document: voids: %w", err)
		}
		if v.At, err = db.ParseStamp(at); err != nil {
			return err
		}
		voids[doc] = &v
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("document: voids: %w", err)
	}
	for _, r := range recs {
		r.Void = voids[r.ID]
	}
	return nil
}

package meeting

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// MaxDocument is the largest document accepted, in bytes.
const MaxDocument = 20 << 20

func (s *Store) documents(ctx context.Context, confID int64) ([]Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, conference_id, kind, name, content_type, size, created_at, blob_key
		FROM meeting_documents WHERE conference_id = ? ORDER BY id`, confID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Document
	for rows.Next() {
		var d Document
		var kind, created string
		if err := rows.Scan(&d.ID, &d.ConferenceID, &kind, &d.Name, &d.ContentType, &d.Size, &created, &d.key); err != nil {
			return nil, err
		}
		d.Kind = DocKind(kind)
		if d.CreatedAt, err = db.ParseStamp(created); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// AddDocument stores data as a document of conference confID, for a
// caller who may write on its unit: the file goes to the bucket first,
// then its row; a failed row leaves at most an unreferenced file.
func (s *Store) AddDocument(ctx context.Context, p *auth.Principal, confID int64, kind DocKind, name, contentType string, data []byte) (Document, error) {
	c, err := s.head(ctx, confID)
	if err != nil {
		return Document{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, c.UnitID, "meeting.err.forbidden_write"); err != nil {
		return Document{}, err
	}
	if s.files == nil {
		return Document{}, apperr.Invalid("file", "meeting.err.no_storage")
	}
	var es apperr.Errors
	if !kind.Valid() {
		es.Add("kind", "meeting.err.doc_kind")
	}
	name = clean(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if name == "" || name == "." || name == "/" {
		es.Add("file", "meeting.err.doc_file")
	}
	if len(data) == 0 {
		es.Add("file", "meeting.err.doc_empty")
	} else if len(data) > MaxDocument {
		es.Add("file", "meeting.err.doc_large")
	}
	if err := es.Err(); err != nil {
		return Document{}, err
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return Document{}, fmt.Errorf("meeting: document key: %w", err)
	}
	key := fmt.Sprintf("meeting/%d/%s", confID, hex.EncodeToString(b[:]))
	unitID := c.UnitID
	if err := s.files.WriteAll(ctx, key, data); err != nil {
		return Document{}, fmt.Errorf("meeting: write document: %w", err)
	}
	d := Document{ConferenceID: confID, Kind: kind, Name: name, ContentType: contentType, Size: int64(len(data)), key: key}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err := tx.InsertID(ctx, `INSERT INTO meeting_documents (conference_id, kind, name, blob_key, content_type, size, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, confID, string(kind), name, key, contentType, d.Size, db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		d.ID, d.CreatedAt = id, tx.Now()
		return audit.Record(ctx, tx, audit.Entry{Action: "attach", Entity: "conference", EntityID: confID, UnitID: unitID,
			After: map[string]any{"document": name, "kind": kind, "size": d.Size}})
	})
	if err != nil {
		if derr := s.files.Delete(ctx, key); derr != nil {
			err = errors.Join(err, fmt.Errorf("delete orphan %s: %w", key, derr))
		}
		return Document{}, fmt.Errorf("meeting: add document: %w", err)
	}
	return d, nil
}

// OpenDocument returns document docID of conference confID and its bytes,
// to a caller who may read the conference.
func (s *Store) OpenDocument(ctx context.Context, p *auth.Principal, confID, docID int64) (Document, []byte, error) {
	c, err := s.head(ctx, confID)
	if err != nil {
		return Document{}, nil, err
	}
	if err := s.require(ctx, p, auth.PermRead, c.UnitID, "meeting.err.forbidden_read"); err != nil {
		return Document{}, nil, err
	}
	ds, err := s.documents(ctx, confID)
	if err != nil {
		return Document{}, nil, fmt.Errorf("meeting: document: %w", err)
	}
	for _, d := range ds {
		if d.ID == docID {
			if s.files == nil {
				return Document{}, nil, apperr.NotFound("meeting.err.doc_not_found")
			}
			data, err := s.files.ReadAll(ctx, d.key)
			if err != nil {
				return Document{}, nil, fmt.Errorf("meeting: read document: %w", err)
			}
			return d, data, nil
		}
	}
	return Document{}, nil, apperr.NotFound("meeting.err.doc_not_found")
}

package kit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// A form refused for another field's error must not lose the file chosen
// with it: the file is kept as pending for the session that sent it (table
// pending_uploads, content in the file store), the form shows it again as
// "đã chọn: tên tệp" with a box to remove it, and carries its token in
// <field>-cho; the next submission takes it as if it were sent again.
const (
	// PendingTTL is how long a pending file waits for its form.
	PendingTTL = 2 * time.Hour
	// pendingSuffix names the hidden field with a pending file's token,
	// dropSuffix the box that removes it.
	pendingSuffix = "-cho"
	dropSuffix    = "-bo"
	pendingPrefix = "pending/"
	// pendingSweep bounds the expired files removed at a time.
	pendingSweep = 50
)

// PendingFile is a file a refused form had received, shown again with
// the form.
type PendingFile struct {
	Field, Token, Name string
	Size               int64
}

// Upload is a form's file: sent with this request or pending from a
// refused one. Close it after use; Done removes a pending file once the
// form is saved.
type Upload struct {
	Name    string
	Body    io.ReadCloser
	pending string // token, "" for a file sent now
}

// Close closes the file's content.
func (u *Upload) Close() error { return u.Body.Close() }

// KeepUpload keeps the file of field that a refused form carried (sent
// now, or pending already) for the session, reading at most max bytes of
// it; nil when there is none, or when it is larger than max (the form's
// own check says so). Call it when answering a refused form, and show the
// result with the "pending-file" template.
func (k *Kit) KeepUpload(r *http.Request, p *auth.Principal, field string, max int64) (*PendingFile, error) {
	if p == nil || p.SessionID == 0 {
		return nil, nil
	}
	ctx := r.Context()
	file, hdr, err := r.FormFile(field)
	switch {
	case errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart):
		if r.PostFormValue(field+dropSuffix) != "" {
			return nil, nil
		}
		return k.pendingFile(ctx, p, field, r.PostFormValue(field+pendingSuffix))
	case err != nil:
		return nil, nil // an unreadable part is the form's own error
	}
	defer file.Close()
	if hdr.Size > max {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(file, max+1))
	if err != nil || int64(len(data)) > max {
		return nil, nil
	}
	k.sweepPending(ctx)
	pf := &PendingFile{Field: field, Token: RandomHex(16), Name: cleanFileName(hdr.Filename), Size: int64(len(data))}
	key := pendingPrefix + pf.Token
	if err := k.Files.WriteAll(ctx, key, data); err != nil {
		return nil, fmt.Errorf("kit: keep pending file: %w", err)
	}
	now := k.now()
	_, err = k.DB.ExecContext(ctx, `INSERT INTO pending_uploads (token, session_id, field, name, size, blob_key, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, pf.Token, p.SessionID, field, pf.Name, pf.Size, key, db.Stamp(now), db.Stamp(now.Add(PendingTTL)))
	if err != nil {
		_ = k.Files.Delete(ctx, key)
		return nil, fmt.Errorf("kit: keep pending file: %w", err)
	}
	return pf, nil
}

// FormUpload returns the file of field: the one sent with this request,
// else the pending one the form names (of this session, not expired, not
// removed by its box); ok is false when there is neither.
func (k *Kit) FormUpload(r *http.Request, p *auth.Principal, field string) (u *Upload, ok bool, err error) {
	file, hdr, err := r.FormFile(field)
	switch {
	case err == nil:
		return &Upload{Name: hdr.Filename, Body: file}, true, nil
	case !errors.Is(err, http.ErrMissingFile) && !errors.Is(err, http.ErrNotMultipart):
		return nil, false, apperr.Invalid(field, "file.err.read")
	}
	if p == nil || r.PostFormValue(field+dropSuffix) != "" {
		return nil, false, nil
	}
	pf, err := k.pendingFile(r.Context(), p, field, r.PostFormValue(field+pendingSuffix))
	if err != nil || pf == nil {
		return nil, false, err
	}
	data, err := k.Files.ReadAll(r.Context(), pendingPrefix+pf.Token)
	if blob.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("kit: read pending file: %w", err)
	}
	return &Upload{Name: pf.Name, Body: io.NopCloser(bytes.NewReader(data)), pending: pf.Token}, true, nil
}

// Done removes the pending file u came from, once its form is saved.
func (k *Kit) Done(ctx context.Context, u *Upload) {
	if u == nil || u.pending == "" {
		return
	}
	if _, err := k.DB.ExecContext(ctx, `DELETE FROM pending_uploads WHERE token = ?`, u.pending); err != nil {
		k.Log.Warn("kit: remove a used pending file", "err", err)
		return
	}
	_ = k.Files.Delete(ctx, pendingPrefix+u.pending)
}

// pendingFile finds the pending file token names for this session and
// field, nil when there is none (or it expired).
func (k *Kit) pendingFile(ctx context.Context, p *auth.Principal, field, token string) (*PendingFile, error) {
	if token == "" || len(token) > 64 {
		return nil, nil
	}
	pf := PendingFile{Field: field, Token: token}
	err := k.DB.QueryRowContext(ctx, `SELECT name, size FROM pending_uploads
		WHERE token = ? AND session_id = ? AND field = ? AND expires_at > ?`,
		token, p.SessionID, field, db.Stamp(k.now())).Scan(&pf.Name, &pf.Size)
	if errors.Is(err, db.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kit: find pending file: %w", err)
	}
	return &pf, nil
}

// sweepPending removes expired pending files (a bounded number at a
// time: every new pending file sweeps some).
func (k *Kit) sweepPending(ctx context.Context) {
	rows, err := k.DB.QueryContext(ctx, `SELECT token, blob_key FROM pending_uploads WHERE expires_at <= ? ORDER BY expires_at LIMIT ?`,
		db.Stamp(k.now()), pendingSweep)
	if err != nil {
		k.Log.Warn("kit: sweep pending files", "err", err)
		return
	}
	var tokens, keys []string
	for rows.Next() {
		var t, key string
		if rows.Scan(&t, &key) == nil {
			tokens, keys = append(tokens, t), append(keys, key)
		}
	}
	rows.Close()
	for i, t := range tokens {
		if err := k.Files.Delete(ctx, keys[i]); err != nil && !blob.IsNotFound(err) {
			k.Log.Warn("kit: sweep a pending file", "err", err)
			continue
		}
		if _, err := k.DB.ExecContext(ctx, `DELETE FROM pending_uploads WHERE token = ?`, t); err != nil {
			k.Log.Warn("kit: sweep a pending file", "err", err)
		}
	}
}

// cleanFileName keeps the base of a file's name, valid UTF-8, at most
// 200 bytes.
func cleanFileName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.ToValidUTF8(name, "")
	for len(name) > 200 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "." || name == "/" {
		return ""
	}
	return name
}

// FileSize writes a size in bytes the Vietnamese way: "850 KB", "8 MB",
// "10,8 MB".
func FileSize(n int64) string {
	switch {
	case n < 1<<20:
		return vntext.FormatInt((n+1023)>>10) + " KB"
	case n%(1<<20) == 0:
		return vntext.FormatInt(n>>20) + " MB"
	}
	return vntext.FormatNumber(float64(n)/(1<<20), 1) + " MB"
}

package practice

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // decoders for thumbnails
	"image/jpeg"
	_ "image/png"
	"io"
	"log/slog"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/image/draw"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/picture"
	"github.com/danvan/danvan/internal/upload"
)

// Limits on evidence files.
const (
	MaxFileSize   = 8 << 20 // bytes per file
	ThumbSize     = 480     // a thumbnail's longer side, in pixels
	filesPerModel = 50
	// PendingGrace is how old a pending upload must be before Sweep
	// treats it as abandoned by a crash.
	PendingGrace = time.Hour
)

// allowedTypes maps the sniffed content types that are accepted to the
// extension of the stored object.
var allowedTypes = map[string]string{
	"image/jpeg":      ".jpg",
	"image/png":       ".png",
	"image/gif":       ".gif",
	"application/pdf": ".pdf",
}

// Upload is an evidence file to add.
type Upload struct {
	Name    string    // the file name as sent; only its base is kept
	Body    io.Reader // read to the end, at most MaxFileSize bytes
	Caption string
}

// AddFile stores an evidence file of model id (write permission on the
// owning unit; not for a stopped model). The type is decided by the
// content, never by the name: JPEG, PNG, GIF or PDF, at most MaxFileSize
// bytes; an image gets a thumbnail. A refused file leaves nothing behind.
//
// Crash safety: the row is written first, in state 'pending', then the
// objects are stored, then the row is marked 'ready' (with its audit
// row). Only ready rows are ever listed or served, so a crash at any point
// leaves at most a pending row and objects nobody sees; Sweep removes
// them later.
func (s *Store) AddFile(ctx context.Context, p *auth.Principal, id int64, up Upload) (File, error) {
	pr, err := s.readable(ctx, p, id)
	if err != nil {
		return File{}, err
	}
	if err := s.requireWrite(ctx, p, pr.UnitID); err != nil {
		return File{}, err
	}
	if pr.Status == Stopped {
		return File{}, apperr.Conflict("practice.err.stopped_edit")
	}
	if s.files == nil {
		return File{}, errors.New("practice: no file storage")
	}
	up.Caption = clean(up.Caption)
	if utf8.RuneCountInString(up.Caption) > 300 {
		return File{}, apperr.Invalid("caption", "practice.err.file_caption")
	}
	data, err := io.ReadAll(io.LimitReader(up.Body, MaxFileSize+1))
	if err != nil {
		return File{}, fmt.Errorf("practice: read upload: %w", err)
	}
	if len(data) == 0 {
		return File{}, apperr.Invalid("file", "practice.err.file_empty")
	}
	if len(data) > MaxFileSize {
		return File{}, apperr.Invalid("file", "practice.err.file_large")
	}
	ctype := blob.SniffType(data)
	ext, ok := allowedTypes[ctype]
	if !ok {
		return File{}, apperr.Invalid("file", "practice.err.file_type")
	}
	f := File{PracticeID: id, Name: cleanFileName(up.Name, ext), ContentType: ctype, Size: int64(len(data)), Caption: up.Caption}
	var thumb []byte
	if strings.HasPrefix(ctype, "image/") {
		if thumb, f.Width, f.Height, err = makeThumb(data); err != nil {
			return File{}, err
		}
		f.HasThumb = true
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM practice_files WHERE practice_id = ?", id).Scan(&n); err != nil {
		return File{}, fmt.Errorf("practice: count files: %w", err)
	}
	if n >= filesPerModel {
		return File{}, apperr.Conflict("practice.err.file_many")
	}

	base := fmt.Sprintf("practice/%d/%s", id, randomHex(12))
	key, thumbKey := base+ext, ""
	if thumb != nil {
		thumbKey = base + "-thumb.jpg"
	}
	// 1. The pending row.
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		f.CreatedAt = tx.Now()
		f.ID, err = tx.InsertID(ctx, `INSERT INTO practice_files (practice_id, state, blob_key, thumb_key, name, content_type,
			size, width, height, caption, created_at) VALUES (?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, key, thumbKey, f.Name, f.ContentType, f.Size, f.Width, f.Height, f.Caption, db.Stamp(tx.Now()))
		return err
	})
	if err != nil {
		return File{}, fmt.Errorf("practice: add file: %w", err)
	}
	// 2. The objects.
	err = s.files.WriteAll(ctx, key, data)
	if err == nil && thumb != nil {
		err = s.files.WriteAll(ctx, thumbKey, thumb)
	}
	if err == nil && s.afterStore != nil {
		s.afterStore()
	}
	// 3. Ready.
	if err == nil {
		err = s.db.WithTx(ctx, func(tx *db.Tx) error {
			res, err := tx.ExecContext(ctx, "UPDATE practice_files SET state = 'ready' WHERE id = ? AND state = 'pending'", f.ID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return errors.New("pending row is gone (swept?)")
			}
			return audit.Record(ctx, tx, audit.Entry{Action: "add_file", Entity: "practice", EntityID: id, UnitID: pr.UnitID,
				After: map[string]any{"file_id": f.ID, "name": f.Name, "content_type": f.ContentType, "size": f.Size}})
		})
	}
	if err != nil {
		s.discard(context.WithoutCancel(ctx), f.ID, key, thumbKey)
		return File{}, fmt.Errorf("practice: add file: %w", err)
	}
	// Uploads that a crash left pending long ago go now; a failure here
	// takes nothing from this upload, so it is only logged.
	if _, err := s.SweepPending(ctx, PendingGrace); err != nil {
		slog.WarnContext(ctx, "practice: sweep pending uploads", slog.Any("err", err))
	}
	return f, nil
}

// discard removes a failed upload's objects and pending row, best effort
// (Sweep catches whatever it leaves).
func (s *Store) discard(ctx context.Context, fileID int64, keys ...string) {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if err := s.files.Delete(ctx, k); err != nil && !blob.IsNotFound(err) {
			slog.WarnContext(ctx, "practice: discard upload object", slog.String("key", k), slog.Any("err", err))
		}
	}
	if _, err := s.db.ExecContext(ctx, "DELETE FROM practice_files WHERE id = ? AND state = 'pending'", fileID); err != nil {
		slog.WarnContext(ctx, "practice: discard pending row", slog.Int64("file_id", fileID), slog.Any("err", err))
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("practice: crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

// cleanFileName keeps the base of a sent name, without control
// characters, with the extension the content deserves.
func cleanFileName(name, ext string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, clean(name))
	stem := strings.TrimSuffix(name, path.Ext(name))
	if stem == "" || stem == "." || stem == "/" {
		stem = "minh-chung"
	}
	if utf8.RuneCountInString(stem) > 120 {
		stem = string([]rune(stem)[:120])
	}
	return stem + ext
}

const fileCols = "id, practice_id, name, content_type, size, width, height, caption, thumb_key, created_at"

func scanFile(r scanner) (File, error) {
	var f File
	var thumb, created string
	if err := r.Scan(&f.ID, &f.PracticeID, &f.Name, &f.ContentType, &f.Size, &f.Width, &f.Height, &f.Caption, &thumb, &created); err != nil {
		return f, err
	}
	f.HasThumb = thumb != ""
	var err error
	f.CreatedAt, err = db.ParseStamp(created)
	return f, err
}

// Files returns the stored (ready) evidence files of model id, which p
// may read.
func (s *Store) Files(ctx context.Context, p *auth.Principal, id int64) ([]File, error) {
	if _, err := s.readable(ctx, p, id); err != nil {
		return nil, err
	}
	return s.readyFiles(ctx, id, false)
}

// PublicPhotos returns the photos of model id when it is public (the
// public page shows photos only, never documents).
func (s *Store) PublicPhotos(ctx context.Context, id int64) ([]File, error) {
	pr, err := load(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	if !pr.Status.Public() {
		return nil, apperr.NotFound("practice.err.not_found")
	}
	return s.readyFiles(ctx, id, true)
}

// files_ lists the ready files of a model, only images when images.
func (s *Store) readyFiles(ctx context.Context, id int64, images bool) ([]File, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+fileCols+" FROM practice_files WHERE practice_id = ? AND state = 'ready' ORDER BY id", id)
	if err != nil {
		return nil, fmt.Errorf("practice: files: %w", err)
	}
	defer rows.Close()
	var out []File
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, fmt.Errorf("practice: files: %w", err)
		}
		if !images || f.IsImage() {
			out = append(out, f)
		}
	}
	return out, rows.Err()
}

// OpenFile returns ready file fileID of model practiceID, which p may
// read, and its content, or its thumbnail when thumb is set. The caller
// closes the reader.
func (s *Store) OpenFile(ctx context.Context, p *auth.Principal, practiceID, fileID int64, thumb bool) (File, io.ReadCloser, error) {
	if _, err := s.readable(ctx, p, practiceID); err != nil {
		return File{}, nil, err
	}
	return s.open(ctx, practiceID, fileID, thumb)
}

// OpenPublicThumb returns the thumbnail of photo fileID of model
// practiceID when the model is public.
func (s *Store) OpenPublicThumb(ctx context.Context, practiceID, fileID int64) (File, io.ReadCloser, error) {
	pr, err := load(ctx, s.db, practiceID)
	if err != nil {
		return File{}, nil, err
	}
	if !pr.Status.Public() {
		return File{}, nil, apperr.NotFound("practice.err.not_found")
	}
	return s.open(ctx, practiceID, fileID, true)
}

// open reads a ready file of a model, without a permission check.
func (s *Store) open(ctx context.Context, practiceID, fileID int64, thumb bool) (File, io.ReadCloser, error) {
	f, err := scanFile(s.db.QueryRowContext(ctx, "SELECT "+fileCols+" FROM practice_files WHERE id = ? AND practice_id = ? AND state = 'ready'",
		fileID, practiceID))
	var key, thumbKey string
	if err == nil {
		err = s.db.QueryRowContext(ctx, "SELECT blob_key, thumb_key FROM practice_files WHERE id = ?", fileID).Scan(&key, &thumbKey)
	}
	if errors.Is(err, db.ErrNotFound) {
		return File{}, nil, apperr.NotFound("practice.err.no_file")
	}
	if err != nil {
		return File{}, nil, fmt.Errorf("practice: open file: %w", err)
	}
	if thumb {
		if thumbKey == "" {
			return File{}, nil, apperr.NotFound("practice.err.no_file")
		}
		key = thumbKey
		f.ContentType = "image/jpeg"
	}
	if s.files == nil {
		return File{}, nil, errors.New("practice: no file storage")
	}
	r, err := s.files.NewReader(ctx, key)
	if err != nil {
		if blob.IsNotFound(err) {
			return File{}, nil, apperr.NotFound("practice.err.no_file")
		}
		return File{}, nil, fmt.Errorf("practice: open file %s: %w", key, err)
	}
	return f, r, nil
}

// Sweep removes what crashed uploads left: pending rows older than grace
// with their objects (SweepPending), and objects under practice/ older
// than grace that no row names (this lists the whole bucket: run it from
// a periodic job, not per request). It returns how many objects and rows
// it removed.
func (s *Store) Sweep(ctx context.Context, grace time.Duration) (int, error) {
	n, err := s.SweepPending(ctx, grace)
	if err != nil || s.files == nil {
		return n, err
	}
	cutoff := s.db.Now().Add(-grace)
	// Objects no row names (a row removed while its object stayed).
	for obj, err := range s.files.List(ctx, "practice/") {
		if err != nil {
			return n, fmt.Errorf("practice: sweep list: %w", err)
		}
		if obj.ModTime.After(cutoff) {
			continue
		}
		var c int
		if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM practice_files WHERE blob_key = ? OR thumb_key = ?", obj.Key, obj.Key).Scan(&c); err != nil {
			return n, fmt.Errorf("practice: sweep: %w", err)
		}
		if c == 0 {
			if err := s.files.Delete(ctx, obj.Key); err != nil && !blob.IsNotFound(err) {
				return n, fmt.Errorf("practice: sweep %s: %w", obj.Key, err)
			}
			n++
		}
	}
	return n, nil
}

// SweepPending removes pending upload rows older than grace (left by a
// crash between storing a file and marking its row ready) and their
// objects. It is cheap (one indexed query) and may run after each upload.
func (s *Store) SweepPending(ctx context.Context, grace time.Duration) (int, error) {
	if s.files == nil {
		return 0, nil
	}
	cutoff := s.db.Now().Add(-grace)
	rows, err := s.db.QueryContext(ctx, "SELECT id, blob_key, thumb_key FROM practice_files WHERE state = 'pending' AND created_at < ?", db.Stamp(cutoff))
	if err != nil {
		return 0, fmt.Errorf("practice: sweep: %w", err)
	}
	type pending struct {
		id         int64
		key, thumb string
	}
	var ps []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.id, &p.key, &p.thumb); err != nil {
			rows.Close()
			return 0, fmt.Errorf("practice: sweep: %w", err)
		}
		ps = append(ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("practice: sweep: %w", err)
	}
	n := 0
	for _, p := range ps {
		for _, k := range []string{p.key, p.thumb} {
			if k == "" {
				continue
			}
			if err := s.files.Delete(ctx, k); err == nil {
				n++
			} else if !blob.IsNotFound(err) {
				return n, fmt.Errorf("practice: sweep %s: %w", k, err)
			}
		}
		res, err := s.db.ExecContext(ctx, "DELETE FROM practice_files WHERE id = ? AND state = 'pending'", p.id)
		if err != nil {
			return n, fmt.Errorf("practice: sweep: %w", err)
		}
		if k, _ := res.RowsAffected(); k == 1 {
			n++
		}
	}
	return n, nil
}

// makeThumb checks that data is a decodable image of sane size and
// returns a JPEG thumbnail whose longer side is at most ThumbSize, with
// the image's size.
func makeThumb(data []byte) ([]byte, int, int, error) {
	// Its decoded size is bounded before any pixel is read.
	if _, _, err := upload.CheckImage(data); err != nil {
		if key, _ := apperr.KeyOf(err); key == "upload.err.pixels" {
			return nil, 0, 0, err
		}
		return nil, 0, 0, apperr.Invalid("file", "practice.err.file_image")
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, 0, 0, apperr.Invalid("file", "practice.err.file_image")
	}
	small := picture.Orient(downscale(img, ThumbSize), picture.Orientation(data))
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, small, &jpeg.Options{Quality: 82}); err != nil {
		return nil, 0, 0, fmt.Errorf("practice: encode thumbnail: %w", err)
	}
	b := img.Bounds()
	return buf.Bytes(), b.Dx(), b.Dy(), nil
}

// downscale shrinks img so that its longer side is at most size, with
// Catmull-Rom resampling (golang.org/x/image/draw), over a white
// background (for transparent PNG and GIF). Only pixels are copied: the
// JPEG written from it carries none of the original's EXIF or other
// metadata.
func downscale(img image.Image, size int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	tw, th := w, h
	if w >= h && w > size {
		tw, th = size, max(1, h*size/w)
	} else if h > w && h > size {
		tw, th = max(1, w*size/h), size
	}
	out := image.NewRGBA(image.Rect(0, 0, tw, th))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(out, out.Bounds(), img, b, draw.Over, nil)
	return out
}

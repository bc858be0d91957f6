package portal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/picture"
)

// Widths are the sizes an image is stored in: a list's thumbnail, a
// phone's column, a tablet's and a desktop's. The page offers them with
// srcset and lets the browser choose.
var Widths = []int{320, 640, 960, 1280}

// MaxImageSize bounds an uploaded image, in bytes.
const MaxImageSize = 10 << 20

// Image is an article's picture, stored in each of Widths narrower than
// the original and in the original's width when that is below the
// widest (never enlarged).
type Image struct {
	ID      int64
	SiteID  int64
	Widths  []int
	Width   int // of the largest stored size
	Height  int
	Name    string
	Alt     string
	keyBase string
}

// Largest is the widest stored size.
func (im Image) Largest() int { return im.Widths[len(im.Widths)-1] }

// HeightAt is the height of the size of width w.
func (im Image) HeightAt(w int) int {
	if im.Width == 0 {
		return 0
	}
	return im.Height * w / im.Width
}

// ImageUpload is a picture an editor sends.
type ImageUpload struct {
	Name string    // the file's name as sent
	Alt  string    // what the picture shows, for readers who cannot see it
	Body io.Reader // read to the end, at most MaxImageSize bytes
}

// AddImage stores a picture for site siteID (write on its unit): decoded
// (JPEG, PNG or GIF, by content), turned upright, and written again as
// JPEG in each of Widths that is not wider than the original. Nothing of
// the original file is kept: no EXIF survives. A refused file leaves
// nothing behind.
func (s *Store) AddImage(ctx context.Context, p *auth.Principal, siteID int64, up ImageUpload) (Image, error) {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return Image{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, st.UnitID); err != nil {
		return Image{}, err
	}
	alt := cleanLine(up.Alt)
	if tooLong(alt, 300) {
		return Image{}, apperr.Invalid("alt", "portal.err.too_long", 300)
	}
	data, err := io.ReadAll(io.LimitReader(up.Body, MaxImageSize+1))
	if err != nil {
		return Image{}, fmt.Errorf("portal: read image: %w", err)
	}
	if len(data) == 0 {
		return Image{}, apperr.Invalid("image", "portal.err.image_empty")
	}
	if len(data) > MaxImageSize {
		return Image{}, apperr.Invalid("image", "portal.err.image_large", MaxImageSize>>20)
	}
	if ct := blob.SniffType(data); ct != "image/jpeg" && ct != "image/png" && ct != "image/gif" {
		return Image{}, apperr.Invalid("image", "portal.err.image_type")
	}
	img, err := picture.Decode(data)
	if err != nil {
		return Image{}, apperr.Invalid("image", "portal.err.image_type")
	}
	b := img.Bounds()
	im := Image{SiteID: siteID, Name: imageName(up.Name), Alt: alt, keyBase: fmt.Sprintf("portal/%d/%s", siteID, randomHex(12))}
	files := map[int][]byte{}
	for _, w := range Widths {
		last := w >= b.Dx()
		if last {
			w = b.Dx() // the original's width, never enlarged
		}
		small := picture.Fit(img, w)
		jpg, err := picture.JPEG(small, 80)
		if err != nil {
			return Image{}, err
		}
		im.Widths = append(im.Widths, small.Bounds().Dx())
		im.Width, im.Height = small.Bounds().Dx(), small.Bounds().Dy()
		files[small.Bounds().Dx()] = jpg
		if last {
			break
		}
	}
	widths := make([]string, len(im.Widths))
	for i, w := range im.Widths {
		widths[i] = strconv.Itoa(w)
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		im.ID, err = tx.InsertID(ctx, `INSERT INTO portal_images (site_id, state, key_base, widths, width, height, name, alt, created_at)
			VALUES (?, 'pending', ?, ?, ?, ?, ?, ?, ?)`, siteID, im.keyBase, strings.Join(widths, ","), im.Width, im.Height, im.Name, im.Alt, db.Stamp(tx.Now()))
		return err
	})
	if err != nil {
		return Image{}, fmt.Errorf("portal: add image: %w", err)
	}
	for _, w := range im.Widths {
		if err = s.files.WriteAll(ctx, im.key(w), files[w]); err != nil {
			break
		}
	}
	if err == nil {
		err = s.db.WithTx(ctx, func(tx *db.Tx) error {
			if _, err := tx.ExecContext(ctx, "UPDATE portal_images SET state = 'ready' WHERE id = ?", im.ID); err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.Entry{Action: "add_image", Entity: "portal_site", EntityID: siteID, UnitID: st.UnitID,
				After: map[string]any{"image_id": im.ID, "name": im.Name, "widths": im.Widths}})
		})
	}
	if err != nil {
		s.discardImage(context.WithoutCancel(ctx), im)
		return Image{}, fmt.Errorf("portal: add image: %w", err)
	}
	return im, nil
}

func (im Image) key(w int) string { return im.keyBase + "-" + strconv.Itoa(w) + ".jpg" }

func (s *Store) discardImage(ctx context.Context, im Image) {
	for _, w := range im.Widths {
		if err := s.files.Delete(ctx, im.key(w)); err != nil && !blob.IsNotFound(err) {
			slog.WarnContext(ctx, "portal: discard image", slog.String("key", im.key(w)), slog.Any("err", err))
		}
	}
	if _, err := s.db.ExecContext(ctx, "DELETE FROM portal_images WHERE id = ? AND state = 'pending'", im.ID); err != nil {
		slog.WarnContext(ctx, "portal: discard image row", slog.Any("err", err))
	}
}

// imageName keeps the base of a sent name, without control characters
// or markup, at most 120 characters.
func imageName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`"<>&'`, r) {
			return -1
		}
		return r
	}, cleanLine(name))
	if name == "." || name == "/" || name == "" {
		name = "anh"
	}
	if utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:120])
	}
	return name
}

const imageCols = "id, site_id, key_base, widths, width, height, name, alt"

func scanImage(r interface{ Scan(...any) error }) (Image, error) {
	var im Image
	var widths string
	if err := r.Scan(&im.ID, &im.SiteID, &im.keyBase, &widths, &im.Width, &im.Height, &im.Name, &im.Alt); err != nil {
		return im, err
	}
	for w := range strings.SplitSeq(widths, ",") {
		n, err := strconv.Atoi(w)
		if err != nil {
			return im, fmt.Errorf("portal: image widths %q", widths)
		}
		im.Widths = append(im.Widths, n)
	}
	return im, nil
}

// checkImage accepts imageID (0 for none) as an article's picture: a
// ready image of the same site, not used by another article.
func (s *Store) checkImage(ctx context.Context, tx *db.Tx, siteID, articleID, imageID int64) error {
	if imageID == 0 {
		return nil
	}
	var site int64
	var owner *int64
	err := tx.QueryRowContext(ctx, "SELECT site_id, article_id FROM portal_images WHERE id = ? AND state = 'ready'", imageID).Scan(&site, &owner)
	if errors.Is(err, db.ErrNotFound) || (err == nil && (site != siteID || (owner != nil && *owner != articleID))) {
		return apperr.Invalid("image", "portal.err.image_choice")
	}
	return err
}

// fillImages sets each article's Image.
func (s *Store) fillImages(ctx context.Context, as []*Article) error {
	var ids []any
	for _, a := range as {
		if a.ImageID != 0 {
			ids = append(ids, a.ImageID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+imageCols+" FROM portal_images WHERE state = 'ready' AND id IN ("+db.Placeholders(len(ids))+")", ids...)
	if err != nil {
		return fmt.Errorf("portal: images: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*Image{}
	for rows.Next() {
		im, err := scanImage(rows)
		if err != nil {
			return fmt.Errorf("portal: images: %w", err)
		}
		byID[im.ID] = &im
	}
	for _, a := range as {
		a.Image = byID[a.ImageID]
	}
	return rows.Err()
}

// SiteImages lists the pictures of a site not yet used by an article,
// newest first, with the one of article (0 for none): what an editor
// may choose from (read on the site).
func (s *Store) SiteImages(ctx context.Context, p *auth.Principal, siteID, article int64) ([]Image, error) {
	if _, err := s.Site(ctx, p, siteID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+imageCols+" FROM portal_images WHERE site_id = ? AND state = 'ready' AND (article_id IS NULL OR article_id = ?) ORDER BY id DESC LIMIT 50", siteID, article)
	if err != nil {
		return nil, fmt.Errorf("portal: images: %w", err)
	}
	defer rows.Close()
	var out []Image
	for rows.Next() {
		im, err := scanImage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// OpenImage returns the JPEG of image id of a site at width w: to
// anyone when the image belongs to a live article (public is then true),
// else to whoever may read the site (an editor previewing a draft).
func (s *Store) OpenImage(ctx context.Context, p *auth.Principal, siteID, id int64, w int) (data []byte, public bool, err error) {
	im, err := scanImage(s.db.QueryRowContext(ctx, "SELECT "+imageCols+" FROM portal_images WHERE id = ? AND site_id = ? AND state = 'ready'", id, siteID))
	if errors.Is(err, db.ErrNotFound) {
		return nil, false, apperr.NotFound("portal.err.image_not_found")
	}
	if err != nil {
		return nil, false, fmt.Errorf("portal: image: %w", err)
	}
	conds, args := live(s.db.Now())
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_articles a WHERE a.image_id = ? AND "+strings.Join(conds, " AND "),
		append([]any{id}, args...)...).Scan(&n); err != nil {
		return nil, false, fmt.Errorf("portal: image: %w", err)
	}
	if n == 0 {
		if _, err := s.Site(ctx, p, siteID); err != nil {
			return nil, false, apperr.NotFound("portal.err.image_not_found")
		}
	}
	ok := false
	for _, x := range im.Widths {
		ok = ok || x == w
	}
	if !ok {
		return nil, false, apperr.NotFound("portal.err.image_not_found")
	}
	data, err = s.files.ReadAll(ctx, im.key(w))
	if blob.IsNotFound(err) {
		return nil, false, apperr.NotFound("portal.err.image_not_found")
	}
	return data, n > 0, err
}

package portal

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
)

var now = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)

type env struct {
	t     *testing.T
	d     *db.DB
	s     *Store
	w     *fixture.World
	ctx   context.Context
	clock *time.Time
	site  Site

	officer, leader, otherOfficer, otherLeader, viewer *auth.Principal
}

func newEnv(t *testing.T, d *db.DB) *env {
	t.Helper()
	w := fixture.NewWorld(t, d, now)
	clk := now
	d.SetClock(func() time.Time { return clk })
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	bucket, err := blob.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, d: d, w: w, ctx: ctx, clock: &clk, s: NewStore(d, w.Org, w.Auth, bucket)}
	e.officer = w.Person("officer.ls", auth.RoleOfficer, w.LangSon.ID)
	e.leader = w.Person("leader.ls", auth.RoleLeader, w.LangSon.ID)
	e.otherOfficer = w.Person("officer.st", auth.RoleOfficer, w.SocTrang.ID)
	e.otherLeader = w.Person("leader.st", auth.RoleLeader, w.SocTrang.ID)
	e.viewer = w.Person("viewer.ls", auth.RoleViewer, w.LangSon.ID)
	e.site, err = e.s.CreateSite(ctx, w.Admin, SiteInput{UnitID: w.LangSon.ID, Slug: "lang-son",
		Name: "Trang thông tin điện tử Ban Dân vận Tỉnh ủy Lạng Sơn", Email: "bdv@langson.org.vn"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) tick(d time.Duration) { *e.clock = e.clock.Add(d) }

func (e *env) article(headline string) Article {
	e.t.Helper()
	a, err := e.s.CreateArticle(e.ctx, e.officer, e.site.ID, ArticleInput{Category: News, Headline: headline,
		Lead: "Sáng 19/11, Ban Dân vận Tỉnh ủy tổ chức hội nghị.", Body: "<p>Đồng chí Nguyễn Văn A chủ trì.</p>", Tags: "Dân vận khéo, Hội nghị"})
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

func code(err error) apperr.Code { return apperr.CodeOf(err) }

func TestWorkflow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a := e.article("Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026")
		if a.Status != Draft || a.Slug != "hoi-nghi-so-ket-cong-tac-dan-van-6-thang-dau-nam-2026" {
			t.Fatalf("new article: %s %q", a.Status, a.Slug)
		}
		// A second article with the same headline gets its own slug.
		if b := e.article("Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026"); b.Slug != a.Slug+"-2" {
			t.Fatalf("second slug %q", b.Slug)
		}
		// An officer may not publish; a leader of another unit sees nothing.
		if _, err := e.s.Publish(e.ctx, e.officer, a.ID, a.Version, time.Time{}); code(err) != apperr.CodeForbidden {
			t.Fatalf("officer publishes: %v", err)
		}
		before := dbtest.Snapshot(t, d)
		if _, err := e.s.Publish(e.ctx, e.otherLeader, a.ID, a.Version, time.Time{}); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit's leader publishes: %v", err)
		}
		if _, err := e.s.UpdateArticle(e.ctx, e.otherOfficer, a.ID, ArticleInput{Category: News, Headline: "x", Body: "y", Version: a.Version}); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit's officer edits: %v", err)
		}
		if _, err := e.s.CreateArticle(e.ctx, e.otherOfficer, e.site.ID, ArticleInput{Category: News, Headline: "x", Body: "y"}); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit's officer writes: %v", err)
		}
		if _, err := e.s.CreateArticle(e.ctx, e.viewer, e.site.ID, ArticleInput{Category: News, Headline: "x", Body: "y"}); code(err) != apperr.CodeForbidden {
			t.Fatalf("viewer writes: %v", err)
		}
		if after := dbtest.Snapshot(t, d); after != before {
			t.Fatal("a refused call wrote something")
		}
		if _, _, err := e.s.Article(e.ctx, e.otherLeader, a.ID); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit reads a draft: %v", err)
		}

		a, err := e.s.Submit(e.ctx, e.officer, a.ID, a.Version)
		if err != nil || a.Status != Submitted {
			t.Fatalf("submit: %v %s", err, a.Status)
		}
		if _, err := e.s.Submit(e.ctx, e.officer, a.ID, a.Version); code(err) != apperr.CodeConflict {
			t.Fatalf("submit twice: %v", err)
		}
		r, err := e.s.Return(e.ctx, e.leader, a.ID, a.Version, "Bổ sung số liệu")
		if err != nil || r.Status != Draft {
			t.Fatalf("return: %v", err)
		}
		if a, err = e.s.Submit(e.ctx, e.officer, r.ID, r.Version); err != nil {
			t.Fatal(err)
		}
		// A stale version is refused.
		if _, err := e.s.Publish(e.ctx, e.leader, a.ID, a.Version-1, time.Time{}); code(err) != apperr.CodeConflict {
			t.Fatalf("stale publish: %v", err)
		}
		if _, err := e.s.PublicArticle(e.ctx, e.site.ID, a.Slug); code(err) != apperr.CodeNotFound {
			t.Fatalf("a submitted article is public: %v", err)
		}
		if a, err = e.s.Publish(e.ctx, e.leader, a.ID, a.Version, time.Time{}); err != nil || a.Status != Published {
			t.Fatalf("publish: %v", err)
		}
		if p, err := e.s.PublicArticle(e.ctx, e.site.ID, a.Slug); err != nil || p.Headline != a.Headline || !strings.Contains(p.Body, "chủ trì") {
			t.Fatalf("public article: %v %+v", err, p)
		}
		// Editing a published article takes it back to draft (off the site).
		ed, err := e.s.UpdateArticle(e.ctx, e.officer, a.ID, ArticleInput{Category: News, Headline: a.Headline + " (sửa)",
			Body: "<p>Sửa.</p>", Version: a.Version})
		if err != nil || ed.Status != Draft || ed.Slug != a.Slug {
			t.Fatalf("edit published: %v %s %q", err, ed.Status, ed.Slug)
		}
		if _, err := e.s.PublicArticle(e.ctx, e.site.ID, a.Slug); code(err) != apperr.CodeNotFound {
			t.Fatalf("an edited article stays public: %v", err)
		}
		if a, err = e.s.Publish(e.ctx, e.leader, ed.ID, ed.Version, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if a, err = e.s.Unpublish(e.ctx, e.leader, a.ID, a.Version, "Sai số liệu"); err != nil || a.Status != Unpublished {
			t.Fatalf("unpublish: %v", err)
		}
		if list, _, _ := e.s.PublicArticles(e.ctx, e.site.ID, Filter{}); len(list) != 0 {
			t.Fatalf("unpublished article listed: %d", len(list))
		}
		vs, err := e.s.Versions(e.ctx, e.viewer, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, v := range vs {
			actions = append(actions, v.Action)
		}
		if got := strings.Join(actions, ","); got != "unpublish,publish,update,publish,submit,return,submit,create" {
			t.Fatalf("versions: %s", got)
		}
		if vs[0].Note != "Sai số liệu" || vs[2].Headline != a.Headline {
			t.Fatalf("version contents: %+v", vs[0])
		}
		var audits int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM audit_log WHERE entity = 'portal_article' AND entity_id = ?", a.ID).Scan(&audits); err != nil {
			t.Fatal(err)
		}
		if audits != len(vs) {
			t.Fatalf("%d audit rows for %d versions", audits, len(vs))
		}
	})
}

func TestScheduledPublishing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a := e.article("Tin hẹn giờ")
		st0, err := e.s.Stamp(e.ctx, e.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		at := now.Add(2 * time.Hour)
		a, err = e.s.Publish(e.ctx, e.leader, a.ID, a.Version, at)
		if err != nil || !a.Scheduled(now) {
			t.Fatalf("schedule: %v %v", err, a.PublishAt)
		}
		if _, err := e.s.PublicArticle(e.ctx, e.site.ID, a.Slug); code(err) != apperr.CodeNotFound {
			t.Fatalf("scheduled article shown early: %v", err)
		}
		st1, _ := e.s.Stamp(e.ctx, e.site.ID)
		if st1.N == st0.N || !st1.NextDue.Equal(at) {
			t.Fatalf("stamp after scheduling: %+v (was %+v)", st1, st0)
		}
		e.tick(2*time.Hour + time.Second)
		p, err := e.s.PublicArticle(e.ctx, e.site.ID, a.Slug)
		if err != nil || p.ID != a.ID {
			t.Fatalf("scheduled article not shown at its time: %v", err)
		}
		st2, _ := e.s.Stamp(e.ctx, e.site.ID)
		if !st2.Changed.Equal(at) || !st2.NextDue.IsZero() {
			t.Fatalf("stamp after the moment: %+v", st2)
		}
		if _, err := e.s.Publish(e.ctx, e.leader, e.article("Quá xa").ID, 1, now.AddDate(2, 0, 0)); code(err) != apperr.CodeInvalid {
			t.Fatalf("scheduled two years ahead: %v", err)
		}
	})
}

// xss is a corpus of payloads that must come out inert.
var xss = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<svg/onload=alert(1)>`,
	`<a href="javascript:alert(1)">x</a>`,
	`<a href="JaVaScRiPt:alert(1)">x</a>`,
	`<a href="&#106;avascript:alert(1)">x</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<iframe src="https://evil.example"></iframe>`,
	`<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<object data="x.swf"></object><embed src="x.swf">`,
	`<form action="https://evil.example"><input name=x></form>`,
	`"><script>alert(1)</script>`,
	`<body onload=alert(1)>`,
	`<meta http-equiv="refresh" content="0;url=https://evil.example">`,
	`<base href="https://evil.example/">`,
	`<details open ontoggle=alert(1)>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
}

// inert reports whether sanitized HTML holds nothing that runs.
func inert(h string) bool {
	l := strings.ToLower(h)
	for _, bad := range []string{"<script", "<img", "<svg", "<iframe", "javascript:", "data:", "onerror", "onload", "onclick",
		"ontoggle", "<object", "<embed", "<form", "<input", "<meta", "<base", "<style", "style="} {
		if strings.Contains(l, bad) {
			return false
		}
	}
	return true
}

func TestSanitize(t *testing.T) {
	for _, p := range xss {
		if out := Sanitize(p); !inert(out) {
			t.Errorf("Sanitize(%q) = %q", p, out)
		}
		if out := Sanitize("<p>Lời dẫn</p>" + p + "<p>tiếp</p>"); !inert(out) || !strings.Contains(out, "Lời dẫn") {
			t.Errorf("Sanitize(around %q) = %q", p, out)
		}
	}
	// What is kept: the safe subset, links get nofollow.
	out := Sanitize(`<h2>Kết quả</h2><p><strong>5.112</strong> hộ <a href="https://dangcongsan.vn/x">xem</a></p><ul><li>một</li></ul>`)
	for _, want := range []string{"<h2>Kết quả</h2>", "<strong>5.112</strong>", `href="https://dangcongsan.vn/x"`, `rel="nofollow"`, "<li>một</li>"} {
		if !strings.Contains(out, want) {
			t.Errorf("Sanitize lost %q: %s", want, out)
		}
	}
	// Plain text becomes paragraphs, escaped.
	if out := Sanitize("Dòng một\n\n1 < 2 & 3"); out != "<p>Dòng một</p>\n<p>1 &lt; 2 &amp; 3</p>" {
		t.Errorf("plain text: %q", out)
	}
}

func TestSanitizeStored(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		for i, p := range xss {
			a, err := e.s.CreateArticle(e.ctx, e.officer, e.site.ID, ArticleInput{Category: News, Headline: "Tin " + p,
				Lead: p, Body: "<p>Nội dung " + fmt.Sprint(i) + "</p>" + p, Tags: "thẻ"})
			if err != nil {
				t.Fatalf("%q: %v", p, err)
			}
			if !inert(a.Body) {
				t.Errorf("stored body of %q: %q", p, a.Body)
			}
			// Headline and lead are plain text: kept as typed, escaped by
			// every page (html/template), never sanitized into HTML.
			if !strings.HasPrefix(a.Headline, "Tin ") || !validSlug(a.Slug) {
				t.Errorf("headline %q slug %q", a.Headline, a.Slug)
			}
		}
		// Feedback is plain text as well, kept as typed and escaped by pages.
		if _, err := e.s.SendFeedback(e.ctx, e.site.ID, FeedbackInput{Name: xss[0], Email: "a@b.vn", Body: xss[1], Addr: "192.0.2.7"}); err != nil {
			t.Fatal(err)
		}
		// A file name loses markup characters.
		if n := imageName(`..\..\<img src=x onerror=alert(1)>.jpg`); strings.ContainsAny(n, `<>"'&/\`) {
			t.Errorf("image name %q", n)
		}
	})
}

func TestFeedback(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a := e.article("Tin có phản hồi")
		a, _ = e.s.Submit(e.ctx, e.officer, a.ID, a.Version)
		a, _ = e.s.Publish(e.ctx, e.leader, a.ID, a.Version, time.Time{})
		send := func(addr, body, trap string) (bool, error) {
			return e.s.SendFeedback(e.ctx, e.site.ID, FeedbackInput{ArticleID: a.ID, Name: "Nguyễn Thị B", Email: "b@example.vn", Body: body, Trap: trap, Addr: addr})
		}
		// The honeypot: accepted in silence, nothing kept.
		if kept, err := send("192.0.2.9", "Spam", "http://spam.example"); err != nil || kept {
			t.Fatalf("honeypot: %v %v", kept, err)
		}
		for i := range FeedbackPerHour {
			if kept, err := send("192.0.2.10", fmt.Sprintf("Ý kiến %d: bọn lừa đảo", i), ""); err != nil || !kept {
				t.Fatalf("feedback %d: %v", i, err)
			}
		}
		before := dbtest.Snapshot(t, d)
		if _, err := send("192.0.2.10", "Một ý kiến nữa", ""); code(err) != apperr.CodeInvalid {
			t.Fatalf("past the hourly limit: %v", err)
		}
		if _, err := e.s.SendFeedback(e.ctx, e.site.ID, FeedbackInput{Name: "", Email: "not-an-address", Body: "", Addr: "192.0.2.11"}); code(err) != apperr.CodeInvalid {
			t.Fatalf("empty feedback: %v", err)
		}
		if dbtest.Snapshot(t, d) != before {
			t.Fatal("refused feedback wrote something")
		}
		// Another address may still send; an hour later the first may too.
		if _, err := send("192.0.2.12", "Cảm ơn", ""); err != nil {
			t.Fatal(err)
		}
		e.tick(time.Hour + time.Minute)
		if _, err := send("192.0.2.10", "Sau một giờ", ""); err != nil {
			t.Fatalf("an hour later: %v", err)
		}
		// Nothing shows before moderation; the queue shows flagged words.
		if pub, _ := e.s.PublicFeedback(e.ctx, e.site.ID, a.ID); len(pub) != 0 {
			t.Fatalf("unmoderated feedback shown: %d", len(pub))
		}
		if _, _, err := e.s.FeedbackQueue(e.ctx, e.officer, e.site.ID, FeedbackPending, 0); code(err) != apperr.CodeForbidden {
			t.Fatalf("officer reads the queue: %v", err)
		}
		if _, _, err := e.s.FeedbackQueue(e.ctx, e.otherLeader, e.site.ID, FeedbackPending, 0); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit reads the queue: %v", err)
		}
		q, n, err := e.s.FeedbackQueue(e.ctx, e.leader, e.site.ID, FeedbackPending, 0)
		if err != nil || n != FeedbackPerHour+2 {
			t.Fatalf("queue: %v %d", err, n)
		}
		if strings.Join(q[0].Flags, ",") != "lua dao" || q[0].Email != "b@example.vn" || q[0].Headline != a.Headline {
			t.Fatalf("queue row: %+v", q[0])
		}
		if err := e.s.Moderate(e.ctx, e.otherLeader, q[0].ID, true, ""); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit moderates: %v", err)
		}
		if err := e.s.Moderate(e.ctx, e.leader, q[0].ID, true, "Cảm ơn bạn đọc."); err != nil {
			t.Fatal(err)
		}
		if err := e.s.Moderate(e.ctx, e.leader, q[0].ID, false, ""); code(err) != apperr.CodeConflict {
			t.Fatalf("moderate twice: %v", err)
		}
		if err := e.s.Moderate(e.ctx, e.leader, q[1].ID, false, ""); err != nil {
			t.Fatal(err)
		}
		pub, err := e.s.PublicFeedback(e.ctx, e.site.ID, a.ID)
		if err != nil || len(pub) != 1 || pub[0].Email != "" || pub[0].Reply != "Cảm ơn bạn đọc." {
			t.Fatalf("public feedback: %v %+v", err, pub)
		}
		var addrs int
		if err := d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM portal_feedback WHERE addr_hash LIKE '%192.0.2%'").Scan(&addrs); err != nil || addrs != 0 {
			t.Fatalf("an address is stored: %v %d", err, addrs)
		}
	})
}

func TestViews(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		a := e.article("Tin được đọc")
		e.s.views.last = time.Now().Add(time.Hour) // no flush in the background
		reader := "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
		for range 5 {
			e.s.CountView(a.ID, reader)
		}
		for _, bot := range []string{"", "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", "facebookexternalhit/1.1",
			"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36"} {
			e.s.CountView(a.ID, bot)
		}
		if n := e.s.PendingViews(a.ID); n != 5 {
			t.Fatalf("pending %d", n)
		}
		if err := e.s.FlushViews(e.ctx); err != nil {
			t.Fatal(err)
		}
		e.s.CountView(a.ID, reader)
		if err := e.s.FlushViews(e.ctx); err != nil {
			t.Fatal(err)
		}
		got, _, err := e.s.Article(e.ctx, e.officer, a.ID)
		if err != nil || got.Views != 6 || e.s.PendingViews(a.ID) != 0 {
			t.Fatalf("views %d pending %d: %v", got.Views, e.s.PendingViews(a.ID), err)
		}
	})
}

// exifJPEG is a JPEG of w×h with an EXIF segment (orientation 6, a
// camera name) inserted after its start marker.
func exifJPEG(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	// TIFF little endian, IFD at 8 with two entries: orientation 6, make.
	tiff := []byte("II*\x00\x08\x00\x00\x00\x02\x00" +
		"\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00" +
		"\x0f\x01\x02\x00\x08\x00\x00\x00\x26\x00\x00\x00" +
		"\x00\x00\x00\x00" + "SECRETCAM\x00")
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	data := buf.Bytes()
	return append(append(append([]byte{}, data[:2]...), app1...), data[2:]...)
}

func TestImages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		src := exifJPEG(t, 1000, 700)
		if !bytes.Contains(src, []byte("SECRETCAM")) {
			t.Fatal("test image has no EXIF")
		}
		if _, err := e.s.AddImage(e.ctx, e.otherOfficer, e.site.ID, ImageUpload{Name: "a.jpg", Body: bytes.NewReader(src)}); code(err) != apperr.CodeNotFound {
			t.Fatalf("other unit uploads: %v", err)
		}
		if _, err := e.s.AddImage(e.ctx, e.officer, e.site.ID, ImageUpload{Name: "a.txt", Body: strings.NewReader("not an image at all")}); code(err) != apperr.CodeInvalid {
			t.Fatalf("text as image: %v", err)
		}
		im, err := e.s.AddImage(e.ctx, e.officer, e.site.ID, ImageUpload{Name: "hoi-nghi.jpg", Alt: "Quang cảnh hội nghị", Body: bytes.NewReader(src)})
		if err != nil {
			t.Fatal(err)
		}
		// Orientation 6 turns 1000×700 into 700×1000: sizes 320, 640 and
		// the original 700.
		if fmt.Sprint(im.Widths) != "[320 640 700]" || im.Width != 700 || im.Height != 1000 {
			t.Fatalf("widths %v %d×%d", im.Widths, im.Width, im.Height)
		}
		a, err := e.s.CreateArticle(e.ctx, e.officer, e.site.ID, ArticleInput{Category: News, Headline: "Có ảnh", Body: "x", ImageID: im.ID})
		if err != nil {
			t.Fatal(err)
		}
		// Before publishing only the site's readers may open it.
		if _, _, err := e.s.OpenImage(e.ctx, nil, e.site.ID, im.ID, 320); code(err) != apperr.CodeNotFound {
			t.Fatalf("anonymous opens a draft's image: %v", err)
		}
		a, _ = e.s.Submit(e.ctx, e.officer, a.ID, a.Version)
		if _, err := e.s.Publish(e.ctx, e.leader, a.ID, a.Version, time.Time{}); err != nil {
			t.Fatal(err)
		}
		for _, w := range im.Widths {
			data, public, err := e.s.OpenImage(e.ctx, nil, e.site.ID, im.ID, w)
			if err != nil || !public {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte("Exif")) || bytes.Contains(data, []byte("SECRETCAM")) {
				t.Fatalf("width %d keeps EXIF", w)
			}
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != w {
				t.Fatalf("width %d: %v %d", w, err, cfg.Width)
			}
		}
		if _, _, err := e.s.OpenImage(e.ctx, nil, e.site.ID, im.ID, 123); code(err) != apperr.CodeNotFound {
			t.Fatalf("an unknown width: %v", err)
		}
		// Another article may not take the same image.
		if _, err := e.s.CreateArticle(e.ctx, e.officer, e.site.ID, ArticleInput{Category: News, Headline: "Lấy ảnh", Body: "x", ImageID: im.ID}); code(err) != apperr.CodeInvalid {
			t.Fatalf("image reused: %v", err)
		}
	})
}

func TestArchiveAndSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pub := func(h string) Article {
			a := e.article(h)
			a, _ = e.s.Submit(e.ctx, e.officer, a.ID, a.Version)
			a, err := e.s.Publish(e.ctx, e.leader, a.ID, a.Version, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		pub("Hội nghị tổng kết năm 2026 của Khối Dân vận")
		e.tick(40 * 24 * time.Hour)
		b := pub("Mô hình tiếng kẻng an ninh được nhân rộng")
		months, err := e.s.ArchiveMonths(e.ctx, e.site.ID)
		if err != nil || len(months) != 2 || months[0].Code != "2026-12" || months[1].Code != "2026-11" {
			t.Fatalf("months %v %+v", err, months)
		}
		list, n, err := e.s.PublicArticles(e.ctx, e.site.ID, Filter{Search: "tieng KENG"})
		if err != nil || n != 1 || list[0].ID != b.ID {
			t.Fatalf("search: %v %d", err, n)
		}
		list, n, _ = e.s.PublicArticles(e.ctx, e.site.ID, Filter{Month: "2026-11"})
		if n != 1 || list[0].Headline != "Hội nghị tổng kết năm 2026 của Khối Dân vận" {
			t.Fatalf("month filter: %d", n)
		}
		rel, err := e.s.Related(e.ctx, b, 5)
		if err != nil || len(rel) != 1 {
			t.Fatalf("related: %v %d", err, len(rel))
		}
		if tag, err := e.s.PublicTag(e.ctx, e.site.ID, "dan-van-kheo"); err != nil || tag.Name != "Dân vận khéo" {
			t.Fatalf("tag: %v %+v", err, tag)
		}
		if TermOf(now) != (Term{2025, 2030}) || TermOf(time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)) != (Term{2020, 2025}) {
			t.Fatal("terms")
		}
	})
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Hội nghị sơ kết 6 tháng đầu năm 2026":  "hoi-nghi-so-ket-6-thang-dau-nam-2026",
		"Đồng Đăng – Lạng Sơn: “Dân vận khéo”!": "dong-dang-lang-son-dan-van-kheo",
		"<script>": "script",
		"":         "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

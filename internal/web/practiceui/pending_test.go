package practiceui_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestRefusedRegistrationKeepsPhoto: a registration refused for another
// field keeps the chosen photo ("Đã chọn: hien-dat.png") for the session;
// sent again without choosing it, the model gets it and the pending copy
// goes; its box removes it; another session cannot take it, nor anyone
// once it expired. The file input carries the largest size for the
// browser's check. A 10.000-character name is refused as too long (not as
// missing), and "saved, but the photo was refused" is a warning.
func TestRefusedRegistrationKeepsPhoto(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		officer := w.As("officer.ql")
		fields := func(name string) map[string]string {
			return map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID), "name": name, "field": "economy",
				"owner_type": "collective", "owner_name": "Ban công tác Mặt trận thôn Bản Lấn", "started_on": "2023-05-01"}
		}
		photo := webtest.File{Field: "photo", Name: "hien-dat.png", Data: testPNG(t)}
		refused := func(extra map[string]string, files ...webtest.File) (token string) {
			t.Helper()
			f := fields("")
			for k, v := range extra {
				f[k] = v
			}
			res := officer.PostMultipart("/mo-hinh/moi", f, files...)
			page := webtest.Doc(t, res)
			if res.StatusCode != http.StatusBadRequest {
				t.Fatalf("a registration without a name = %d", res.StatusCode)
			}
			kept := page.Find(".pending-file")
			if !strings.Contains(kept.Text(), "Đã chọn:") || !strings.Contains(kept.Text(), "hien-dat.png") {
				t.Fatalf("the refused form does not show the chosen photo: %q", kept.Text())
			}
			if max := page.Find(`input[type=file][name=photo]`).AttrOr("data-max", ""); max != fmt.Sprint(practice.MaxFileSize) {
				t.Errorf("data-max %q", max)
			}
			if _, hidden := page.Find("[data-too-big]").Attr("hidden"); !hidden {
				t.Error("the browser's size message shows before any file is chosen")
			}
			return kept.Find(`input[name="photo-cho"]`).AttrOr("value", "")
		}
		images := func(res *http.Response) int {
			t.Helper()
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("register = %d: %s", res.StatusCode, webtest.Body(t, res))
			}
			return webtest.Doc(t, officer.Get(res.Header.Get("Location"))).Find(".pr-files img").Length()
		}

		token := refused(nil, photo)
		if token == "" || w.Count("pending_uploads") != 1 {
			t.Fatalf("token %q, %d pending rows", token, w.Count("pending_uploads"))
		}
		// Refused again with no new file: still kept, the same token.
		if again := refused(map[string]string{"photo-cho": token}); again != token {
			t.Errorf("refused twice: token %q, then %q", token, again)
		}
		// Another session does not get it.
		other := w.As("officer.ms").PostMultipart("/mo-hinh/moi", map[string]string{"unit_id": fmt.Sprint(w.Units.MaiSao.ID),
			"name": "Mô hình khác", "field": "economy", "owner_type": "collective", "owner_name": "Thôn", "started_on": "2023-05-01", "photo-cho": token})
		if other.StatusCode != http.StatusSeeOther || webtest.Doc(t, w.As("officer.ms").Get(other.Header.Get("Location"))).Find(".pr-files img").Length() != 0 {
			t.Error("another session took the pending photo")
		}
		// Sent again, fixed: the model has the photo, the pending copy goes.
		f := fields("Dân vận khéo trong hiến đất làm đường")
		f["photo-cho"] = token
		if n := images(officer.PostMultipart("/mo-hinh/moi", f)); n != 1 {
			t.Errorf("the kept photo did not reach the model: %d images", n)
		}
		if n := w.Count("pending_uploads"); n != 0 {
			t.Errorf("%d pending rows after use", n)
		}
		// Removed with its box: the model has no photo.
		token = refused(nil, photo)
		f = fields("Mô hình thứ hai")
		f["photo-cho"], f["photo-bo"] = token, "1"
		if n := images(officer.PostMultipart("/mo-hinh/moi", f)); n != 0 {
			t.Errorf("a removed photo was saved: %d images", n)
		}
		// Expired: not taken.
		token = refused(nil, photo)
		w.SetNow(w.Now().Add(3 * time.Hour))
		f = fields("Mô hình thứ ba")
		f["photo-cho"] = token
		if n := images(officer.PostMultipart("/mo-hinh/moi", f)); n != 0 {
			t.Errorf("an expired photo was saved: %d images", n)
		}

		// A name of 10.000 characters is too long, not missing.
		res := officer.PostMultipart("/mo-hinh/moi", fields(strings.Repeat("a", 10000)))
		msg := webtest.Doc(t, res).Find("#loi").Text()
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(msg, "10.000 ký tự") || strings.Contains(msg, "Chưa nhập") {
			t.Errorf("a 10.000-character name: %d %q", res.StatusCode, msg)
		}
		// Registered, but the file refused: a warning, not a success.
		res = officer.PostMultipart("/mo-hinh/moi", fields("Mô hình thứ tư"), webtest.File{Field: "photo", Name: "x.jpg", Data: []byte("MZ not a photo")})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("register with a bad file = %d", res.StatusCode)
		}
		flash := webtest.Doc(t, officer.Get(res.Header.Get("Location"))).Find("p.flash")
		if !flash.HasClass("warn") || !strings.Contains(flash.Text(), "chưa được lưu") {
			t.Errorf("the refused attachment's flash: class %q, %q", flash.AttrOr("class", ""), flash.Text())
		}
	})
}

// TestBrowserFileTooLargeBeforeSending: on a phone, a photo larger than
// a model takes is refused in the browser as soon as it is chosen (the
// catalog's message shows, the choice is cleared), before anything is
// sent.
func TestBrowserFileTooLargeBeforeSending(t *testing.T) {
	ctx := browsertest.New(t, 90*time.Second)
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	base := w.Serve()
	big := filepath.Join(t.TempDir(), "anh-lon.jpg")
	if err := os.WriteFile(big, make([]byte, practice.MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "officer.ql")
	err := chromedp.Do(ctx, chromedp.Navigate(base+"/mo-hinh/moi"), chromedp.WaitVisible(chromedp.CSS("#photo")),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{big}),
		chromedp.WaitVisible(chromedp.CSS("[data-too-big]")))
	if err != nil {
		t.Fatalf("choose a large photo: %v", err)
	}
	if msg := webtest.Text(t, ctx, "[data-too-big]"); !strings.Contains(msg, "lớn hơn 8 MB") {
		t.Errorf("message %q", msg)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById('photo').files.length`)); n != 0 {
		t.Error("the large file is still chosen")
	}
	webtest.Look(t, ctx, browsertest.Dir(t), "file-too-large")
}

package documentui_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestDraftIssueAndRevoke drafts a notice by hand through the pages,
// previews it, issues it (the register numbers it 01), reads its files,
// uploads a signed scan, revokes it with a reason, and finds it in the
// register and the API.
func TestDraftIssueAndRevoke(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.As("officer.ls")
		ls := itoa(s.Units.LangSon.ID)
		res := c.Get("/van-ban/soan?loai=free&don-vi=" + ls + "&kieu=TB")
		page := webtest.Doc(t, res)
		if res.StatusCode != http.StatusOK || page.Find("#draft-form textarea#part-body").Length() != 1 {
			t.Fatalf("draft page: %d\n%s", res.StatusCode, s.Logs())
		}
		if head := page.Find("#doc-preview .dc-head").Text(); !strings.Contains(head, "TỈNH ỦY LẠNG SƠN") || !strings.Contains(head, "-TB/BDVTU") {
			t.Errorf("preview header %q", head)
		}
		// A preview shows the typed text and writes nothing.
		before := s.Snapshot(volatile...)
		f := issueForm(s.Units.LangSon.ID, "Lịch tiếp dân tháng 3 năm 2026")
		f.Set("action", "xem")
		page = webtest.Doc(t, c.Post("/van-ban/soan", f))
		if got := page.Find("#doc-preview").Text(); !strings.Contains(got, "Lịch tiếp dân tháng 3 năm 2026") ||
			!strings.Contains(got, "K/T TRƯỞNG BAN") || !strings.Contains(got, "Hoàng Thị Lan") {
			t.Errorf("preview:\n%s", got)
		}
		f.Set("action", "pdf")
		if res := c.Post("/van-ban/soan", f); res.StatusCode != 200 || !strings.HasPrefix(webtest.Body(t, res), "%PDF") {
			t.Errorf("draft PDF: %d", res.StatusCode)
		}
		f.Set("action", "docx")
		if res := c.Post("/van-ban/soan", f); res.StatusCode != 200 || !strings.HasPrefix(webtest.Body(t, res), "PK") {
			t.Errorf("draft DOCX: %d", res.StatusCode)
		}
		// A draft without a signer is refused with the typed text kept.
		f.Set("action", "ban-hanh")
		f.Set("sign_name", "")
		res = c.Post("/van-ban/soan", f)
		page = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || page.Find("#part-body").Text() != f.Get("part.body") ||
			!strings.Contains(page.Find(".field-error").Text(), "họ tên người ký") {
			t.Errorf("refused issue: %d %q", res.StatusCode, page.Find(".field-error").Text())
		}
		s.Unchanged("previews and a refused issue", before, volatile...)

		id := s.issue(t, "Lịch tiếp dân tháng 3 năm 2026")
		page = webtest.Doc(t, c.Get("/van-ban/"+itoa(id)))
		if n := page.Find("#doc-number").Text(); n != "01-TB/BDVTU" {
			t.Errorf("number %q", n)
		}
		if res := c.Get("/van-ban/" + itoa(id) + "/tep/pdf"); res.StatusCode != 200 || !strings.HasPrefix(webtest.Body(t, res), "%PDF") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "01-TB-BDVTU.pdf") {
			t.Errorf("issued PDF: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
		}
		// A scan that is not a PDF or an image is refused; a PDF is kept.
		res = c.PostMultipart("/van-ban/"+itoa(id)+"/scan", nil, webtest.File{Field: "file", Name: "x.txt", Data: []byte("không phải bản scan")})
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("text scan: %d", res.StatusCode)
		}
		pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
		if res := c.PostMultipart("/van-ban/"+itoa(id)+"/scan", nil, webtest.File{Field: "file", Name: "ban-ky.pdf", Data: pdf}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("scan: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		if res := c.Get("/van-ban/" + itoa(id) + "/tep/scan"); res.StatusCode != 200 || !bytes.Equal([]byte(webtest.Body(t, res)), pdf) {
			t.Errorf("scan back: %d", res.StatusCode)
		}
		// Revoking needs a reason.
		if res := c.Post("/van-ban/"+itoa(id)+"/thu-hoi", url.Values{"reason": {" "}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("revoke without a reason: %d", res.StatusCode)
		}
		if res := c.Post("/van-ban/"+itoa(id)+"/thu-hoi", url.Values{"reason": {"Ban hành nhầm ngày"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("revoke: %d", res.StatusCode)
		}
		page = webtest.Doc(t, s.As("viewer.ls").Get("/van-ban/"+itoa(id)))
		if v := page.Find("#doc-void").Text(); !strings.Contains(v, "Ban hành nhầm ngày") || page.Find("#void-form").Length() != 0 {
			t.Errorf("revoked page: %q", v)
		}
		// The register: filtered, searched without diacritics, exported.
		page = webtest.Doc(t, s.As("viewer.ls").Get("/van-ban?q=lich+tiep+dan&loai=TB"))
		if page.Find("#doc-list tbody tr").Length() != 1 || !strings.Contains(page.Find("#doc-list").Text(), "01-TB/BDVTU") {
			t.Errorf("register search: %q", page.Find("main").Text())
		}
		if page := webtest.Doc(t, s.As("viewer.ls").Get("/van-ban?loai=BC")); page.Find("#doc-list").Length() != 0 {
			t.Error("the report filter shows the notice")
		}
		if res := s.As("viewer.ls").Get("/van-ban?tu=31/02/2026"); res.StatusCode != http.StatusBadRequest {
			t.Errorf("bad date: %d", res.StatusCode)
		}
		if res := s.As("viewer.ls").Get("/van-ban/so.xlsx?loai=TB"); res.StatusCode != 200 || !strings.HasPrefix(webtest.Body(t, res), "PK") {
			t.Errorf("register xlsx: %d", res.StatusCode)
		}
		status, body := s.API("GET", "/api/v1/documents?type=TB", s.Token("viewer.ls"), nil)
		items, _ := body["items"].([]any)
		if status != 200 || len(items) != 1 {
			t.Fatalf("API list: %d %v", status, body)
		}
		doc := items[0].(map[string]any)
		if doc["number"] != "01-TB/BDVTU" || doc["void"] == nil || doc["scan"] != true {
			t.Errorf("API document %v", doc)
		}
	})
}

// TestCorrectionFromTheRegister drafts a correction of an issued
// document from its page: the draft starts from the issued wording and,
// issued, replaces it with the next number.
func TestCorrectionFromTheRegister(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	id := s.issue(t, "Thông báo có sai sót")
	c := s.As("officer.ls")
	page := webtest.Doc(t, c.Get("/van-ban/soan?thay-the="+itoa(id)))
	if got := page.Find("#summary").Text(); got != "Thông báo có sai sót" {
		t.Errorf("correction summary %q", got)
	}
	if got := page.Find("#part-body").Text(); !strings.Contains(got, "lịch tiếp dân tháng 3") {
		t.Errorf("correction body %q", got)
	}
	f := issueForm(s.Units.LangSon.ID, "Thông báo (thay thế)")
	f.Set("thay-the", itoa(id))
	res := c.Post("/van-ban/soan", f)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("correction: %d %s", res.StatusCode, webtest.Body(t, res))
	}
	page = webtest.Doc(t, c.Get(res.Header.Get("Location")))
	if n := page.Find("#doc-number").Text(); n != "02-TB/BDVTU" {
		t.Errorf("correction number %q", n)
	}
	page = webtest.Doc(t, c.Get("/van-ban/"+itoa(id)))
	if !strings.Contains(page.Find("main").Text(), "đã được thay thế") {
		t.Error("the original does not say it was replaced")
	}
}

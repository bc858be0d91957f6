package commendui_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// The API records a decision, holds back a second award of the same
// achievement until it is confirmed, lists and reads decisions, revokes
// one, and lists a unit's awards.
func TestAPIRecordListRevoke(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dec := newSite(t, d)
		tok := s.Token("officer.langson")
		body := map[string]any{"unit_id": s.Units.LangSon.ID, "number": "900-QĐ/BDVTU", "signed_on": s.Now().Format("2006-01-02"),
			"signer": "Đoàn Thị Hậu", "form": "bang_khen", "period": "2025",
			"recipients": []map[string]any{{"kind": "unit", "unit_id": s.Units.NewChiLang.ID, "achievement": "Dẫn đầu phong trào “Dân vận khéo” năm 2025"}}}
		status, out := s.API(http.MethodPost, "/api/v1/commendations", tok, body)
		dups, _ := out["duplicates"].([]any)
		if status != http.StatusConflict || len(dups) != 1 {
			t.Fatalf("a second award for the same achievement: %d %v", status, out)
		}
		if n := s.Count("commendation_decisions"); n != 1 {
			t.Fatalf("a held-back decision was written: %d decisions", n)
		}
		body["confirm_duplicates"] = true
		status, out = s.API(http.MethodPost, "/api/v1/commendations", tok, body)
		if status != http.StatusCreated || out["number"] != "900-QĐ/BDVTU" || out["recipient_count"] != float64(1) {
			t.Fatalf("confirmed: %d %v", status, out)
		}
		id := int64(out["id"].(float64))
		// A bad day and an unknown field are refused with the field named.
		if status, out := s.API(http.MethodPost, "/api/v1/commendations", tok, map[string]any{"signed_on": "31/12/2025"}); status != http.StatusBadRequest {
			t.Errorf("a day written the Vietnamese way: %d %v", status, out)
		}
		status, out = s.API(http.MethodGet, "/api/v1/commendations?q=dan+van+kheo", tok, nil)
		if status != http.StatusOK || out["total"] != float64(2) {
			t.Fatalf("list: %d %v", status, out)
		}
		status, out = s.API(http.MethodGet, fmt.Sprintf("/api/v1/commendations/%d", dec.ID), tok, nil)
		rs, _ := out["recipients"].([]any)
		if status != http.StatusOK || len(rs) != 1 || out["status"] != "in_force" {
			t.Fatalf("read: %d %v", status, out)
		}
		revoke := map[string]any{"version": 1, "reason": "Trùng quyết định 812-QĐ/BDVTU", "revoked_on": s.Now().Format("2006-01-02")}
		status, out = s.API(http.MethodPost, fmt.Sprintf("/api/v1/commendations/%d/revoke", id), tok, revoke)
		if status != http.StatusOK || out["status"] != "revoked" {
			t.Fatalf("revoke: %d %v", status, out)
		}
		if status, _ := s.API(http.MethodPost, fmt.Sprintf("/api/v1/commendations/%d/revoke", id), tok, revoke); status != http.StatusConflict && status != http.StatusBadRequest {
			t.Errorf("revoked twice: %d", status)
		}
		status, out = s.API(http.MethodGet, fmt.Sprintf("/api/v1/units/%d/commendations", s.Units.NewChiLang.ID), s.Token("officer.chilang"), nil)
		if status != http.StatusOK || out["total"] != float64(2) {
			t.Fatalf("the commune's awards: %d %v", status, out)
		}
		if status, _ := s.API(http.MethodGet, "/api/v1/commendations", "", nil); status != http.StatusUnauthorized {
			t.Errorf("without a token: %d", status)
		}
	})
}

// Every API route of the feature, called by Sóc Trăng's officer and
// leader about Lạng Sơn's decision, is refused or shows nothing of it,
// and nothing is written.
func TestAPIEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dec := newSite(t, d)
		bodies := map[string]any{
			"POST /api/v1/commendations": map[string]any{"unit_id": s.Units.LangSon.ID, "number": "1-QĐ", "signed_on": "2026-01-01", "signer": "A", "form": "giay_khen",
				"recipients": []map[string]any{{"kind": "collective", "name": "Tổ", "achievement": "x"}}},
			"POST /api/v1/commendations/{id}/revoke": map[string]any{"version": 1, "reason": "x", "revoked_on": "2026-01-01"},
		}
		ids := map[string]int64{"/api/v1/commendations/": dec.ID, "/api/v1/units/": s.Units.NewChiLang.ID}
		routes := s.Routes("/api/v1/commendations", "/api/v1/people", "/api/v1/units")
		var ours []string
		for _, r := range routes {
			if strings.Contains(r, "commendations") {
				ours = append(ours, r)
			}
		}
		if len(ours) != 6 {
			t.Errorf("the feature mounts %d API routes, the test knows 6: %v", len(ours), ours)
		}
		for _, login := range []string{"officer.soctrang", "leader.soctrang"} {
			tok := s.Token(login)
			before := s.Snapshot("sessions", "api_tokens", "audit_log")
			for _, pattern := range ours {
				which := dec.ID
				for prefix, id := range ids {
					if strings.Contains(pattern, prefix+"{id}") {
						which = id
					}
				}
				method, path := s.Fill(pattern, "id", fmt.Sprint(which))
				if pattern == "GET /api/v1/commendations" {
					path += fmt.Sprintf("?unit=%d", s.Units.LangSon.ID)
				}
				res := s.APIResponse(method, path, tok, bodies[pattern])
				body := webtest.Body(t, res)
				switch {
				case res.StatusCode >= 500:
					t.Errorf("%s %s %s = %d", login, method, path, res.StatusCode)
				case res.StatusCode == http.StatusOK:
					if strings.Contains(body, "812-QĐ/BDVTU") || strings.Contains(body, "Dân vận khéo") {
						t.Errorf("%s %s %s shows Lạng Sơn's decision: %s", login, method, path, body)
					}
				case res.StatusCode < 400:
					t.Errorf("%s %s %s = %d: not refused", login, method, path, res.StatusCode)
				}
			}
			s.Unchanged(login+"'s refused calls", before, "sessions", "api_tokens", "audit_log")
		}
	})
}

package commendui_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
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

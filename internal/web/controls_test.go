package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// The outside tester's control characters: NUL and escape sequences were
// stored on SQLite and gave a 500 on PostgreSQL. In a form, a query or a
// JSON body they are now refused with the same clear message on both,
// and nothing is written; tab and line breaks in a description pass.
func TestControlCharactersRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d)
		unit := s.Units.NewChiLang.ID
		s.AddUser("can.bo", auth.RoleOfficer, unit)
		officer, token := s.As("can.bo"), s.Token("can.bo")
		model := func(name, description string) map[string]string {
			return map[string]string{"unit_id": fmt.Sprint(unit), "name": name, "field": "economy", "owner_type": "collective",
				"owner_name": "Chi hội Phụ nữ thôn Bản Lấn", "started_on": "01/03/2023", "description": description}
		}
		const msg = "ký tự điều khiển không được phép"
		before := s.Snapshot("sessions", "api_tokens")
		for _, c := range []struct {
			what string
			res  *http.Response
		}{
			{"a NUL in a name", officer.PostMultipart("/mo-hinh/moi", model("Tổ tự quản\x00", "Mô tả"))},
			{"an escape sequence in a description", officer.PostMultipart("/mo-hinh/moi", model("Tổ tự quản", "\x1b[2J\x1b[31mđỏ"))},
			{"a NUL in a search", officer.Get("/mo-hinh?q=%00")},
			{"invalid UTF-8 in a search", officer.Get("/mo-hinh?q=%ff")},
		} {
			body := webtest.Body(t, c.res)
			if c.res.StatusCode != http.StatusBadRequest || !strings.Contains(body, msg) {
				t.Errorf("%s: %d, want 400 saying %q", c.what, c.res.StatusCode, msg)
			}
		}
		for _, body := range []string{
			`{"unit_id":%d,"name":"Tổ tự quản\u0000","field":"economy","owner_type":"collective","owner_name":"X","started_on":"2023-03-01"}`,
			`{"unit_id":%d,"name":"Tổ tự quản\u001b[31m","field":"economy","owner_type":"collective","owner_name":"X","started_on":"2023-03-01"}`,
			`{"unit_id":%d,"name":"Tổ tự quản\b","field":"economy","owner_type":"collective","owner_name":"X","started_on":"2023-03-01"}`,
		} {
			code, out := s.API("POST", "/api/v1/practices", token, fmt.Sprintf(body, unit))
			e, _ := out["error"].(map[string]any)
			if code != http.StatusBadRequest || e["code"] != "invalid" || !strings.Contains(fmt.Sprint(e["message"]), msg) {
				t.Errorf("API %s: %d %v", body, code, out)
			}
		}
		s.Unchanged("refused control characters", before, "sessions", "api_tokens")
		// Tab and line breaks where text may span lines are kept.
		res := officer.PostMultipart("/mo-hinh/moi", model("Tổ tự quản", "Dòng một\r\n\tDòng hai"))
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("a description with a tab and a line break: %d", res.StatusCode)
		}
		// An escaped backslash is not an escape.
		code, out := s.API("POST", "/api/v1/practices", token, fmt.Sprintf(`{"unit_id":%d,"name":"Tổ \\u0000 tự quản","field":"economy","owner_type":"collective","owner_name":"X","started_on":"2023-03-01"}`, unit))
		if code != http.StatusCreated {
			t.Errorf("an escaped backslash: %d %v", code, out)
		}
	})
}

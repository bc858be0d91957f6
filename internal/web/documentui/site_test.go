package documentui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/web/webtest"
)

// volatile are the tables every request may write (sessions, tokens).
var volatile = []string{"sessions", "api_tokens"}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// site is the fixture server with issuer codes for Lạng Sơn and Sóc
// Trăng and their staff: officer.ls and viewer.ls of Lạng Sơn's board,
// officer.st and leader.st of Sóc Trăng's.
type site struct {
	*webtest.Site
	store *document.Store
}

func newSite(t *testing.T, d *db.DB, opts ...webtest.Option) *site {
	t.Helper()
	s := &site{Site: webtest.New(t, d, opts...)}
	u := s.Units
	s.AddUser("officer.ls", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("viewer.ls", auth.RoleViewer, u.LangSon.ID)
	s.AddUser("officer.st", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.st", auth.RoleLeader, u.SocTrang.ID)
	s.store = document.NewStore(d, s.Org, s.Auth, s.Files, document.DefaultSettings())
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	for _, is := range []document.Issuer{
		{UnitID: u.LangSon.ID, From: u.LangSon.ValidFrom, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"},
		{UnitID: u.SocTrang.ID, From: u.SocTrang.ValidFrom, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Sóc Trăng", Place: "Sóc Trăng"},
	} {
		if _, err := s.store.SetIssuer(ctx, auth.System(), is); err != nil {
			t.Fatalf("issuer: %v", err)
		}
	}
	return s
}

// issueForm is the draft form of a notice written by hand for unit.
func issueForm(unit int64, summary string) url.Values {
	return url.Values{"loai": {"free"}, "don-vi": {itoa(unit)}, "kieu": {"TB"}, "summary": {summary},
		"part.body": {"Ban Dân vận thông báo lịch tiếp dân tháng 3.\nĐề nghị các đơn vị thực hiện."},
		"sign_mode": {"deputy"}, "sign_for": {"Trưởng ban"}, "sign_title": {"Phó Trưởng ban"}, "sign_name": {"Hoàng Thị Lan"},
		"recipients": {"Ban Dân vận Trung ương\nLưu Văn phòng"}, "action": {"ban-hanh"}}
}

// issue issues a notice of Lạng Sơn through the page as officer.ls and
// returns its register row's id.
func (s *site) issue(t *testing.T, summary string) int64 {
	t.Helper()
	res := s.As("officer.ls").Post("/van-ban/soan", issueForm(s.Units.LangSon.ID, summary))
	body := webtest.Body(t, res)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue: %d\n%s", res.StatusCode, body)
	}
	loc := res.Header.Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/van-ban/"), 10, 64)
	if err != nil {
		t.Fatalf("issue went to %q", loc)
	}
	return id
}

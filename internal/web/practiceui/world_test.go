package practiceui_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/webtest"
)

// now is "today" for the registry's web tests: mid-2024, when the
// fixture's districts still stand between the provinces and the communes.
var now = time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// world is the webtest site with the accounts the registry's tests use,
// their principals for setting data up through the store, and the store.
type world struct {
	*webtest.Site
	store *practice.Store
	ctx   context.Context
	p     map[string]*auth.Principal
}

// newWorld builds the site at now with: officers of the communes Quang
// Lang, Mai Sao and Đồng Đăng, leaders of the districts Chi Lăng and Cao
// Lộc, and a disabled officer of Quang Lang (its session, client and
// token made while it was still active).
func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	s := webtest.New(t, d, webtest.At(now))
	w := &world{Site: s, store: practice.NewStore(d, s.Org, s.Auth, s.Files),
		ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), p: map[string]*auth.Principal{}}
	for _, x := range []struct {
		login string
		role  auth.Role
		unit  int64
	}{
		{"officer.ql", auth.RoleOfficer, s.Units.QuangLang.ID},
		{"officer.ms", auth.RoleOfficer, s.Units.MaiSao.ID},
		{"officer.dd", auth.RoleOfficer, s.Units.DongDang.ID},
		{"leader.cl", auth.RoleLeader, s.Units.ChiLang.ID},
		{"leader.clo", auth.RoleLeader, s.Units.CaoLoc.ID},
		{"disabled", auth.RoleOfficer, s.Units.QuangLang.ID},
	} {
		s.AddUser(x.login, x.role, x.unit)
		w.p[x.login] = s.Principal(x.login)
	}
	return w
}

// disable turns the account login off.
func (w *world) disable(login string) {
	w.T.Helper()
	u, err := w.Auth.UserByLogin(w.ctx, auth.System(), login)
	if err != nil {
		w.T.Fatal(err)
	}
	if _, err := w.Auth.SetActive(w.ctx, auth.System(), u.ID, u.Version, false); err != nil {
		w.T.Fatal(err)
	}
}

// Names of the models models makes, and internal details no outsider
// may see.
const (
	registeredName = "Camera an ninh thôn Nà Pài"
	recognizedName = "Tiếng kẻng an ninh"
	secretPhone    = "0912345678"
	secretNotes    = "GHI-CHU-NOI-BO"
)

// models makes a registered model (with a photo) and a recognized one in
// Quang Lang.
func (w *world) models() (registered, recognized practice.Practice, photo practice.File) {
	w.T.Helper()
	off, lead := w.p["officer.ql"], w.p["leader.cl"]
	in := practice.Input{UnitID: w.Units.QuangLang.ID, Name: registeredName, Field: practice.DefenceSecurity,
		OwnerType: practice.Individual, OwnerName: "Hoàng Văn Thào", OwnerTitle: "Trưởng thôn", OwnerPhone: secretPhone,
		StartedOn: date(2023, 2, 1), Notes: secretNotes}
	registered, err := w.store.Create(w.ctx, off, in)
	if err != nil {
		w.T.Fatal(err)
	}
	if photo, err = w.store.AddFile(w.ctx, off, registered.ID, practice.Upload{Name: "anh.png", Body: bytes.NewReader(testPNG(w.T))}); err != nil {
		w.T.Fatal(err)
	}
	in.Name = recognizedName
	if recognized, err = w.store.Create(w.ctx, off, in); err != nil {
		w.T.Fatal(err)
	}
	if _, err := w.store.Start(w.ctx, off, recognized.ID, date(2023, 3, 1)); err != nil {
		w.T.Fatal(err)
	}
	if recognized, err = w.store.Recognize(w.ctx, lead, recognized.ID, practice.Recognition{ByUnitID: w.Units.ChiLang.ID,
		DecisionNo: "125-QĐ/HU", On: date(2024, 1, 10)}); err != nil {
		w.T.Fatal(err)
	}
	return registered, recognized, photo
}

func testPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 800, 600))
	for y := 0; y < 600; y++ {
		for x := 0; x < 800; x++ {
			img.Set(x, y, color.NRGBA{uint8(x / 4), uint8(120 + y/8), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

package directive_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

func setup(t *testing.T, d *db.DB) (*directive.Store, *fixture.World) {
	t.Helper()
	w := fixture.NewWorld(t, d, org.Date(2026, 3, 2))
	files, err := blob.Open(context.Background(), "file://"+t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return directive.NewStore(d, w.Org, w.Auth, files), w
}

// conference adds a conference of unit, as an imported article would.
func conference(t *testing.T, d *db.DB, unitID int64, title string) int64 {
	t.Helper()
	var id int64
	err := d.WithTx(context.Background(), func(tx *db.Tx) error {
		var err error
		now := db.Stamp(tx.Now())
		id, err = tx.InsertID(context.Background(), `INSERT INTO meeting_conferences (unit_id, kind, title, title_fold, held_on, created_at, updated_at)
			VALUES (?, 'so_ket', ?, ?, '2026-01-15', ?, ?)`, unitID, title, vntext.Fold(title), now, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestCitedAndKind(t *testing.T) {
	got := directive.Cited("Thực hiện Kết luận số 114-KL/TW, ngày 14-7-2015 của Ban Bí thư, Chỉ thị 11/CT-BCA-V05 và Nghị định 35/2021/NĐ-CP; lại nhắc Kết luận 114 - KL/TW. Năm 2010-2020, lúc 7/2015.")
	want := []string{"114-KL/TW", "11/CT-BCA-V05", "35/2021/NĐ-CP"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Cited: %q, want %q", got, want)
	}
	for in, k := range map[string]directive.Kind{"114-KL/TW": directive.Conclusion, "25-nq/tw": directive.Resolution, "11/CT-BCA-V05": directive.Order, "Số 3": directive.Other} {
		if got := directive.KindOf(in); got != k {
			t.Errorf("KindOf(%q) = %s", in, got)
		}
	}
}

func TestRegisterLinkAndScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		ls := w.Person("can.bo.ls", auth.RoleOfficer, w.LangSon.ID)
		commune := w.Person("can.bo.xa", auth.RoleOfficer, w.NewChiLang.ID)
		st := w.Person("can.bo.st", auth.RoleOfficer, w.SocTrang.ID)
		in := directive.Directive{UnitID: w.LangSon.ID, Number: "114-KL/TW", IssuedOn: org.Date(2015, 7, 14), Issuer: "Ban Bí thư",
			Summary: "Kết luận về nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước"}
		before := dbtest.Snapshot(t, d)
		if _, err := s.Create(ctx, st, in, nil); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng registers in Lạng Sơn: %v", err)
		}
		if _, err := s.Create(ctx, ls, in, &directive.File{Name: "a.exe", Data: []byte("MZ\x90\x00 not a document")}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("an executable file: %v", err)
		}
		if dbtest.Snapshot(t, d) != before {
			t.Error("a refused call wrote")
		}
		got, err := s.Create(ctx, ls, in, &directive.File{Name: `C:\van ban\114-KL.pdf`, Data: []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")})
		if err != nil {
			t.Fatal(err)
		}
		if got.Kind != directive.Conclusion || got.FileName != "114-KL.pdf" || got.FileType != "application/pdf" {
			t.Errorf("registered: %+v", got)
		}
		dup := in
		dup.Number = "114 - kl/tw"
		if _, err := s.Create(ctx, ls, dup, nil); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("the same number again: %v", err)
		}
		// The commune below reads it (it works under it); Sóc Trăng does not.
		if _, err := s.Get(ctx, commune, got.ID); err != nil {
			t.Errorf("the commune reads its province's directive: %v", err)
		}
		if _, err := s.Get(ctx, st, got.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng reads it: %v", err)
		}
		if _, _, err := s.FileData(ctx, st, got.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng reads the file: %v", err)
		}
		if list, n, err := s.List(ctx, st, directive.Filter{}); err != nil || n != 0 || len(list) != 0 {
			t.Errorf("Sóc Trăng's list: %d %v", n, err)
		}
		if list, n, err := s.List(ctx, commune, directive.Filter{Query: "dan van cua co quan nha nuoc"}); err != nil || n != 1 || list[0].ID != got.ID {
			t.Errorf("the commune's search: %d %+v %v", n, list, err)
		}
		// An imported article's conference links what it cites.
		conf := conference(t, d, w.NewChiLang.ID, "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW")
		stConf := conference(t, d, w.NewMyXuyen.ID, "Hội nghị của Sóc Trăng")
		linked, err := s.LinkCited(ctx, commune, conf, "Sáng 15/01, xã Chi Lăng tổ chức sơ kết 10 năm thực hiện Kết luận số 114-KL/TW, ngày 14-7-2015 của Ban Bí thư và Chỉ thị 05-CT/TW.")
		if err != nil || len(linked) != 1 || linked[0].ID != got.ID {
			t.Fatalf("LinkCited: %+v %v", linked, err)
		}
		// Sóc Trăng may not link its conference to Lạng Sơn's directive, nor
		// the commune Sóc Trăng's conference.
		before = dbtest.Snapshot(t, d)
		if err := s.Link(ctx, st, got.ID, directive.Conference, stConf); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng links: %v", err)
		}
		if err := s.Link(ctx, commune, got.ID, directive.Conference, stConf); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("the commune links Sóc Trăng's conference: %v", err)
		}
		if err := s.Unlink(ctx, st, got.ID, directive.Conference, conf); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng unlinks: %v", err)
		}
		if dbtest.Snapshot(t, d) != before {
			t.Error("a refused link wrote")
		}
		if ds, err := s.For(ctx, commune, directive.Conference, conf); err != nil || len(ds) != 1 || ds[0].ID != got.ID {
			t.Errorf("the conference carries out: %+v %v", ds, err)
		}
		if ds, err := s.For(ctx, st, directive.Conference, conf); err != nil || len(ds) != 0 {
			t.Errorf("Sóc Trăng sees what the commune's conference carries out: %+v %v", ds, err)
		}
		links, err := s.Links(ctx, ls, got.ID)
		if err != nil || len(links) != 1 || links[0].Kind != directive.Conference || links[0].Title != "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW" {
			t.Errorf("done under it: %+v %v", links, err)
		}
		if err := s.Unlink(ctx, commune, got.ID, directive.Conference, conf); err != nil {
			t.Fatal(err)
		}
		if links, _ := s.Links(ctx, ls, got.ID); len(links) != 0 {
			t.Errorf("after unlinking: %+v", links)
		}
		// The conferences that cite it are found again from its page:
		// Sóc Trăng's, which does not, stays out.
		if _, err := s.LinkCiting(ctx, st, got.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng finds the citing conferences: %v", err)
		}
		if n, err := s.LinkCiting(ctx, ls, got.ID); err != nil || n != 1 {
			t.Errorf("LinkCiting: %d %v", n, err)
		}
		if n, err := s.LinkCiting(ctx, ls, got.ID); err != nil || n != 0 {
			t.Errorf("LinkCiting again: %d %v", n, err)
		}
	})
}

// TestCandidates: the records offered for linking are those the caller
// may write on, found by their folded title, and not linked yet.
func TestCandidates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		ls := w.Person("can.bo.ls", auth.RoleOfficer, w.LangSon.ID)
		commune := w.Person("can.bo.xa", auth.RoleOfficer, w.NewChiLang.ID)
		viewer := w.Person("xem.ls", auth.RoleViewer, w.LangSon.ID)
		st := w.Person("can.bo.st", auth.RoleOfficer, w.SocTrang.ID)
		dir, err := s.Create(ctx, ls, directive.Directive{UnitID: w.LangSon.ID, Number: "114-KL/TW", IssuedOn: org.Date(2015, 7, 14),
			Issuer: "Ban Bí thư", Summary: "Kết luận về công tác dân vận"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		province := conference(t, d, w.LangSon.ID, "Hội nghị sơ kết công tác dân vận tỉnh")
		village := conference(t, d, w.NewChiLang.ID, "Sơ kết dân vận khéo xã Chi Lăng")
		conference(t, d, w.NewMyXuyen.ID, "Sơ kết dân vận khéo xã Mỹ Xuyên")
		ids := func(ls []directive.Link) []int64 {
			out := []int64{}
			for _, l := range ls {
				out = append(out, l.TargetID)
			}
			return out
		}
		got, err := s.Candidates(ctx, ls, dir.ID, directive.Conference, "SƠ KẾT")
		if err != nil || !reflect.DeepEqual(ids(got), []int64{province, village}) && !reflect.DeepEqual(ids(got), []int64{village, province}) {
			t.Errorf("the province's candidates: %v %v", ids(got), err)
		}
		got, err = s.Candidates(ctx, commune, dir.ID, directive.Conference, "khéo")
		if err != nil || !reflect.DeepEqual(ids(got), []int64{village}) || got[0].UnitName == "" || got[0].Title != "Sơ kết dân vận khéo xã Chi Lăng" {
			t.Errorf("the commune's candidates: %+v %v", got, err)
		}
		// A viewer may write nowhere; Sóc Trăng may not read the directive.
		if got, err := s.Candidates(ctx, viewer, dir.ID, directive.Conference, ""); err != nil || len(got) != 0 {
			t.Errorf("a viewer's candidates: %+v %v", got, err)
		}
		if _, err := s.Candidates(ctx, st, dir.ID, directive.Conference, ""); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng's candidates: %v", err)
		}
		if _, err := s.Candidates(ctx, ls, dir.ID, directive.TargetKind("x"), ""); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("an unknown kind: %v", err)
		}
		// Linked, it is no longer offered.
		if err := s.Link(ctx, commune, dir.ID, directive.Conference, village); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Candidates(ctx, commune, dir.ID, directive.Conference, ""); err != nil || len(got) != 0 {
			t.Errorf("after linking: %+v %v", got, err)
		}
		// Searching for a report, a task, a campaign: a wildcard in the
		// text is taken as written.
		for _, k := range []directive.TargetKind{directive.Report, directive.Task, directive.Campaign} {
			if got, err := s.Candidates(ctx, ls, dir.ID, k, "100%_x"); err != nil || len(got) != 0 {
				t.Errorf("%s candidates: %+v %v", k, got, err)
			}
		}
	})
}

package demo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
)

var (
	before = org.Date(2020, 6, 15)
	after  = org.Date(2026, 1, 1)
)

// levelCounts counts the units of each level on a date.
func levelCounts(t *testing.T, s *org.Store, date time.Time) map[org.Level]int {
	t.Helper()
	tree, err := s.Tree(context.Background(), date)
	if err != nil {
		t.Fatal(err)
	}
	m := map[org.Level]int{}
	for _, u := range tree {
		if u.Kind == org.Board || u.Kind == org.CommuneBloc {
			m[u.Level]++
		}
	}
	return m
}

func dump(t *testing.T, s *org.Store, date time.Time) string {
	t.Helper()
	tree, err := s.Tree(context.Background(), date)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, u := range tree {
		b.WriteString(strings.Repeat(" ", u.Depth) + u.Code + " " + u.Name + "\n")
	}
	return b.String()
}

func TestSmall(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if has, err := demo.Present(ctx, d); err != nil || has {
			t.Fatalf("Present on empty = %v, %v", has, err)
		}
		keys := foreignKeys(t, d, "unit%")
		if err := demo.Generate(ctx, d, demo.Options{Seed: 1}); err != nil {
			t.Fatal(err)
		}
		// The hierarchy's foreign keys, put aside on PostgreSQL while it
		// is written, are back as they were.
		if after := foreignKeys(t, d, "unit%"); len(keys) < 8 || !slices.Equal(keys, after) {
			t.Errorf("foreign keys of the unit tables after the demo:\n%q\nbefore:\n%q", after, keys)
		}
		if has, err := demo.Present(ctx, d); err != nil || !has {
			t.Fatalf("Present after = %v, %v", has, err)
		}
		s := org.NewStore(d)
		old, now := levelCounts(t, s, before), levelCounts(t, s, after)
		if old[org.Central] != 1 || old[org.Province] != 2 || old[org.District] != 17 || old[org.Commune] != 64 {
			t.Errorf("2020 levels = %v", old)
		}
		if now[org.Central] != 1 || now[org.Province] != 1 || now[org.District] != 0 || now[org.Commune] < 15 || now[org.Commune] > 30 {
			t.Errorf("2026 levels = %v", now)
		}
		root, err := s.GetByCode(ctx, demo.RootCode, after)
		if err != nil || root.Name != "Ban Tuyên giáo và Dân vận Trung ương" {
			t.Errorf("root today = %q, %v", root.Name, err)
		}
		if root, err := s.GetByCode(ctx, demo.RootCode, before); err != nil || root.Name != "Ban Dân vận Trung ương" {
			t.Errorf("root in 2020 = %q, %v", root.Name, err)
		}
		// Bắc Kạn's communes map into communes of Thái Nguyên.
		ids, err := s.IDsByCode(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tn := ids[demo.ProvinceCode("19")]
		m, err := s.MapToToday(ctx, ids["T06-H02-X01"], after) // thị trấn Chợ Rã
		if err != nil || len(m) != 1 || m[0].Share != 1 || m[0].Unit.ParentID != tn {
			t.Errorf("MapToToday(Chợ Rã) = %+v, %v", m, err)
		}
		m, err = s.MapToToday(ctx, ids[demo.ProvinceCode("06")], after)
		if err != nil || len(m) != 1 || m[0].Unit.ID != tn {
			t.Errorf("MapToToday(Bắc Kạn) = %+v, %v", m, err)
		}
		// One old commune of Thái Nguyên was split 0.6/0.4.
		var splits int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM unit_links WHERE kind = 'split'").Scan(&splits); err != nil || splits != 2 {
			t.Errorf("split links = %d, %v", splits, err)
		}
		kids, err := s.Children(ctx, tn, after)
		if err != nil {
			t.Fatal(err)
		}
		var orgs int
		for _, k := range kids {
			if k.Kind != org.CommuneBloc {
				orgs++
			}
		}
		if orgs != 6 {
			t.Errorf("Thái Nguyên has %d organizations beside its board, want 6", orgs)
		}
		// A second run refuses and changes nothing.
		err = demo.Generate(ctx, d, demo.Options{Seed: 1})
		if !errors.Is(err, demo.ErrNotEmpty) || apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("second Generate: %v", err)
		}
	})
}

func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	var dumps []string
	for _, seed := range []int64{7, 7, 8} {
		d := dbtest.Open(t, "sqlite")
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.Small, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		s := org.NewStore(d)
		dumps = append(dumps, dump(t, s, before)+dump(t, s, after))
	}
	if dumps[0] != dumps[1] {
		t.Error("same seed gave different trees")
	}
	if dumps[0] == dumps[2] {
		t.Error("different seeds gave the same 2025 tree")
	}
	if err := demo.Generate(ctx, dbtest.Open(t, "sqlite"), demo.Options{Scale: "huge"}); apperr.CodeOf(err) != apperr.CodeInvalid {
		t.Errorf("bad scale: %v", err)
	}
}

func TestNational(t *testing.T) {
	if testing.Short() {
		t.Skip("national demo takes several seconds")
	}
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	s := org.NewStore(d)
	old, now := levelCounts(t, s, before), levelCounts(t, s, after)
	if old[org.Province] != 63 || old[org.District] < 600 || old[org.District] > 800 || old[org.Commune] < 9000 || old[org.Commune] > 11000 {
		t.Errorf("2020 levels = %v", old)
	}
	if now[org.Province] != 34 || now[org.District] != 0 || now[org.Commune] < 3000 || now[org.Commune] > 3700 {
		t.Errorf("2026 levels = %v", now)
	}
	hue, err := s.GetByCode(ctx, demo.ProvinceCode("46"), after)
	if err != nil || hue.Name != "Ban Dân vận Thành ủy Huế" {
		t.Errorf("Huế = %q, %v", hue.Name, err)
	}
	t.Logf("2020: %v; 2026: %v", old, now)
}

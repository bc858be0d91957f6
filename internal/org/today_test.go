package org_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

// twoServers opens the same fresh database twice, as two servers would,
// and builds the small tree through the first. The third store reads the
// same database with a clock a year ahead, so it keeps nothing for today
// and answers from the database.
func twoServers(t *testing.T, kind string) (a, b, direct *org.Store, tr *tree) {
	t.Helper()
	da, open := dbtest.Servers(t, kind)
	db2, db3 := open(), open()
	db3.SetClock(func() time.Time { return time.Now().AddDate(1, 0, 0) })
	tr = build(t, da)
	return tr.s, org.NewStore(db2), org.NewStore(db3), tr
}

// unitNames lists the units of us by code and name.
func unitNames(us []org.Unit) string {
	var b strings.Builder
	for _, u := range us {
		fmt.Fprintf(&b, "%s %s @%d|", u.Code, u.Name, u.ParentID)
	}
	return b.String()
}

// TestTodayKeptTreeSeesWrites: a server keeps today's tree, and a change
// committed through another server (rename, move, merge, split) is seen
// by its next read, through every reader the kept tree answers.
func TestTodayKeptTreeSeesWrites(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			a, b, direct, tr := twoServers(t, kind)
			today := time.Now()
			read := func(s *org.Store) string {
				t.Helper()
				tree, err := s.Tree(ctx, today)
				if err != nil {
					t.Fatal(err)
				}
				kids, err := s.Children(ctx, tr.h1.ID, today)
				if err != nil {
					t.Fatal(err)
				}
				sub, err := s.Subtree(ctx, tr.p1.ID, today)
				if err != nil {
					t.Fatal(err)
				}
				x1, err := s.Get(ctx, tr.x1.ID, today)
				if err != nil {
					t.Fatal(err)
				}
				anc, err := s.Ancestors(ctx, tr.x1.ID, today)
				if err != nil {
					t.Fatal(err)
				}
				return unitNames(tree) + "\n" + unitNames(kids) + "\n" + unitNames(sub) + "\n" + unitNames([]org.Unit{x1}) + "\n" + unitNames(anc)
			}
			if got, want := read(b), read(a); got != want {
				t.Fatalf("two servers disagree:\n%s\n%s", got, want)
			}
			day := org.Date(today.Year(), today.Month(), today.Day())
			steps := []struct {
				name string
				do   func() error
			}{
				{"rename", func() error {
					_, err := a.Rename(ctx, tr.x1.ID, day, "Khối Dân vận xã La Bằng mới", "")
					return err
				}},
				{"move", func() error {
					_, err := a.Move(ctx, tr.x2.ID, tr.h2.ID, day)
					return err
				}},
				{"merge", func() error {
					_, err := a.Merge(ctx, []int64{tr.x3.ID}, org.MergeTarget{ExistingID: tr.x1.ID}, day)
					return err
				}},
				{"create", func() error {
					_, err := a.Create(ctx, org.NewUnit{Code: "X9", Name: "Khối Dân vận xã Quân Chu", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: day})
					return err
				}},
			}
			for _, st := range steps {
				before := read(b)
				if err := st.do(); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				after := read(b)
				if after == before {
					t.Errorf("%s: the other server still reads the old tree:\n%s", st.name, after)
				}
				if want := read(direct); after != want {
					t.Errorf("%s: kept tree\n%s\nwant (read from the database)\n%s", st.name, after, want)
				}
			}
		})
	}
}

// outlineText draws an outline as indented lines.
func outlineText(o org.Outline) string {
	var b strings.Builder
	fmt.Fprintf(&b, "total %d\n", o.Total)
	var walk func(ns []*org.OutlineNode, depth int)
	walk = func(ns []*org.OutlineNode, depth int) {
		for _, n := range ns {
			fmt.Fprintf(&b, "%s%s +%d\n", strings.Repeat("  ", depth), n.Unit.Code, n.Hidden)
			walk(n.Children, depth+1)
		}
	}
	walk(o.Roots, 0)
	return b.String()
}

// TestOutline: the outline drawn from the kept tree is the one read
// level by level from the database, for every budget.
func TestOutline(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			_, b, direct, _ := twoServers(t, kind)
			for _, budget := range []int{1, 3, 5, 9, 400} {
				kept, err := b.Outline(ctx, time.Now(), budget)
				if err != nil {
					t.Fatal(err)
				}
				read, err := direct.Outline(ctx, time.Now(), budget)
				if err != nil {
					t.Fatal(err)
				}
				if outlineText(kept) != outlineText(read) {
					t.Errorf("budget %d: kept\n%s\nread\n%s", budget, outlineText(kept), outlineText(read))
				}
				if budget == 5 && !strings.Contains(outlineText(kept), "P1 +2") {
					t.Errorf("budget 5 should stop at the provinces:\n%s", outlineText(kept))
				}
			}
		})
	}
}

package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

func TestGeneratePortal(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	for _, step := range []func() error{
		func() error { return demo.Generate(ctx, d, demo.Options{Seed: 3}) },
		func() error { return demo.GenerateMeetings(ctx, d, demo.Options{Seed: 3}) },
		func() error { return demo.GeneratePortal(ctx, d, demo.Options{Seed: 3}) },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	var sites, live, polls, recorded int
	for q, v := range map[string]*int{
		"SELECT COUNT(*) FROM portal_sites":                                     &sites,
		"SELECT COUNT(*) FROM portal_articles WHERE status = 'published'":       &live,
		"SELECT COUNT(*) FROM portal_polls":                                     &polls,
		"SELECT COUNT(*) FROM portal_articles WHERE record_kind = 'conference'": &recorded,
	} {
		if err := d.QueryRowContext(ctx, q).Scan(v); err != nil {
			t.Fatal(err)
		}
	}
	if sites < 1 || live < 6*sites || polls != sites || recorded != live {
		t.Fatalf("sites %d, live articles %d, polls %d, about a conference %d", sites, live, polls, recorded)
	}
}

package portal

import (
	"context"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
)

// FuzzVoterOf: a poll cookie's value, whatever a browser sends, is
// either refused or exactly a value NewVoter made (id "." signature of
// the id); nothing panics.
func FuzzVoterOf(f *testing.F) {
	d := dbtest.Open(f, "sqlite")
	s := NewStore(d, nil, nil, nil)
	ctx := context.Background()
	good, err := s.NewVoter(ctx)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{good, "", ".", good + "x", strings.ToUpper(good), good[:32] + "." + strings.Repeat("0", 32), "ä." + good[33:]} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, cookie string) {
		id, err := s.VoterOf(ctx, cookie)
		if err != nil {
			t.Fatal(err)
		}
		if id == "" {
			return
		}
		sig, err := s.mac(ctx, "voter", id)
		if err != nil {
			t.Fatal(err)
		}
		if cookie != id+"."+sig {
			t.Fatalf("accepted %q as voter %q", cookie, id)
		}
	})
}

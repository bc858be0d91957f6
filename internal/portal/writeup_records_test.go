package portal_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/extract"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/vntext"
)

// TestWriteUpPracticeRoundTrip writes up every recognized model of the
// small demo and runs package extract on the article: it must read a
// report about a model (event type mo_hinh) whose figures are the
// model's results, value and unit, each once, and nothing more (with
// its replication count when the article states one). It reports the
// share that comes back exactly.
func TestWriteUpPracticeRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	if err := demo.Generate(ctx, d, demo.Options{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if err := demo.GeneratePractices(ctx, d, demo.Options{Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	units := org.NewStore(d)
	ps := practice.NewStore(d, units, auth.NewStore(d, units, auth.Config{}), nil)
	sys := auth.System()
	var models []practice.Practice
	for offset := 0; ; offset += 200 {
		rows, total, err := ps.List(ctx, sys, practice.Filter{Statuses: []practice.Status{practice.Recognized, practice.Replicated}, Limit: 200, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, rows...)
		if len(rows) == 0 || offset+len(rows) >= total {
			break
		}
	}
	if len(models) < 20 {
		t.Fatalf("only %d recognized demo models", len(models))
	}
	var typed, figured, exact, shown int
	for _, m := range models {
		m, err := ps.Get(ctx, sys, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		results, err := ps.Results(ctx, sys, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		in := portal.WriteUpPractice(m, results)
		page := "<html><body><h1>" + in.Headline + "</h1><p>" + in.Lead + "</p>" + portal.Sanitize(in.Body) + "</body></html>"
		rec, err := extract.Extract(ctx, []byte(page), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{}
		for _, r := range results {
			want[figureKey(r.Value, r.Measure)]++
		}
		if m.Replications > 0 {
			want[figureKey(float64(m.Replications), "đơn vị")]++
		}
		got := map[string]int{}
		for _, f := range rec.Figures {
			// The article says "440 vụ việc hòa giải" for a result of 440
			// "vụ" of "Vụ việc hòa giải": extract's unit is the longer
			// noun; it counts as the measure it starts with.
			unit := f.Unit
			for _, r := range results {
				if strings.HasPrefix(vntext.Fold(unit)+" ", vntext.Fold(r.Measure)+" ") && r.Measure != "" {
					unit = r.Measure
					break
				}
			}
			got[figureKey(f.Value, unit)]++
		}
		okType := rec.EventType == extract.TypeMoHinh
		okFigures := fmt.Sprint(got) == fmt.Sprint(want)
		if okType {
			typed++
		} else {
			t.Logf("model %d %q read as %s", m.ID, m.Name, rec.EventType)
		}
		if okFigures {
			figured++
		}
		if okType && okFigures {
			exact++
		} else if !okFigures && shown < 3 {
			shown++
			t.Errorf("model %d: type %s, figures %v, want %v\n%s", m.ID, rec.EventType, got, want, page)
		}
	}
	t.Logf("round trip over %d recognized demo models: %d exact (%.1f%%); type %d/%d, figures %d/%d",
		len(models), exact, 100*float64(exact)/float64(len(models)), typed, len(models), figured, len(models))
	// Every figure must come back, and the type: a cue word of extract's
	// event table inside a model's quoted name ("Mô hình “Đối thoại trực
	// tiếp với nhân dân”") is the model's name, not the event.
	if figured != len(models) {
		t.Errorf("%d of %d models do not give their results back as figures", len(models)-figured, len(models))
	}
	if typed != len(models) {
		t.Errorf("only %d of %d models read back as a report about a model", typed, len(models))
	}
}

// figureKey is a figure's value and unit, compared without case or
// diacritics in the unit.
func figureKey(v float64, unit string) string {
	return fmt.Sprintf("%g %s", math.Round(v*100)/100, strings.ToLower(vntext.Fold(strings.TrimSpace(unit))))
}

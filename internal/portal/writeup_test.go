package portal_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/extract"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/vntext"
)

// TestWriteUpRoundTrip drafts an article from every demo conference and
// runs package extract on the published page's text: the organizer, the
// date, the type, the chairs, the other people and the figures must come
// back. It reports the share of conferences that come back exactly and
// fails below all of them.
func TestWriteUpRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	if err := demo.Generate(ctx, d, demo.Options{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if err := demo.GenerateMeetings(ctx, d, demo.Options{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	units := org.NewStore(d)
	ms := meeting.NewStore(d, units, auth.NewStore(d, units, auth.Config{}))
	rows, err := d.QueryContext(ctx, "SELECT id FROM meeting_conferences ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) < 20 {
		t.Fatalf("only %d demo conferences", len(ids))
	}
	fields := []string{"organizer", "date", "type", "chairs", "attendees", "figures"}
	good := map[string]int{}
	exact := 0
	var shown int
	for _, id := range ids {
		c, err := ms.Conference(ctx, auth.System(), id)
		if err != nil {
			t.Fatal(err)
		}
		names, err := units.NamesOn(ctx, []int64{c.UnitID}, c.HeldOn)
		if err != nil {
			t.Fatal(err)
		}
		in := portal.WriteUp(c, names[c.UnitID])
		page := "<html><body><h1>" + in.Headline + "</h1><p>" + in.Lead + "</p>" + portal.Sanitize(in.Body) + "</body></html>"
		rec, err := extract.Extract(ctx, []byte(page), extract.Options{Published: c.HeldOn.AddDate(0, 0, 1)})
		if err != nil {
			t.Fatal(err)
		}
		miss := diff(c, names[c.UnitID], rec)
		for _, f := range fields {
			if _, bad := miss[f]; !bad {
				good[f]++
			}
		}
		if len(miss) == 0 {
			exact++
		} else if shown < 3 {
			shown++
			t.Errorf("conference %d (%s) comes back with %v\n%s", id, c.Kind, miss, page)
		}
	}
	var parts []string
	for _, f := range fields {
		parts = append(parts, fmt.Sprintf("%s %d/%d", f, good[f], len(ids)))
	}
	t.Logf("round trip over %d demo conferences: %d exact (%.1f%%); %s", len(ids), exact, 100*float64(exact)/float64(len(ids)), strings.Join(parts, ", "))
	if exact != len(ids) {
		t.Errorf("%d of %d conferences do not come back exactly", len(ids)-exact, len(ids))
	}
}

var kindType = map[meeting.Kind]string{meeting.SoKet: "so_ket", meeting.TongKet: "tong_ket", meeting.TrienKhai: "trien_khai",
	meeting.ChuyenDe: "chuyen_de", meeting.DoiThoai: "chuyen_de", meeting.KhenThuong: "khen_thuong"}

// diff names the fields where rec differs from the conference, with what
// came back.
func diff(c meeting.Conference, organizer string, rec extract.Record) map[string]string {
	miss := map[string]string{}
	if rec.Organizer == nil || vntext.Fold(*rec.Organizer) != vntext.Fold(organizer) {
		miss["organizer"] = fmt.Sprint(deref(rec.Organizer))
	}
	if want := c.HeldOn.In(vntext.Zone).Format(time.DateOnly); rec.EventDate == nil || *rec.EventDate != want {
		miss["date"] = deref(rec.EventDate) + " want " + want
	}
	if rec.EventType != kindType[c.Kind] {
		miss["type"] = rec.EventType
	}
	names := func(ps []meeting.Participant) []string {
		var out []string
		for _, p := range ps {
			out = append(out, vntext.Fold(p.Name))
		}
		slices.Sort(out)
		return out
	}
	got := func(ps []extract.Person) []string {
		var out []string
		for _, p := range ps {
			out = append(out, vntext.Fold(p.Name))
		}
		slices.Sort(out)
		return out
	}
	if w, g := names(c.ByRole(meeting.Chair)), got(rec.Chairs); !slices.Equal(w, g) {
		miss["chairs"] = fmt.Sprint(g)
	}
	if w, g := names(append(c.ByRole(meeting.Speaker), c.ByRole(meeting.Attendee)...)), got(rec.Attendees); !slices.Equal(w, g) {
		miss["attendees"] = fmt.Sprint(g)
	}
	var wf, gf []string
	for _, f := range c.Figures {
		wf = append(wf, fmt.Sprintf("%g %s", f.Value, vntext.Fold(f.Unit)))
	}
	for _, f := range rec.Figures {
		gf = append(gf, fmt.Sprintf("%g %s", math.Round(f.Value*100)/100, vntext.Fold(f.Unit)))
	}
	slices.Sort(wf)
	slices.Sort(gf)
	if !slices.Equal(wf, gf) {
		miss["figures"] = fmt.Sprint(gf)
	}
	return miss
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

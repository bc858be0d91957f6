package extract

import (
	"strings"
	"testing"
)

func TestScores(t *testing.T) {
	str := func(s string) *string { return &s }
	y := 2020
	gold := Record{
		EventType: TypeTongKet, EventDate: str("2020-12-25"), Organizer: str("Ban Dân vận Huyện uỷ"),
		Level: str(LevelDistrict), Period: &Period{Year: &y, Part: "year"},
		Chairs:    []Person{{Name: "Nguyễn Bá Thạch"}},
		Attendees: []Person{{Name: "Nguyễn Minh Tứ"}, {Name: "Lê Văn A"}},
		Figures:   []Figure{{Value: 47, Unit: "vụ việc"}, {Value: 100, Unit: "%"}},
	}
	got := gold
	got.EventDate = nil                                                  // missed
	got.Organizer = str("Ban Dân vận Huyện ủy")                          // same after normalization
	got.Level = str(LevelProvince)                                       // wrong
	got.Attendees = []Person{{Name: "Nguyễn Minh Tứ"}, {Name: "Trần B"}} // one right, one wrong
	got.Figures = []Figure{{Value: 47, Unit: "vụ việc"}, {Value: 100, Unit: "%"}, {Value: 3, Unit: "cuộc"}}
	s := Scores{}
	s.Add(got, gold)
	tests := []struct {
		field      string
		tp, fp, fn int
		exact      int
		p, r       float64
	}{
		{"event_type", 1, 0, 0, 1, 1, 1},
		{"event_date", 0, 0, 1, 0, 1, 0},
		{"organizer", 1, 0, 0, 1, 1, 1},
		{"level", 0, 1, 1, 0, 0, 0},
		{"period", 1, 0, 0, 1, 1, 1},
		{"chairs", 1, 0, 0, 1, 1, 1},
		{"attendees", 1, 1, 1, 0, 0.5, 0.5},
		{"figures", 2, 1, 0, 0, 2.0 / 3, 1},
	}
	for _, tt := range tests {
		c := s[tt.field]
		if c.TP != tt.tp || c.FP != tt.fp || c.FN != tt.fn || c.Exact != tt.exact {
			t.Errorf("%s: got %+v", tt.field, *c)
		}
		if c.Precision() != tt.p || c.Recall() != tt.r {
			t.Errorf("%s: precision %v recall %v, want %v %v", tt.field, c.Precision(), c.Recall(), tt.p, tt.r)
		}
	}
	// Both null is exact and does not count against precision or recall.
	n := Scores{}
	n.Add(Record{}, Record{})
	if c := n["event_date"]; c.Exact != 1 || c.F1() != 1 {
		t.Errorf("null/null: %+v F1 %v", *c, c.F1())
	}
	var b strings.Builder
	if err := s.Write(&b); err != nil || !strings.Contains(b.String(), "attendees") {
		t.Errorf("Write: %v\n%s", err, b.String())
	}
}

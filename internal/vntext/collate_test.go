package vntext

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCompareOrder(t *testing.T) {
	// Each list is in Vietnamese order, strictly increasing.
	lists := [][]string{
		{"Dung", "Đức"},
		{"Duy", "Đa"},
		{"Dương", "Đào", "Đinh"},
		{"an", "ăn", "ân", "ba"},
		{"A", "Ă", "Â", "B"},
		{"e", "ê", "g"},
		{"o", "ô", "ơ", "p"},
		{"u", "ư", "v"},
		{"ma", "mà", "mả", "mã", "má", "mạ"},
		{"Phường 1", "Phường 2", "Phường 10"},
		{"Bắc Giang", "Bắc Ninh", "Cao Bằng", "Đà Nẵng", "Điện Biên", "Hà Giang", "Hà Nội", "Lạng Sơn"},
		{"Lê", "Lò", "Lữ", "Lý"},
	}
	for _, l := range lists {
		for i := 1; i < len(l); i++ {
			if got := Compare(l[i-1], l[i]); got != -1 {
				t.Errorf("Compare(%q, %q) = %d, want -1", l[i-1], l[i], got)
			}
			if got := Compare(l[i], l[i-1]); got != 1 {
				t.Errorf("Compare(%q, %q) = %d, want 1", l[i], l[i-1], got)
			}
		}
	}
}

func TestCompareEqual(t *testing.T) {
	pairs := [][2]string{
		{"Nguyễn Văn Thủy", norm.NFD.String("Nguyễn Văn Thủy")},
		{"Hòa Bình", "Hoà Bình"},
		{"Ủy ban", "Uỷ ban"},
		{"Ðảng", "Đảng"},
		{"", ""},
	}
	for _, p := range pairs {
		if got := Compare(p[0], p[1]); got != 0 {
			t.Errorf("Compare(%q, %q) = %d, want 0", p[0], p[1], got)
		}
		if !bytes.Equal(SortKey(p[0]), SortKey(p[1])) {
			t.Errorf("SortKey(%q) != SortKey(%q)", p[0], p[1])
		}
	}
}

func TestSortKeyAgrees(t *testing.T) {
	words := []string{"Đức", "Dung", "ăn", "an", "ân", "Hà Nội", "hà nội", "Hoà", "Hòa", "mạ", "má", "Phường 10", "Phường 9", "", "Zürich", "123"}
	for _, a := range words {
		for _, b := range words {
			if got, want := bytes.Compare(SortKey(a), SortKey(b)), Compare(a, b); got != want {
				t.Errorf("bytes.Compare(SortKey(%q), SortKey(%q)) = %d, Compare = %d", a, b, got, want)
			}
		}
	}
}

func TestSort(t *testing.T) {
	got := []string{"Đông Anh", "Ba Vì", "Ân Thi", "Đan Phượng", "An Lão", "Ăn Uống", "Duy Tiên", "Bình Lục"}
	want := []string{"An Lão", "Ăn Uống", "Ân Thi", "Ba Vì", "Bình Lục", "Duy Tiên", "Đan Phượng", "Đông Anh"}
	Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Sort = %q, want %q", got, want)
	}
}

func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if Compare("Dung", "Đức") != -1 || Compare("Đức", "Dung") != 1 {
					t.Error("Compare gave a wrong order under concurrency")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSortBy(t *testing.T) {
	type row struct {
		name string
		id   int
	}
	rows := []row{{"Đoàn", 1}, {"Ấp 10", 2}, {"Dân", 3}, {"ấp 2", 4}, {"Ấp 10", 5}, {"An", 6}}
	SortBy(rows, func(r row) string { return r.name })
	var got []int
	for _, r := range rows {
		got = append(got, r.id)
	}
	want := []int{6, 4, 2, 5, 3, 1} // a < ấ, 2 < 10, equal names keep their order, D < Đ
	if !slices.Equal(got, want) {
		t.Fatalf("SortBy = %v, want %v", got, want)
	}
}

package db

import "testing"

func TestIDList(t *testing.T) {
	for _, tc := range []struct {
		ids  []int64
		want string
	}{{nil, ""}, {[]int64{7}, "7"}, {[]int64{1, 22, -3}, "1,22,-3"}} {
		if got := IDList(tc.ids); got != tc.want {
			t.Errorf("IDList(%v) = %q, want %q", tc.ids, got, tc.want)
		}
	}
}

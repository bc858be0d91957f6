package db

import "testing"

func TestKept(t *testing.T) {
	var k Kept[string, int64, int]
	if _, ok := k.Get("a", 1); ok {
		t.Fatal("an empty Kept gave a value")
	}
	k.Put("a", 1, 10)
	if v, ok := k.Get("a", 1); !ok || v != 10 {
		t.Errorf("Get(a, 1) = %d, %v", v, ok)
	}
	if _, ok := k.Get("a", 2); ok {
		t.Error("a value computed from stamp 1 was given for stamp 2")
	}
	k.Put("a", 2, 20)
	if v, ok := k.Get("a", 2); !ok || v != 20 {
		t.Errorf("after Put(a, 2): %d, %v", v, ok)
	}
	// Bounded: never more than Max kept, the newest always kept.
	b := Kept[int, int, int]{Max: 16}
	for i := range 100 {
		b.Put(i, 0, i)
		if len(b.m) > 16 {
			t.Fatalf("%d values kept, Max 16", len(b.m))
		}
		if v, ok := b.Get(i, 0); !ok || v != i {
			t.Fatalf("the value just put is gone: %d, %v", v, ok)
		}
	}
}

package vntext

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// A collate.Collator is not safe for concurrent use: each call takes one
// from the pool.
type collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

var collators = sync.Pool{New: func() any {
	return &collator{c: collate.New(language.Vietnamese, collate.Numeric)}
}}

// appendKey appends the collation key of s to dst.
func appendKey(dst []byte, s string) []byte {
	c := collators.Get().(*collator)
	dst = append(dst, c.c.KeyFromString(&c.buf, Normalize(s))...)
	c.buf.Reset()
	collators.Put(c)
	return dst
}

// SortKey returns the collation key of s: bytes.Compare(SortKey(a),
// SortKey(b)) == Compare(a, b). Keys may be stored and compared later
// (for the same version of golang.org/x/text).
func SortKey(s string) []byte {
	return appendKey(nil, s)
}

// Compare orders a and b the Vietnamese way and returns -1, 0 or +1: Đ
// after D, Ă and Â after A (a < ă < â), Ê after E, Ô and Ơ after O, Ư after
// U; tones ngang < huyền < hỏi < ngã < sắc < nặng, deciding only between
// otherwise equal words; then lower case before upper case. Strings are
// normalized first, so NFC and NFD, and "hoà" and "hòa", compare equal.
// Digit runs compare by value: "Phường 2" < "Phường 10". It is safe for
// concurrent use.
func Compare(a, b string) int {
	var ka, kb [64]byte
	return bytes.Compare(appendKey(ka[:0], a), appendKey(kb[:0], b))
}

// Sort sorts ss in place in Vietnamese order (see Compare); strings that
// compare equal keep their order.
func Sort(ss []string) {
	type keyed struct {
		key []byte
		s   string
	}
	ks := make([]keyed, len(ss))
	for i, s := range ss {
		ks[i] = keyed{SortKey(s), s}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range ks {
		ss[i] = ks[i].s
	}
}

package document

import (
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/vntext"
)

// Clean returns s as the writers put it on the page: vntext.Normalize
// (NFC, the classic tone-mark placement, invalid UTF-8 replaced), line
// ends as "\n", tabs as spaces, and without the characters no document
// may hold (other control characters, non-characters, private use).
// Format characters such as U+200F RIGHT-TO-LEFT MARK are kept; the PDF
// writer drops what its font cannot draw.
func Clean(s string) string {
	if s == "" {
		return s
	}
	s = vntext.Normalize(s) // also replaces invalid UTF-8 with U+FFFD
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	clean := true
	for _, r := range s {
		if r != '\n' && !allowed(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case allowed(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanLine is Clean for one-line fields: line breaks become spaces and
// runs of spaces one space.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// allowed reports whether r may appear in a document: XML 1.0 allows it
// and it is neither a control character nor a non-character nor private
// use.
func allowed(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r >= 0xd800 && r < 0xe000, r >= 0xe000 && r < 0xf900: // surrogates, private use
		return false
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe: // non-characters
		return false
	case r >= 0xf0000: // supplementary private use
		return false
	}
	return true
}

// DateLine is the place-and-date line: "Thái Nguyên, ngày 05 tháng 7 năm
// 2023". Days below 10 and the months January and February take a
// leading zero, as the rules ask (so a number cannot be added in front);
// a zero date leaves blanks to fill in by hand.
func DateLine(place string, d time.Time) string {
	place = cleanLine(place)
	var date string
	if d.IsZero() {
		date = "ngày      tháng      năm " + "20…"
	} else {
		month := fmt.Sprint(int(d.Month()))
		if d.Month() <= time.February {
			month = fmt.Sprintf("%02d", int(d.Month()))
		}
		date = fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day(), month, d.Year())
	}
	if place == "" {
		return strings.ToUpper(date[:1]) + date[1:]
	}
	return place + ", " + date
}

// FormatNumber is a document's number as registered: "12-BC/BDVTU" for
// number 12 of type BC by issuer BDVTU; numbers below 10 take a leading
// zero ("05-BC/BDVTU").
func FormatNumber(n int, t Type, issuerCode string) string {
	return fmt.Sprintf("%02d-%s/%s", n, t, issuerCode)
}

// DraftNumber is the number line of a document not yet issued: the
// number left blank.
func DraftNumber(t Type, issuerCode string) string {
	return "      -" + string(t) + "/" + issuerCode
}

// NumberLine is the number line of the header: "Số 12-BC/BDVTU" for the
// number "12-BC/BDVTU" (no colon after "Số"), "" for none.
func NumberLine(number string) string {
	if number == "" {
		return ""
	}
	return "Số " + number
}

package vntext

import "unicode/utf8"

// Control returns the first character of s that no text input may hold,
// and true: a control character other than tab, line feed and carriage
// return (NUL, escape sequences, the C1 controls U+0080–U+009F, DEL), or
// a byte that is not UTF-8 (reported as U+FFFD). PostgreSQL refuses NUL
// and invalid UTF-8 in text, SQLite stores them, and a terminal or a
// spreadsheet reading them back obeys escape sequences: they are refused
// on the way in, the same on both.
func Control(s string) (rune, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
				return rune(c), true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return utf8.RuneError, true
		}
		if r >= 0x80 && r <= 0x9f {
			return r, true
		}
		i += size
	}
	return 0, false
}

// IsControl reports whether r is a character Control refuses (r is not
// utf8.RuneError).
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f)
}

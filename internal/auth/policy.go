package auth

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// minDistinct is how many different characters a password needs: ten
// spaces and an x, or "ababababab", are not passwords.
const minDistinct = 5

// CheckPassword reports whether pw is acceptable as a new password, with
// an error on the "password" field when it is not. A password has 10 to
// 256 characters (after NFC), at least 5 different ones, is not one of
// the common passwords of common.go (ignoring case) nor one of them with
// only digits, punctuation or spaces around it ("password2025!"), and
// does not contain any of avoid (the account's login name, full name and
// the names of its units) once case, marks, spaces and punctuation are
// set aside; parts of avoid shorter than 4 letters and digits are not
// checked.
func CheckPassword(pw string, avoid ...string) error {
	pw = norm.NFC.String(pw)
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLen || strings.TrimSpace(pw) == "" {
		return apperr.Invalid("password", "auth.err.password_short")
	}
	if n > MaxPasswordLen {
		return apperr.Invalid("password", "auth.err.password_long")
	}
	distinct := map[rune]bool{}
	for _, r := range pw {
		distinct[r] = true
	}
	if len(distinct) < minDistinct {
		return apperr.Invalid("password", "auth.err.password_simple", minDistinct)
	}
	lower := strings.ToLower(pw)
	core := strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if common(lower) || (core != "" && common(core)) {
		return apperr.Invalid("password", "auth.err.password_common")
	}
	folded := alnumFold(pw)
	for _, a := range avoid {
		if f := alnumFold(a); utf8.RuneCountInString(f) >= 4 && strings.Contains(folded, f) {
			return apperr.Invalid("password", "auth.err.password_personal")
		}
	}
	return nil
}

// alnumFold keeps the letters and digits of s, folded (no case, no
// marks): "Lạng Sơn" and "lang-son" are both "langson".
func alnumFold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, vntext.Fold(s))
}

// avoidFor lists what account id's password must not contain: its login
// name, full name and the names (full and short) and codes of the units
// it holds roles on today.
func (s *Store) avoidFor(ctx context.Context, id int64) ([]string, error) {
	u, err := getUser(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	out := []string{u.Login, u.Name}
	gs, err := listGrants(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		unit, err := s.units.Get(ctx, g.UnitID, s.db.Now())
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, unit.Name, unit.ShortName, unit.Code)
	}
	return out, nil
}

package auth

import (
	"bufio"
	"context"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// commonPasswords is the list of the 10,000 most common passwords
// shipped in the binary, most common first, one a line, lower case. It
// is the head of the "passwords" frequency list of zxcvbn 4.4.2 (Dropbox,
// MIT licence; the npm package zxcvbn), which ranks the passwords of
// Mark Burnett's ten million leaked passwords (xato.net) by frequency;
// see common-passwords.md beside it.
//
//go:embed common-passwords.txt
var commonPasswords string

var (
	commonOnce sync.Once
	commonSet  map[string]struct{}
)

// common reports whether s (lower case) is on the list.
func common(s string) bool {
	commonOnce.Do(func() {
		commonSet = make(map[string]struct{}, 10000)
		sc := bufio.NewScanner(strings.NewReader(commonPasswords))
		for sc.Scan() {
			if w := strings.TrimSpace(sc.Text()); w != "" {
				commonSet[w] = struct{}{}
			}
		}
	})
	_, ok := commonSet[s]
	return ok
}

// minDistinct is how many different characters a password needs: ten
// spaces and an x, or "ababababab", are not passwords.
const minDistinct = 5

// CheckPassword reports whether pw is acceptable as a new password, with
// an error on the "password" field when it is not. A password has 10 to
// 256 characters (after NFC), at least 5 different ones, is not one of
// the 10,000 most common passwords (ignoring case) nor one of them with
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

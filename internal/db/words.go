package db

import (
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// Limits of PostgreSQL's tsvector that to_tsvector and || apply.
const (
	wordsMaxBytes = 2046      // longer words are left out (MAXSTRLEN is 2,047), taking no position
	wordsMaxPos   = 1<<14 - 1 // positions beyond are this one (LIMITPOS)
	wordsParsed   = 255       // positions to_tsvector keeps of one word (MAXNUMPOS - 1)
	wordsJoined   = 256       // positions || keeps of one word (MAXNUMPOS)
)

// SearchWords is the stored vector of a search index entry on
// PostgreSQL (search_entries.words, migration 00550), the same value as
// the SQL function danvan_words(titleFold, bodyFold) that the triggers
// write: the runs of a-z and 0-9 of the folded title at weight A, then
// those of the folded text at weight B, numbered on after the title's
// last position, with the limits to_tsvector('simple') and || put on
// them. A bulk load writes it with the entry (COPY), so that the
// database does not parse every entry's text again.
func SearchWords(titleFold, bodyFold string) pgtype.TSVector {
	title := parsedWords(titleFold, pgtype.TSVectorWeightA)
	var last uint16
	for _, ps := range title {
		last = max(last, ps[len(ps)-1].Position)
	}
	body := parsedWords(bodyFold, pgtype.TSVectorWeightB)
	for w, ps := range body {
		joined := title[w]
		for _, p := range ps {
			if len(joined) == wordsJoined || len(joined) > 0 && joined[len(joined)-1].Position == wordsMaxPos {
				break
			}
			joined = append(joined, pgtype.TSVectorPosition{Position: uint16(min(int(p.Position)+int(last), wordsMaxPos)), Weight: p.Weight})
		}
		if title == nil {
			title = map[string][]pgtype.TSVectorPosition{}
		}
		title[w] = joined
	}
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, 0, len(title))}
	for w, ps := range title {
		v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: w, Positions: ps})
	}
	// PostgreSQL orders a vector's words by their bytes, a shorter word
	// before the longer one it begins.
	slices.SortFunc(v.Lexemes, func(a, b pgtype.TSVectorLexeme) int { return strings.Compare(a.Word, b.Word) })
	return v
}

// parsedWords is to_tsvector('simple') of folded text whose every run of
// characters other than a-z and 0-9 is one space: each word with its
// positions in order, at weight w.
func parsedWords(folded string, w pgtype.TSVectorWeight) map[string][]pgtype.TSVectorPosition {
	var m map[string][]pgtype.TSVectorPosition
	pos := 0
	for i := 0; i < len(folded); {
		if !wordByte(folded[i]) {
			i++
			continue
		}
		j := i
		for j < len(folded) && wordByte(folded[j]) {
			j++
		}
		word := folded[i:j]
		i = j
		if len(word) > wordsMaxBytes {
			continue
		}
		pos++
		p := uint16(min(pos, wordsMaxPos))
		if m == nil {
			m = map[string][]pgtype.TSVectorPosition{}
		}
		ps := m[word]
		if n := len(ps); n == wordsParsed || n > 0 && (ps[n-1].Position == wordsMaxPos || ps[n-1].Position == p) {
			continue
		}
		m[word] = append(ps, pgtype.TSVectorPosition{Position: p, Weight: w})
	}
	return m
}

func wordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

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
	title, body := parsedWords(titleFold), parsedWords(bodyFold)
	var last uint16
	for _, l := range title {
		last = max(last, l.pos[len(l.pos)-1])
	}
	// Both lists are in the vector's order (by bytes, a shorter word
	// before the longer one it begins): they are merged.
	ps := make([]pgtype.TSVectorPosition, 0, positions(title)+positions(body))
	v := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, 0, len(title)+len(body))}
	for i, j := 0, 0; i < len(title) || j < len(body); {
		start := len(ps)
		var word string
		switch {
		case j == len(body) || i < len(title) && title[i].word < body[j].word:
			word, ps = title[i].word, appendPositions(ps, start, title[i].pos, 0, pgtype.TSVectorWeightA)
			i++
		case i == len(title) || body[j].word < title[i].word:
			word, ps = body[j].word, appendPositions(ps, start, body[j].pos, last, pgtype.TSVectorWeightB)
			j++
		default:
			word, ps = title[i].word, appendPositions(ps, start, title[i].pos, 0, pgtype.TSVectorWeightA)
			ps = appendPositions(ps, start, body[j].pos, last, pgtype.TSVectorWeightB)
			i, j = i+1, j+1
		}
		v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: word, Positions: ps[start:len(ps):len(ps)]})
	}
	return v
}

// appendPositions appends pos, moved on by shift, at weight w to the
// positions of one word begun at start, as || does: at most wordsJoined,
// and none after the last position.
func appendPositions(ps []pgtype.TSVectorPosition, start int, pos []uint16, shift uint16, w pgtype.TSVectorWeight) []pgtype.TSVectorPosition {
	for _, p := range pos {
		if n := len(ps) - start; n == wordsJoined || n > 0 && ps[len(ps)-1].Position == wordsMaxPos {
			break
		}
		ps = append(ps, pgtype.TSVectorPosition{Position: uint16(min(int(p)+int(shift), wordsMaxPos)), Weight: w})
	}
	return ps
}

// lexeme is a word with its positions, as to_tsvector keeps them.
type lexeme struct {
	word string
	pos  []uint16
}

func positions(ls []lexeme) int {
	n := 0
	for _, l := range ls {
		n += len(l.pos)
	}
	return n
}

// token is a word of a text (its bytes from off, n of them) at its
// position: no pointer, so that sorting tokens is cheap.
type token struct {
	off    uint32
	n, pos uint16
}

// parsedWords is to_tsvector('simple') of folded text whose every run of
// characters other than a-z and 0-9 is one space: its words in the
// vector's order, each with its positions in order.
func parsedWords(folded string) []lexeme {
	var ts []token
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
		off, n := i, j-i
		i = j
		if n > wordsMaxBytes {
			continue
		}
		pos++
		if ts == nil {
			ts = make([]token, 0, len(folded)/5+1)
		}
		ts = append(ts, token{uint32(off), uint16(n), uint16(min(pos, wordsMaxPos))})
	}
	if len(ts) == 0 {
		return nil
	}
	word := func(t token) string { return folded[t.off : t.off+uint32(t.n)] }
	// By word, then position (positions past the last are all the last:
	// their order does not matter).
	slices.SortFunc(ts, func(a, b token) int {
		if c := strings.Compare(word(a), word(b)); c != 0 {
			return c
		}
		return int(a.pos) - int(b.pos)
	})
	all := make([]uint16, 0, len(ts))
	var out []lexeme
	for k, t := range ts {
		w := word(t)
		if k == 0 || w != word(ts[k-1]) {
			all = append(all, t.pos)
			out = append(out, lexeme{word: w, pos: all[len(all)-1:]})
			continue
		}
		l := &out[len(out)-1]
		if n := len(l.pos); n == wordsParsed || l.pos[n-1] == wordsMaxPos || l.pos[n-1] == t.pos {
			continue
		}
		all = append(all, t.pos)
		l.pos = l.pos[:len(l.pos)+1]
	}
	return out
}

func wordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

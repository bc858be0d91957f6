package db

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"modernc.org/sqlite"

	"github.com/danvan/danvan/internal/vntext"
)

// The search index (migration 00400, package search) is written by
// triggers that call danvan_fold and danvan_lower. PostgreSQL has them as
// SQL functions; on SQLite they are these Go functions, registered for
// every connection the driver opens, so the triggers fold exactly as
// vntext does.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("danvan_fold", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, ok := textArg(args[0])
		if !ok {
			return nil, nil
		}
		return vntext.Fold(s), nil
	})
	sqlite.MustRegisterDeterministicScalarFunction("danvan_lower", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, ok := textArg(args[0])
		if !ok {
			return nil, nil
		}
		return SearchLower(s), nil
	})
}

// SearchLower is what danvan_lower makes of a text: NFC, lower case. The
// search index's title_lc holds it; Go code that writes the index itself
// calls it so as to write what the triggers would.
func SearchLower(s string) string { return strings.ToLower(vntext.Normalize(s)) }

func textArg(v driver.Value) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []byte:
		return string(v), true
	case nil:
		return "", false
	default:
		return fmt.Sprint(v), true
	}
}

// SearchTerm is one part of a full-text query: a record matches it when
// its folded text holds one of the alternatives, each a phrase of folded
// words ([a-z0-9] only; anything else is dropped).
type SearchTerm struct {
	Alternatives [][]string
}

// SearchQuery is the engine's part of a full-text search over
// search_entries e: Join is added after "FROM search_entries e" (SQLite
// joins its FTS5 table), Where is one more condition with its Args.
// Empty when no term has a word.
type SearchQuery struct {
	Join  string
	Where string
	Args  []any
}

// Search returns the engine's full-text condition over search_entries e
// for terms, all of which must match; in the title alone when title is
// set. SQLite uses its FTS5 table search_fts (a column filter for the
// title), PostgreSQL the stored vector words of the GIN index
// search_entries_words (its words of weight A for the title).
func (d Dialect) Search(terms []SearchTerm, title bool) SearchQuery {
	var parts []string
	for _, t := range terms {
		var alts []string
		for _, phrase := range t.Alternatives {
			words := cleanWords(phrase)
			if len(words) == 0 {
				continue
			}
			if d == Postgres {
				if title {
					for i, w := range words {
						words[i] = w + ":A"
					}
				}
				alts = append(alts, strings.Join(words, " <-> "))
			} else {
				alts = append(alts, `"`+strings.Join(words, " ")+`"`)
			}
		}
		if len(alts) == 0 {
			continue
		}
		if d == Postgres {
			parts = append(parts, "("+strings.Join(alts, " | ")+")")
		} else {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	if len(parts) == 0 {
		return SearchQuery{}
	}
	if d == Postgres {
		q := strings.Join(parts, " & ")
		// The title's words are those of weight A in the stored vector.
		return SearchQuery{Where: "e.words @@ to_tsquery('simple', ?)", Args: []any{q}}
	}
	q := strings.Join(parts, " AND ")
	if title {
		q = "{title_fold} : (" + q + ")"
	}
	return SearchQuery{
		Join:  " JOIN search_fts ON search_fts.rowid = e.id",
		Where: "search_fts MATCH ?",
		Args:  []any{q},
	}
}

// SearchScope is the condition keeping the entries of search_entries e
// whose unit is one of ids (the reader's scope, computed by the program:
// integers only, spliced like IDList). PostgreSQL tests it inside the GIN
// index search_entries_words, which holds each entry's unit as a
// one-element array beside its words (migration 00491); SQLite reads the
// unit of each entry its FTS5 table matched.
func (d Dialect) SearchScope(ids []int64) string {
	if d == Postgres {
		return "ARRAY[e.unit_id] && '{" + IDList(ids) + "}'::bigint[]"
	}
	return "e.unit_id IN (" + IDList(ids) + ")"
}

// SimilarQuery is the engine's part of a typo-tolerant search of titles:
// Join and Where (with Args) pick candidates whose folded title shares
// trigrams with the text; the caller checks their similarity itself
// (Trigrams, Similarity) and keeps at most a limit, Order first. When
// Setup is set, the query runs in a transaction that runs Setup first
// (PostgreSQL: the threshold of pg_trgm's %).
type SimilarQuery struct {
	Join  string
	Where string
	Args  []any
	Order string
	Setup string
	// Thresholded: the engine already left out what is less similar
	// than the threshold asked for (PostgreSQL); else (SQLite) the same
	// candidates come whatever the threshold.
	Thresholded bool
}

// Similar returns the candidates' condition for folded text: on
// PostgreSQL pg_trgm's % over the trigram index, with threshold as its
// limit (the index then reads only titles sharing at least that share
// of the text's trigrams, so a higher threshold reads far fewer rows),
// ordered by similarity; on SQLite any of the text's trigrams in the
// FTS5 trigram table search_trgm, ordered by bm25 (rows holding more and
// rarer trigrams first), whatever the threshold.
func (d Dialect) Similar(folded string, threshold float64) SimilarQuery {
	if d == Postgres {
		return SimilarQuery{
			Where:       "e.title_fold OPERATOR(public.%) ?",
			Args:        []any{folded},
			Order:       "public.similarity(e.title_fold, '" + strings.ReplaceAll(folded, "'", "''") + "') DESC",
			Setup:       fmt.Sprintf("SET LOCAL pg_trgm.similarity_threshold = %.3f", min(max(threshold, 0), 1)),
			Thresholded: true,
		}
	}
	var grams []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(folded) {
		r := []rune(w)
		for i := 0; i+3 <= len(r); i++ {
			g := string(r[i : i+3])
			if !seen[g] && isWordText(g) {
				seen[g] = true
				grams = append(grams, `"`+g+`"`)
			}
		}
	}
	if len(grams) == 0 {
		return SimilarQuery{Where: "1 = 0"}
	}
	return SimilarQuery{
		Join:  " JOIN search_trgm ON search_trgm.rowid = e.id",
		Where: "search_trgm MATCH ?",
		Args:  []any{strings.Join(grams, " OR ")},
		Order: "bm25(search_trgm)",
	}
}

func cleanWords(words []string) []string {
	var out []string
	for _, w := range words {
		if isWordText(w) {
			out = append(out, w)
		}
	}
	return out
}

// isWordText reports whether s is a non-empty run of a-z and 0-9: the only
// text the search queries put inside their quoted strings.
func isWordText(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// Package i18n holds danvan's message catalogs: every sentence and label
// the product shows, keyed, in Vietnamese (first) and English.
//
// Each package that produces text a person reads keeps its own catalog
// beside the code that uses it: a domain package its errors and the labels
// of its values (statuses, kinds, period names), a web feature package the
// words of its pages. The web layer merges them into one Catalog at
// start-up (a key defined twice is an error) and translates each key, with
// its arguments, into the language of the request.
package i18n

import (
	"fmt"
	"sort"
	"strings"
)

// The languages danvan speaks, Vietnamese first.
const (
	VI = "vi"
	EN = "en"
)

// Languages lists the languages, Vietnamese first.
var Languages = []string{VI, EN}

// Text is one message in both languages, Vietnamese first:
// {"Trang chủ", "Home"}. Either may hold fmt verbs; the arguments are
// given when it is translated.
type Text [2]string

// VI is the Vietnamese text.
func (t Text) VI() string { return t[0] }

// EN is the English text.
func (t Text) EN() string { return t[1] }

// In is the text in lang: English when asked for and present, else
// Vietnamese.
func (t Text) In(lang string) string {
	if lang == EN && t[1] != "" {
		return t[1]
	}
	return t[0]
}

// Catalog maps message keys to their texts.
type Catalog map[string]Text

// Message is a key with its arguments: what a domain package returns or
// stores instead of a finished sentence, so that it can be shown in
// either language later.
type Message struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
}

// M builds a Message.
func M(key string, args ...any) Message { return Message{Key: key, Args: args} }

// Merge joins catalogs into a new one; a key defined in two of them is an
// error naming the key, so no package silently overrides another's text.
func Merge(cs ...Catalog) (Catalog, error) {
	out := Catalog{}
	var dups []string
	for _, c := range cs {
		for k, v := range c {
			if _, dup := out[k]; dup {
				dups = append(dups, k)
				continue
			}
			out[k] = v
		}
	}
	if len(dups) > 0 {
		sort.Strings(dups)
		return nil, fmt.Errorf("i18n: message keys defined twice: %s", strings.Join(dups, ", "))
	}
	return out, nil
}

// Has reports whether key is in the catalog.
func (c Catalog) Has(key string) bool {
	_, ok := c[key]
	return ok
}

// T translates key into lang with args. English falls back to Vietnamese
// when a text has no English; a key that is not in the catalog shows as
// itself between brackets, so it is noticed and never crashes a page.
// Arguments that are Messages are translated first, and arguments that are
// a Text (a name held in both languages, such as an indicator's) show in
// lang.
func (c Catalog) T(lang, key string, args ...any) string {
	m, ok := c[key]
	if !ok {
		return "[" + key + "]"
	}
	s := m[0]
	if lang == EN && m[1] != "" {
		s = m[1]
	}
	if len(args) == 0 {
		return s
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Message:
			a = c.T(lang, v.Key, v.Args...)
		case Text:
			a = v.In(lang)
		}
		out[i] = a
	}
	return fmt.Sprintf(s, out...)
}

// Text translates a Message.
func (c Catalog) Text(lang string, m Message) string { return c.T(lang, m.Key, m.Args...) }

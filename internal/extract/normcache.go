package extract

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/vntext"
)

// wordCache remembers vntext.Normalize of single words: an article repeats
// a few hundred syllables, and normalizing each once per process is much
// cheaper than normalizing every line. It stops growing at maxCached.
var wordCache struct {
	sync.RWMutex
	m map[string]string
}

const maxCached = 1 << 16

// normalizeWords is vntext.Normalize(s) computed word by word through the
// cache. Text with stray combining marks (NFD input) takes the plain path.
func normalizeWords(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	for _, r := range s {
		if isCombining(r) || r >= 0x300 && unicode.Is(unicode.Mn, r) && r < 0x1E00 {
			return vntext.Normalize(s)
		}
	}
	var out []byte
	changed := false
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) {
			if changed {
				out = append(out, s[i:i+n]...)
			}
			i += n
			continue
		}
		j := i + n
		nonASCII := r >= utf8.RuneSelf
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isLetter(r2) {
				break
			}
			if r2 >= utf8.RuneSelf {
				nonASCII = true
			}
			j += n2
		}
		w := s[i:j]
		nw := w
		if nonASCII {
			nw = normalizeWord(w)
		}
		if nw != w && !changed {
			changed = true
			out = make([]byte, 0, len(s)+8)
			out = append(out, s[:i]...)
		}
		if changed {
			out = append(out, nw...)
		}
		i = j
	}
	if !changed {
		return s
	}
	return string(out)
}

func normalizeWord(w string) string {
	wordCache.RLock()
	nw, ok := wordCache.m[w]
	wordCache.RUnlock()
	if ok {
		return nw
	}
	nw = vntext.Normalize(w)
	wordCache.Lock()
	if wordCache.m == nil {
		wordCache.m = map[string]string{}
	}
	if len(wordCache.m) < maxCached {
		wordCache.m[w] = nw
	}
	wordCache.Unlock()
	return nw
}

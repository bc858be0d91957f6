package notify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/danvan/danvan/internal/i18n"
)

// encodeArgs stores a message's arguments as JSON: strings and numbers as
// themselves, a nested i18n.Message as {"key": …, "args": […]} (the way
// report stores its notifications).
func encodeArgs(args []any) (string, error) {
	out := make([]any, len(args))
	for i, a := range args {
		if m, ok := a.(i18n.Message); ok {
			inner, err := encodeArgs(m.Args)
			if err != nil {
				return "", err
			}
			out[i] = map[string]any{"key": m.Key, "args": json.RawMessage(inner)}
			continue
		}
		out[i] = a
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// decodeArgs reads arguments stored by encodeArgs back: whole numbers as
// int64 (for %d), other numbers as float64, objects as i18n.Messages.
func decodeArgs(s string) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("notify: stored arguments %q: %w", s, err)
	}
	out := make([]any, len(raw))
	for i, a := range raw {
		v, err := argValue(a)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func argValue(a any) (any, error) {
	switch v := a.(type) {
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n, nil
		}
		f, err := v.Float64()
		if err != nil || math.IsInf(f, 0) {
			return nil, fmt.Errorf("notify: stored number %q", v)
		}
		return f, nil
	case map[string]any:
		key, _ := v["key"].(string)
		if key == "" {
			return nil, fmt.Errorf("notify: stored message without a key: %v", v)
		}
		m := i18n.Message{Key: key}
		list, _ := v["args"].([]any)
		for _, x := range list {
			y, err := argValue(x)
			if err != nil {
				return nil, err
			}
			m.Args = append(m.Args, y)
		}
		return m, nil
	}
	return a, nil
}

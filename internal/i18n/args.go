package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
)

// EncodeArgs stores a message's arguments as JSON, for a message kept in
// the database as its key and arguments: strings and numbers as
// themselves, a nested Message as {"key": …, "args": […]}.
func EncodeArgs(args []any) (string, error) {
	if args == nil {
		args = []any{}
	}
	b, err := json.Marshal(args)
	return string(b), err
}

// DecodeArgs reads arguments stored by EncodeArgs back: whole numbers as
// int64 (for %d), other numbers as float64, objects with a key as
// Messages. An empty string is no arguments.
func DecodeArgs(s string) ([]any, error) {
	if s == "" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("stored message arguments %q: %w", s, err)
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
			return nil, fmt.Errorf("stored number %q", v)
		}
		return f, nil
	case map[string]any:
		key, _ := v["key"].(string)
		if key == "" {
			return nil, fmt.Errorf("stored message without a key: %v", v)
		}
		m := Message{Key: key}
		list, _ := v["args"].([]any)
		for _, x := range list {
			y, err := argValue(x)
			if err != nil {
				return nil, err
			}
			m.Args = append(m.Args, y)
		}
		return m, nil
	case string, bool, nil:
		return v, nil
	}
	return nil, fmt.Errorf("stored argument of type %T", a)
}

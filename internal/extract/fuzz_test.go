package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzExtract checks that Extract never panics, always gives a record
// that marshals to valid JSON, and never returns a name or figure that is
// not in its input.
func FuzzExtract(f *testing.F) {
	for _, d := range checkedDirs() {
		files, _ := filepath.Glob(filepath.Join(d.articles, "*"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b, int64(0))
			}
		}
	}
	f.Add([]byte("Sáng 11/7, đồng chí Nguyễn Văn A - Bí thư chủ trì; dự có ông Lê B, 5 tỷ đồng, 10%"), int64(1600000000))
	f.Add([]byte("<p>Ð/c Hoàng Thị Hoà - UVBTV chủ trì<br>hòa giải 12/14 vụ việc</p><script>x</script>"), int64(0))
	f.Add([]byte("\xff\xfe ngày 31.12.2015 09-13/11/2015 08-10/2020 1 tỷ 200 triệu đồng"), int64(0))
	f.Fuzz(func(t *testing.T, doc []byte, pub int64) {
		opts := Options{Source: "fuzz"}
		if pub > 0 && pub < 1<<40 {
			opts.Published = time.Unix(pub, 0).UTC()
		}
		rec, err := Extract(context.Background(), doc, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !json.Valid(b) {
			t.Fatalf("invalid JSON: %s", b)
		}
		var back map[string]any
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"chairs", "attendees", "figures", "tasks", "warnings"} {
			if _, ok := back[k].([]any); !ok {
				t.Fatalf("%s is not a list: %s", k, b)
			}
		}
		checkGrounded(t, rec)
	})
}

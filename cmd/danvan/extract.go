package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/extract"
)

// runExtract implements `danvan extract [--published YYYY-MM-DD] [--score
// GOLD_DIR] FILE... | -`: one JSON object per input on stdout, in order.
// It never opens a database.
func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	published := fs.String("published", "", "ngày đăng bài YYYY-MM-DD, chỉ để suy ra năm còn thiếu (publication date)")
	goldDir := fs.String("score", "", "thư mục kết quả mẫu GOLD_DIR: in precision/recall/F1 từng trường thay cho JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: danvan extract [--published YYYY-MM-DD] [--score GOLD_DIR] FILE... | -")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{fmt.Sprintf("extract: %v", err)}
	}
	var opts extract.Options
	if *published != "" {
		t, err := time.Parse("2006-01-02", *published)
		if err != nil {
			return usageError{fmt.Sprintf("extract: --published %q không phải ngày YYYY-MM-DD", *published)}
		}
		opts.Published = t
	}
	files := fs.Args()
	if len(files) == 0 {
		return usageError{"extract: thiếu tệp đầu vào (FILE... hoặc - cho đầu vào chuẩn)"}
	}
	scores := extract.Scores{}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		doc, err := readInput(name, stdin)
		o := opts
		o.Source = name
		var gold extract.Record
		if *goldDir != "" && err == nil {
			var pub time.Time
			gold, pub, err = readGold(*goldDir, name)
			if err != nil {
				failed++
				fmt.Fprintf(stderr, "danvan extract: %v\n", err)
				continue
			}
			if o.Published.IsZero() {
				o.Published = pub
			}
		}
		var rec extract.Record
		if err != nil {
			failed++
			rec = extract.Record{
				Source: name, EventType: extract.TypeOther,
				Chairs: []extract.Person{}, Attendees: []extract.Person{}, Figures: []extract.Figure{},
				Tasks: []string{}, Warnings: []string{fmt.Sprintf("Không đọc được tệp: %v", err)},
			}
		} else {
			rec, err = extract.Extract(ctx, doc, o)
			if err != nil {
				return fmt.Errorf("extract %s: %w", name, err)
			}
		}
		if *goldDir != "" {
			if doc != nil {
				scores.Add(rec, gold)
			}
			continue
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("extract: write: %w", err)
		}
	}
	if *goldDir != "" {
		if err := scores.Write(stdout); err != nil {
			return fmt.Errorf("extract: write: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("extract: %d/%d tệp không đọc được", failed, len(files))
	}
	return nil
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}

// readGold reads GOLD_DIR/BASE.json for the input file NAME, and the
// optional "published" date a gold file may carry for its article.
func readGold(dir, name string) (extract.Record, time.Time, error) {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	path := filepath.Join(dir, base+".json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return extract.Record{}, time.Time{}, fmt.Errorf("gold for %s: %w", name, err)
	}
	var g struct {
		extract.Record
		Published string `json:"published"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return extract.Record{}, time.Time{}, fmt.Errorf("gold %s: %w", path, err)
	}
	var pub time.Time
	if g.Published != "" {
		if pub, err = time.Parse("2006-01-02", g.Published); err != nil {
			return extract.Record{}, time.Time{}, fmt.Errorf("gold %s: published: %w", path, err)
		}
	}
	return g.Record, pub, nil
}

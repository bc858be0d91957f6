package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
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
	if len(files) > 1 && os.Getenv("GOGC") == "" {
		// A batch keeps little alive (one record per file in flight) and
		// makes a lot of short-lived garbage; with the collector's default
		// pace its work grows with the workers and ate most of a second
		// core's gain. A larger pace for the batch only, unless GOGC says
		// otherwise.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	scores := extract.Scores{}
	// The workers encode each record; this goroutine only writes the
	// lines, in input order, through one buffer.
	out := bufio.NewWriterSize(stdout, 64<<10)
	// Standard input is read once, for the first "-".
	var stdinDoc []byte
	var stdinErr error
	for _, name := range files {
		if name == "-" {
			stdinDoc, stdinErr = io.ReadAll(stdin)
			break
		}
	}
	stdinUsed := false
	inputs := make([]input, len(files))
	for i, name := range files {
		inputs[i] = input{name: name}
		if name == "-" {
			if !stdinUsed {
				inputs[i].doc, inputs[i].err, inputs[i].read = stdinDoc, stdinErr, true
				stdinUsed = true
			} else {
				inputs[i].doc, inputs[i].read = []byte{}, true
			}
		}
	}
	failed := 0
	err := extractAll(ctx, inputs, opts, *goldDir, func(r result) error {
		if r.err != nil {
			failed++
			if r.gold {
				fmt.Fprintf(stderr, "danvan extract: %v\n", r.err)
				return nil
			}
		}
		if *goldDir != "" {
			if r.err == nil {
				scores.Add(r.rec, r.want)
			}
			return nil
		}
		if _, err := out.Write(r.line); err != nil {
			return fmt.Errorf("extract: write: %w", err)
		}
		return nil
	})
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("extract: write: %w", ferr)
	}
	if err != nil {
		return err
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

// input is one file named on the command line; standard input is read
// before the workers start (read set).
type input struct {
	name string
	doc  []byte
	err  error
	read bool
}

// result is the record of one input, or why there is none.
type result struct {
	rec  extract.Record
	want extract.Record // the gold record, when scoring
	err  error          // the input or its gold record could not be read
	gold bool           // err is about the gold record
	line []byte         // rec as a JSON line, when not scoring
}

// extractAll reads and extracts the inputs on every core (GOMAXPROCS
// workers) and hands the results to emit in input order. At most a few
// results per worker wait for an earlier, slower one, so memory stays
// bounded however many files there are.
func extractAll(ctx context.Context, inputs []input, opts extract.Options, goldDir string, emit func(result) error) error {
	workers := runtime.GOMAXPROCS(0)
	if workers > len(inputs) {
		workers = len(inputs)
	}
	window := 4 * workers // results allowed ahead of the next one to write
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan int)
	done := make([]chan result, len(inputs))
	for i := range done {
		done[i] = make(chan result, 1)
	}
	slots := make(chan struct{}, window)
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := extractOne(ctx, inputs[i], opts, goldDir)
				if err != nil {
					errs <- err
					cancel()
					return
				}
				done[i] <- r
			}
		}()
	}
	var emitErr error
	for i := range inputs {
		var r result
		select {
		case r = <-done[i]:
		case err := <-errs:
			cancel()
			wg.Wait()
			return err
		case <-ctx.Done():
			wg.Wait()
			return fmt.Errorf("extract: %w", ctx.Err())
		}
		<-slots
		done[i] = nil // let the record go once written
		if emitErr == nil {
			emitErr = emit(r)
			if emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	return emitErr
}

// extractOne reads one input (and its gold record when scoring) and
// extracts its record. An unreadable input gives a record with a warning;
// only a cancelled context is an error.
func extractOne(ctx context.Context, in input, opts extract.Options, goldDir string) (result, error) {
	doc, err := in.doc, in.err
	if !in.read {
		doc, err = os.ReadFile(in.name)
	}
	o := opts
	o.Source = in.name
	var r result
	if goldDir != "" && err == nil {
		var pub time.Time
		r.want, pub, err = readGold(goldDir, in.name)
		if err != nil {
			return result{err: err, gold: true}, nil
		}
		if o.Published.IsZero() {
			o.Published = pub
		}
	}
	if err != nil {
		r.err = err
		r.rec = extract.Record{
			Source: in.name, EventType: extract.TypeOther,
			Chairs: []extract.Person{}, Attendees: []extract.Person{}, Figures: []extract.Figure{},
			Tasks: []string{}, Warnings: []string{fmt.Sprintf("Không đọc được tệp: %v", err)},
		}
		return r, r.encode(goldDir)
	}
	rec, err := extract.Extract(ctx, doc, o)
	if err != nil {
		return result{}, fmt.Errorf("extract %s: %w", in.name, err)
	}
	r.rec = rec
	return r, r.encode(goldDir)
}

// encode writes r.rec as its JSON line (no HTML escaping), in the worker
// that extracted it; scoring writes no lines.
func (r *result) encode(goldDir string) error {
	if goldDir != "" {
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r.rec); err != nil {
		return fmt.Errorf("extract %s: encode: %w", r.rec.Source, err)
	}
	r.line = buf.Bytes()
	return nil
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

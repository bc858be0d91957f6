package blob_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/blob"
)

func TestOpenFolderAndMemory(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "files", "nested")
	for _, loc := range []string{dir, "file://" + filepath.ToSlash(dir) + "2", "mem://"} {
		b, err := blob.Open(ctx, loc)
		if err != nil {
			t.Fatalf("Open(%q): %v", loc, err)
		}
		if err := b.WriteAll(ctx, "practice/1/a.jpg", []byte("ảnh")); err != nil {
			t.Fatalf("%s: write: %v", loc, err)
		}
		got, err := b.ReadAll(ctx, "practice/1/a.jpg")
		if err != nil || string(got) != "ảnh" {
			t.Fatalf("%s: read back %q, %v", loc, got, err)
		}
		if _, err := b.ReadAll(ctx, "practice/1/none"); !blob.IsNotFound(err) {
			t.Errorf("%s: missing key: %v, want not found", loc, err)
		}
		if err := b.WriteAll(ctx, "meeting/2/b.pdf", []byte("%PDF-")); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for o, err := range b.List(ctx, "practice/") {
			if err != nil {
				t.Fatalf("%s: list: %v", loc, err)
			}
			keys = append(keys, o.Key)
		}
		if len(keys) != 1 || keys[0] != "practice/1/a.jpg" {
			t.Errorf("%s: List(practice/) = %v", loc, keys)
		}
		if err := b.Delete(ctx, "practice/1/a.jpg"); err != nil {
			t.Errorf("%s: delete: %v", loc, err)
		}
		if err := b.Delete(ctx, "practice/1/a.jpg"); !blob.IsNotFound(err) {
			t.Errorf("%s: second delete: %v, want not found", loc, err)
		}
		for _, bad := range []string{"../x", "/etc/passwd", "a/../../b", ""} {
			if err := b.WriteAll(ctx, bad, nil); err == nil {
				t.Errorf("%s: key %q accepted", loc, bad)
			}
		}
	}
	// A folder bucket writes plain files, no sidecars or leftovers.
	ents, err := os.ReadDir(filepath.Join(dir, "meeting", "2"))
	if err != nil || len(ents) != 1 || ents[0].Name() != "b.pdf" {
		t.Errorf("folder holds %v (%v), want just b.pdf", ents, err)
	}
	if _, err := blob.Open(ctx, "s3://bucket"); err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Errorf("s3:// gave %v, want a clear refusal", err)
	}
	if _, err := blob.Open(ctx, "  "); err == nil {
		t.Error("an empty location opened")
	}
}

func TestSniffType(t *testing.T) {
	for data, want := range map[string]string{
		"%PDF-1.7\n":            "application/pdf",
		"\x89PNG\r\n\x1a\n0000": "image/png",
		"xin chào":              "text/plain",
	} {
		if got := blob.SniffType([]byte(data)); got != want {
			t.Errorf("SniffType(%q) = %q, want %q", data, got, want)
		}
	}
}

package blob_test

import (
	"context"
	"os"
	"path/filepath"
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
		if err := b.WriteAll(ctx, "practice/1/a.jpg", []byte("ảnh"), nil); err != nil {
			t.Fatalf("%s: write: %v", loc, err)
		}
		got, err := b.ReadAll(ctx, "practice/1/a.jpg")
		if err != nil || string(got) != "ảnh" {
			t.Fatalf("%s: read back %q, %v", loc, got, err)
		}
		if _, err := b.ReadAll(ctx, "practice/1/none"); !blob.IsNotFound(err) {
			t.Errorf("%s: missing key: %v, want not found", loc, err)
		}
		b.Close()
	}
	// A folder bucket writes plain files, and no metadata sidecars.
	ents, err := os.ReadDir(filepath.Join(dir, "practice", "1"))
	if err != nil || len(ents) != 1 || ents[0].Name() != "a.jpg" {
		t.Errorf("folder holds %v (%v), want just a.jpg", ents, err)
	}
	if _, err := blob.Open(ctx, "  "); err == nil {
		t.Error("an empty location opened")
	}
}

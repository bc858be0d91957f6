// Package blob opens the bucket where danvan keeps files (evidence
// photos, signed documents) through gocloud.dev/blob: a folder on disk by
// default, object storage in production (any gocloud.dev URL whose driver
// the binary links; this package links the folder and memory drivers).
//
// Files are written whole (WriteAll) under keys chosen by the domain
// packages; the database says which keys are in use, so a crash can leave
// at most an unreferenced object, which the owning package sweeps.
package blob

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	gcblob "gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	"gocloud.dev/blob/memblob"
	"gocloud.dev/gcerrors"
)

// Bucket is a gocloud.dev bucket; callers use its methods directly.
type Bucket = gcblob.Bucket

// Open opens the bucket named by raw:
//
//   - a folder path ("/var/lib/danvan/files", "./files") or "file:///abs/path":
//     a folder on disk, created when missing;
//   - "mem://": memory only (tests, throwaway demos);
//   - any other gocloud.dev URL whose driver is linked into the binary.
//
// Folder buckets store no sidecar metadata files (the database keeps each
// file's type and size) and write through a temporary file beside the
// target, renamed into place when complete, so a reader never sees half a
// file.
func Open(ctx context.Context, raw string) (*Bucket, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, errors.New("blob: no bucket URL or folder given")
	}
	if raw == "mem://" || strings.HasPrefix(raw, "mem://") {
		return memblob.OpenBucket(nil), nil
	}
	dir := ""
	switch {
	case strings.HasPrefix(raw, "file://"):
		u, err := url.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("blob: bucket URL %q: %w", raw, err)
		}
		dir = filepath.FromSlash(u.Path)
	case !strings.Contains(raw, "://"):
		dir = raw
	}
	if dir == "" {
		b, err := gcblob.OpenBucket(ctx, raw)
		if err != nil {
			return nil, fmt.Errorf("blob: open %s: %w", raw, err)
		}
		return b, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("blob: folder %s: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return nil, fmt.Errorf("blob: create folder %s: %w", abs, err)
	}
	b, err := fileblob.OpenBucket(abs, &fileblob.Options{
		CreateDir:   true,
		DirFileMode: 0o750,
		NoTempDir:   true,
		Metadata:    fileblob.MetadataDontWrite,
	})
	if err != nil {
		return nil, fmt.Errorf("blob: open folder %s: %w", abs, err)
	}
	return b, nil
}

// IsNotFound reports whether err says a key does not exist.
func IsNotFound(err error) bool { return gcerrors.Code(err) == gcerrors.NotFound }

// Package blob is where danvan keeps files (evidence photos, conference
// documents): a folder on disk, or memory for tests and throwaway demos.
//
// Files are written whole under keys chosen by the domain packages
// ("practice/12/3f2a….jpg"); the database says which keys are in use and
// what type each file is, so the bucket stores bytes only. A crash can
// leave at most an unreferenced file, which the owning package sweeps.
//
// Several servers sharing one PostgreSQL database share one folder
// (an NFS or similar mount): a file is written to a temporary name beside
// its target and renamed into place when complete, so no server ever reads
// half a file. There is no object-storage driver: none is needed to run
// danvan, and the cloud SDKs one would pull in tripled the binary.
package blob

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is returned (wrapped) for a key that holds no file.
var ErrNotFound = errors.New("blob: not found")

// IsNotFound reports whether err says a key does not exist.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// Object describes a stored file, as List yields it.
type Object struct {
	Key     string
	Size    int64
	ModTime time.Time
}

// Bucket stores files by key. It is safe for concurrent use.
type Bucket struct {
	dir string // the folder; "" for a memory bucket

	mu  sync.RWMutex
	mem map[string]memFile
}

type memFile struct {
	data []byte
	mod  time.Time
}

// Open opens the bucket at loc:
//
//   - a folder path ("/var/lib/danvan/files", "./files") or "file:///abs/path":
//     a folder on disk, created when missing;
//   - "mem://": memory only, lost when the process ends.
//
// Any other URL is refused with a message saying what is supported.
func Open(ctx context.Context, loc string) (*Bucket, error) {
	loc = strings.TrimSpace(loc)
	if loc == "" {
		return nil, errors.New("blob: no folder given")
	}
	if strings.HasPrefix(loc, "mem://") {
		return &Bucket{mem: map[string]memFile{}}, nil
	}
	dir := loc
	if strings.HasPrefix(loc, "file://") {
		u, err := url.Parse(loc)
		if err != nil {
			return nil, fmt.Errorf("blob: folder URL %q: %w", loc, err)
		}
		dir = filepath.FromSlash(u.Path)
	} else if strings.Contains(loc, "://") {
		return nil, fmt.Errorf("blob: %q is not supported: give a folder (shared between servers with NFS or similar), a file:// URL or mem://", loc)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("blob: folder %s: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return nil, fmt.Errorf("blob: create folder %s: %w", abs, err)
	}
	return &Bucket{dir: abs}, nil
}

// Dir is the bucket's folder, "" for a memory bucket.
func (b *Bucket) Dir() string { return b.dir }

// checkKey refuses keys that could leave the folder or name it oddly.
func checkKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, "\\") || strings.ContainsRune(key, 0) ||
		path.Clean(key) != key || key == "." || strings.HasPrefix(key, "../") || key == ".." {
		return fmt.Errorf("blob: bad key %q", key)
	}
	return nil
}

func (b *Bucket) path(key string) string { return filepath.Join(b.dir, filepath.FromSlash(key)) }

// WriteAll stores data under key, replacing what was there. On a folder
// the file appears whole or not at all.
func (b *Bucket) WriteAll(ctx context.Context, key string, data []byte) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if b.dir == "" {
		b.mu.Lock()
		b.mem[key] = memFile{data: slices.Clone(data), mod: time.Now()}
		b.mu.Unlock()
		return nil
	}
	p := b.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return fmt.Errorf("blob: write %s: %w", key, err)
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := p + ".tmp-" + hex.EncodeToString(rnd[:])
	if err := os.WriteFile(tmp, data, 0o640); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("blob: write %s: %w", key, err)
	}
	if err := os.Rename(tmp, p); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("blob: write %s: %w", key, err)
	}
	return nil
}

// NewReader opens the file under key; the caller closes it.
func (b *Bucket) NewReader(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	if b.dir == "" {
		b.mu.RLock()
		f, ok := b.mem[key]
		b.mu.RUnlock()
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
		}
		return io.NopCloser(bytes.NewReader(f.data)), nil
	}
	f, err := os.Open(b.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("blob: open %s: %w", key, err)
	}
	return f, nil
}

// ReadAll returns the whole file under key.
func (b *Bucket) ReadAll(ctx context.Context, key string) ([]byte, error) {
	r, err := b.NewReader(ctx, key)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("blob: read %s: %w", key, err)
	}
	return data, nil
}

// Delete removes the file under key; a missing key is ErrNotFound.
func (b *Bucket) Delete(ctx context.Context, key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if b.dir == "" {
		b.mu.Lock()
		defer b.mu.Unlock()
		if _, ok := b.mem[key]; !ok {
			return fmt.Errorf("%w: %s", ErrNotFound, key)
		}
		delete(b.mem, key)
		return nil
	}
	err := os.Remove(b.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return fmt.Errorf("blob: delete %s: %w", key, err)
	}
	return nil
}

// List yields every file whose key starts with prefix, in no particular
// order, skipping the temporary files of writes in progress. It stops at
// the first error, yielding it.
func (b *Bucket) List(ctx context.Context, prefix string) iter.Seq2[Object, error] {
	return func(yield func(Object, error) bool) {
		if b.dir == "" {
			b.mu.RLock()
			var objs []Object
			for k, f := range b.mem {
				if strings.HasPrefix(k, prefix) {
					objs = append(objs, Object{Key: k, Size: int64(len(f.data)), ModTime: f.mod})
				}
			}
			b.mu.RUnlock()
			for _, o := range objs {
				if !yield(o, nil) {
					return
				}
			}
			return
		}
		// Walk the deepest folder the prefix names entirely.
		root := b.dir
		if i := strings.LastIndex(prefix, "/"); i >= 0 {
			root = b.path(prefix[:i])
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if d.IsDir() || strings.Contains(d.Name(), ".tmp-") {
				return nil
			}
			rel, err := filepath.Rel(b.dir, p)
			if err != nil {
				return err
			}
			key := filepath.ToSlash(rel)
			if !strings.HasPrefix(key, prefix) {
				return nil
			}
			info, err := d.Info()
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed meanwhile
			}
			if err != nil {
				return err
			}
			if !yield(Object{Key: key, Size: info.Size(), ModTime: info.ModTime()}, nil) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			yield(Object{}, fmt.Errorf("blob: list %s: %w", prefix, err))
		}
	}
}

// SniffType guesses a file's media type from its first bytes (the
// WHATWG sniffing algorithm): what a file is, whatever its name says.
func SniffType(data []byte) string {
	ct := http.DetectContentType(data)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = strings.TrimSpace(ct[:i])
	}
	return ct
}

package unitui

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// The tree page's drawn tree depends only on the language, the day and
// the hierarchy: it is drawn once and kept while the database version
// org.TopicTree stays the one it was drawn at (every change to the
// hierarchy raises it in its transaction, on any server), so a page of
// the tree costs one small query instead of an outline of the whole tree
// and a template call per unit (issue 15).

// drawnTree is a tree drawn for one language and day.
type drawnTree struct {
	html  template.HTML
	total int
}

// treeKey is what a drawn tree shows.
type treeKey struct{ lang, day string }

// treeCache keeps the drawn trees of one version of the hierarchy.
type treeCache struct {
	mu      sync.Mutex
	version int64
	m       map[treeKey]drawnTree
}

// maxDrawnTrees bounds the kept trees (days asked for: a few kilobytes
// each); past it the kept ones are dropped and drawn again.
const maxDrawnTrees = 256

func (c *treeCache) get(version int64, k treeKey) (drawnTree, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return drawnTree{}, false
	}
	t, ok := c.m[k]
	return t, ok
}

// put keeps t drawn at version; a tree drawn at an older version than
// the kept ones is not kept.
func (c *treeCache) put(version int64, k treeKey, t drawnTree) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return
	case version > c.version || c.m == nil || len(c.m) >= maxDrawnTrees:
		c.version, c.m = version, map[treeKey]drawnTree{}
	}
	c.m[k] = t
}

// treeNodes is the view of treenodes.html.
type treeNodes struct {
	Date  time.Time
	Roots []*treeNode
}

// drawTree returns the tree on date drawn within treeBudget in the
// request's language, kept or drawn now. The version is read before the
// tree, so a tree kept under a version is never older than it.
func (h *handlers) drawTree(r *http.Request, date time.Time) (drawnTree, error) {
	ctx := r.Context()
	vs, err := h.DB.Versions(ctx)
	if err != nil {
		return drawnTree{}, err
	}
	version := vs[org.TopicTree]
	key := treeKey{lang: kit.Lang(r), day: db.Day(date)}
	if t, ok := h.drawn.get(version, key); ok {
		return t, nil
	}
	o, err := h.Org.Outline(ctx, date, treeBudget)
	if err != nil {
		return drawnTree{}, err
	}
	var b bytes.Buffer
	if err := h.tmpl.Execute(&b, key.lang, "treenodes", treeNodes{Date: date, Roots: o.Roots}); err != nil {
		return drawnTree{}, fmt.Errorf("unitui: draw tree: %w", err)
	}
	t := drawnTree{html: template.HTML(b.String()), total: o.Total}
	h.drawn.put(version, key, t)
	return t, nil
}

package adminui_test

import (
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestCatalogCoversAdminKeysFromValues: the keys administration builds
// from a value (an operation's title, help, date label and flash; a
// record kind; a role, a level or a kind of unit) are in the catalog in
// both languages. Keys written out in code and templates are checked for
// the whole program by package web.
func TestCatalogCoversAdminKeysFromValues(t *testing.T) {
	var keys []string
	for _, op := range org.Ops {
		o := string(op)
		keys = append(keys, "admin.op."+o, "admin.op."+o+".help", "admin.date."+o, "admin.done."+o)
	}
	for _, e := range []string{"unit", "user", "grant", "api_token", "session"} {
		keys = append(keys, "admin.entity."+e)
	}
	for _, r := range auth.Roles {
		keys = append(keys, "role."+string(r))
	}
	for _, l := range org.Levels {
		keys = append(keys, "level."+string(l))
	}
	for _, k := range org.Kinds {
		keys = append(keys, "kind."+string(k))
	}
	webtest.CheckKeys(t, "administration", keys...)
}

package apperr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
)

func TestCodesAndMessages(t *testing.T) {
	cause := errors.New("disk on fire")
	tests := []struct {
		name string
		err  error
		code apperr.Code
		msg  string
	}{
		{"nil", nil, "", ""},
		{"plain error is internal and says nothing", cause, apperr.CodeInternal, apperr.InternalKey},
		{"invalid", apperr.Invalid("name", "x.err.name"), apperr.CodeInvalid, "x.err.name"},
		{"wrapped not found", fmt.Errorf("org: get: %w", apperr.NotFound("org.err.notfound")), apperr.CodeNotFound, "org.err.notfound"},
		{"internal hides its key and cause", apperr.Wrap(cause, "save"), apperr.CodeInternal, apperr.InternalKey},
		{"list takes the first", apperr.Errors{apperr.Invalid("a", "x.a"), apperr.Invalid("b", "x.b")}, apperr.CodeInvalid, "x.a"},
	}
	for _, tt := range tests {
		if got := apperr.CodeOf(tt.err); got != tt.code {
			t.Errorf("%s: CodeOf = %q, want %q", tt.name, got, tt.code)
		}
		if got, _ := apperr.KeyOf(tt.err); got != tt.msg {
			t.Errorf("%s: KeyOf = %q, want %q", tt.name, got, tt.msg)
		}
	}
	if w := apperr.Wrap(cause, ""); !errors.Is(w, cause) {
		t.Error("Wrap loses the cause for errors.Is")
	}
}

func TestErrorsCollect(t *testing.T) {
	var es apperr.Errors
	if es.Err() != nil {
		t.Fatal("no errors gave a non-nil error")
	}
	es.Add("phone", "auth.err.phone")
	es.Add("email", "auth.err.email", "a@b")
	if e := es.Field("email"); es.Err() == nil || e == nil || e.Key != "auth.err.email" || e.Args[0] != "a@b" || es.Field("name") != nil {
		t.Errorf("Errors = %v", es)
	}
	if key, args := apperr.KeyOf(apperr.Conflict("x.stale", 3)); key != "x.stale" || len(args) != 1 || args[0] != 3 {
		t.Errorf("KeyOf(Conflict) = %q %v", key, args)
	}
}

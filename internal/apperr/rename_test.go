package apperr

import (
	"errors"
	"testing"
)

func TestRenameFields(t *testing.T) {
	up := func(f string) string { return "x." + f }
	one := Invalid("max", "k")
	if got := RenameFields(one, up).(*Error); got.Field != "x.max" || one.Field != "max" || got.Key != "k" {
		t.Errorf("one error: %+v (the original %+v)", got, one)
	}
	many := Errors{Invalid("a", "k1"), Invalid("b", "k2")}
	got := RenameFields(many, up).(Errors)
	if len(got) != 2 || got[0].Field != "x.a" || got[1].Field != "x.b" || many[0].Field != "a" {
		t.Errorf("several: %+v", got)
	}
	plain := errors.New("disk full")
	if RenameFields(plain, up) != plain || RenameFields(nil, up) != nil {
		t.Error("a plain error or nil was changed")
	}
}

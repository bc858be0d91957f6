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
		{"plain error is internal and says nothing", cause, apperr.CodeInternal, "Đã có lỗi hệ thống. Vui lòng thử lại sau."},
		{"invalid", apperr.Invalid("name", "Chưa nhập tên."), apperr.CodeInvalid, "Chưa nhập tên."},
		{"wrapped not found", fmt.Errorf("org: get: %w", apperr.NotFound("Không tìm thấy đơn vị")), apperr.CodeNotFound, "Không tìm thấy đơn vị"},
		{"internal hides its message and cause", apperr.Wrap(cause, ""), apperr.CodeInternal, "Đã có lỗi hệ thống. Vui lòng thử lại sau."},
		{"list takes the first", apperr.Errors{apperr.Invalid("a", "A sai."), apperr.Invalid("b", "B sai.")}, apperr.CodeInvalid, "A sai."},
	}
	for _, tt := range tests {
		if got := apperr.CodeOf(tt.err); got != tt.code {
			t.Errorf("%s: CodeOf = %q, want %q", tt.name, got, tt.code)
		}
		if got := apperr.MessageOf(tt.err); got != tt.msg {
			t.Errorf("%s: MessageOf = %q, want %q", tt.name, got, tt.msg)
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
	es.Add("phone", "Số điện thoại không hợp lệ.")
	es.Add("email", "Thư điện tử không hợp lệ.")
	if es.Err() == nil || es.Field("email") != "Thư điện tử không hợp lệ." || es.Field("name") != "" {
		t.Errorf("Errors = %v", es)
	}
}

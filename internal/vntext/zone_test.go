package vntext

import (
	"testing"
	"time"
)

func TestFormatDateTimeIsVietnamTime(t *testing.T) {
	at := time.Date(2026, 12, 31, 18, 5, 0, 0, time.UTC)
	if got := FormatDateTime(at); got != "01:05 01/01/2027" {
		t.Errorf("FormatDateTime = %q", got)
	}
}

package document

import (
	"context"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/vntext"
)

// What other pages ask before they offer a link to draft a document
// (the conference page its minutes and plan, the dashboard its review
// report): the rules Draft applies, answered without drafting.

// CanWrite reports whether p may draft and issue the documents of unit
// unitID (the write permission on it). A visitor, a reader without it
// and a unit that does not exist get false; only a failure to ask is
// an error.
func (s *Store) CanWrite(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	switch err := s.requireWrite(ctx, p, unitID); apperr.CodeOf(err) {
	case "":
		return true, nil
	case apperr.CodeForbidden, apperr.CodeUnauthorized, apperr.CodeInvalid:
		return false, nil
	default:
		return false, err
	}
}

// reviewPeriod checks that a review report can be drafted for per on
// today: a half year or a year that has begun.
func reviewPeriod(per vntext.Period, today time.Time) error {
	if !per.Valid() || (per.Kind != vntext.Half && per.Kind != vntext.Year) {
		return apperr.Invalid("period", "document.err.review_period")
	}
	if per.Start().After(today) {
		return apperr.Invalid("period", "document.err.period_future")
	}
	return nil
}

// ReviewPeriod reports whether a review report (sơ kết, tổng kết) can be
// drafted for per on today: a half year or a year that has begun.
func ReviewPeriod(per vntext.Period, today time.Time) bool { return reviewPeriod(per, today) == nil }

// Plannable reports whether a plan can be drafted from conference c: it
// has a key task that was not dropped.
func Plannable(c meeting.Conference) bool {
	_, n := taskTable(c.Tasks, "")
	return n > 0
}

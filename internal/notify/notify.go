// Package notify reminds people of what falls due: reports due soon and
// overdue, key tasks due soon and overdue, reports waiting for a leader's
// decision, and whatever later features add as a Source. Once a day, at
// the deployment's hour in Asia/Ho_Chi_Minh, one server makes the day's
// reminders (shown in the app) and queues one e-mail digest per person;
// every server then sends from the queue, each digest once, retrying while
// the mail server is down. People unsubscribe from each kind.
package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
)

// Zone is where days and the sending hour are counted.
var Zone = mustZone("Asia/Ho_Chi_Minh")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("ICT", 7*3600) // no tzdata: Việt Nam has kept UTC+7 since 1975
	}
	return loc
}

// Kind is a kind of reminder; people unsubscribe per kind.
type Kind string

// The kinds of reminder this package finds itself.
const (
	ReportDue       Kind = "report_due"
	ReportOverdue   Kind = "report_overdue"
	DecisionWaiting Kind = "decision_waiting"
	TaskDue         Kind = "task_due"
	TaskOverdue     Kind = "task_overdue"
)

// Item is one reminder for one person.
type Item struct {
	UserID  int64
	Kind    Kind
	Ref     string       // what it is about, the same every day ("report:12:3:2026S2")
	Due     time.Time    // the deadline (a day)
	Message i18n.Message // the sentence, a catalog key and its arguments
	Link    string       // the page to act on it
}

// Window is what a Source is asked for: the day (00:00 UTC of the date in
// Asia/Ho_Chi_Minh) and the deployment's settings.
type Window struct {
	Day      time.Time
	Settings Settings
}

// Source finds the reminders of one feature on a day. It reads through q,
// the transaction that records them. A later feature adds its deadlines
// by adding a Source (Config.Sources) and its kinds (Config.Kinds).
type Source func(ctx context.Context, q db.Querier, w Window) ([]Item, error)

// Settings is the deployment's reminder schedule.
type Settings struct {
	Hour             int // hour of the day (0–23, Asia/Ho_Chi_Minh) reminders are made and sent
	ReportOffsetDays int // a report is due this many days after its period's last day (negative: before)
	ReportLeadDays   int // reports are "due soon" this many days ahead
	TaskLeadDays     int // tasks are "due soon" this many days ahead
	OverdueDays      int // an overdue item is reminded this many days after its deadline
	Version          time.Time
}

// DefaultSettings hold until an administrator changes them: at 7 in the
// morning; a report due 5 days after its period ends, reminded a week
// ahead; a task 3 days ahead; overdue items for 30 days.
var DefaultSettings = Settings{Hour: 7, ReportOffsetDays: 5, ReportLeadDays: 7, TaskLeadDays: 3, OverdueDays: 30}

func (s Settings) validate() error {
	switch {
	case s.Hour < 0 || s.Hour > 23:
		return fmt.Errorf("hour %d", s.Hour)
	case s.ReportOffsetDays < -180 || s.ReportOffsetDays > 180:
		return fmt.Errorf("report offset %d days", s.ReportOffsetDays)
	case s.ReportLeadDays < 0 || s.ReportLeadDays > 90 || s.TaskLeadDays < 0 || s.TaskLeadDays > 90:
		return fmt.Errorf("lead %d/%d days", s.ReportLeadDays, s.TaskLeadDays)
	case s.OverdueDays < 0 || s.OverdueDays > 365:
		return fmt.Errorf("overdue %d days", s.OverdueDays)
	}
	return nil
}

// LocalDay is the date of t in Asia/Ho_Chi_Minh, as 00:00 UTC of that date.
func LocalDay(t time.Time) time.Time {
	y, m, d := t.In(Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

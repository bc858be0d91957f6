package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/notify"
)

// runReminders shows the deployment's reminder schedule and today's
// queue, and changes the schedule when flags are given.
func runReminders(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("reminders", stderr)
	dbURL := dbFlag(fs)
	hour := fs.Int("hour", -1, "giờ gửi nhắc việc trong ngày, giờ Việt Nam (hour of the day, Asia/Ho_Chi_Minh)")
	offset := fs.Int("report-offset", 0, "hạn nộp báo cáo: số ngày sau ngày cuối kỳ, âm là trước (a report's deadline: days after its period ends)")
	reportLead := fs.Int("report-lead", 0, "nhắc báo cáo trước hạn bao nhiêu ngày (days ahead a report is reminded)")
	taskLead := fs.Int("task-lead", 0, "nhắc nhiệm vụ trước hạn bao nhiêu ngày (days ahead a task is reminded)")
	overdue := fs.Int("overdue", 0, "còn nhắc việc quá hạn bao nhiêu ngày (days an overdue item keeps being reminded)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	n := notify.New(d, notify.Config{})
	st, err := n.Settings(ctx)
	if err != nil {
		return err
	}
	set := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "hour":
			st.Hour, set = *hour, true
		case "report-offset":
			st.ReportOffsetDays, set = *offset, true
		case "report-lead":
			st.ReportLeadDays, set = *reportLead, true
		case "task-lead":
			st.TaskLeadDays, set = *taskLead, true
		case "overdue":
			st.OverdueDays, set = *overdue, true
		}
	})
	if set {
		if err := n.SetSettings(ctx, auth.System(), st); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "Lịch nhắc việc (reminder schedule):\n  giờ gửi (hour, Asia/Ho_Chi_Minh): %d:00\n"+
		"  hạn báo cáo (report deadline): %+d ngày sau ngày cuối kỳ (days after the period ends)\n"+
		"  nhắc báo cáo trước (reports ahead): %d ngày\n  nhắc nhiệm vụ trước (tasks ahead): %d ngày\n"+
		"  nhắc việc quá hạn trong (overdue reminded for): %d ngày\n",
		st.Hour, st.ReportOffsetDays, st.ReportLeadDays, st.TaskLeadDays, st.OverdueDays)
	q, err := n.QueueStatus(ctx, notify.LocalDay(d.Now()))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Thư hôm nay (today's digests): %d đã gửi (sent), %d chờ (pending), %d đang gửi (sending), %d bỏ qua (skipped), %d lỗi (failed)\n",
		q["sent"], q["pending"], q["sending"], q["skipped"], q["failed"])
	return nil
}

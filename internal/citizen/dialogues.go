package citizen

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Dialogue is a direct dialogue between a head of the Party committee or
// the government and the people.
type Dialogue struct {
	ID          int64
	UnitID      int64
	UnitName    string
	Topic       string
	HeadName    string
	HeadTitle   string
	PlannedOn   time.Time
	Place       string
	Link        string // an online meeting's address
	AnnouncedOn time.Time
	Status      string // planned, held, cancelled
	HeldOn      time.Time
	Attendance  int
	PublishedOn time.Time
	Summary     string
	Version     int64
	Issues      []Issue
}

// StatusLabel is the dialogue's status name.
func (d Dialogue) StatusLabel() i18n.Message { return i18n.M("citizen.dialogue." + d.Status) }

// Warnings says what the dialogue lacks on today under set: announced
// later than set.DialogueNotice days before (or not yet, when that day
// has come), results not published set.DialoguePublish days after.
func (d Dialogue) Warnings(today time.Time, set Settings) []i18n.Message {
	var out []i18n.Message
	if d.Status == "cancelled" {
		return nil
	}
	noticeBy := d.PlannedOn.AddDate(0, 0, -set.DialogueNotice)
	switch {
	case d.AnnouncedOn.IsZero() && d.Status == "planned" && !today.Before(noticeBy):
		out = append(out, i18n.M("citizen.warn.not_announced", set.DialogueNotice))
	case !d.AnnouncedOn.IsZero() && d.AnnouncedOn.After(noticeBy):
		out = append(out, i18n.M("citizen.warn.announced_late", set.DialogueNotice, vntext.FormatDate(d.AnnouncedOn)))
	}
	if d.Status == "held" {
		publishBy := d.HeldOn.AddDate(0, 0, set.DialoguePublish)
		switch {
		case d.PublishedOn.IsZero() && today.After(publishBy):
			out = append(out, i18n.M("citizen.warn.not_published", set.DialoguePublish))
		case !d.PublishedOn.IsZero() && d.PublishedOn.After(publishBy):
			out = append(out, i18n.M("citizen.warn.published_late", set.DialoguePublish, vntext.FormatDate(d.PublishedOn)))
		}
	}
	return out
}

// Issue is something raised at a dialogue, its answer and follow-up.
type Issue struct {
	ID                int64
	DialogueID        int64
	UnitID            int64 // the dialogue's unit
	DialogueTopic     string
	RaisedBy          string
	Content           string
	Answer            string
	AnsweredOn        time.Time
	ResponsibleUnitID int64
	ResponsibleName   string
	DueOn             time.Time
	Status            string // open, answered, done
	ClosedOn          time.Time
	Version           int64
}

// Late reports whether an issue needing action is past its deadline.
func (i Issue) Late(today time.Time) bool {
	return i.Status != "done" && !i.DueOn.IsZero() && i.DueOn.Before(today)
}

// StatusLabel is the issue's status name.
func (i Issue) StatusLabel() i18n.Message { return i18n.M("citizen.issue." + i.Status) }

// NewDialogue plans a dialogue.
type NewDialogue struct {
	UnitID      int64
	Topic       string
	HeadName    string
	HeadTitle   string
	PlannedOn   time.Time
	Place       string
	Link        string
	AnnouncedOn time.Time
}

func (nd *NewDialogue) validate() error {
	var es apperr.Errors
	nd.Topic, nd.HeadName, nd.HeadTitle, nd.Place = clean(nd.Topic), clean(nd.HeadName), clean(nd.HeadTitle), clean(nd.Place)
	nd.Link = strings.TrimSpace(nd.Link)
	if nd.Topic == "" {
		es.Add("topic", "citizen.err.topic")
	}
	if nd.HeadName == "" {
		es.Add("head_name", "citizen.err.head")
	}
	if nd.PlannedOn.IsZero() {
		es.Add("planned_on", "citizen.err.day")
	}
	if nd.Place == "" && nd.Link == "" {
		es.Add("place", "citizen.err.place_or_link")
	}
	if nd.Link != "" {
		u, err := url.Parse(nd.Link)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			es.Add("link", "citizen.err.link")
		}
	}
	if !nd.AnnouncedOn.IsZero() && !nd.PlannedOn.IsZero() && nd.AnnouncedOn.After(nd.PlannedOn) {
		es.Add("announced_on", "citizen.err.announced_after")
	}
	limit(&es, "topic", nd.Topic, 300)
	limit(&es, "head_name", nd.HeadName, 200)
	limit(&es, "head_title", nd.HeadTitle, 200)
	limit(&es, "place", nd.Place, 300)
	limit(&es, "link", nd.Link, 500)
	return es.Err()
}

// PlanDialogue records a planned dialogue of unit, for an officer of it.
func (s *Store) PlanDialogue(ctx context.Context, p *auth.Principal, nd NewDialogue) (Dialogue, error) {
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", nd.UnitID); err != nil {
		return Dialogue{}, err
	}
	if err := nd.validate(); err != nil {
		return Dialogue{}, err
	}
	if _, err := s.checkUnit(ctx, nd.UnitID, nd.PlannedOn, "unit"); err != nil {
		return Dialogue{}, err
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO citizen_dialogues (unit_id, topic, topic_fold, head_name, head_title, planned_on, place, link,
			announced_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
			nd.UnitID, nd.Topic, vntext.Fold(nd.Topic), nd.HeadName, nd.HeadTitle, db.Day(nd.PlannedOn), nd.Place, nd.Link,
			optDay(nd.AnnouncedOn), now, now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "dialogue", EntityID: id, UnitID: nd.UnitID, After: nd})
	})
	if err != nil {
		return Dialogue{}, wrap(err, "plan dialogue")
	}
	return s.Dialogue(ctx, p, id)
}

const dialogueCols = `d.id, d.unit_id, d.topic, d.head_name, d.head_title, d.planned_on, d.place, d.link, d.announced_on, d.status,
	d.held_on, d.attendance, d.published_on, d.summary, d.version`

func scanDialogue(r interface{ Scan(...any) error }, extra ...any) (Dialogue, error) {
	var d Dialogue
	var planned, announced, held, published string
	dest := append([]any{&d.ID, &d.UnitID, &d.Topic, &d.HeadName, &d.HeadTitle, &planned, &d.Place, &d.Link, &announced, &d.Status,
		&held, &d.Attendance, &published, &d.Summary, &d.Version}, extra...)
	if err := r.Scan(dest...); err != nil {
		return Dialogue{}, err
	}
	return d, parseDays(&d.PlannedOn, planned, &d.AnnouncedOn, announced, &d.HeldOn, held, &d.PublishedOn, published)
}

// Dialogue returns a dialogue with its issues, to a reader of its unit.
func (s *Store) Dialogue(ctx context.Context, p *auth.Principal, id int64) (Dialogue, error) {
	var name string
	d, err := scanDialogue(s.db.QueryRowContext(ctx, `SELECT `+dialogueCols+`, `+org.NameSQL("d.unit_id", "d.planned_on")+`
		FROM citizen_dialogues d WHERE d.id = ?`, id), &name)
	if errors.Is(err, db.ErrNotFound) {
		return Dialogue{}, apperr.NotFound("citizen.err.dialogue_not_found")
	}
	if err != nil {
		return Dialogue{}, wrap(err, "dialogue")
	}
	d.UnitName = name
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", d.UnitID); err != nil {
		return Dialogue{}, err
	}
	d.Issues, err = s.issues(ctx, "i.dialogue_id = ?", []any{id}, "i.id", 1000, 0)
	return d, wrap(err, "dialogue")
}

// DialogueUpdate changes a dialogue: its announcement, the day it was held
// and the attendance, the published results, or its cancellation.
type DialogueUpdate struct {
	ID          int64
	Version     int64
	Status      string // planned, held, cancelled
	AnnouncedOn time.Time
	HeldOn      time.Time
	Attendance  int
	PublishedOn time.Time
	Summary     string
}

// UpdateDialogue records what happened to a dialogue, for an officer of
// its unit.
func (s *Store) UpdateDialogue(ctx context.Context, p *auth.Principal, u DialogueUpdate) (Dialogue, error) {
	d, err := s.Dialogue(ctx, p, u.ID)
	if err != nil {
		return Dialogue{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", d.UnitID); err != nil {
		return Dialogue{}, err
	}
	today := s.Today()
	u.Summary = cleanText(u.Summary)
	var es apperr.Errors
	switch u.Status {
	case "planned", "cancelled":
	case "held":
		switch {
		case u.HeldOn.IsZero():
			es.Add("held_on", "citizen.err.held_on")
		case u.HeldOn.After(today):
			es.Add("held_on", "citizen.err.future")
		}
		if u.Attendance < 1 || u.Attendance > 1000000 {
			es.Add("attendance", "citizen.err.attendance")
		}
	default:
		es.Add("status", "citizen.err.status")
	}
	if !u.AnnouncedOn.IsZero() && u.AnnouncedOn.After(d.PlannedOn) {
		es.Add("announced_on", "citizen.err.announced_after")
	}
	if !u.PublishedOn.IsZero() {
		if u.Status != "held" {
			es.Add("published_on", "citizen.err.published_unheld")
		} else if !u.HeldOn.IsZero() && u.PublishedOn.Before(u.HeldOn) {
			es.Add("published_on", "citizen.err.published_before")
		}
	}
	limit(&es, "summary", u.Summary, 20000)
	if err := es.Err(); err != nil {
		return Dialogue{}, err
	}
	if u.Status != "held" {
		u.HeldOn, u.Attendance = time.Time{}, 0
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE citizen_dialogues SET status = ?, announced_on = ?, held_on = ?, attendance = ?, published_on = ?,
			summary = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			u.Status, optDay(u.AnnouncedOn), optDay(u.HeldOn), u.Attendance, optDay(u.PublishedOn), u.Summary, db.Stamp(tx.Now()), u.ID, u.Version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("citizen.err.stale")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "dialogue", EntityID: u.ID, UnitID: d.UnitID,
			Before: map[string]any{"status": d.Status, "attendance": d.Attendance}, After: u})
	})
	if err != nil {
		return Dialogue{}, wrap(err, "update dialogue")
	}
	return s.Dialogue(ctx, p, u.ID)
}

// DialogueFilter selects dialogues.
type DialogueFilter struct {
	UnitID        int64
	Year          int // planned in this year; 0 for any
	Query         string
	Limit, Offset int
}

// Dialogues returns one page of the dialogues of units p may read, the
// latest first, and how many there are.
func (s *Store) Dialogues(ctx context.Context, p *auth.Principal, f DialogueFilter) ([]Dialogue, int, error) {
	var where []string
	var args []any
	if f.UnitID != 0 {
		if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", f.UnitID); err != nil {
			return nil, 0, err
		}
		where = append(where, "d.unit_id = ?")
		args = append(args, f.UnitID)
	} else {
		r, err := s.reach(ctx, p, auth.PermRead)
		if err != nil {
			return nil, 0, err
		}
		if w := scopeWhere("d.unit_id", r); w != "" {
			where = append(where, w)
		}
	}
	if f.Year != 0 {
		where = append(where, "d.planned_on >= ? AND d.planned_on <= ?")
		args = append(args, db.Day(date(f.Year, time.January, 1)), db.Day(date(f.Year, time.December, 31)))
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `d.topic_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+dialogueCols+`, `+org.NameSQL("d.unit_id", "d.planned_on")+`, COUNT(*) OVER ()
		FROM citizen_dialogues d`+w+` ORDER BY d.planned_on DESC, d.id DESC LIMIT ? OFFSET ?`, append(args, min(f.Limit, 500), f.Offset)...)
	if err != nil {
		return nil, 0, wrap(err, "dialogues")
	}
	defer rows.Close()
	out := []Dialogue{}
	total := 0
	for rows.Next() {
		var name string
		d, err := scanDialogue(rows, &name, &total)
		if err != nil {
			return nil, 0, wrap(err, "dialogues")
		}
		d.UnitName = name
		out = append(out, d)
	}
	return out, total, wrap(rows.Err(), "dialogues")
}

// NewIssue is something raised at a dialogue.
type NewIssue struct {
	DialogueID int64
	RaisedBy   string
	Content    string
	Answer     string // the answer given at the dialogue, if any
	// ResponsibleUnitID and DueOn, when the issue needs action: it becomes
	// a follow-up item of that unit until the deadline.
	ResponsibleUnitID int64
	DueOn             time.Time
}

// AddIssue records an issue raised at a held dialogue, for an officer of
// its unit. An issue answered on the spot with no action needed is
// answered; one given to a unit with a deadline stays open until that
// unit reports it done.
func (s *Store) AddIssue(ctx context.Context, p *auth.Principal, ni NewIssue) (Issue, error) {
	d, err := s.Dialogue(ctx, p, ni.DialogueID)
	if err != nil {
		return Issue{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", d.UnitID); err != nil {
		return Issue{}, err
	}
	ni.RaisedBy, ni.Content, ni.Answer = clean(ni.RaisedBy), cleanText(ni.Content), cleanText(ni.Answer)
	var es apperr.Errors
	if d.Status != "held" {
		es.Add("", "citizen.err.dialogue_not_held")
	}
	if ni.Content == "" {
		es.Add("content", "citizen.err.content")
	}
	limit(&es, "raised_by", ni.RaisedBy, 200)
	limit(&es, "content", ni.Content, 5000)
	limit(&es, "answer", ni.Answer, 5000)
	if ni.ResponsibleUnitID != 0 {
		ok, err := s.may(ctx, p, auth.PermRead, ni.ResponsibleUnitID)
		if err != nil {
			return Issue{}, err
		}
		if !ok {
			es.Add("responsible", "citizen.err.unit_scope")
		}
		if ni.DueOn.IsZero() {
			es.Add("due_on", "citizen.err.due")
		} else if !d.HeldOn.IsZero() && ni.DueOn.Before(d.HeldOn) {
			es.Add("due_on", "citizen.err.due_before")
		}
	} else if ni.Answer == "" && !ni.DueOn.IsZero() {
		es.Add("responsible", "citizen.err.responsible")
	}
	if err := es.Err(); err != nil {
		return Issue{}, err
	}
	status := "open"
	answered := ""
	if ni.Answer != "" && ni.ResponsibleUnitID == 0 {
		status, answered = "answered", db.Day(d.HeldOn)
	} else if ni.Answer != "" {
		answered = db.Day(d.HeldOn)
	}
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO citizen_dialogue_issues (dialogue_id, unit_id, raised_by, content, answer, answered_on,
			responsible_unit_id, due_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.ID, d.UnitID, ni.RaisedBy, ni.Content, ni.Answer, answered, db.NullID(ni.ResponsibleUnitID), optDay(ni.DueOn), status, now, now)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "dialogue_issue", EntityID: id, UnitID: d.UnitID, After: ni}); err != nil {
			return err
		}
		return s.evaluateIssue(ctx, tx, id)
	})
	if err != nil {
		return Issue{}, wrap(err, "add issue")
	}
	return s.Issue(ctx, p, id)
}

const issueCols = `i.id, i.dialogue_id, i.unit_id, d.topic, i.raised_by, i.content, i.answer, i.answered_on,
	COALESCE(i.responsible_unit_id, 0), i.due_on, i.status, i.closed_on, i.version`

func (s *Store) issues(ctx context.Context, where string, args []any, order string, limit, offset int, extra ...any) ([]Issue, error) {
	today := db.Day(s.Today())
	rows, err := s.db.QueryContext(ctx, `SELECT `+issueCols+`, COALESCE(`+org.NameSQL("i.responsible_unit_id", "?")+`, '')
		FROM citizen_dialogue_issues i JOIN citizen_dialogues d ON d.id = i.dialogue_id WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(append([]any{today}, args...), limit, offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Issue
	for rows.Next() {
		var i Issue
		var answered, due, closed string
		if err := rows.Scan(&i.ID, &i.DialogueID, &i.UnitID, &i.DialogueTopic, &i.RaisedBy, &i.Content, &i.Answer, &answered,
			&i.ResponsibleUnitID, &due, &i.Status, &closed, &i.Version, &i.ResponsibleName); err != nil {
			return nil, err
		}
		if err := parseDays(&i.AnsweredOn, answered, &i.DueOn, due, &i.ClosedOn, closed); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Issue returns a dialogue issue to a reader of the dialogue's unit or of
// the unit responsible for it.
func (s *Store) Issue(ctx context.Context, p *auth.Principal, id int64) (Issue, error) {
	is, err := s.issues(ctx, "i.id = ?", []any{id}, "i.id", 1, 0)
	if err != nil {
		return Issue{}, wrap(err, "issue")
	}
	if len(is) == 0 {
		return Issue{}, apperr.NotFound("citizen.err.issue_not_found")
	}
	i := is[0]
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", i.UnitID, i.ResponsibleUnitID); err != nil {
		return Issue{}, err
	}
	return i, nil
}

// IssueNote is a dated follow-up note on an issue.
type IssueNote struct {
	On     time.Time
	Body   string
	Status string
	Author string
}

// IssueNotes returns the follow-up of an issue, oldest first.
func (s *Store) IssueNotes(ctx context.Context, p *auth.Principal, id int64) ([]IssueNote, error) {
	if _, err := s.Issue(ctx, p, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT noted_on, body, status, author FROM citizen_issue_notes WHERE issue_id = ? ORDER BY noted_on, id`, id)
	if err != nil {
		return nil, wrap(err, "issue notes")
	}
	defer rows.Close()
	var out []IssueNote
	for rows.Next() {
		var n IssueNote
		var on string
		if err := rows.Scan(&on, &n.Body, &n.Status, &n.Author); err != nil {
			return nil, wrap(err, "issue notes")
		}
		if n.On, err = db.ParseDay(on); err != nil {
			return nil, wrap(err, "issue notes")
		}
		out = append(out, n)
	}
	return out, wrap(rows.Err(), "issue notes")
}

// FollowUp records progress on an issue — a note, an answer, or done —
// for an officer of the responsible unit or of the dialogue's unit.
func (s *Store) FollowUp(ctx context.Context, p *auth.Principal, id, version int64, status, answer, note string) (Issue, error) {
	i, err := s.Issue(ctx, p, id)
	if err != nil {
		return Issue{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", i.UnitID, i.ResponsibleUnitID); err != nil {
		return Issue{}, err
	}
	answer, note = cleanText(answer), cleanText(note)
	var es apperr.Errors
	if status != "open" && status != "answered" && status != "done" {
		es.Add("status", "citizen.err.status")
	}
	if (status == "answered" || status == "done") && answer == "" && i.Answer == "" {
		es.Add("answer", "citizen.err.answer")
	}
	if status == i.Status && note == "" && answer == "" {
		es.Add("note", "citizen.err.nothing")
	}
	limit(&es, "answer", answer, 5000)
	limit(&es, "note", note, 5000)
	if err := es.Err(); err != nil {
		return Issue{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		today := db.Day(evalDay(tx))
		ans, ansOn := i.Answer, optDay(i.AnsweredOn)
		if answer != "" {
			ans, ansOn = answer, today
		}
		closed := ""
		if status == "done" {
			closed = today
		}
		res, err := tx.ExecContext(ctx, `UPDATE citizen_dialogue_issues SET status = ?, answer = ?, answered_on = ?, closed_on = ?,
			version = version + 1, updated_at = ? WHERE id = ? AND version = ?`, status, ans, ansOn, closed, db.Stamp(tx.Now()), id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("citizen.err.stale")
		}
		body := note
		if body == "" {
			body = answer
		}
		changed := ""
		if status != i.Status {
			changed = status
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_issue_notes (issue_id, noted_on, body, status, author, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, today, body, changed, author(p), db.Stamp(tx.Now())); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "dialogue_issue", EntityID: id, UnitID: i.UnitID,
			Before: map[string]any{"status": i.Status}, After: map[string]any{"status": status, "answer": answer, "note": note}}); err != nil {
			return err
		}
		return s.evaluateIssue(ctx, tx, id)
	})
	if err != nil {
		return Issue{}, wrap(err, "follow up issue")
	}
	return s.Issue(ctx, p, id)
}

// IssueFilter selects follow-up items.
type IssueFilter struct {
	// LateOn keeps the items needing action whose deadline is before it.
	LateOn        time.Time
	Open          bool // items not done
	Limit, Offset int
}

// Issues returns one page of the issues of dialogues p may read, or that
// units p may read are responsible for, the nearest deadline first, and
// how many there are.
func (s *Store) Issues(ctx context.Context, p *auth.Principal, f IssueFilter) ([]Issue, int, error) {
	r, err := s.reach(ctx, p, auth.PermRead)
	if err != nil {
		return nil, 0, err
	}
	where := []string{"1 = 1"}
	var args []any
	if !r.All {
		if len(r.IDs) == 0 {
			return []Issue{}, 0, nil
		}
		where = append(where, "(i.unit_id IN ("+idList(r.IDs)+") OR i.responsible_unit_id IN ("+idList(r.IDs)+"))")
	}
	if !f.LateOn.IsZero() {
		where = append(where, "i.status <> 'done' AND i.due_on <> '' AND i.due_on < ?")
		args = append(args, db.Day(f.LateOn))
	} else if f.Open {
		where = append(where, "i.status <> 'done'")
	}
	w := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM citizen_dialogue_issues i WHERE `+w, args...).Scan(&total); err != nil {
		return nil, 0, wrap(err, "issues")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	out, err := s.issues(ctx, w, args, "CASE WHEN i.due_on = '' THEN 1 ELSE 0 END, i.due_on, i.id", min(f.Limit, 500), f.Offset)
	if out == nil {
		out = []Issue{}
	}
	return out, total, wrap(err, "issues")
}

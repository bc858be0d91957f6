package citizen

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Note is a public sentiment note: a quick report of something that
// happened, or a periodic one for a month, quarter, half-year or year.
type Note struct {
	ID              int64
	UnitID          int64
	UnitName        string
	Quick           bool
	Period          string // a period code for a periodic note
	NotedOn         time.Time
	Source          string // the collaborator or unit it came from
	Title           string
	Happened        string
	Assessment      string
	Recommendations string
	Author          string
	Read            bool // by the reader asking
}

// NewNote is a note to file.
type NewNote struct {
	UnitID          int64
	Quick           bool
	Period          string
	NotedOn         time.Time
	Source          string
	Title           string
	Happened        string
	Assessment      string
	Recommendations string
}

// FileNote files a sentiment note of unit, for an officer of it. A
// periodic note names its period (2026, 2026S1, 2026Q1, 202603).
func (s *Store) FileNote(ctx context.Context, p *auth.Principal, nn NewNote) (Note, error) {
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", nn.UnitID); err != nil {
		return Note{}, err
	}
	nn.Title, nn.Source = clean(nn.Title), clean(nn.Source)
	nn.Happened, nn.Assessment, nn.Recommendations = cleanText(nn.Happened), cleanText(nn.Assessment), cleanText(nn.Recommendations)
	nn.Period = strings.TrimSpace(nn.Period)
	var es apperr.Errors
	if nn.Title == "" {
		es.Add("title", "citizen.err.title")
	}
	if nn.Happened == "" {
		es.Add("happened", "citizen.err.happened")
	}
	if nn.NotedOn.IsZero() {
		nn.NotedOn = s.Today()
	} else if nn.NotedOn.After(s.Today()) {
		es.Add("noted_on", "citizen.err.future")
	}
	if nn.Quick {
		nn.Period = ""
	} else {
		per, err := vntext.ParsePeriod(nn.Period)
		if err != nil || per.Kind == vntext.Stage {
			es.Add("period", "citizen.err.period")
		} else {
			nn.Period = per.String()
		}
	}
	limit(&es, "title", nn.Title, 300)
	limit(&es, "source", nn.Source, 200)
	limit(&es, "happened", nn.Happened, 20000)
	limit(&es, "assessment", nn.Assessment, 20000)
	limit(&es, "recommendations", nn.Recommendations, 20000)
	if err := es.Err(); err != nil {
		return Note{}, err
	}
	if _, err := s.checkUnit(ctx, nn.UnitID, s.Today(), "unit"); err != nil {
		return Note{}, err
	}
	kind := "periodic"
	if nn.Quick {
		kind = "quick"
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO citizen_sentiment_notes (unit_id, kind, period, noted_on, source, title, title_fold, happened,
			assessment, recommendations, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			nn.UnitID, kind, nn.Period, db.Day(nn.NotedOn), nn.Source, nn.Title, vntext.Fold(nn.Title), nn.Happened, nn.Assessment,
			nn.Recommendations, author(p), db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "sentiment_note", EntityID: id, UnitID: nn.UnitID,
			After: map[string]any{"kind": kind, "period": nn.Period, "title": nn.Title}})
	})
	if err != nil {
		return Note{}, wrap(err, "file note")
	}
	return s.Note(ctx, p, id)
}

const noteCols = `n.id, n.unit_id, n.kind, n.period, n.noted_on, n.source, n.title, n.happened, n.assessment, n.recommendations, n.author`

func scanNote(r interface{ Scan(...any) error }, extra ...any) (Note, error) {
	var n Note
	var kind, noted string
	dest := append([]any{&n.ID, &n.UnitID, &kind, &n.Period, &noted, &n.Source, &n.Title, &n.Happened, &n.Assessment,
		&n.Recommendations, &n.Author}, extra...)
	if err := r.Scan(dest...); err != nil {
		return Note{}, err
	}
	n.Quick = kind == "quick"
	var err error
	n.NotedOn, err = db.ParseDay(noted)
	return n, err
}

// Note returns a note to a reader of its unit.
func (s *Store) Note(ctx context.Context, p *auth.Principal, id int64) (Note, error) {
	var name string
	var read int
	uid := int64(0)
	if p != nil {
		uid = p.User.ID
	}
	n, err := scanNote(s.db.QueryRowContext(ctx, `SELECT `+noteCols+`, `+org.NameSQL("n.unit_id", "n.noted_on")+`,
		(SELECT COUNT(*) FROM citizen_sentiment_reads r WHERE r.note_id = n.id AND r.user_id = ?)
		FROM citizen_sentiment_notes n WHERE n.id = ?`, uid, id), &name, &read)
	if errors.Is(err, db.ErrNotFound) {
		return Note{}, apperr.NotFound("citizen.err.note_not_found")
	}
	if err != nil {
		return Note{}, wrap(err, "note")
	}
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", n.UnitID); err != nil {
		return Note{}, err
	}
	n.UnitName, n.Read = name, read > 0
	return n, nil
}

// MarkRead records that p read note id (again is harmless).
func (s *Store) MarkRead(ctx context.Context, p *auth.Principal, id int64) error {
	n, err := s.Note(ctx, p, id)
	if err != nil {
		return err
	}
	if n.Read || p.IsSystem() {
		return nil
	}
	return wrap(s.db.WithTx(ctx, func(tx *db.Tx) error {
		var c int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM citizen_sentiment_reads WHERE note_id = ? AND user_id = ?`, id, p.User.ID).Scan(&c); err != nil {
			return err
		}
		if c > 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO citizen_sentiment_reads (note_id, user_id, read_at) VALUES (?, ?, ?)`, id, p.User.ID, db.Stamp(tx.Now()))
		return err
	}), "mark read")
}

// NoteFilter selects notes.
type NoteFilter struct {
	// Below keeps the notes of the units below the reader's own (what the
	// level above reads), not those of their own units.
	Below         bool
	Unread        bool
	Quick         *bool
	Query         string
	Limit, Offset int
}

// Notes returns one page of the notes of units p may read — rolled up
// the hierarchy: everything below p's grants — the newest first, with
// whether p read each, and how many there are.
func (s *Store) Notes(ctx context.Context, p *auth.Principal, f NoteFilter) ([]Note, int, error) {
	r, err := s.reach(ctx, p, auth.PermRead)
	if err != nil {
		return nil, 0, err
	}
	where := []string{"1 = 1"}
	if w := scopeWhere("n.unit_id", r); w != "" {
		where = append(where, w)
	}
	if f.Below {
		own, err := s.authz.OwnUnits(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		if len(own) > 0 {
			where = append(where, "n.unit_id NOT IN ("+idList(own)+")")
		}
	}
	args := []any{p.User.ID}
	if f.Unread {
		where = append(where, "NOT EXISTS (SELECT 1 FROM citizen_sentiment_reads x WHERE x.note_id = n.id AND x.user_id = ?)")
		args = append(args, p.User.ID)
	}
	if f.Quick != nil {
		where = append(where, "n.kind = ?")
		if *f.Quick {
			args = append(args, "quick")
		} else {
			args = append(args, "periodic")
		}
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `n.title_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+noteCols+`, `+org.NameSQL("n.unit_id", "n.noted_on")+`,
		(SELECT COUNT(*) FROM citizen_sentiment_reads r WHERE r.note_id = n.id AND r.user_id = ?), COUNT(*) OVER ()
		FROM citizen_sentiment_notes n WHERE `+strings.Join(where, " AND ")+` ORDER BY n.noted_on DESC, n.id DESC LIMIT ? OFFSET ?`,
		append(args, min(f.Limit, 500), f.Offset)...)
	if err != nil {
		return nil, 0, wrap(err, "notes")
	}
	defer rows.Close()
	out := []Note{}
	total := 0
	for rows.Next() {
		var name string
		var read int
		n, err := scanNote(rows, &name, &read, &total)
		if err != nil {
			return nil, 0, wrap(err, "notes")
		}
		n.UnitName, n.Read = name, read > 0
		out = append(out, n)
	}
	return out, total, wrap(rows.Err(), "notes")
}

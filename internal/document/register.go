package document

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store keeps the outgoing register (sổ văn bản đi): it numbers and
// issues documents, stores the issued DOCX and PDF in the file bucket,
// and the signed scans uploaded against them. Exported methods own their
// transaction and check the acting principal's permission themselves:
// the write permission on the issuing unit to issue and upload, the read
// permission to read, the admin permission to set terms and issuer
// codes.
type Store struct {
	db       *db.DB
	units    *org.Store
	auth     *auth.Store
	files    *blob.Bucket
	settings Settings
}

// NewStore returns a store over d. files is the bucket the issued files
// and scans go to; settings are the page settings documents are issued
// with.
func NewStore(d *db.DB, units *org.Store, authStore *auth.Store, files *blob.Bucket, settings Settings) *Store {
	return &Store{db: d, units: units, auth: authStore, files: files, settings: settings}
}

// Zone is the time zone whose calendar day a document is dated with:
// Vietnam's, UTC+7 all year.
var Zone = time.FixedZone("ICT", 7*60*60)

// dayOf is the calendar day in Vietnam at moment t, as midnight UTC.
func dayOf(t time.Time) time.Time { return db.DayOf(t.In(Zone)) }

// numberLock serializes allocating numbers (and changing the terms and
// codes they depend on) across every server sharing the database.
const numberLock = "document.number"

// Source names the record a document was generated from: the kind of
// draft (a Kind: "review", "minutes", …) and the record's id (the unit's
// for a review report, the conference's for minutes), with the period
// for the kinds that cover one.
type Source struct {
	Kind   string
	ID     int64
	Period string // a period code ("2023S1"), or ""
}

// Draft is a document to issue: what a person wrote or a generator
// drafted. The header, the number and the date are filled in on issue.
type Draft struct {
	UnitID     int64 // the issuing unit
	Type       Type
	Summary    string
	Body       []Block
	Appendix   []Block // after the signature, from a new page
	Signature  Signature
	Recipients []string
	Source     Source
	// Replaces is the id of the issued document this one corrects, or 0.
	Replaces int64
	// Parts are what a person wrote in the draft's parts, by part key
	// (see Generated): kept with the register row, with the signature,
	// so that a correction starts from the issued wording.
	Parts map[string]string
	// As, when set, is a body of the unit that issues the document in
	// its own name (a steering committee): its line replaces the
	// issuer's name in the header and its code the issuer's code in the
	// number, so its documents form a series of their own. The line
	// above and the place stay the unit's.
	As *IssuedAs
}

// IssuedAs is a body of a unit that issues documents in its own name.
type IssuedAs struct {
	Name string // the header's line: "BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ"
	Code string // the number's code: "BCĐ"
}

// issuer is how d is signed, given how its unit signs.
func (d Draft) issuer(is Issuer) Issuer {
	if d.As != nil {
		is.Name, is.Code = d.As.Name, d.As.Code
	}
	return is
}

// Record is one row of the register.
type Record struct {
	ID         int64
	UnitID     int64
	UnitName   string // the issuing unit's name on the document's date
	TermID     int64
	TermName   string
	Type       Type
	Seq        int    // the number within its series
	IssuerCode string // "BDVTU"
	Number     string // "12-BC/BDVTU"
	IssuedOn   time.Time
	Summary    string
	Signer     string // the signer's name
	SignerAs   string // the lines above the signature: "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN"
	Recipients []string
	Source     Source
	Replaces   int64
	ReplacedBy int64 // the correction issued for it, or 0
	DOCXKey    string
	PDFKey     string
	IssuedBy   int64
	CreatedAt  time.Time
	Scan       *Scan // the latest signed scan, or nil
	Void       *Void // the revocation, or nil while the document stands
	// Parts and Signature are what the person wrote in the draft, as
	// issued (Parts is nil and Signature holds only the name for a row
	// issued without them).
	Parts     map[string]string
	Signature Signature
}

// Scan is a signed scan uploaded against an issued document.
type Scan struct {
	ID          int64
	Key         string
	ContentType string
	Size        int64
	Name        string
	UploadedBy  int64
	UploadedAt  time.Time
}

// Limits on drafts and scans.
const (
	maxSummary      = 500
	maxSignerField  = 120
	maxRecipientLen = 300
	maxRecipientN   = 100
	maxSourceKind   = 40
	// MaxScanSize is the largest signed scan accepted, in bytes.
	MaxScanSize = 20 << 20
)

var sourceKindRE = regexp.MustCompile(`^[a-z][a-z_]*$`)

// maxPartText bounds the text of one part a person writes, and
// maxParts the parts of a draft.
const (
	maxPartText = 20000
	maxParts    = 40
	maxPartKey  = 40
)

var partKeyRE = regexp.MustCompile(`^[a-z][a-z0-9_.]*$`)

// validate checks a draft and cleans its one-line fields.
func validate(d *Draft) error {
	var es apperr.Errors
	if !d.Type.Valid() {
		es.Add("type", "document.err.type")
	}
	if d.As != nil {
		d.As.Name = cleanLine(d.As.Name)
		if !issuerCodeRE.MatchString(d.As.Code) || utf8.RuneCountInString(d.As.Code) > maxIssuerCode {
			es.Add("code", "document.err.issuer_code", maxIssuerCode)
		}
		if d.As.Name == "" || utf8.RuneCountInString(d.As.Name) > maxIssuerLine {
			es.Add("name", "document.err.issuer_name", maxIssuerLine)
		}
	}
	d.Summary = cleanLine(d.Summary)
	if d.Summary == "" || utf8.RuneCountInString(d.Summary) > maxSummary {
		es.Add("summary", "document.err.summary", maxSummary)
	}
	sg := &d.Signature
	if sg.Mode == "" {
		sg.Mode = SignDirect
	}
	sg.Name, sg.Title, sg.For = cleanLine(sg.Name), cleanLine(sg.Title), cleanLine(sg.For)
	if !sg.Mode.Valid() {
		es.Add("sign_mode", "document.err.sign_mode")
	}
	if sg.Name == "" || utf8.RuneCountInString(sg.Name) > maxSignerField {
		es.Add("signer_name", "document.err.signer_name", maxSignerField)
	}
	if sg.Title == "" || utf8.RuneCountInString(sg.Title) > maxSignerField {
		es.Add("signer_title", "document.err.signer_title", maxSignerField)
	}
	if sg.Mode == SignDirect {
		sg.For = ""
	} else if sg.For == "" || utf8.RuneCountInString(sg.For) > maxSignerField {
		es.Add("signer_for", "document.err.signer_for", maxSignerField)
	}
	var rs []string
	bad := false
	for _, r := range d.Recipients {
		if r = cleanLine(r); r == "" {
			continue
		}
		if utf8.RuneCountInString(r) > maxRecipientLen {
			bad = true
		}
		rs = append(rs, r)
	}
	if bad || len(rs) > maxRecipientN {
		es.Add("recipients", "document.err.recipients", maxRecipientN, maxRecipientLen)
	}
	d.Recipients = rs
	if d.Source.Kind != "" || d.Source.ID != 0 || d.Source.Period != "" {
		bad := !sourceKindRE.MatchString(d.Source.Kind) || len(d.Source.Kind) > maxSourceKind || d.Source.ID <= 0
		if d.Source.Period != "" {
			if _, err := vntext.ParsePeriod(d.Source.Period); err != nil {
				bad = true
			}
		}
		if bad {
			es.Add("source", "document.err.source")
		}
	}
	if len(d.Parts) > maxParts {
		es.Add("parts", "document.err.parts", maxParts)
	} else {
		for k, v := range d.Parts {
			if !partKeyRE.MatchString(k) || len(k) > maxPartKey {
				es.Add("parts", "document.err.parts", maxParts)
				break
			}
			if utf8.RuneCountInString(v) > maxPartText {
				es.Add("part."+k, "document.err.part_long", maxPartText)
			}
		}
	}
	return es.Err()
}

// content is what the register keeps of a draft's wording (the column
// content, JSON).
type content struct {
	Parts     map[string]string `json:"parts,omitempty"`
	Signature *signatureJSON    `json:"signature,omitempty"`
}

type signatureJSON struct {
	Mode  SignMode `json:"mode"`
	For   string   `json:"for,omitempty"`
	Title string   `json:"title"`
	Name  string   `json:"name"`
}

func encodeContent(d Draft) (string, error) {
	c := content{Parts: d.Parts, Signature: &signatureJSON{Mode: d.Signature.Mode, For: d.Signature.For,
		Title: d.Signature.Title, Name: d.Signature.Name}}
	b, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("document: encode content: %w", err)
	}
	return string(b), nil
}

// decodeContent fills rec's Parts and Signature from the content column
// (a row without it keeps the signer's name only).
func decodeContent(rec *Record, s string) {
	rec.Signature = Signature{Mode: SignDirect, Name: rec.Signer}
	if s == "" {
		return
	}
	var c content
	if err := json.Unmarshal([]byte(s), &c); err != nil {
		return
	}
	rec.Parts = c.Parts
	if c.Signature != nil {
		rec.Signature = Signature{Mode: c.Signature.Mode, For: c.Signature.For, Title: c.Signature.Title, Name: c.Signature.Name}
	}
}

// requireWrite checks the write permission on the issuing unit.
func (s *Store) requireWrite(ctx context.Context, p *auth.Principal, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("document.err.login")
	}
	ok, err := s.auth.Can(ctx, p, auth.PermWrite, unitID)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return apperr.Invalid("unit_id", "document.err.unit")
		}
		return err
	}
	if !ok {
		return apperr.Forbidden("document.err.forbidden_write")
	}
	return nil
}

// compose lays a draft out as the document the unit issues on day with
// number (a draft's blank number when empty).
func compose(d Draft, is Issuer, number string, day time.Time) *Document {
	if number == "" {
		number = DraftNumber(d.Type, is.Code)
	}
	return &Document{
		Superior: is.Superior, Issuer: is.Name, Number: number, Place: is.Place, Date: day,
		Type: d.Type, Summary: d.Summary, Body: d.Body, Appendix: d.Appendix, Signature: d.Signature, Recipients: d.Recipients,
	}
}

// Preview lays a draft out as it would be issued today, with the number
// left blank: what the page shows before "issue". Needs the write
// permission on the issuing unit.
func (s *Store) Preview(ctx context.Context, p *auth.Principal, d Draft) (*Document, error) {
	if err := s.requireWrite(ctx, p, d.UnitID); err != nil {
		return nil, err
	}
	if err := validate(&d); err != nil {
		return nil, err
	}
	return s.Sketch(ctx, p, d)
}

// Sketch lays a draft out as Preview does, even one that is not complete
// yet (no signer, no summary): what a page shows while a person writes.
// Needs the write permission on the issuing unit.
func (s *Store) Sketch(ctx context.Context, p *auth.Principal, d Draft) (*Document, error) {
	if err := s.requireWrite(ctx, p, d.UnitID); err != nil {
		return nil, err
	}
	day := dayOf(s.db.Now())
	is, err := issuerOn(ctx, s.db, d.UnitID, day)
	if err != nil {
		return nil, err
	}
	return compose(d, d.issuer(is), "", day), nil
}

// Issue numbers and issues a draft: in one transaction, under a lock
// every server shares, it takes the next number of the draft's series
// (issuing unit, issuer code on the day, term, type), dates the document
// today, writes its DOCX and PDF to the file bucket and records it in
// the register, with its audit entry. So numbers never repeat and have
// no gaps: a failure anywhere leaves no row and no number used. A draft
// that replaces an issued document must come from the same unit, and a
// document is replaced at most once. Needs the write permission on the
// issuing unit.
func (s *Store) Issue(ctx context.Context, p *auth.Principal, d Draft) (Record, error) {
	if err := s.requireWrite(ctx, p, d.UnitID); err != nil {
		return Record{}, err
	}
	if err := validate(&d); err != nil {
		return Record{}, err
	}
	if s.files == nil {
		return Record{}, apperr.Conflict("document.err.no_storage")
	}
	if _, err := s.units.Get(ctx, d.UnitID, dayOf(s.db.Now())); err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Record{}, apperr.Invalid("unit_id", "document.err.unit")
		}
		return Record{}, err
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tx.Lock(ctx, numberLock); err != nil {
			return err
		}
		day := dayOf(tx.Now())
		is, err := issuerOn(ctx, tx, d.UnitID, day)
		if err != nil {
			return err
		}
		is = d.issuer(is)
		term, err := termOn(ctx, tx, d.UnitID, day)
		if err != nil {
			return err
		}
		if d.Replaces != 0 {
			if err := checkReplace(ctx, tx, d); err != nil {
				return err
			}
		}
		var last int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM documents
			WHERE unit_id = ? AND issuer_code = ? AND term_id = ? AND type = ?`, d.UnitID, is.Code, term.ID, string(d.Type)).Scan(&last); err != nil {
			return fmt.Errorf("document: next number: %w", err)
		}
		seq := last + 1
		number := FormatNumber(seq, d.Type, is.Code)
		doc := compose(d, is, number, day)
		docxKey, pdfKey, err := s.store(ctx, d.UnitID, day, doc)
		if err != nil {
			return err
		}
		signerAs := strings.Join(d.Signature.Lines(), ", ")
		text, err := encodeContent(d)
		if err != nil {
			return err
		}
		recipients := strings.Join(d.Recipients, "\n")
		fold := vntext.Fold(strings.Join([]string{number, d.Summary, d.Signature.Name, recipients}, " "))
		id, err = tx.InsertID(ctx, `INSERT INTO documents (unit_id, term_id, type, seq, issuer_code, number, issued_on,
			summary, signer_name, signer_title, recipients, search_fold, source_kind, source_id, source_period, content,
			replaces_id, docx_key, pdf_key, issued_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.UnitID, term.ID, string(d.Type), seq, is.Code, number, db.Day(day), d.Summary, d.Signature.Name, signerAs,
			recipients, fold, d.Source.Kind, db.NullID(d.Source.ID), d.Source.Period, text, db.NullID(d.Replaces), docxKey, pdfKey,
			db.NullID(p.User.ID), db.Stamp(tx.Now()))
		if err != nil {
			if errors.Is(err, db.ErrConflict) && d.Replaces != 0 {
				return apperr.Conflict("document.err.replaced", "")
			}
			return fmt.Errorf("document: issue: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "issue", Entity: "document", EntityID: id, UnitID: d.UnitID,
			After: map[string]any{"number": number, "issued_on": db.Day(day), "type": d.Type, "term": term.Name,
				"summary": d.Summary, "signer": d.Signature.Name, "signer_as": signerAs, "recipients": d.Recipients,
				"source_kind": d.Source.Kind, "source_id": d.Source.ID, "source_period": d.Source.Period, "replaces": d.Replaces,
				"docx_key": docxKey, "pdf_key": pdfKey}})
	})
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, p, id)
}

// checkReplace checks, in the issuing transaction, that d may replace
// the document it names.
func checkReplace(ctx context.Context, tx *db.Tx, d Draft) error {
	var unit int64
	err := tx.QueryRowContext(ctx, "SELECT unit_id FROM documents WHERE id = ?", d.Replaces).Scan(&unit)
	if errors.Is(err, db.ErrNotFound) {
		return apperr.NotFound("document.err.not_found")
	}
	if err != nil {
		return fmt.Errorf("document: replace: %w", err)
	}
	if unit != d.UnitID {
		return apperr.Invalid("replaces", "document.err.replace_unit")
	}
	if v, err := voidOf(ctx, tx, d.Replaces); err != nil {
		return err
	} else if v != nil {
		return apperr.Conflict("document.err.voided", showDay(v.At.In(Zone)))
	}
	var by string
	err = tx.QueryRowContext(ctx, "SELECT number FROM documents WHERE replaces_id = ?", d.Replaces).Scan(&by)
	if err == nil {
		return apperr.Conflict("document.err.replaced", by)
	}
	if !errors.Is(err, db.ErrNotFound) {
		return fmt.Errorf("document: replace: %w", err)
	}
	return nil
}

// store writes the issued files and returns their keys. Keys are random
// so that a failed transaction leaves at most files nobody refers to.
func (s *Store) store(ctx context.Context, unitID int64, day time.Time, doc *Document) (docxKey, pdfKey string, err error) {
	var b bytes.Buffer
	if err := WriteDOCX(&b, doc, s.settings); err != nil {
		return "", "", err
	}
	base, err := fileBase(unitID, day)
	if err != nil {
		return "", "", err
	}
	docxKey, pdfKey = base+".docx", base+".pdf"
	if err := s.files.WriteAll(ctx, docxKey, b.Bytes()); err != nil {
		return "", "", fmt.Errorf("document: store docx: %w", err)
	}
	b.Reset()
	if err := WritePDF(&b, doc, s.settings); err != nil {
		return "", "", err
	}
	if err := s.files.WriteAll(ctx, pdfKey, b.Bytes()); err != nil {
		return "", "", fmt.Errorf("document: store pdf: %w", err)
	}
	return docxKey, pdfKey, nil
}

// fileBase is a fresh key without extension: document/<unit>/<year>/<random>.
func fileBase(unitID int64, day time.Time) (string, error) {
	var r [12]byte
	if _, err := rand.Read(r[:]); err != nil {
		return "", fmt.Errorf("document: random key: %w", err)
	}
	return path.Join("document", fmt.Sprint(unitID), fmt.Sprint(day.Year()), hex.EncodeToString(r[:])), nil
}

const recordCols = `d.id, d.unit_id, d.term_id, t.name, d.type, d.seq, d.issuer_code, d.number, d.issued_on, d.summary,
	d.signer_name, d.signer_title, d.recipients, d.source_kind, COALESCE(d.source_id, 0), d.source_period, d.content,
	COALESCE(d.replaces_id, 0),
	COALESCE((SELECT r.id FROM documents r WHERE r.replaces_id = d.id), 0), d.docx_key, d.pdf_key,
	COALESCE(d.issued_by, 0), d.created_at`

const recordFrom = ` FROM documents d JOIN document_terms t ON t.id = d.term_id`

func scanRecord(r interface{ Scan(...any) error }) (Record, error) {
	var rec Record
	var typ, issued, recipients, created, text string
	err := r.Scan(&rec.ID, &rec.UnitID, &rec.TermID, &rec.TermName, &typ, &rec.Seq, &rec.IssuerCode, &rec.Number, &issued,
		&rec.Summary, &rec.Signer, &rec.SignerAs, &recipients, &rec.Source.Kind, &rec.Source.ID, &rec.Source.Period, &text,
		&rec.Replaces, &rec.ReplacedBy, &rec.DOCXKey, &rec.PDFKey, &rec.IssuedBy, &created)
	if err != nil {
		return rec, err
	}
	decodeContent(&rec, text)
	rec.Type = Type(typ)
	if recipients != "" {
		rec.Recipients = strings.Split(recipients, "\n")
	}
	if rec.IssuedOn, err = db.ParseDay(issued); err != nil {
		return rec, err
	}
	if rec.CreatedAt, err = db.ParseStamp(created); err != nil {
		return rec, err
	}
	return rec, nil
}

// load reads a record without permission checks.
func load(ctx context.Context, q db.Querier, id int64) (Record, error) {
	rec, err := scanRecord(q.QueryRowContext(ctx, "SELECT "+recordCols+recordFrom+" WHERE d.id = ?", id))
	if errors.Is(err, db.ErrNotFound) {
		return rec, apperr.NotFound("document.err.not_found")
	}
	if err != nil {
		return rec, fmt.Errorf("document: get %d: %w", id, err)
	}
	return rec, nil
}

// Get returns register row id when p may read the issuing unit;
// otherwise, as for an unknown id, a not-found error.
func (s *Store) Get(ctx context.Context, p *auth.Principal, id int64) (Record, error) {
	rec, err := load(ctx, s.db, id)
	if err != nil {
		return Record{}, err
	}
	ok, err := s.auth.Can(ctx, p, auth.PermRead, rec.UnitID)
	if err != nil {
		return Record{}, err
	}
	if !ok {
		return Record{}, apperr.NotFound("document.err.not_found")
	}
	recs := []*Record{&rec}
	if err := s.fill(ctx, recs); err != nil {
		return Record{}, err
	}
	return rec, nil
}

// fill sets the unit names on the documents' dates and the latest scans.
func (s *Store) fill(ctx context.Context, recs []*Record) error {
	if len(recs) == 0 {
		return nil
	}
	refs := make([]org.UnitAt, len(recs))
	ids := make([]any, len(recs))
	for i, r := range recs {
		refs[i] = org.UnitAt{ID: r.UnitID, Day: r.IssuedOn}
		ids[i] = r.ID
	}
	names, err := s.units.Names(ctx, refs)
	if err != nil {
		return err
	}
	for _, r := range recs {
		r.UnitName = names[org.UnitAt{ID: r.UnitID, Day: db.DayOf(r.IssuedOn)}]
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, document_id, file_key, content_type, size, name, COALESCE(uploaded_by, 0), uploaded_at
		FROM document_scans WHERE document_id IN (`+db.Placeholders(len(ids))+`) ORDER BY id`, ids...)
	if err != nil {
		return fmt.Errorf("document: scans: %w", err)
	}
	defer rows.Close()
	scans := map[int64]*Scan{}
	for rows.Next() {
		var sc Scan
		var doc int64
		var at string
		if err := rows.Scan(&sc.ID, &doc, &sc.Key, &sc.ContentType, &sc.Size, &sc.Name, &sc.UploadedBy, &at); err != nil {
			return fmt.Errorf("document: scans: %w", err)
		}
		if sc.UploadedAt, err = db.ParseStamp(at); err != nil {
			return err
		}
		scans[doc] = &sc // rows come oldest first: the last one wins
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("document: scans: %w", err)
	}
	for _, r := range recs {
		r.Scan = scans[r.ID]
	}
	return s.fillVoids(ctx, recs, ids)
}

// Filter chooses the rows of a register list.
type Filter struct {
	// Units restricts the list to documents issued by these units; nil
	// means every unit the principal may read.
	Units    []int64
	Type     Type
	From, To time.Time // issued between these days, both included; zero for open
	// Search is diacritic-insensitive, in the number, summary, signer and
	// recipients.
	Search string
	// Source, when its Kind is set, keeps the documents drafted from
	// that record (and its period, when set).
	Source Source
	Limit  int // 0 means 25
	Offset int
}

// List returns one page of the register, newest first, and how many
// rows there are in all, among the units p may read.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Record, int, error) {
	if p == nil {
		return nil, 0, apperr.Unauthorized("document.err.login")
	}
	sc, err := s.auth.Scope(ctx, p, auth.PermRead)
	if err != nil {
		return nil, 0, err
	}
	var conds []string
	var args []any
	if !sc.All {
		units, err := s.units.ScopeUnits(ctx, sc.Roots)
		if err != nil {
			return nil, 0, err
		}
		if len(units) == 0 {
			return nil, 0, nil
		}
		conds = append(conds, "d.unit_id IN ("+db.Placeholders(len(units))+")")
		for _, u := range units {
			args = append(args, u)
		}
	}
	if f.Units != nil {
		if len(f.Units) == 0 {
			return nil, 0, nil
		}
		conds = append(conds, "d.unit_id IN ("+db.Placeholders(len(f.Units))+")")
		for _, u := range f.Units {
			args = append(args, u)
		}
	}
	if f.Type != "" {
		if !f.Type.Valid() {
			return nil, 0, apperr.Invalid("type", "document.err.type")
		}
		conds = append(conds, "d.type = ?")
		args = append(args, string(f.Type))
	}
	if !f.From.IsZero() {
		conds = append(conds, "d.issued_on >= ?")
		args = append(args, db.Day(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "d.issued_on <= ?")
		args = append(args, db.Day(f.To))
	}
	if f.Source.Kind != "" {
		conds = append(conds, "d.source_kind = ? AND d.source_id = ?")
		args = append(args, f.Source.Kind, f.Source.ID)
		if f.Source.Period != "" {
			conds = append(conds, "d.source_period = ?")
			args = append(args, f.Source.Period)
		}
	}
	if q := vntext.Fold(f.Search); q != "" {
		conds = append(conds, `d.search_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	where := "1 = 1"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 25
	}
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, "SELECT "+recordCols+", COUNT(*) OVER ()"+recordFrom+" WHERE "+where+
		" ORDER BY d.issued_on DESC, d.id DESC LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, 0, fmt.Errorf("document: list: %w", err)
	}
	defer rows.Close()
	var out []Record
	total := 0
	for rows.Next() {
		var n int
		rec, err := scanRecord(scanPlus{rows, &n})
		if err != nil {
			return nil, 0, fmt.Errorf("document: list: %w", err)
		}
		total = n
		out = append(out, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("document: list: %w", err)
	}
	ptrs := make([]*Record, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if err := s.fill(ctx, ptrs); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// scanPlus scans a row with one more column than scanRecord reads.
type scanPlus struct {
	rows  *sql.Rows
	extra any
}

func (s scanPlus) Scan(dest ...any) error { return s.rows.Scan(append(dest, s.extra)...) }

// FileKind names one of a document's files.
type FileKind string

// The files of an issued document.
const (
	FileDOCX FileKind = "docx"
	FilePDF  FileKind = "pdf"
	FileScan FileKind = "scan"
)

// File is a stored file to send.
type File struct {
	Name        string // a file name to save it as: "12-BC-BDVTU.pdf"
	ContentType string
	Data        []byte
}

// Open returns one of the files of document id (read permission on the
// issuing unit).
func (s *Store) Open(ctx context.Context, p *auth.Principal, id int64, kind FileKind) (File, error) {
	rec, err := s.Get(ctx, p, id)
	if err != nil {
		return File{}, err
	}
	if s.files == nil {
		return File{}, apperr.Conflict("document.err.no_storage")
	}
	base := strings.NewReplacer("/", "-", "Đ", "D").Replace(rec.Number)
	var f File
	var key string
	switch kind {
	case FileDOCX:
		key, f.Name, f.ContentType = rec.DOCXKey, base+".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case FilePDF:
		key, f.Name, f.ContentType = rec.PDFKey, base+".pdf", "application/pdf"
	case FileScan:
		if rec.Scan == nil {
			return File{}, apperr.NotFound("document.err.no_scan")
		}
		key, f.ContentType = rec.Scan.Key, rec.Scan.ContentType
		f.Name = base + "-scan" + path.Ext(rec.Scan.Key)
	default:
		return File{}, apperr.NotFound("document.err.file_kind")
	}
	if f.Data, err = s.files.ReadAll(ctx, key); err != nil {
		return File{}, fmt.Errorf("document: read %s: %w", key, err)
	}
	return f, nil
}

// scanTypes are the accepted scan types and their extensions.
var scanTypes = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// Upload is a file sent by a person.
type Upload struct {
	Name string    // the file's name as sent; only its base is kept
	Body io.Reader // read to the end, at most MaxScanSize bytes
}

// AttachScan stores the signed scan of document id: a PDF, JPEG or PNG
// by its content, at most MaxScanSize bytes. A later scan does not
// delete an earlier one; the latest is the one shown. Needs the write
// permission on the issuing unit. The document itself never changes.
func (s *Store) AttachScan(ctx context.Context, p *auth.Principal, id int64, up Upload) (Scan, error) {
	rec, err := s.Get(ctx, p, id)
	if err != nil {
		return Scan{}, err
	}
	if err := s.requireWrite(ctx, p, rec.UnitID); err != nil {
		return Scan{}, err
	}
	if s.files == nil {
		return Scan{}, apperr.Conflict("document.err.no_storage")
	}
	if up.Body == nil {
		return Scan{}, apperr.Invalid("file", "document.err.scan_empty")
	}
	data, err := io.ReadAll(io.LimitReader(up.Body, MaxScanSize+1))
	if err != nil {
		return Scan{}, fmt.Errorf("document: read scan: %w", err)
	}
	switch {
	case len(data) == 0:
		return Scan{}, apperr.Invalid("file", "document.err.scan_empty")
	case len(data) > MaxScanSize:
		return Scan{}, apperr.Invalid("file", "document.err.scan_large", MaxScanSize>>20)
	}
	ct := blob.SniffType(data)
	ext, ok := scanTypes[ct]
	if !ok {
		return Scan{}, apperr.Invalid("file", "document.err.scan_type")
	}
	base, err := fileBase(rec.UnitID, rec.IssuedOn)
	if err != nil {
		return Scan{}, err
	}
	sc := Scan{Key: base + "-scan" + ext, ContentType: ct, Size: int64(len(data)), Name: scanName(up.Name), UploadedBy: p.User.ID}
	if err := s.files.WriteAll(ctx, sc.Key, data); err != nil {
		return Scan{}, fmt.Errorf("document: store scan: %w", err)
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		sc.UploadedAt = tx.Now()
		sid, err := tx.InsertID(ctx, `INSERT INTO document_scans (document_id, file_key, content_type, size, name, uploaded_by, uploaded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, sc.Key, sc.ContentType, sc.Size, sc.Name, db.NullID(sc.UploadedBy), db.Stamp(sc.UploadedAt))
		if err != nil {
			return fmt.Errorf("document: attach scan: %w", err)
		}
		sc.ID = sid
		return audit.Record(ctx, tx, audit.Entry{Action: "attach_scan", Entity: "document", EntityID: id, UnitID: rec.UnitID,
			After: map[string]any{"scan_id": sid, "key": sc.Key, "type": sc.ContentType, "size": sc.Size, "name": sc.Name}})
	})
	if err != nil {
		_ = s.files.Delete(context.WithoutCancel(ctx), sc.Key)
		return Scan{}, err
	}
	return sc, nil
}

// scanName keeps the base of a sent file name, cleaned and cut short.
func scanName(n string) string {
	n = strings.ReplaceAll(n, "\\", "/")
	return capRunes(cleanLine(path.Base("/"+n)), 200)
}

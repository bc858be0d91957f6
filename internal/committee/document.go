package committee

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/vntext"
)

// DocumentKind is the kind under which a committee's decision is drafted
// as a document (package document): a document.Generator registers
// Drafter under it, and Request.RecordID is the decision.
const DocumentKind document.Kind = "committee_decision"

// roleWords are the roles as a decision's list of members names them.
var roleWords = map[Role]string{Head: "Trưởng ban", Deputy: "Phó Trưởng ban", Standing: "Ủy viên thường trực", Member: "Ủy viên"}

// Decision returns decision decisionID with its committee, to a caller
// who may read the committee.
func (s *Store) Decision(ctx context.Context, p *auth.Principal, decisionID int64) (Committee, Decision, error) {
	var cid int64
	err := s.db.QueryRowContext(ctx, `SELECT committee_id FROM committee_decisions WHERE id = ?`, decisionID).Scan(&cid)
	if errors.Is(err, db.ErrNotFound) {
		return Committee{}, Decision{}, apperr.NotFound("committee.err.decision_not_found")
	}
	if err != nil {
		return Committee{}, Decision{}, fmt.Errorf("committee: decision %d: %w", decisionID, err)
	}
	c, err := s.Committee(ctx, p, cid)
	if err != nil {
		return Committee{}, Decision{}, err
	}
	ds, err := s.decisions(ctx, cid, "", "")
	if err != nil {
		return Committee{}, Decision{}, err
	}
	for _, d := range ds {
		if d.ID == decisionID {
			return c, d, nil
		}
	}
	return Committee{}, Decision{}, apperr.NotFound("committee.err.decision_not_found")
}

// IssuerCode is the code in the number of the documents a steering
// committee issues in its own name ("05-QĐ/BCĐ").
const IssuerCode = "BCĐ"

// Drafter drafts a committee's decision as a Party-format decision
// (quyết định, type QĐ) issued by the committee in its own name, under
// its unit's line above (the committee's name in the header, BCĐ in the
// number, a series of its own): the grounds (the decision that set the
// committee up), "QUYẾT ĐỊNH:", three articles a person may reword,
// signed by the committee's head on its behalf ("T/M BAN CHỈ ĐẠO",
// "TRƯỞNG BAN") on the decision's day, and the members on that day as
// an appendix. A
// document.Generator registers it under DocumentKind; the record is the
// decision (Request.RecordID), read with the caller's permissions, and
// the generator lets only the unit's writers draft it.
func (s *Store) Drafter() document.Drafter { return document.DrafterFunc(s.draft) }

func (s *Store) draft(ctx context.Context, p *auth.Principal, r document.Request) (document.Generated, error) {
	c, d, err := s.Decision(ctx, p, r.RecordID)
	if err != nil {
		return document.Generated{}, err
	}
	members, err := s.Members(ctx, p, c.ID, d.SignedOn)
	if err != nil {
		return document.Generated{}, err
	}
	sig := document.Signature{Mode: document.SignBehalf, For: "BAN CHỈ ĐẠO", Title: "TRƯỞNG BAN"}
	table := document.Table{Header: [][]string{{"STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Ban Chỉ đạo"}}, Widths: []float64{0.7, 2.4, 3.2, 1.9}}
	for i, m := range members {
		if m.Role == Head && sig.Name == "" {
			sig.Name = m.Name
		}
		table.Rows = append(table.Rows, []string{strconv.Itoa(i + 1), m.Name, m.Title, roleWords[m.Role]})
	}
	grounds := []string{"Căn cứ Quy chế làm việc của " + c.Name + ";"}
	if c.DecisionNo != "" {
		grounds = append([]string{fmt.Sprintf("Căn cứ Quyết định số %s ngày %s về việc thành lập %s;", c.DecisionNo, vntext.FormatDate(c.EstablishedOn), c.Name)}, grounds...)
	}
	grounds = append(grounds, "Xét đề nghị của Thường trực "+c.Name+",")
	article1 := "Điều 1. " + d.Title + "."
	if d.Summary != "" {
		article1 += "\n" + d.Summary
	}
	parts := []document.Part{
		{Name: "grounds", Editable: true, Text: strings.Join(grounds, "\n")},
		{Name: "decides", Blocks: []document.Block{document.Paragraph{Align: document.Center, Runs: []document.Run{{Text: "QUYẾT ĐỊNH:", Bold: true}}}}},
		{Name: "article1", Editable: true, Text: article1},
		{Name: "article2", Editable: true, Text: "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."},
		{Name: "article3", Editable: true, Text: "Điều 3. Các thành viên " + c.Name + ", các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này."},
	}
	if len(members) > 0 {
		parts = append(parts, document.Part{Name: "members", Appendix: true, Blocks: []document.Block{
			document.Paragraph{Align: document.Center, Runs: []document.Run{{Text: "DANH SÁCH THÀNH VIÊN " + strings.ToUpper(c.Name), Bold: true}}},
			document.Paragraph{Align: document.Center, Runs: []document.Run{{Text: "(tại ngày " + vntext.FormatDate(d.SignedOn) + ")", Italic: true}}},
			table,
		}})
	}
	summary := d.Title
	if !strings.HasPrefix(vntext.Fold(summary), "ve viec") {
		summary = "Về việc " + lowerFirst(summary)
	}
	return document.Generated{
		Draft: document.Draft{UnitID: c.UnitID, Type: document.Decision, Summary: summary, Signature: sig,
			As:         &document.IssuedAs{Name: c.Name, Code: IssuerCode},
			Recipients: []string{"Như Điều 3", "Lưu Văn phòng"},
			Source:     document.Source{Kind: string(DocumentKind), ID: d.ID, Period: strconv.Itoa(d.SignedOn.Year())}},
		Parts: parts,
	}, nil
}

// lowerFirst lowers the first letter of s, unless the first word is
// written in capitals (an abbreviation such as "QCDC").
func lowerFirst(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if w == strings.ToUpper(w) && len([]rune(w)) > 1 {
		return s
	}
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}

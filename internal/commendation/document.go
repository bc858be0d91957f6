package commendation

import (
	"context"
	"fmt"
	"strings"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/vntext"
)

// Drafter drafts a decision of the register as a Party-format decision
// (quyết định, type QĐ): the grounds, "QUYẾT ĐỊNH:", three articles a
// person may reword, and the list of recipients with their achievements
// as an appendix. A document.Generator registers it under
// document.KindCommendation; the record is the decision (Request.RecordID),
// read with the caller's permissions.
func (s *Store) Drafter() document.Drafter { return document.DrafterFunc(s.draft) }

// formWords are the forms as a decision's text names them.
var formWords = map[Form]string{Certificate: "Giấy khen", Merit: "Bằng khen", Flag: "Cờ thi đua", Title: "danh hiệu"}

func (s *Store) draft(ctx context.Context, p *auth.Principal, r document.Request) (document.Generated, error) {
	d, err := s.Decision(ctx, p, r.RecordID)
	if err != nil {
		return document.Generated{}, err
	}
	award := formWords[d.Form]
	if d.Form == Title {
		award = "danh hiệu “" + d.Title + "”"
	}
	var collectives, people int
	table := document.Table{Header: [][]string{{"STT", "Tên tập thể, cá nhân", "Thành tích"}}, Widths: []float64{0.7, 3.3, 4}}
	for i, rc := range d.Recipients {
		if rc.Kind == Person {
			people++
		} else {
			collectives++
		}
		table.Rows = append(table.Rows, []string{fmt.Sprint(i + 1), rc.Name, rc.Achievement})
	}
	var who []string
	if collectives > 0 {
		who = append(who, fmt.Sprintf("%s tập thể", vntext.FormatInt(int64(collectives))))
	}
	if people > 0 {
		who = append(who, fmt.Sprintf("%s cá nhân", vntext.FormatInt(int64(people))))
	}
	period := ""
	if d.Period != "" {
		if per, err := vntext.ParsePeriod(d.Period); err == nil {
			period = " " + per.Label()
		}
	}
	grounds := strings.Join([]string{
		"Căn cứ Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành;",
		"Căn cứ Quy chế làm việc của " + d.UnitName + ";",
		"Xét thành tích của các tập thể, cá nhân trong phong trào thi đua “Dân vận khéo”" + period + ",",
	}, "\n")
	article1 := fmt.Sprintf("Điều 1. Tặng %s cho %s (có danh sách kèm theo) đã có thành tích xuất sắc trong công tác dân vận%s.",
		award, strings.Join(who, " và "), period)
	article2 := "Điều 2. Tập thể, cá nhân có tên tại Điều 1 được hưởng chế độ khen thưởng theo quy định hiện hành."
	article3 := "Điều 3. Văn phòng " + d.UnitName + " và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
	title := strings.ToUpper(d.SignerTitle)
	if title == "" {
		title = "TRƯỞNG BAN"
	}
	summary := "Về việc tặng " + award
	return document.Generated{
		Draft: document.Draft{UnitID: d.UnitID, Type: document.Decision, Summary: summary,
			Signature:  document.Signature{Mode: document.SignDirect, Title: title, Name: d.Signer},
			Recipients: []string{"Như Điều 3", "Lưu Văn phòng"},
			Source:     document.Source{Kind: string(document.KindCommendation), ID: d.ID, Period: d.Period}},
		Parts: []document.Part{
			{Name: "grounds", Editable: true, Text: grounds},
			{Name: "decides", Blocks: []document.Block{document.Paragraph{Align: document.Center, Runs: []document.Run{{Text: "QUYẾT ĐỊNH:", Bold: true}}}}},
			{Name: "article1", Editable: true, Text: article1},
			{Name: "article2", Editable: true, Text: article2},
			{Name: "article3", Editable: true, Text: article3},
			{Name: "list", Appendix: true, Blocks: []document.Block{
				document.Paragraph{Align: document.Center, Runs: []document.Run{{Text: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG " + strings.ToUpper(award), Bold: true}}},
				document.Paragraph{Align: document.Center, Runs: []document.Run{{Text: "(Kèm theo Quyết định số " + d.Number + " ngày " + vntext.FormatDate(d.SignedOn) + ")", Italic: true}}},
				table,
			}},
		},
	}, nil
}

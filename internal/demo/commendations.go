package demo

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// GenerateCommendations gives every province board of today's tree
// (after GenerateMeetings, whose directories it draws people from) a
// commendation register: last year's review decision (Giấy khen to
// communes below it, people of its directory, a mediation team and a
// household), this year's six-month decision, and a title for the
// leading commune; the first province has also revoked a decision, and
// proposals from its communes wait for its decision, one answered.
func GenerateCommendations(ctx context.Context, d *db.DB, opts Options) error {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "demo"})
	rng := rand.New(rand.NewSource(opts.Seed + 19))
	units := org.NewStore(d)
	st := commendation.NewStore(d, units, auth.NewStore(d, units, auth.Config{}))
	sys := auth.System()
	today := db.DayOf(d.Now())
	year := today.Year()
	tree, err := units.Tree(ctx, today)
	if err != nil {
		return fmt.Errorf("demo: commendations: tree: %w", err)
	}
	first := true
	for _, p := range tree {
		if p.Level != org.Province || p.Kind != org.Board {
			continue
		}
		kids, err := units.Children(ctx, p.ID, today)
		if err != nil {
			return fmt.Errorf("demo: commendations: children: %w", err)
		}
		var communes []org.Unit
		for _, k := range kids {
			if k.Kind == org.Board || k.Kind == org.CommuneBloc {
				communes = append(communes, k)
			}
		}
		if len(communes) < 3 {
			continue
		}
		rng.Shuffle(len(communes), func(i, j int) { communes[i], communes[j] = communes[j], communes[i] })
		people, err := directory(ctx, d, p.ID, 3)
		if err != nil {
			return err
		}
		g := commendGen{st: st, sys: sys, rng: rng, p: p, seq: 100 + rng.Intn(300)}
		yearEnd := org.Date(year-1, 12, 18+rng.Intn(10))
		review, err := g.decision(ctx, yearEnd, commendation.Certificate, "", fmt.Sprint(year-1), g.reviewRecipients(communes[:3], people, year-1))
		if err != nil {
			return err
		}
		if mid := org.Date(year, 7, 10+rng.Intn(10)); !mid.After(today) {
			rs := []commendation.Recipient{{Kind: commendation.UnitKind, UnitID: communes[3%len(communes)].ID,
				Achievement: fmt.Sprintf("Có nhiều mô hình “Dân vận khéo” tiêu biểu trong 6 tháng đầu năm %d", year)}}
			if _, err := g.decision(ctx, mid, commendation.Certificate, "", fmt.Sprintf("%dS1", year), rs); err != nil {
				return err
			}
		}
		title := []commendation.Recipient{{Kind: commendation.UnitKind, UnitID: communes[0].ID,
			Achievement: fmt.Sprintf("Dẫn đầu phong trào thi đua “Dân vận khéo” năm %d", year-1)}}
		if _, err := g.decision(ctx, yearEnd.AddDate(0, 0, 2), commendation.Title, "Tập thể lao động xuất sắc", fmt.Sprint(year-1), title); err != nil {
			return err
		}
		if first {
			first = false
			if err := g.revokeAndPropose(ctx, review, communes, today); err != nil {
				return err
			}
		}
	}
	return nil
}

// directory returns up to n people of unit's directory, oldest first.
func directory(ctx context.Context, d *db.DB, unit int64, n int) ([]int64, error) {
	rows, err := d.QueryContext(ctx, `SELECT id FROM meeting_people WHERE unit_id = ? AND merged_into IS NULL ORDER BY id LIMIT ?`, unit, n)
	if err != nil {
		return nil, fmt.Errorf("demo: commendations: directory: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("demo: commendations: directory: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// commendGen records one province board's demo decisions.
type commendGen struct {
	st  *commendation.Store
	sys *auth.Principal
	rng *rand.Rand
	p   org.Unit
	seq int
}

func (g *commendGen) decision(ctx context.Context, on time.Time, form commendation.Form, title, period string, rs []commendation.Recipient) (commendation.Decision, error) {
	g.seq++
	d, _, err := g.st.Create(ctx, g.sys, commendation.Decision{UnitID: g.p.ID, Number: fmt.Sprintf("%d-QĐ/BDVTU", g.seq), SignedOn: on,
		Signer: demoSigners[g.rng.Intn(len(demoSigners))], SignerTitle: "Trưởng ban", Form: form, Title: title, Period: period, Recipients: rs}, true)
	if err != nil {
		return d, fmt.Errorf("demo: commendations: %s: %w", g.p.Code, err)
	}
	return d, nil
}

var demoSigners = []string{"Nguyễn Thị Thanh Hà", "Lê Văn Hùng", "Trần Minh Đức", "Hoàng Thị Lan", "Phạm Quốc Bảo"}

// reviewRecipients are a year's review decision's: three communes, the
// people given, a mediation team and a household.
func (g *commendGen) reviewRecipients(communes []org.Unit, people []int64, year int) []commendation.Recipient {
	var rs []commendation.Recipient
	for _, c := range communes {
		rs = append(rs, commendation.Recipient{Kind: commendation.UnitKind, UnitID: c.ID,
			Achievement: fmt.Sprintf("Hoàn thành xuất sắc nhiệm vụ công tác dân vận năm %d", year)})
	}
	for _, id := range people {
		rs = append(rs, commendation.Recipient{Kind: commendation.Person, PersonID: id,
			Achievement: fmt.Sprintf("Có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm %d", year)})
	}
	village := 1 + g.rng.Intn(12)
	rs = append(rs,
		commendation.Recipient{Kind: commendation.Collective, Name: fmt.Sprintf("Tổ hòa giải thôn %d, %s", village, communes[0].Name),
			Achievement: fmt.Sprintf("Hòa giải thành công %d vụ việc ở cơ sở năm %d", 8+g.rng.Intn(10), year)},
		commendation.Recipient{Kind: commendation.Household, Name: fmt.Sprintf("Hộ ông %s, thôn %d", demoHouseholders[g.rng.Intn(len(demoHouseholders))], village),
			Achievement: fmt.Sprintf("Hiến %d m² đất làm đường giao thông nông thôn", 100+20*g.rng.Intn(20))},
	)
	return rs
}

var demoHouseholders = []string{"Lương Văn Tư", "Nông Văn Pịn", "Trần Văn Sáu", "Lò Văn Ơn", "Nguyễn Văn Tám", "Đinh Văn Hòa"}

// revokeAndPropose revokes a decision recorded in error and leaves two
// proposals from the province's communes: one waiting, one answered.
func (g *commendGen) revokeAndPropose(ctx context.Context, review commendation.Decision, communes []org.Unit, today time.Time) error {
	wrong, err := g.decision(ctx, review.SignedOn, commendation.Certificate, "", review.Period, []commendation.Recipient{{Kind: commendation.UnitKind,
		UnitID: communes[1].ID, Achievement: review.Recipients[1].Achievement + " (ghi trùng)"}})
	if err != nil {
		return err
	}
	if _, err := g.st.Revoke(ctx, g.sys, wrong.ID, wrong.Version, "Ghi trùng với quyết định "+review.Number+"; thu hồi theo Điều 93 Luật Thi đua, khen thưởng 2022.", review.SignedOn.AddDate(0, 0, 15)); err != nil {
		return fmt.Errorf("demo: commendations: revoke: %w", err)
	}
	year := today.Year()
	for i, c := range communes[:2] {
		pr, err := g.st.Propose(ctx, g.sys, commendation.Proposal{UnitID: c.ID, ToUnitID: g.p.ID, Form: commendation.Merit, Period: fmt.Sprint(year),
			Reason: fmt.Sprintf("Tờ trình đề nghị tặng Bằng khen cho tập thể có thành tích trong phong trào “Dân vận khéo” năm %d", year),
			Recipients: []commendation.Recipient{{Kind: commendation.Collective, Name: fmt.Sprintf("Chi hội Phụ nữ thôn %d, %s", 2+i, c.Name),
				Achievement: fmt.Sprintf("Vận động nhân dân hiến %d m² đất mở rộng đường thôn", 800+200*i)}}})
		if err != nil {
			return fmt.Errorf("demo: commendations: propose: %w", err)
		}
		if i == 1 {
			if _, err := g.st.Reject(ctx, g.sys, pr.ID, pr.Version, "Thành tích chưa đủ tiêu chuẩn Bằng khen; đề nghị xét tặng Giấy khen cấp xã."); err != nil {
				return fmt.Errorf("demo: commendations: reject: %w", err)
			}
		}
	}
	return nil
}

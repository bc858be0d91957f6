package demo

import (
	"context"
	"fmt"
	"slices"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// blocProvinces is how many province boards get a demo cluster and
// steering committee.
const blocProvinces = 2

// GenerateBlocs gives the first province boards of today's tree (after
// GenerateMeetings) an emulation cluster of up to five units below them,
// scored, reviewed and approved last year (its leading member proposed
// for the emulation flag) and being scored this year,
// and a steering committee for the grassroots-democracy regulation with
// members from the board and the units beside and below it, a change of
// head, its latest conference as a meeting, a decision and last year's
// report.
func GenerateBlocs(ctx context.Context, d *db.DB, opts Options) error {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "demo"})
	units := org.NewStore(d)
	az := auth.NewStore(d, units, auth.Config{})
	ms := meeting.NewStore(d, units, az)
	es := emulation.NewStore(d, units, az, ms)
	cs := committee.NewStore(d, units, az, ms)
	sys := auth.System()
	today := db.DayOf(d.Now())
	year := today.Year()
	tree, err := units.Tree(ctx, today)
	if err != nil {
		return fmt.Errorf("demo: blocs: tree: %w", err)
	}
	n := 0
	for _, p := range tree {
		if n == blocProvinces || p.Level != org.Province || p.Kind != org.Board {
			continue
		}
		kids, err := units.Children(ctx, p.ID, today)
		if err != nil {
			return fmt.Errorf("demo: blocs: children: %w", err)
		}
		var members []int64
		for _, k := range kids {
			if len(members) < 5 && k.ValidOn(org.Date(year-1, 1, 1)) {
				members = append(members, k.ID)
			}
		}
		if len(members) < 2 {
			continue
		}
		n++
		if err := demoBloc(ctx, es, commendation.ProposeBlocFlag(units, az), sys, p, members, year); err != nil {
			return fmt.Errorf("demo: blocs: %s: %w", p.Code, err)
		}
		if err := demoCommittee(ctx, d, cs, sys, p, kids, year); err != nil {
			return fmt.Errorf("demo: committees: %s: %w", p.Code, err)
		}
	}
	return nil
}

// demoBloc sets up a cluster of province p: last year approved with its
// leading member's flag proposal sent to the province, this year half
// scored.
func demoBloc(ctx context.Context, es *emulation.Store, propose emulation.Proposer, sys *auth.Principal, p org.Unit, members []int64, year int) error {
	b, err := es.CreateBloc(ctx, sys, emulation.BlocGroup{UnitID: p.ID, Kind: emulation.Cluster, Name: "Cụm thi đua số 1 – " + p.ShortName})
	if err != nil {
		return err
	}
	criteria := []emulation.BlocCriterion{
		{Kind: emulation.Criterion, Title: "Triển khai thực hiện Quy chế dân chủ ở cơ sở", MaxPoints: 30, Evidence: "Kế hoạch, báo cáo sơ kết, tổng kết"},
		{Kind: emulation.Criterion, Title: "Xây dựng và nhân rộng mô hình “Dân vận khéo”", MaxPoints: 30, Evidence: "Quyết định công nhận mô hình"},
		{Kind: emulation.Criterion, Title: "Nắm tình hình tư tưởng nhân dân, giải quyết điểm nóng", MaxPoints: 25},
		{Kind: emulation.Criterion, Title: "Chế độ thông tin, báo cáo", MaxPoints: 15},
		{Kind: emulation.Bonus, Title: "Được cấp trên khen thưởng trong năm", MaxPoints: 5},
		{Kind: emulation.Penalty, Title: "Báo cáo chậm, thiếu", MaxPoints: 5},
	}
	last := year - 1
	if _, err := es.SetMembers(ctx, sys, b.ID, last, members); err != nil {
		return err
	}
	y, err := es.AddCriteria(ctx, sys, b.ID, last, criteria)
	if err != nil {
		return err
	}
	for i, m := range members {
		sc := map[int64]float64{}
		for j, c := range y.Criteria {
			switch c.Kind {
			case emulation.Criterion:
				sc[c.ID] = c.MaxPoints - float64((i*3+j)%5)
			case emulation.Bonus:
				sc[c.ID] = float64(i % 2 * 3)
			case emulation.Penalty:
				sc[c.ID] = float64(i % 3)
			}
		}
		if _, err := es.SelfScore(ctx, sys, b.ID, last, m, sc, true); err != nil {
			return err
		}
	}
	if _, err := es.Review(ctx, sys, b.ID, last, []emulation.BlocScore{{UnitID: members[0], CriterionID: y.Criteria[3].ID, Score: 12}}, true); err != nil {
		return err
	}
	y, err = es.BlocYear(ctx, sys, b.ID, last)
	if err != nil {
		return err
	}
	if _, err := es.Approve(ctx, sys, b.ID, last, y.Leading()[0].Signatory.UnitID); err != nil {
		return err
	}
	if _, err := es.ProposeFlag(ctx, sys, propose, b.ID, last, 0, fmt.Sprintf("Dẫn đầu cụm thi đua năm %d, được cụm bình xét và cấp trên duyệt.", last)); err != nil {
		return err
	}
	// This year: the same members, the leader moved on by the rotation;
	// the first two have scored themselves.
	if _, err := es.SetMembers(ctx, sys, b.ID, year, members); err != nil {
		return err
	}
	if y, err = es.AddCriteria(ctx, sys, b.ID, year, criteria); err != nil {
		return err
	}
	for _, m := range members[:2] {
		sc := map[int64]float64{}
		for _, c := range y.Criteria {
			if c.Kind == emulation.Criterion {
				sc[c.ID] = c.MaxPoints - 2
			}
		}
		if _, err := es.SelfScore(ctx, sys, b.ID, year, m, sc, slices.Index(members, m) == 0); err != nil {
			return err
		}
	}
	return nil
}

// demoCommittee sets up the QCDC steering committee of province p.
func demoCommittee(ctx context.Context, d *db.DB, cs *committee.Store, sys *auth.Principal, p org.Unit, kids []org.Unit, year int) error {
	set := org.Date(year-3, 3, 1)
	if !p.ValidOn(set) {
		set = p.ValidFrom
	}
	c, err := cs.Create(ctx, sys, committee.Committee{UnitID: p.ID, Name: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở – " + p.ShortName,
		Purpose: committee.QCDC, EstablishedOn: set, DecisionNo: "125-QĐ/TU"})
	if err != nil {
		return err
	}
	head, err := cs.AddMember(ctx, sys, c.ID, committee.Term{Name: "Hoàng Văn Nghiệm", Title: "Phó Bí thư Thường trực", UnitID: p.ID, Role: committee.Head, From: set})
	if err != nil {
		return err
	}
	deputy, err := cs.AddMember(ctx, sys, c.ID, committee.Term{Name: "Đoàn Thị Hậu", Title: "Trưởng " + p.Name, UnitID: p.ID, Role: committee.Deputy, From: set})
	if err != nil {
		return err
	}
	names := []string{"Lương Thị Mai", "Nông Văn Bình", "Vy Thị Hoa"}
	k := 0
	for _, u := range kids {
		if k == len(names) {
			break
		}
		if !u.ValidOn(set) {
			continue
		}
		if _, err := cs.AddMember(ctx, sys, c.ID, committee.Term{Name: names[k], Title: "Lãnh đạo " + u.Name, UnitID: u.ID, Role: committee.Member, From: set}); err != nil {
			return err
		}
		k++
	}
	// The head retired at the end of last year; the deputy heads since.
	if err := cs.EndTerm(ctx, sys, c.ID, head.ID, org.Date(year-1, 12, 31), "Nghỉ hưu"); err != nil {
		return err
	}
	if _, err := cs.ChangeRole(ctx, sys, c.ID, deputy.ID, org.Date(year, 1, 1), committee.Head, ""); err != nil {
		return err
	}
	var conf int64
	err = d.QueryRowContext(ctx, "SELECT id FROM meeting_conferences WHERE unit_id = ? ORDER BY held_on DESC, id DESC LIMIT 1", p.ID).Scan(&conf)
	if err == nil {
		if err := cs.LinkMeeting(ctx, sys, c.ID, conf); err != nil {
			return err
		}
	}
	if _, err := cs.AddDecision(ctx, sys, c.ID, committee.Decision{Number: "05-QĐ/BCĐ", SignedOn: org.Date(year-1, 4, 2),
		Title: "Ban hành kế hoạch kiểm tra, giám sát thực hiện Quy chế dân chủ ở cơ sở năm " + fmt.Sprint(year-1)}); err != nil {
		return err
	}
	return cs.SaveReport(ctx, sys, c.ID, year-1, fmt.Sprintf("Năm %d, Ban Chỉ đạo đã ban hành kế hoạch, tổ chức kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở; "+
		"các cấp ủy, chính quyền tiếp tục phát huy quyền làm chủ của nhân dân theo phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.", year-1))
}

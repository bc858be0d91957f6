package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// pledgeProvinces is how many province boards get demo pledges; the first
// of them holds the demo officer's commune (auth.DemoAccounts takes the
// first commune of a province in tree order).
const pledgeProvinces = 3

// pledgeSigners bounds the communes that sign one pledge.
const pledgeSigners = 12

// GeneratePledges gives the first province boards with communes (after
// GenerateMeetings) the emulation pledges of the "Dân vận khéo" movement:
// last year's second half, signed at the mid-year review and scored, so
// that it ranks its communes; and this year's, signed at the year-end
// review and scored on half of its commitments. All of it goes through
// emulation.Store, as a board's officials would enter it.
func GeneratePledges(ctx context.Context, d *db.DB, opts Options) error {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "demo"})
	units := org.NewStore(d)
	az := auth.NewStore(d, units, auth.Config{})
	es := emulation.NewStore(d, units, az, meeting.NewStore(d, units, az))
	sys := auth.System()
	today := db.DayOf(d.Now())
	year := today.Year()
	rng := rand.New(rand.NewSource(opts.Seed + 51))
	tree, err := units.Tree(ctx, today)
	if err != nil {
		return fmt.Errorf("demo: pledges: tree: %w", err)
	}
	n := 0
	for _, p := range tree {
		if n == pledgeProvinces || p.Level != org.Province || p.Kind != org.Board {
			continue
		}
		kids, err := units.Children(ctx, p.ID, today)
		if err != nil {
			return fmt.Errorf("demo: pledges: children: %w", err)
		}
		// Communes that lived through both signings.
		signedLast := org.Date(year-1, 7, 15)
		var communes []org.Unit
		for _, k := range kids {
			if k.Level == org.Commune && k.ValidOn(signedLast) && len(communes) < pledgeSigners {
				communes = append(communes, k)
			}
		}
		if len(communes) < 2 {
			continue
		}
		n++
		last := demoPledge{unit: p, communes: communes, period: fmt.Sprintf("%dS2", year-1), signed: signedLast, scored: 1,
			title: fmt.Sprintf("Giao ước thi đua thực hiện phong trào “Dân vận khéo” 6 tháng cuối năm %d", year-1)}
		this := demoPledge{unit: p, communes: communes, period: fmt.Sprint(year), signed: org.Date(year, 1, 20), scored: 0.5,
			title: fmt.Sprintf("Giao ước thi đua thực hiện phong trào “Dân vận khéo” năm %d", year)}
		for _, pl := range []demoPledge{last, this} {
			if err := pl.generate(ctx, d, es, sys, rng); err != nil {
				return fmt.Errorf("demo: pledges: %s %s: %w", p.Code, pl.period, err)
			}
		}
	}
	return nil
}

// demoPledge is one pledge to generate: a province board, the communes
// that sign, the period and day, and the share of commitments scored.
type demoPledge struct {
	unit     org.Unit
	communes []org.Unit
	period   string
	title    string
	signed   time.Time
	scored   float64
}

// pledgeCommitments are the commitments every demo pledge holds.
var pledgeCommitments = []emulation.Commitment{
	{Kind: emulation.Target, IndicatorCode: "DV04", Target: 3, Description: "Mỗi xã, phường đăng ký ít nhất 3 mô hình “Dân vận khéo” mới", MaxScore: 30},
	{Kind: emulation.Target, IndicatorCode: "DV09", Target: 2, Description: "Tổ chức ít nhất 2 cuộc đối thoại trực tiếp của người đứng đầu với Nhân dân", MaxScore: 25},
	{Kind: emulation.Deliverable, Description: "Không để phát sinh điểm nóng, khiếu kiện đông người kéo dài", MaxScore: 25},
	{Kind: emulation.Deliverable, Description: "Báo cáo sơ kết, tổng kết đúng hạn, đủ nội dung", MaxScore: 20},
}

// generate signs the pledge at the board's latest review held by its day
// and scores it.
func (pl demoPledge) generate(ctx context.Context, d *db.DB, es *emulation.Store, sys *auth.Principal, rng *rand.Rand) error {
	var conference int64
	err := d.QueryRowContext(ctx, `SELECT id FROM meeting_conferences WHERE unit_id = ? AND kind IN ('so_ket', 'tong_ket') AND held_on <= ?
		ORDER BY held_on DESC, id DESC LIMIT 1`, pl.unit.ID, db.Day(pl.signed)).Scan(&conference)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	in := emulation.Pledge{UnitID: pl.unit.ID, ConferenceID: conference, Period: pl.period, SignedOn: pl.signed,
		Title: pl.title, Commitments: pledgeCommitments}
	for i, c := range pl.communes {
		in.Signatories = append(in.Signatories, emulation.Signatory{UnitID: c.ID, Signer: signers[i%len(signers)]})
	}
	made, err := es.Create(ctx, sys, in)
	if err != nil {
		return err
	}
	var scores []emulation.Score
	for _, sg := range made.Signatories {
		for i, c := range made.Commitments {
			if float64(i) >= pl.scored*float64(len(made.Commitments)) {
				break
			}
			// Most communes keep most of their word; a few fall short.
			share := 0.6 + 0.4*rng.Float64()
			scores = append(scores, emulation.Score{SignatoryID: sg.ID, CommitmentID: c.ID, Score: float64(int(c.MaxScore*share*2)) / 2})
		}
	}
	_, err = es.SetScores(ctx, sys, made.ID, scores)
	return err
}

// signers sign for the communes: the chairs of the communes' Party
// committees' mobilization blocs, as pledges name them.
var signers = []string{"Hoàng Văn Thắng", "Lục Thị Hoa", "Nông Văn Quý", "Triệu Thị Lan", "Lương Văn Bình", "Đinh Thị Hằng"}

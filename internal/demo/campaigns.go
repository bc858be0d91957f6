package demo

import (
	"context"
	"fmt"
	"math/rand"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// GenerateCampaigns gives every province board of today's tree a "Vì
// người nghèo" fund since the start of last year, with its communes
// taking part and each commune's money, in-kind gifts and households
// helped for last year and for this year's first half when it is over;
// and a register holding Kết luận 114-KL/TW of the Secretariat, which
// the fund carries out.
func GenerateCampaigns(ctx context.Context, d *db.DB, opts Options) error {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "demo"})
	rng := rand.New(rand.NewSource(opts.Seed + 42))
	units := org.NewStore(d)
	authz := auth.NewStore(d, units, auth.Config{})
	camps := campaign.NewStore(d, units, authz)
	dirs := directive.NewStore(d, units, authz, nil)
	sys := auth.System()
	today := db.DayOf(d.Now())
	year := today.Year()
	tree, err := units.Tree(ctx, today)
	if err != nil {
		return fmt.Errorf("demo: campaigns: tree: %w", err)
	}
	periods := []string{fmt.Sprint(year - 1)}
	if h1, _ := vntext.ParsePeriod(fmt.Sprintf("%dS1", year)); h1.End().Before(today) {
		periods = append(periods, h1.String())
	}
	analyzed := false
	for _, p := range tree {
		if p.Level != org.Province || p.Kind != org.Board {
			continue
		}
		kids, err := units.Children(ctx, p.ID, today)
		if err != nil {
			return fmt.Errorf("demo: campaigns: children: %w", err)
		}
		var joined []campaign.Unit
		codes := map[int64]string{}
		for _, k := range kids {
			if k.Kind == org.Board || k.Kind == org.CommuneBloc {
				joined = append(joined, campaign.Unit{ID: k.ID})
				codes[k.ID] = k.Code
			}
		}
		c, err := camps.Create(ctx, sys, campaign.Campaign{UnitID: p.ID, Kind: campaign.Poor,
			Name: fmt.Sprintf("Quỹ “Vì người nghèo” năm %d – %d", year-1, year), StartsOn: org.Date(year-1, 1, 1),
			Target: int64(len(joined)+1) * 200_000_000, CountsHouseholds: true, Units: joined,
			Description: "Vận động cán bộ, đảng viên, doanh nghiệp và nhân dân ủng hộ Quỹ, hỗ trợ xây nhà Đại đoàn kết, sinh kế cho hộ nghèo."})
		if err != nil {
			return fmt.Errorf("demo: campaigns: %w", err)
		}
		// The communes' contributions come in on the board's sheet, one
		// line per commune and period (Record, called line by line, reads
		// the campaign and its units again for every line).
		var lines [][]any
		for _, u := range joined {
			for _, code := range periods {
				lines = append(lines, []any{codes[u.ID], code,
					int64(20+rng.Intn(180)) * 1_000_000, int64(rng.Intn(40)) * 500_000, int64(1 + rng.Intn(12))})
			}
		}
		book, err := sheet.Workbook(lines)
		if err != nil {
			return fmt.Errorf("demo: campaigns: sheet: %w", err)
		}
		if _, err := camps.Import(ctx, sys, c.ID, book); err != nil {
			return fmt.Errorf("demo: campaigns: contributions: %w", err)
		}
		dir, err := dirs.Create(ctx, sys, directive.Directive{UnitID: p.ID, Number: "114-KL/TW", IssuedOn: org.Date(2015, 7, 14),
			Issuer: "Ban Bí thư", Summary: "Kết luận về nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp"}, nil)
		if err != nil {
			return fmt.Errorf("demo: directives: %w", err)
		}
		if err := dirs.Link(ctx, sys, dir.ID, directive.Campaign, c.ID); err != nil {
			return fmt.Errorf("demo: directives: %w", err)
		}
		if !analyzed && d.Dialect() == db.Postgres {
			// The reports step analyzed these tables while they were
			// empty: without statistics taken now, PostgreSQL would keep
			// reading the contributions whole for each line imported.
			analyzed = true
			for _, t := range []string{"campaigns", "campaign_units", "campaign_contributions", "directives", "directive_links"} {
				if _, err := d.ExecContext(ctx, "ANALYZE "+t); err != nil {
					return fmt.Errorf("demo: campaigns: analyze %s: %w", t, err)
				}
			}
		}
	}
	return nil
}

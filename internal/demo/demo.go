// Package demo fills an empty database with a believable unit hierarchy
// through the 2025 reform, for trying danvan out and for benchmarks.
//
// Two scales:
//
//   - "small" (the default): the central board and two real provinces,
//     Thái Nguyên and Bắc Kạn, with their real districts and a few real
//     communes of each (see smallDistricts for how far the names can be
//     trusted) — about 220 units, generated in well under a second;
//   - "national": the 63 real provinces of 2015–2025 with generated
//     districts (about 700) and communes (about 10,000), merged on
//     1 July 2025 into the 34 real provinces of Nghị quyết 202/2025/QH15
//     and about 3,300 communes — about 19,000 units.
//
// In both, the old three-tier tree (province, district, commune) holds
// from 2015-01-01 to 2025-06-30 and the two-tier tree from 2025-07-01:
//
//   - every province and district board has the Fatherland Front and the
//     five socio-political organizations beside it, as its children;
//   - on 2025-01-01 Thừa Thiên Huế becomes the centrally-run city of Huế
//     (national only; a rename);
//   - on 2025-02-01 the Central Propaganda Board (Ban Tuyên giáo Trung
//     ương) merges into the Central Mass Mobilization Board, which is
//     renamed Ban Tuyên giáo và Dân vận Trung ương — modelled as a merge into
//     the existing board plus a rename, so that the root keeps its id;
//   - on 2025-07-01 old communes merge, in groups of one to five within
//     their district, into new communes placed directly under the
//     province (a group of one is moved and, if it was a thị trấn,
//     renamed a xã); in each new province one old commune is split
//     between two of the new communes with shares (0.6/0.4 in the small
//     demo); the districts and their organizations close, each district
//     board passing its work to the new province's board (so that its own
//     reports count there in the view mapped onto today); and each merged
//     province's board and organizations merge into those of the province
//     whose name the new province keeps (Bắc Kạn into Thái Nguyên...).
//
// The names and compositions of the 2025 communes are plausible, not the
// official lists: a new commune takes its district's name when it holds
// the district seat, else the name of one of its old communes.
//
// Generate is deterministic for a seed and refuses (ErrNotEmpty) a
// database that already has units, so it never mixes demo data with real
// data or runs twice; Present tells whether demo data is there. Everything
// is written through org.Writer in one transaction, so the usual rules
// apply and every change is in the audit log (one row per change, as for
// any other change; nothing is summarized).
//
// Unit codes: "TW" the central board, "TW-TG" the central propaganda
// board, "T19" the board of the province with GSO code 19, "T19-H03" its
// third district, "T19-H03-X02" that district's second commune, "T19-X007"
// the seventh new commune of 2025 under province 19, and a suffix for the
// organizations beside a board: "T19-MTTQ", "T19-H03-PN" (see OrgSuffix).
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// The scales.
const (
	Small    = "small"
	National = "national"
)

// Options choose what to generate.
type Options struct {
	Scale string // Small (also when empty) or National
	Seed  int64  // same seed, same data
}

// The codes of the units every demo has.
const (
	RootCode       = "TW"    // Ban Dân vận Trung ương, from 2025-02-01 Ban Tuyên giáo và Dân vận Trung ương
	PropagandaCode = "TW-TG" // Ban Tuyên giáo Trung ương, merged into RootCode on 2025-02-01
)

// Dates of the demo's history.
var (
	Start         = org.Date(2015, 1, 1) // every old unit starts here
	HueCity       = org.Date(2025, 1, 1) // Thừa Thiên Huế becomes the city of Huế
	CentralMerger = org.Date(2025, 2, 1) // Ban Tuyên giáo + Ban Dân vận Trung ương
	Reform        = org.Date(2025, 7, 1) // two-tier local government
)

// ProvinceCode is the code of the board of the province with the given
// two-digit GSO code: ProvinceCode("19") is "T19" (Thái Nguyên).
func ProvinceCode(gso string) string { return "T" + gso }

// OrgSuffix is the code suffix of the organization of kind k beside a
// board: the provincial Women's Union of Thái Nguyên is "T19-" +
// OrgSuffix(org.WomensUnion).
func OrgSuffix(k org.Kind) string {
	switch k {
	case org.FatherlandFront:
		return "MTTQ"
	case org.WomensUnion:
		return "PN"
	case org.FarmersUnion:
		return "ND"
	case org.Veterans:
		return "CCB"
	case org.YouthUnion:
		return "DTN"
	case org.TradeUnion:
		return "CD"
	}
	return strings.ToUpper(string(k))
}

// ErrNotEmpty is wrapped by the error Generate returns for a database
// that already has units.
var ErrNotEmpty = errors.New("demo: the database already has units")

// Present reports whether the demo's root unit is in the database.
func Present(ctx context.Context, d *db.DB) (bool, error) {
	var n int
	if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM units WHERE code = ?", RootCode).Scan(&n); err != nil {
		return false, fmt.Errorf("demo: present: %w", err)
	}
	return n > 0, nil
}

// Generate fills an empty, migrated database with the demo hierarchy of
// the chosen scale, in one transaction.
func Generate(ctx context.Context, d *db.DB, opts Options) error {
	var n int
	if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM units").Scan(&n); err != nil {
		return fmt.Errorf("demo: count units: %w", err)
	}
	if n > 0 {
		return &apperr.Error{Code: apperr.CodeConflict, Err: ErrNotEmpty,
			Key: "demo.err.notempty", Args: []any{n}}
	}
	rng := rand.New(rand.NewSource(opts.Seed))
	var pl plan
	switch opts.Scale {
	case "", Small:
		pl = smallPlan(rng)
	case National:
		pl = nationalPlan(rng)
	default:
		return apperr.Invalid("scale", fmt.Sprintf("Quy mô dữ liệu mẫu phải là small hoặc national, không phải %q", opts.Scale))
	}
	// On PostgreSQL the hierarchy's references to units are checked once,
	// when the keys are added again at the end, instead of once per row
	// and key as the writer inserts (db.Tx.DeferForeignKeys; nothing on
	// SQLite).
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		restore, err := tx.DeferForeignKeys(ctx, "unit_versions", "unit_closure", "unit_links", "unit_successions")
		if err != nil {
			return err
		}
		err = org.NewStore(d.Within(tx)).Update(ctx, func(w *org.Writer) error {
			g := &gen{w: w, ids: make(map[string]int64, 32000), rng: rng}
			return g.run(ctx, pl)
		})
		if err != nil {
			return err
		}
		return restore(ctx)
	})
	if err != nil {
		return fmt.Errorf("demo: generate %s: %w", opts.Scale, err)
	}
	// Fresh statistics for the query planners after a bulk load ("ANALYZE
	// table" is the same on both engines).
	for _, t := range []string{"units", "unit_versions", "unit_closure", "unit_links", "unit_successions", "audit_log"} {
		if _, err := d.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return fmt.Errorf("demo: analyze %s: %w", t, err)
		}
	}
	return nil
}

// plan is what to generate: the old provinces with their districts, and
// the 2025 mergers.
type plan struct {
	provinces []oldProvince
	mergers   []merger
	splits    func() (float64, float64) // shares of each 2025 split
}

type oldProvince struct {
	province
	districts []district
}

func smallPlan(*rand.Rand) plan {
	var pl plan
	for _, p := range provinces63 {
		if ds, ok := smallDistricts[p.Code]; ok {
			pl.provinces = append(pl.provinces, oldProvince{province: p, districts: ds})
		}
	}
	pl.mergers = []merger{{Survivor: "19", Others: []string{"06"}}}
	pl.splits = func() (float64, float64) { return 0.6, 0.4 }
	return pl
}

func nationalPlan(rng *rand.Rand) plan {
	var pl plan
	for _, p := range provinces63 {
		names := newNamer(rng)
		n := 7 + rng.Intn(9) // 7..15 districts, about 700 in all
		op := oldProvince{province: p}
		for i := 0; i < n; i++ {
			var dt string
			switch {
			case i == 0:
				dt = "thành phố"
			case p.City && i < n*2/5:
				dt = "quận"
			case rng.Intn(8) == 0:
				dt = "thị xã"
			default:
				dt = "huyện"
			}
			dist := district{Type: dt, Name: names.next()}
			m := 8 + rng.Intn(14) // 8..21 communes, about 10,000 in all
			for j := 0; j < m; j++ {
				ct := "xã"
				switch dt {
				case "thành phố", "quận":
					if j < m*7/10 || dt == "quận" {
						ct = "phường"
					}
				case "thị xã":
					if j < m/2 {
						ct = "phường"
					}
				default:
					if j == 0 {
						ct = "thị trấn"
					}
				}
				dist.Communes = append(dist.Communes, place{Type: ct, Name: names.next()})
			}
			op.districts = append(op.districts, dist)
		}
		pl.provinces = append(pl.provinces, op)
	}
	pl.mergers = mergers2025
	pl.splits = func() (float64, float64) {
		a := float64(3+rng.Intn(5)) / 10 // 0.3..0.7
		return a, 1 - a
	}
	return pl
}

// namer makes two-syllable place names, none twice.
type namer struct {
	rng  *rand.Rand
	used map[string]bool
}

func newNamer(rng *rand.Rand) *namer { return &namer{rng: rng, used: map[string]bool{}} }

func (n *namer) next() string {
	for {
		a, b := syllables[n.rng.Intn(len(syllables))], syllables[n.rng.Intn(len(syllables))]
		if a == b {
			continue
		}
		name := a + " " + b
		if !n.used[name] {
			n.used[name] = true
			return name
		}
	}
}

// gen carries out a plan through one org.Writer.
type gen struct {
	w   *org.Writer
	ids map[string]int64
	rng *rand.Rand

	// The units waiting to be created together (org.Writer.CreateMany),
	// and their places in that batch by code.
	batch   []org.BatchUnit
	pending map[string]int
}

// create adds a unit to the batch that flush creates.
func (g *gen) create(code, name, short string, level org.Level, kind org.Kind, parent string, from time.Time) {
	bu := org.BatchUnit{NewUnit: org.NewUnit{Code: code, Name: name, ShortName: short, Level: level, Kind: kind, ValidFrom: from}}
	if i, ok := g.pending[parent]; ok {
		bu.Under = i + 1
	} else if parent != "" {
		bu.ParentID = g.ids[parent]
	}
	if g.pending == nil {
		g.pending = map[string]int{}
	}
	g.pending[code] = len(g.batch)
	g.batch = append(g.batch, bu)
}

// flush creates the units of the batch, in the order they were added.
func (g *gen) flush(ctx context.Context) error {
	ids, err := g.w.CreateMany(ctx, g.batch)
	if err != nil {
		return err
	}
	for i, bu := range g.batch {
		g.ids[bu.Code] = ids[i]
	}
	g.batch, g.pending = g.batch[:0], nil
	return nil
}

func (g *gen) run(ctx context.Context, pl plan) error {
	g.create(RootCode, "Ban Dân vận Trung ương", "Ban Dân vận TW", org.Central, org.Board, "", Start)
	g.create(PropagandaCode, "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo TW", org.Central, org.Other, "", Start)
	byCode := map[string]oldProvince{}
	for _, p := range pl.provinces {
		byCode[p.Code] = p
		g.oldProvince(p)
		// A province's units at a time (with the two central boards
		// before the first).
		if err := g.flush(ctx); err != nil {
			return err
		}
	}
	if err := g.flush(ctx); err != nil {
		return err
	}
	if p, ok := byCode["46"]; ok {
		hue := p.province
		hue.Name, hue.City = "Huế", true
		if err := g.renameProvince(ctx, hue, HueCity); err != nil {
			return err
		}
		byCode["46"] = oldProvince{province: hue, districts: p.districts}
	}
	if _, err := g.w.Merge(ctx, []int64{g.ids[PropagandaCode]}, org.MergeTarget{ExistingID: g.ids[RootCode]}, CentralMerger); err != nil {
		return err
	}
	if _, err := g.w.Rename(ctx, g.ids[RootCode], CentralMerger, "Ban Tuyên giáo và Dân vận Trung ương", "Ban TGDV TW"); err != nil {
		return err
	}
	for _, m := range pl.mergers {
		if err := g.reform(ctx, m, byCode, pl.splits); err != nil {
			return err
		}
	}
	return nil
}

// Names of boards and organizations.

func (p province) placeName() string {
	if p.City {
		return "thành phố " + p.Name
	}
	return "tỉnh " + p.Name
}

func (p province) committee() string {
	if p.City {
		return "Thành ủy"
	}
	return "Tỉnh ủy"
}

func (p province) youth() string {
	if p.City {
		return "Thành đoàn"
	}
	return "Tỉnh đoàn"
}

func (d district) placeName() string { return d.Type + " " + d.Name }

func (d district) committee() string {
	switch d.Type {
	case "thành phố":
		return "Thành ủy"
	case "thị xã":
		return "Thị ủy"
	case "quận":
		return "Quận ủy"
	}
	return "Huyện ủy"
}

func (d district) youth() string {
	switch d.Type {
	case "thành phố":
		return "Thành đoàn"
	case "thị xã":
		return "Thị đoàn"
	case "quận":
		return "Quận đoàn"
	}
	return "Huyện đoàn"
}

// orgNames returns the full and short names of the organization of kind k
// of a place ("tỉnh Thái Nguyên"), whose youth union is called youth
// ("Tỉnh đoàn") and whose bare name is bare ("Thái Nguyên").
func orgNames(k org.Kind, placeName, youth, bare string) (string, string) {
	switch k {
	case org.FatherlandFront:
		return "Ủy ban Mặt trận Tổ quốc Việt Nam " + placeName, "MTTQ " + placeName
	case org.WomensUnion:
		return "Hội Liên hiệp Phụ nữ " + placeName, "Hội LHPN " + placeName
	case org.FarmersUnion:
		return "Hội Nông dân " + placeName, "Hội ND " + placeName
	case org.Veterans:
		return "Hội Cựu chiến binh " + placeName, "Hội CCB " + placeName
	case org.YouthUnion:
		return youth + " " + bare, youth + " " + bare
	case org.TradeUnion:
		return "Liên đoàn Lao động " + placeName, "LĐLĐ " + placeName
	}
	return string(k) + " " + placeName, ""
}

// oldProvince adds a province of 2015 with its districts, communes and
// organizations to the batch.
func (g *gen) oldProvince(p oldProvince) {
	code := ProvinceCode(p.Code)
	g.create(code, "Ban Dân vận "+p.committee()+" "+p.Name, p.Name, org.Province, org.Board, RootCode, Start)
	for _, k := range org.Organizations {
		name, short := orgNames(k, p.placeName(), p.youth(), p.Name)
		g.create(code+"-"+OrgSuffix(k), name, short, org.Province, k, code, Start)
	}
	for i, d := range p.districts {
		dc := fmt.Sprintf("%s-H%02d", code, i+1)
		g.create(dc, "Ban Dân vận "+d.committee()+" "+d.Name, d.placeName(), org.District, org.Board, code, Start)
		for _, k := range org.Organizations {
			name, short := orgNames(k, d.placeName(), d.youth(), d.Name)
			g.create(dc+"-"+OrgSuffix(k), name, short, org.District, k, dc, Start)
		}
		for j, c := range d.Communes {
			g.create(fmt.Sprintf("%s-X%02d", dc, j+1), "Khối Dân vận "+c.Type+" "+c.Name, c.Type+" "+c.Name,
				org.Commune, org.CommuneBloc, dc, Start)
		}
	}
}

// renameProvince gives a province's board and organizations the names of
// p from date on.
func (g *gen) renameProvince(ctx context.Context, p province, date time.Time) error {
	code := ProvinceCode(p.Code)
	if _, err := g.w.Rename(ctx, g.ids[code], date, "Ban Dân vận "+p.committee()+" "+p.Name, p.Name); err != nil {
		return err
	}
	for _, k := range org.Organizations {
		name, short := orgNames(k, p.placeName(), p.youth(), p.Name)
		if _, err := g.w.Rename(ctx, g.ids[code+"-"+OrgSuffix(k)], date, name, short); err != nil {
			return err
		}
	}
	return nil
}

// oldCommune is an old commune on its way into the 2025 tree.
type oldCommune struct {
	code  string
	place place
	seat  bool // the district's first commune
	dist  district
}

// reform carries out the 2025 reform for one new province.
func (g *gen) reform(ctx context.Context, m merger, byCode map[string]oldProvince, shares func() (float64, float64)) error {
	survivor := ProvinceCode(m.Survivor)
	members := append([]string{m.Survivor}, m.Others...)
	used := map[string]bool{}
	seq := 0
	splitDone := false
	for _, mc := range members {
		p, ok := byCode[mc]
		if !ok {
			return fmt.Errorf("demo: merger names unknown province %s", mc)
		}
		for i, d := range p.districts {
			dc := fmt.Sprintf("%s-H%02d", ProvinceCode(mc), i+1)
			cs := make([]oldCommune, len(d.Communes))
			for j, c := range d.Communes {
				cs[j] = oldCommune{code: fmt.Sprintf("%s-X%02d", dc, j+1), place: c, seat: j == 0, dist: d}
			}
			// In the first district big enough, keep one commune back to
			// split between two of the new ones.
			var split *oldCommune
			if !splitDone && len(cs) >= 5 {
				split = &cs[len(cs)-1]
				cs = cs[:len(cs)-1]
			}
			groups := partition(g.rng, len(cs), split != nil)
			var made []int64
			at := 0
			for _, n := range groups {
				grp := cs[at : at+n]
				at += n
				id, err := g.newCommune(ctx, survivor, grp, used, &seq)
				if err != nil {
					return err
				}
				made = append(made, id)
			}
			if split != nil {
				a, b := shares()
				if _, err := g.w.Split(ctx, g.ids[split.code], []org.SplitPart{
					{ExistingID: made[0], Share: a}, {ExistingID: made[1], Share: b},
				}, Reform); err != nil {
					return err
				}
				splitDone = true
			}
			for _, k := range org.Organizations {
				if _, err := g.w.Close(ctx, g.ids[dc+"-"+OrgSuffix(k)], Reform); err != nil {
					return err
				}
			}
			if _, err := g.w.CloseInto(ctx, g.ids[dc], g.ids[survivor], Reform); err != nil {
				return err
			}
		}
	}
	for _, mc := range m.Others {
		code := ProvinceCode(mc)
		for _, k := range org.Organizations {
			suf := "-" + OrgSuffix(k)
			if _, err := g.w.Merge(ctx, []int64{g.ids[code+suf]}, org.MergeTarget{ExistingID: g.ids[survivor+suf]}, Reform); err != nil {
				return err
			}
		}
		if _, err := g.w.Merge(ctx, []int64{g.ids[code]}, org.MergeTarget{ExistingID: g.ids[survivor]}, Reform); err != nil {
			return err
		}
	}
	return nil
}

// partition cuts n communes into groups of one to five, about three on
// average (10,000 communes became about 3,300); with atLeastTwo it makes
// at least two groups (n >= 2).
func partition(rng *rand.Rand, n int, atLeastTwo bool) []int {
	var sizes []int
	for left := n; left > 0; {
		r := rng.Intn(20)
		s := 3
		switch {
		case r == 0:
			s = 1
		case r < 4:
			s = 2
		case r >= 18:
			s = 5
		case r >= 13:
			s = 4
		}
		if s > left {
			s = left
		}
		sizes = append(sizes, s)
		left -= s
	}
	if atLeastTwo && len(sizes) == 1 && n >= 2 {
		sizes = []int{n / 2, n - n/2}
	}
	return sizes
}

// newCommune makes the 2025 commune of a group of old communes under the
// board survivor and returns its id: a group of one moves (and a thị trấn
// becomes a xã), a larger group merges into a new unit.
func (g *gen) newCommune(ctx context.Context, survivor string, grp []oldCommune, used map[string]bool, seq *int) (int64, error) {
	typ := "xã"
	for _, c := range grp {
		if c.place.Type == "phường" {
			typ = "phường"
		}
	}
	if len(grp) == 1 {
		c := grp[0]
		id := g.ids[c.code]
		used[c.place.Name] = true
		if _, err := g.w.Move(ctx, id, g.ids[survivor], Reform); err != nil {
			return 0, err
		}
		if c.place.Type == "thị trấn" {
			if _, err := g.w.Rename(ctx, id, Reform, "Khối Dân vận xã "+c.place.Name, "xã "+c.place.Name); err != nil {
				return 0, err
			}
		}
		return id, nil
	}
	var candidates []string
	if grp[0].seat {
		candidates = append(candidates, grp[0].dist.Name)
	}
	for _, c := range grp {
		candidates = append(candidates, c.place.Name)
	}
	for _, c := range grp {
		candidates = append(candidates, "Tân "+c.place.Name)
	}
	name := ""
	for _, c := range candidates {
		if !used[c] {
			name = c
			break
		}
	}
	for i := 2; name == ""; i++ {
		if c := fmt.Sprintf("%s %d", grp[0].place.Name, i); !used[c] {
			name = c
		}
	}
	used[name] = true
	*seq++
	code := fmt.Sprintf("%s-X%03d", survivor, *seq)
	ids := make([]int64, len(grp))
	for i, c := range grp {
		ids[i] = g.ids[c.code]
	}
	u, err := g.w.Merge(ctx, ids, org.MergeTarget{New: &org.NewUnit{
		Code: code, Name: "Khối Dân vận " + typ + " " + name, ShortName: typ + " " + name,
		Kind: org.CommuneBloc, ParentID: g.ids[survivor],
	}}, Reform)
	if err != nil {
		return 0, err
	}
	g.ids[code] = u.ID
	return u.ID, nil
}

package demo

import (
	"context"
	"fmt"
	"math/rand"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Demo model counts per scale.
const (
	SmallPractices    = 400
	NationalPractices = 300000
)

// GeneratePractices adds "Dân vận khéo" models (package practice) to a
// database that holds the demo hierarchy: SmallPractices for the small
// scale, NationalPractices for the national one. Models belong to
// communes, district boards and the organizations beside them, start
// between 2015 and today within their unit's life, and spread over the
// six fields and every status: recognized ones by the unit above their
// own on the recognition date, with a decision number and results, some
// replicated by neighbouring units (adoptions with their family links and
// counts), some stopped with a reason. Rows are written in batches in one
// transaction, with one summary audit row, then the tables are analyzed
// for the query planner. It is deterministic for rng (nil: one seeded
// from opts.Seed).
func GeneratePractices(ctx context.Context, d *db.DB, opts Options, rng *rand.Rand) error {
	made, err := startPractices(ctx, d, opts, rng)
	if err != nil {
		return err
	}
	return writePractices(ctx, d, opts, made())
}

// madePractices are the demo's models ready to be written: originals and
// adoptions each in id order. Their rows (folded names, descriptions) and
// their results are made chunk by chunk as they are written
// (practiceRows, resultGen): made all at once they held about half the
// Go heap of the national demo (some 250 MB live and twice that at the
// collector's pace), fresh memory whose first touch costs on a machine
// whose memory the host backs lazily.
type madePractices struct {
	rows, adopted []*demoPractice
	stamp         string
}

// startPractices reads what the models are made from (the units, today,
// the next id) and makes them in a goroutine of its own; the function it
// returns waits for them (call it once: nothing keeps them after).
// GenerateAll starts them when the reports are written: they are made on
// the second core while SQLite analyzes the reports on the first.
func startPractices(ctx context.Context, d *db.DB, opts Options, rng *rand.Rand) (func() madePractices, error) {
	if rng == nil {
		rng = rand.New(rand.NewSource(opts.Seed ^ 0x70726163))
	}
	n := SmallPractices
	if opts.Scale == National {
		n = NationalPractices
	}
	today := d.Now()
	us, err := loadDemoUnits(ctx, d)
	if err != nil {
		return nil, err
	}
	var owners []*demoUnit
	for _, u := range us.list {
		if u.level == "commune" || u.level == "district" {
			owners = append(owners, u)
		}
	}
	if len(owners) == 0 {
		return nil, fmt.Errorf("demo: practices: no commune or district units; generate the hierarchy first")
	}
	g := &practiceGen{rng: rng, taken: map[[2]int64]bool{}, today: time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC), units: us}
	var first int64
	if err := d.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM practices").Scan(&first); err != nil {
		return nil, fmt.Errorf("demo: practices: %w", err)
	}
	g.next = first + 1
	done := make(chan madePractices, 1)
	go func() { done <- makePractices(g, owners, n) }()
	return func() madePractices { return <-done }, nil
}

// makePractices makes n models (and up to a fifth more adoptions) for
// owners; it reads nothing from the database.
func makePractices(g *practiceGen, owners []*demoUnit, n int) madePractices {
	rng := g.rng
	m := madePractices{stamp: g.today.Format("2006-01-02T15:04:05.000000Z")}
	for len(m.rows) < n {
		u := owners[rng.Intn(len(owners))]
		if p := g.original(u); p != nil {
			m.rows = append(m.rows, p)
		}
	}
	// Replications: about one recognized model in four is taken up by one
	// to three other units under the same parent.
	for _, p := range m.rows {
		if p.status != "recognized" || rng.Intn(4) != 0 || len(m.rows)+len(m.adopted) >= n+n/5 {
			continue
		}
		for k := 1 + rng.Intn(3); k > 0; k-- {
			if a := g.adopt(p); a != nil {
				m.adopted = append(m.adopted, a)
			}
		}
	}
	for _, ps := range [][]*demoPractice{m.rows, m.adopted} {
		sort.Slice(ps, func(i, j int) bool { return ps[i].id < ps[j].id })
	}
	return m
}

// writePractices writes the models in one transaction, their secondary
// indexes built after the rows, with one summary audit row, and analyzes
// their tables.
func writePractices(ctx context.Context, d *db.DB, opts Options, m madePractices) error {
	models, adoptions := len(m.rows), len(m.adopted)
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		// The secondary indexes are built once the rows are in: kept up
		// to date row by row they cost several times more (rows arrive
		// in id order, the indexes' keys in no order).
		rebuild, err := tx.DeferIndexes(ctx, "practices", "practice_results")
		if err != nil {
			return fmt.Errorf("demo: practices: %w", err)
		}
		// On PostgreSQL their foreign keys (four lookups per model and
		// result) are checked once, when they are added again after the
		// rows (db.Tx.DeferForeignKeys; on SQLite the demo loads without
		// checks).
		restoreFKs, err := tx.DeferForeignKeys(ctx, "practices", "practice_results")
		if err != nil {
			return fmt.Errorf("demo: practices: %w", err)
		}
		if err := insertPractices(ctx, tx, m.rows, m.stamp); err != nil {
			return err
		}
		if err := insertPractices(ctx, tx, m.adopted, m.stamp); err != nil {
			return err
		}
		if err := insertResults(ctx, tx, [][]*demoPractice{m.rows, m.adopted}, m.stamp); err != nil {
			return err
		}
		// The models are written: their memory goes back to the system
		// before SQLite sorts the indexes' keys, the load's peak.
		m = madePractices{}
		debug.FreeOSMemory()
		if err := rebuild(ctx); err != nil {
			return fmt.Errorf("demo: practices: %w", err)
		}
		if err := restoreFKs(ctx); err != nil {
			return fmt.Errorf("demo: practices: %w", err)
		}
		if tx.Dialect() == db.Postgres {
			// Explicit ids leave the sequence behind; move it past them.
			if _, err := tx.ExecContext(ctx, "SELECT setval(pg_get_serial_sequence('practices', 'id'), (SELECT MAX(id) FROM practices))"); err != nil {
				return fmt.Errorf("demo: practices: sequence: %w", err)
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "demo", Entity: "practice",
			After: map[string]any{"models": models, "adoptions": adoptions, "scale": opts.Scale}})
	})
	if err != nil {
		return err
	}
	for _, t := range []string{"practices", "practice_results"} {
		if _, err := d.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return fmt.Errorf("demo: analyze %s: %w", t, err)
		}
	}
	return nil
}

type demoUnit struct {
	id         int64
	level      string
	kind       string
	name       string
	from, to   time.Time // to is zero while the unit lives
	versions   []demoVersion
	lastParent int64
}

type demoVersion struct {
	from, to time.Time
	parent   int64
}

type demoUnits struct {
	list []*demoUnit
	byID map[int64]*demoUnit
	kids map[int64][]*demoUnit // by any parent they ever had
}

func loadDemoUnits(ctx context.Context, d *db.DB) (*demoUnits, error) {
	us := &demoUnits{byID: map[int64]*demoUnit{}, kids: map[int64][]*demoUnit{}}
	rows, err := d.QueryContext(ctx, "SELECT id, level, kind, valid_from, valid_to FROM units ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("demo: practices: units: %w", err)
	}
	for rows.Next() {
		u := &demoUnit{}
		var from string
		var to *string
		if err := rows.Scan(&u.id, &u.level, &u.kind, &from, &to); err != nil {
			rows.Close()
			return nil, fmt.Errorf("demo: practices: units: %w", err)
		}
		u.from, _ = time.Parse(time.DateOnly, from)
		if to != nil {
			u.to, _ = time.Parse(time.DateOnly, *to)
		}
		us.list = append(us.list, u)
		us.byID[u.id] = u
	}
	rows.Close()
	rows, err = d.QueryContext(ctx, "SELECT unit_id, valid_from, valid_to, parent_id, name FROM unit_versions ORDER BY unit_id, valid_from")
	if err != nil {
		return nil, fmt.Errorf("demo: practices: versions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var from, name string
		var to *string
		var parent *int64
		if err := rows.Scan(&id, &from, &to, &parent, &name); err != nil {
			return nil, fmt.Errorf("demo: practices: versions: %w", err)
		}
		u := us.byID[id]
		if u == nil {
			continue
		}
		v := demoVersion{}
		v.from, _ = time.Parse(time.DateOnly, from)
		if to != nil {
			v.to, _ = time.Parse(time.DateOnly, *to)
		}
		if parent != nil {
			v.parent = *parent
			if u.lastParent != *parent {
				us.kids[*parent] = append(us.kids[*parent], u)
			}
			u.lastParent = *parent
		}
		u.versions = append(u.versions, v)
		u.name = name
	}
	return us, rows.Err()
}

// parentOn is the unit's parent on day t (0 if none).
func (u *demoUnit) parentOn(t time.Time) int64 {
	for _, v := range u.versions {
		if !t.Before(v.from) && (v.to.IsZero() || !t.After(v.to)) {
			return v.parent
		}
	}
	return 0
}

// end is the last day the unit can hold a model event.
func (u *demoUnit) end(today time.Time) time.Time {
	if !u.to.IsZero() && u.to.Before(today) {
		return u.to
	}
	return today
}

type demoPractice struct {
	id, unit, recognizedBy, source, root int64
	lineage                              string
	name, field, ownerType, owner, title string
	phone, movement, goals               string
	status, level, decision, stopReason  string
	started, progress, recognized, stop  time.Time
	replications                         int
	results                              int
	// described is the model whose owner the description names: the
	// model itself, or for an adoption the model it took up (the
	// description is made when the row is, by description).
	described *demoPractice
}

// description is the model's description, as the demo writes it.
func (p *demoPractice) description() string {
	d := p.described
	return "Mô hình “" + d.name + "” do " + d.owner + " thực hiện, vận động nhân dân cùng tham gia, bàn bạc, làm và kiểm tra."
}

type practiceGen struct {
	rng   *rand.Rand
	today time.Time
	units *demoUnits
	next  int64
	taken map[[2]int64]bool // (family root, unit) already adopted
}

func (g *practiceGen) pick(ss []string) string { return ss[g.rng.Intn(len(ss))] }

// between returns a random day in [a, b] (a when b is before a).
func (g *practiceGen) between(a, b time.Time) time.Time {
	days := int(b.Sub(a).Hours() / 24)
	if days <= 0 {
		return a
	}
	return a.AddDate(0, 0, g.rng.Intn(days+1))
}

var demoFields = []string{"economy", "culture_society", "defence_security", "party_building", "government_building", "ethnic_religious"}

// demoModelNames are realistic model names by field; a place is added.
var demoModelNames = map[string][]string{
	"economy": {"Tổ tiết kiệm phụ nữ", "Nuôi heo đất giúp hội viên nghèo", "Sản phẩm OCOP chè búp", "Sản phẩm OCOP miến dong",
		"Tổ hợp tác trồng chè an toàn", "Hiến đất làm đường giao thông nông thôn", "Cánh đồng lớn liên kết sản xuất",
		"Hội viên nông dân giúp nhau phát triển kinh tế", "Ống tre tiết kiệm", "Vườn mẫu nông thôn mới", "Tổ vay vốn giảm nghèo"},
	"culture_society": {"Chỉnh trang vườn nhà, cổng ngõ", "Đường hoa tự quản", "Thắp sáng đường quê", "Ngày Chủ nhật xanh",
		"Hũ gạo tình thương", "Mái ấm tình thương", "Gia đình 5 không 3 sạch", "Con đường bích họa",
		"Phân loại rác thải tại nguồn", "Tủ sách cộng đồng", "Câu lạc bộ dân ca", "Tuyến đường cờ hoa"},
	"defence_security": {"Tiếng kẻng an ninh", "Camera an ninh", "Tổ tự quản an ninh trật tự", "Tổ hòa giải ở cơ sở",
		"Dòng họ tự quản về an ninh trật tự", "Khu dân cư an toàn về an ninh trật tự", "Phụ nữ tham gia giữ gìn an ninh trật tự",
		"Cựu chiến binh tham gia tuần tra biên giới", "Thanh niên xung kích bảo vệ an ninh", "Cổng trường an toàn giao thông"},
	"party_building": {"Mỗi đảng viên gắn với một hộ gia đình", "Đảng viên giúp đỡ hộ nghèo", "Chi bộ bốn tốt",
		"Sinh hoạt chi bộ chuyên đề về dân vận", "Đảng viên nêu gương nơi khu dân cư", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
	"government_building": {"Ngày thứ Bảy cùng dân", "Tiếp dân lưu động", "Chính quyền thân thiện", "Dân hỏi – cán bộ trả lời",
		"Đối thoại trực tiếp với nhân dân", "Một cửa liên thông thân thiện", "Cán bộ bám địa bàn, gần dân"},
	"ethnic_religious": {"Đồng bào có đạo sống tốt đời, đẹp đạo", "Già làng, người có uy tín tham gia hòa giải",
		"Chức sắc tôn giáo chung tay xây dựng nông thôn mới", "Đoàn kết các dân tộc giữ gìn bản sắc",
		"Bản không có người nghiện ma túy", "Người có uy tín vận động xóa bỏ hủ tục"},
}

var demoPlaces = []string{"Bản Lấn", "Nà Pài", "Đồng Tâm", "Tân Lập", "Khuôn Ngục", "Nà Chúa", "Làng Đông", "Bình Minh", "Hòa Bình",
	"Thống Nhất", "Quyết Thắng", "Tân Tiến", "Đoàn Kết", "Phú Lợi", "Cốc Lùng", "Nà Mò", "Pác Nặm", "Kéo Nàng", "Thái Hòa", "An Thịnh",
	"Xuân Trường", "Trung Tâm", "Hợp Thành", "Làng Mới", "Phiêng Lầu"}

var demoMovements = []string{"Dân vận khéo", "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "Vì người nghèo",
	"Mỗi xã một sản phẩm (OCOP)", "Toàn dân bảo vệ an ninh Tổ quốc",
	"Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc", "Nông dân thi đua sản xuất, kinh doanh giỏi",
	"Cựu chiến binh gương mẫu", "Tuổi trẻ sáng tạo"}

var demoCollectives = []string{"Chi hội Phụ nữ thôn %s", "Tổ an ninh tự quản xóm %s", "Ban công tác Mặt trận thôn %s",
	"Chi hội Nông dân thôn %s", "Chi hội Cựu chiến binh thôn %s", "Chi đoàn thanh niên thôn %s", "Tổ hòa giải thôn %s"}

var (
	demoSurnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà", "Nông", "Lục", "Ma", "Triệu", "Lương"}
	demoMiddles  = []string{"Văn", "Thị", "Đức", "Minh", "Thị Thu", "Quang", "Hữu", "Thanh", "Ngọc"}
	demoGiven    = []string{"An", "Bình", "Chiến", "Dung", "Đào", "Hạnh", "Hùng", "Lan", "Mai", "Nam", "Phương", "Sơn", "Thào", "Tuyết", "Yến"}
	demoTitles   = []string{"Trưởng thôn %s", "Bí thư chi bộ thôn %s", "Chi hội trưởng Chi hội Phụ nữ thôn %s", "Người có uy tín thôn %s", "Tổ trưởng tổ hòa giải thôn %s"}
	demoStops    = []string{"Thôn sáp nhập, mô hình không còn phù hợp.", "Thiếu kinh phí duy trì.", "Chủ nhiệm mô hình chuyển công tác.",
		"Mô hình được thay thế bằng mô hình mới hiệu quả hơn."}
	demoIndicators = [][2]string{{"Hộ tham gia", "hộ"}, {"Vụ việc hòa giải thành công", "vụ"}, {"Số tiền tiết kiệm được", "đồng"},
		{"Mét vuông đất được hiến", "m²"}, {"Hộ thoát nghèo", "hộ"}, {"Người được tuyên truyền", "người"}, {"Km đường được thắp sáng", "km"}}
)

func (g *practiceGen) original(u *demoUnit) *demoPractice {
	start := u.from
	if y := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC); start.Before(y) {
		start = y
	}
	end := u.end(g.today)
	if end.Before(start) {
		return nil
	}
	field := g.pick(demoFields)
	place := g.pick(demoPlaces)
	p := &demoPractice{id: g.next, unit: u.id, field: field, movement: g.pick(demoMovements), started: g.between(start, end)}
	g.next++
	p.root, p.lineage = p.id, "/"+strconv.FormatInt(p.id, 10)+"/"
	switch g.rng.Intn(3) {
	case 0:
		p.name = g.pick(demoModelNames[field]) + " thôn " + place
	case 1:
		p.name = g.pick(demoModelNames[field]) + " xóm " + place
	default:
		p.name = g.pick(demoModelNames[field])
	}
	if g.rng.Intn(5) == 0 {
		p.ownerType = "individual"
		p.owner = g.pick(demoSurnames) + " " + g.pick(demoMiddles) + " " + g.pick(demoGiven)
		p.title = fmt.Sprintf(g.pick(demoTitles), place)
		p.phone = fmt.Sprintf("09%08d", g.rng.Intn(100000000))
	} else {
		p.ownerType = "collective"
		p.owner = fmt.Sprintf(g.pick(demoCollectives), place)
	}
	p.described = p
	p.goals = "Phát huy quyền làm chủ của nhân dân; củng cố khối đại đoàn kết toàn dân tộc ở khu dân cư."
	g.advance(p, u, end)
	return p
}

// advance moves a model along its lifecycle within its unit's life.
func (g *practiceGen) advance(p *demoPractice, u *demoUnit, end time.Time) {
	p.status = "registered"
	r := g.rng.Intn(100)
	if r < 15 || !end.After(p.started) {
		return
	}
	p.progress = g.between(p.started, minTime(p.started.AddDate(0, 3, 0), end))
	p.status = "in_progress"
	if r < 50 {
		return
	}
	if r < 88 {
		rec := g.between(p.progress.AddDate(0, 6, 0), minTime(p.progress.AddDate(2, 0, 0), end))
		if rec.After(end) || rec.Before(p.progress) {
			return
		}
		parent := u.parentOn(rec)
		pu := g.units.byID[parent]
		if pu == nil {
			return
		}
		p.recognized, p.recognizedBy, p.level, p.status = rec, parent, pu.level, "recognized"
		p.decision = fmt.Sprintf("%d-QĐ/%s", 10+g.rng.Intn(400), map[string]string{"district": "HU", "province": "TU", "central": "BDVTW"}[pu.level])
		p.results = 1 + g.rng.Intn(3)
		if r < 80 {
			return
		}
	}
	p.stop = g.between(p.progress, end)
	p.stopReason = g.pick(demoStops)
	p.status = "stopped"
}

// adopt makes a unit under the same parent take up p.
func (g *practiceGen) adopt(p *demoPractice) *demoPractice {
	src := g.units.byID[p.unit]
	sibs := g.units.kids[p.recognizedBy]
	if len(sibs) < 2 {
		return nil
	}
	u := sibs[g.rng.Intn(len(sibs))]
	end := u.end(g.today)
	start := p.recognized.AddDate(0, 1, 0)
	if u == src || (u.level != "commune" && u.level != "district") || end.Before(start) || g.taken[[2]int64{p.root, u.id}] {
		return nil
	}
	g.taken[[2]int64{p.root, u.id}] = true
	a := &demoPractice{id: g.next, unit: u.id, name: p.name, field: p.field, movement: p.movement, described: p.described,
		goals: p.goals, ownerType: "collective", owner: u.name, started: g.between(start, end), source: p.id, root: p.root}
	g.next++
	a.lineage = p.lineage + strconv.FormatInt(a.id, 10) + "/"
	a.status = "registered"
	if g.rng.Intn(2) == 0 && end.After(a.started) {
		a.status, a.progress = "in_progress", g.between(a.started, end)
	}
	p.replications++
	p.status = "replicated"
	return a
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// practiceInsertCols are the columns insertPractices writes.
var practiceInsertCols = []string{"id", "unit_id", "name", "name_fold", "search_fold", "sort_key", "field", "owner_type",
	"owner_name", "owner_title", "owner_phone", "movement", "started_on", "description", "goals", "notes", "status",
	"progress_on", "recognized_by", "recognized_level", "decision_no", "recognized_on", "stopped_on", "stop_reason",
	"source_id", "root_id", "lineage", "replications", "version", "created_at", "updated_at"}

// insertPractices writes the models (in id order) with tx.CopyFrom (COPY
// on PostgreSQL, one prepared multi-row INSERT on SQLite), chunk by
// chunk; each chunk's rows (folded names, sort keys, descriptions) are
// made in a goroutine of its own while the one before is written.
func insertPractices(ctx context.Context, tx *db.Tx, ps []*demoPractice, stamp string) error {
	const chunk = 20000
	stop := make(chan struct{})
	defer close(stop)
	made := make(chan [][]any, 1)
	go func() {
		defer close(made)
		for start := 0; start < len(ps); start += chunk {
			select {
			case made <- practiceRows(ps[start:min(start+chunk, len(ps))], stamp):
			case <-stop:
				return
			}
		}
	}()
	for rows := range made {
		if _, err := tx.CopyFrom(ctx, "practices", practiceInsertCols, rows); err != nil {
			return fmt.Errorf("demo: insert practices: %w", err)
		}
	}
	return nil
}

// practiceRows makes the rows of ps, one value per column of
// practiceInsertCols.
func practiceRows(ps []*demoPractice, stamp string) [][]any {
	optDay := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return t.Format(time.DateOnly)
	}
	optID := func(id int64) any {
		if id == 0 {
			return nil
		}
		return id
	}
	rows := make([][]any, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, []any{p.id, p.unit, p.name, vntext.Fold(p.name),
			vntext.Fold(strings.Join([]string{p.name, p.owner, p.movement, p.decision}, " | ")), vntext.SortKey(p.name),
			p.field, p.ownerType, p.owner, p.title, p.phone, p.movement, p.started.Format(time.DateOnly), p.description(),
			p.goals, "", p.status, optDay(p.progress), optID(p.recognizedBy), p.level, p.decision, optDay(p.recognized),
			optDay(p.stop), p.stopReason, optID(p.source), p.root, p.lineage, int64(p.replications), int64(1), stamp, stamp})
	}
	return rows
}

// resultCols are the columns of the models' results.
var resultCols = []string{"practice_id", "on_date", "indicator", "value", "measure", "created_at"}

// insertResults writes the results of the models of each list in parts
// (originals, then adoptions, each in id order), a chunk at a time.
func insertResults(ctx context.Context, tx *db.Tx, parts [][]*demoPractice, stamp string) error {
	const chunk = 20000
	n := 0
	for _, ps := range parts {
		n += len(ps)
	}
	// The results' own random numbers, seeded by how many models there
	// are, drawn model by model in this order.
	r := rand.New(rand.NewSource(int64(n)))
	rows := make([][]any, 0, chunk)
	flush := func() error {
		if _, err := tx.CopyFrom(ctx, "practice_results", resultCols, rows); err != nil {
			return fmt.Errorf("demo: insert results: %w", err)
		}
		rows = rows[:0]
		return nil
	}
	for _, ps := range parts {
		for _, p := range ps {
			for k := 0; k < p.results; k++ {
				ind := demoIndicators[r.Intn(len(demoIndicators))]
				on := p.recognized.AddDate(0, -r.Intn(6), 0)
				if on.Before(p.started) {
					on = p.started
				}
				v := float64(5 + r.Intn(500))
				if ind[1] == "đồng" {
					v *= 1e6
				}
				rows = append(rows, []any{p.id, on.Format(time.DateOnly), ind[0], v, ind[1], stamp})
				if len(rows) == chunk {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
	}
	return flush()
}

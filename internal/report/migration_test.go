package report_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/report"
)

// TestNotificationMigration writes notifications the way they were
// stored before migration 00100 — finished Vietnamese sentences — then
// migrates, and reads them back as messages in both languages.
func TestNotificationMigration(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := dbtest.OpenEmpty(t, kind)
			if _, err := d.MigrateTo(ctx, 99); err != nil {
				t.Fatal(err)
			}
			// The old rows: a province (1) and a commune (2) below it that
			// was renamed in 2026; its 2025S2 and 2026Q1 reports.
			for _, q := range []string{
				`INSERT INTO units (id, code, level, kind, valid_from, created_at) VALUES
					(1, 'P', 'province', 'board', '2015-01-01', '2015-01-01T00:00:00Z'),
					(2, 'C', 'commune', 'commune_bloc', '2015-01-01', '2015-01-01T00:00:00Z')`,
				`INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, name_fold, sort_key, parent_id, path, created_at) VALUES
					(1, '2015-01-01', NULL, 'Ban Dân vận Tỉnh ủy Lạng Sơn', 'x', '', NULL, '/1/', '2015-01-01T00:00:00Z'),
					(2, '2015-01-01', '2025-12-31', 'Khối Dân vận xã Mai Sao', 'x', '', 1, '/1/2/', '2015-01-01T00:00:00Z'),
					(2, '2026-01-01', NULL, 'Khối Dân vận xã Mai Sao mới', 'x', '', 1, '/1/2/', '2015-01-01T00:00:00Z')`,
				`INSERT INTO report_forms (id, code, name, period_kind, sections, levels, valid_from, created_at) VALUES
					(1, 'BC6T', 'Báo cáo 6 tháng', 'half', ',', ',commune,', '2000-01-01', '2015-01-01T00:00:00Z'),
					(2, 'BCQ', 'Báo cáo quý', 'quarter', ',', ',commune,', '2000-01-01', '2015-01-01T00:00:00Z')`,
				`INSERT INTO reports (id, form_id, unit_id, period, period_kind, period_start, period_end, status, created_at, updated_at) VALUES
					(1, 1, 2, '2025S2', 'half', '2025-07-01', '2025-12-31', 'returned', '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z'),
					(2, 2, 2, '2026Q1', 'quarter', '2026-01-01', '2026-03-31', 'submitted', '2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z')`,
				`INSERT INTO report_notifications (unit_id, role, report_id, kind, message, created_at) VALUES
					(1, 'leader', 1, 'submitted', 'Khối Dân vận xã Mai Sao đã gửi báo cáo 6 tháng cuối năm 2025, chờ phê duyệt.', '2026-01-03T00:00:00.000000Z'),
					(2, 'officer', 1, 'returned', 'Báo cáo 6 tháng cuối năm 2025 của Khối Dân vận xã Mai Sao bị trả lại: Bổ sung số liệu: hòa giải', '2026-01-05T00:00:00.000000Z'),
					(1, 'leader', 2, 'submitted', 'Khối Dân vận xã Mai Sao mới đã gửi báo cáo quý I năm 2026, chờ phê duyệt.', '2026-04-02T00:00:00.000000Z')`,
			} {
				if _, err := d.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if _, err := d.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			units, a := fixture.Stores(d)
			s := report.NewStore(d, units, a)
			p := &auth.Principal{User: auth.User{ID: 99, Active: true},
				Grants: []auth.Grant{{UnitID: 1, Role: auth.RoleLeader}, {UnitID: 2, Role: auth.RoleOfficer}}}
			notes, err := s.Notifications(ctx, p, 10)
			if err != nil {
				t.Fatal(err)
			}
			want := []struct{ key, vi, en string }{
				{"report.note.submitted", "Khối Dân vận xã Mai Sao mới đã gửi báo cáo quý I năm 2026, chờ phê duyệt.",
					"Khối Dân vận xã Mai Sao mới submitted its report for quarter I of 2026; it awaits approval."},
				{"report.note.returned", "Báo cáo 6 tháng cuối năm 2025 của Khối Dân vận xã Mai Sao bị trả lại: Bổ sung số liệu: hòa giải",
					"The report of Khối Dân vận xã Mai Sao for second half of 2025 was returned: Bổ sung số liệu: hòa giải"},
				{"report.note.submitted", "Khối Dân vận xã Mai Sao đã gửi báo cáo 6 tháng cuối năm 2025, chờ phê duyệt.",
					"Khối Dân vận xã Mai Sao submitted its report for second half of 2025; it awaits approval."},
			}
			if len(notes) != len(want) {
				t.Fatalf("notifications = %+v", notes)
			}
			for i, w := range want {
				n := notes[i]
				if n.Message.Key != w.key || vi(n.Message) != w.vi || en(n.Message) != w.en {
					t.Errorf("notification %d = %s %v\n vi %q\n en %q", i, n.Message.Key, n.Message.Args, vi(n.Message), en(n.Message))
				}
			}
			// Read back as a Message, the period is one too (not a sentence).
			if m, ok := notes[1].Message.Args[1].(i18n.Message); !ok || m.Key != "period.h2" || m.Args[0] != int64(2025) {
				t.Errorf("the period argument is %#v", notes[1].Message.Args[1])
			}
		})
	}
}

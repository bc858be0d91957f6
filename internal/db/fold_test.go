package db_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/vntext"
)

// foldCases are texts the search index folds: as stored (NFC, one tone
// placement) and as they might come (NFD, the other tone placement,
// Ð for Đ, marks of every kind, punctuation and white space).
var foldCases = []string{
	"",
	" ",
	"Ban Dân vận Huyện ủy Chi Lăng",
	"BAN DÂN VẬN TỈNH ỦY LẠNG SƠN",
	"Đảng bộ đ Đ",
	"Ðảng bộ", // U+00D0, looks like Đ
	"ủy ban", "uỷ ban", "Hòa Bình", "Hoà Bình", "thủy lợi", "thuỷ lợi", "khỏe", "khoẻ",
	"Nguyễn Thị Hồng Nhung", "Nguye\u0302\u0303n Thi\u0323", // NFD
	"Ư ư Ơ ơ Ă ă Â â Ê ê Ô ô",
	"  Mặt trận\tTổ quốc\n\nViệt Nam  ",
	"HĐND, UBND; MTTQ: \"Dân vận khéo\" – (2023)/Q3 … 46-QĐ/BDVHU",
	"số 12/KH-BDV ngày 01/3/2024 — 1.250 hộ, 3,5 tỷ đồng",
	"a\u00adb\u200bc\u200dd\u2060e\ufefff", // soft hyphen, zero widths
	"x\r\ny\vz\fw",
	"Ölçü Ñandú ÆØÅ straße",
	"Αθήνα Москва 北京",
	"emoji 👍 và ký hiệu ©®™ №",
	"Chi\u00a0Lăng\u2003Lạng\u3000Sơn", // no-break, em and ideographic spaces
}

// TestFoldSQLMatchesGo: PostgreSQL's danvan_fold and danvan_lower
// (LANGUAGE sql, migration 00400) give what vntext's Go functions give,
// which SQLite's registered danvan_fold and danvan_lower are and which
// search.Store.Reindex uses on PostgreSQL, for every text as stored
// (vntext.Normalize) and for NULL, a no-break space included (white
// space since migration 00540). The texts that differ before normalizing
// are the known differences below.
func TestFoldSQLMatchesGo(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		sqlFold := func(fn, s string, null bool) sql.NullString {
			t.Helper()
			var v any = s
			if null {
				v = nil
			}
			var out sql.NullString
			if err := d.QueryRowContext(ctx, "SELECT "+fn+"(CAST(? AS TEXT))", v).Scan(&out); err != nil {
				t.Fatalf("%s(%q): %v", fn, s, err)
			}
			return out
		}
		if f, l := sqlFold("danvan_fold", "", true), sqlFold("danvan_lower", "", true); f.Valid || l.Valid {
			t.Errorf("NULL folds to %v, lowers to %v; want NULL", f, l)
		}
		for _, raw := range foldCases {
			for _, s := range []string{vntext.Normalize(raw), raw} {
				stored := s != raw || vntext.Normalize(raw) == raw
				fold, lower := vntext.Fold(s), strings.ToLower(vntext.Normalize(s))
				gf, gl := sqlFold("danvan_fold", s, false), sqlFold("danvan_lower", s, false)
				if gf.String == fold && gl.String == lower {
					continue
				}
				known := !stored && knownDifference(s)
				if d.Dialect() == db.SQLite || !known {
					t.Errorf("%s: %q folds to %q, lowers to %q in SQL; Go gives %q, %q", d.Dialect(), s, gf.String, gl.String, fold, lower)
				}
			}
		}
	})
}

// knownDifference tells the texts not as stored whose PostgreSQL folding
// differs from Go's: danvan_lower keeps the tone where it was written
// (uỷ, hoà) and Ð, which vntext.Normalize moves and replaces.
func knownDifference(s string) bool {
	return strings.ContainsAny(s, "Ð") || strings.Contains(s, "ỷ") || strings.Contains(s, "oà") || strings.Contains(s, "oẻ")
}

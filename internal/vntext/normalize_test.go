package vntext

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		// oa, oe, uy closing the syllable: the mark goes on the first vowel.
		{"uỷ", "ủy"},
		{"Uỷ", "Ủy"},
		{"UỶ", "ỦY"},
		{"uỶ", "ủY"},
		{"hoà", "hòa"},
		{"Hoà", "Hòa"},
		{"HOÀ", "HÒA"},
		{"thuỷ", "thủy"},
		{"Thuỷ", "Thủy"},
		{"hoá", "hóa"},
		{"khoẻ", "khỏe"},
		{"Khoẻ", "Khỏe"},
		{"hoè", "hòe"},
		{"tuỳ", "tùy"},
		{"luỹ", "lũy"},
		{"suý", "súy"},
		{"oà", "òa"},
		{"thoả", "thỏa"},
		{"hoạ", "họa"},
		// already classic: unchanged.
		{"ủy", "ủy"},
		{"hòa", "hòa"},
		{"thủy", "thủy"},
		// a final consonant or vowel follows: the mark stays on the second.
		{"hoàng", "hoàng"},
		{"Hoàng", "Hoàng"},
		{"hòang", "hoàng"},
		{"toán", "toán"},
		{"hoạch", "hoạch"},
		{"huỳnh", "huỳnh"},
		{"hùynh", "huỳnh"},
		{"khoái", "khoái"},
		{"khóai", "khoái"},
		{"xoáy", "xoáy"},
		{"khuỷu", "khuỷu"},
		{"ngoẹo", "ngoẹo"},
		// hats and horns carry the mark.
		{"quyết", "quyết"},
		{"thuyền", "thuyền"},
		{"thuyên", "thuyên"},
		{"người", "người"},
		{"ngừơi", "người"},
		{"được", "được"},
		{"rượu", "rượu"},
		{"thuở", "thuở"},
		{"khuấy", "khuấy"},
		{"tuần", "tuần"},
		{"mưa", "mưa"},
		{"cửa", "cửa"},
		{"cưả", "cửa"},
		{"gửi", "gửi"},
		{"cứu", "cứu"},
		{"thuế", "thuế"},
		{"nguyễn", "nguyễn"},
		{"Nguyễn", "Nguyễn"},
		// qu and gi are initials.
		{"quý", "quý"},
		{"Quý", "Quý"},
		{"qúy", "quý"},
		{"quỳnh", "quỳnh"},
		{"Quỳnh", "Quỳnh"},
		{"quả", "quả"},
		{"quà", "quà"},
		{"qùa", "quà"},
		{"quạ", "quạ"},
		{"quốc", "quốc"},
		{"quyển", "quyển"},
		{"già", "già"},
		{"gìa", "già"},
		{"giữa", "giữa"},
		{"gì", "gì"},
		{"gìn", "gìn"},
		{"giúp", "giúp"},
		// open syllables with one or two vowels.
		{"mỹ", "mỹ"},
		{"Mỹ", "Mỹ"},
		{"mùa", "mùa"},
		{"kìa", "kìa"},
		{"mái", "mái"},
		{"máy", "máy"},
		{"chịu", "chịu"},
		{"núi", "núi"},
		{"ý", "ý"},
		{"khuya", "khuya"},
		// not Vietnamese syllables, or nothing to do: unchanged.
		{"", ""},
		{"café", "café"},
		{"Zürich", "Zürich"},
		{"fiancé", "fiancé"},
		{"José", "José"},
		{"UBND", "UBND"},
		{"114-KL/TW", "114-KL/TW"},
		{"H’Phiết", "H’Phiết"},
		{"Москва", "Москва"},
		{"hoàà", "hoàà"},
		// Ð (U+00D0) is Đ.
		{"Ðảng", "Đảng"},
		{"ÐOÀN", "ĐOÀN"},
		// sentences.
		{"Ban Dân vận Huyện uỷ tổ chức hội nghị", "Ban Dân vận Huyện ủy tổ chức hội nghị"},
		{"UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"},
		{"hoà giải thành công 47 vụ việc; văn hoá – xã hội", "hòa giải thành công 47 vụ việc; văn hóa – xã hội"},
		{"Tỉnh uỷ Lạng Sơn, Thành uỷ", "Tỉnh ủy Lạng Sơn, Thành ủy"},
		{"(uỷ)", "(ủy)"},
		{"\u00a0thuỷ\u00a0", "\u00a0thủy\u00a0"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Normalize(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(tt.want); got != tt.want {
			t.Errorf("Normalize(%q) = %q, not idempotent", tt.want, got)
		}
	}
}

func TestNormalizeNFC(t *testing.T) {
	in := norm.NFD.String("Sáng ngày 25/12/2020, Ban Dân vận Huyện uỷ tổ chức hội nghị tổng kết")
	got := Normalize(in)
	if !norm.NFC.IsNormalString(got) {
		t.Errorf("Normalize(%q) = %q, not NFC", in, got)
	}
	if want := "Sáng ngày 25/12/2020, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết"; got != want {
		t.Errorf("Normalize(NFD) = %q, want %q", got, want)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Uỷ Ban", "uy ban"},
		{"ủy ban", "uy ban"},
		{"UY BAN", "uy ban"},
		{"ỦY BAN", "uy ban"},
		{"Dân vận khéo", "dan van kheo"},
		{"Đảng ủy", "dang uy"},
		{"ÐẢNG", "dang"},
		{"đường", "duong"},
		{"  Ban \t Dân\u00a0vận\r\nTỉnh  ", "ban dan van tinh"},
		{"Hoà\u200bbình", "hoabinh"},
		{"“Dân vận khéo”, 100%", "“dan van kheo”, 100%"},
		{"114-KL/TW", "114-kl/tw"},
		{"", ""},
		{" \t ", ""},
		{"Ăn Ân Ê Ô Ơ Ư", "an an e o o u"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Fold(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldEqual(t *testing.T) {
	groups := [][]string{
		{"Uỷ Ban", "ủy ban", "UY BAN", "Ủy  Ban", norm.NFD.String("uỷ ban")},
		{"hoà giải", "hòa giải", "HOÀ GIẢI", "hoa giai"},
		{"Thuỷ", "thủy", "THUY"},
	}
	for _, g := range groups {
		for _, s := range g[1:] {
			if Fold(s) != Fold(g[0]) {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q: want equal", s, Fold(s), g[0], Fold(g[0]))
			}
		}
	}
}

// TestNFCSafe checks the claim behind nfcSafe: each such rune is NFC on its
// own and no two of them compose, so a string of them is NFC.
func TestNFCSafe(t *testing.T) {
	var safe []rune
	for r := rune(0); r <= 0x2027; r++ {
		if nfcSafe(r) && utf8.ValidRune(r) {
			safe = append(safe, r)
		}
	}
	for _, a := range safe {
		if !norm.NFC.IsNormalString(string(a)) {
			t.Fatalf("%U is not NFC", a)
		}
	}
	if testing.Short() {
		return
	}
	buf := make([]byte, 0, 8)
	for _, a := range safe {
		for _, b := range safe {
			buf = utf8.AppendRune(utf8.AppendRune(buf[:0], a), b)
			if !norm.NFC.IsNormal(buf) {
				t.Fatalf("%U %U is not NFC", a, b)
			}
		}
	}
}

// TestFoldFast checks that the rune-by-rune fold agrees with folding the
// decomposition of the whole text.
func TestFoldFast(t *testing.T) {
	for _, s := range append(seedLines, "A\u0301\u0323 Ǆ ǅ ﬁ Ⅻ µ İ ß ẞ", "Ƀ\u0345ǰ", "\u00a0x\u0085y\u00ad") {
		for _, in := range []string{s, norm.NFD.String(s), norm.NFKC.String(s)} {
			fast, ok := foldFast(in)
			if slow := foldSlow(in); ok && fast != slow {
				t.Errorf("foldFast(%q) = %q, foldSlow = %q", in, fast, slow)
			}
		}
	}
	for r := rune(0); r < 0x2100; r++ {
		in := "x" + string(r) + "\u0301y"
		if fast, ok := foldFast(in); ok && fast != foldSlow(in) {
			t.Errorf("foldFast(%q) = %q, foldSlow = %q", in, fast, foldSlow(in))
		}
	}
}

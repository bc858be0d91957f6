package auth

import (
	"strconv"
	"strings"
	"sync"
)

// The list of common passwords CheckPassword refuses. It is written here,
// not copied: the words people are known to build passwords from (the
// words that top every published survey of leaked passwords, the
// Vietnamese ones — "mật khẩu", "anh yêu em", the commonest family and
// given names — and words of this system's own trade), the keyboard
// walks, the runs and repeats of digits, and those words with the usual
// letter-for-digit swaps. A password is refused when it is one of these,
// or one of them with only digits, punctuation or spaces around it
// ("password2025!", "AnhYeuEm@123"): CheckPassword strips those before
// looking it up, so years and "123" need not be listed.

// commonWords are the cores people build passwords from, lower case,
// without marks.
var commonWords = []string{
	// Survey favourites.
	"password", "passwords", "pass", "passwd", "passport", "iloveyou", "iloveu", "loveyou", "love", "lover", "loveme",
	"admin", "administrator", "root", "user", "guest", "test", "tester", "testing", "demo", "default", "changeme",
	"welcome", "letmein", "secret", "login", "access", "master", "monkey", "dragon", "shadow", "sunshine", "princess",
	"football", "baseball", "soccer", "basketball", "hockey", "superman", "batman", "spiderman", "starwars", "pokemon",
	"michael", "jennifer", "jessica", "ashley", "daniel", "charlie", "thomas", "robert", "jordan", "hunter", "ranger",
	"freedom", "whatever", "trustno", "nothing", "computer", "internet", "google", "facebook", "samsung", "iphone",
	"qwerty", "azerty", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "abcxyz",
	"hello", "helloworld", "summer", "winter", "spring", "autumn", "flower", "angel", "baby", "babygirl", "killer",
	"cookie", "cheese", "chocolate", "banana", "orange", "purple", "yellow", "silver", "golden", "diamond", "money",
	"matrix", "mustang", "harley", "ferrari", "corvette", "tigger", "pepper", "ginger", "buster", "maggie", "bailey",
	"computer", "security", "system", "server", "network", "office", "company", "manager", "service", "support",
	// Vietnamese, written without marks as keyboards often leave them.
	"matkhau", "matkhaumoi", "matkhaucuatoi", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "anhyeu", "emyeu", "toiyeuem",
	"iuem", "iuanh", "yeuthuong", "tinhyeu", "hanhphuc", "giadinh", "bame", "chame", "mevacon", "concung", "vietnam",
	"vietnamese", "hanoi", "saigon", "hochiminh", "haiphong", "danang", "cantho", "hue", "nhatrang", "dalat", "vungtau",
	"xinchao", "chaoban", "taikhoan", "dangnhap", "quantri", "quantrivien", "nguoidung", "canbo", "lanhdao", "nhanvien",
	"congty", "vanphong", "coquan", "donvi", "baocao", "hethong", "bimat", "khongbiet", "khongnho", "quenmatkhau",
	"danvan", "dandan", "bandanvan", "dangcongsan", "dangbo", "chibo", "tinhuy", "huyenuy", "thanhuy", "dangvien",
	"mattran", "congdoan", "doanthanhnien", "phunu", "cuuchienbinh", "nongdan", "xaphuong", "ubnd", "hdnd",
	"dandaukhuyen", "khengoi", "thiduaya", "danvankheo",
	// Family names, most common first, and common given names.
	"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly",
	"anh", "minh", "linh", "huong", "hung", "dung", "tuan", "thanh", "trang", "hoa", "lan", "mai", "nam", "long", "hai",
	"ha", "thu", "hang", "phuong", "quang", "duc", "hieu", "huy", "khanh", "ngoc", "yen", "tam", "son", "tung", "cuong",
	"thao", "nhung", "vy", "my", "trung", "dat", "phong", "thang", "binh", "an", "hanh", "loan", "nga", "oanh", "thuy",
	"van", "viet", "bao", "khoa", "kien", "lam", "loc", "nhan", "phuc", "quan", "tai", "thinh", "tien", "toan", "vinh",
	// Keyboard rows and walks.
	"qwertyuiop", "qwertyui", "qwertyu", "asdfghjkl", "asdfghjk", "asdfgh", "asdf", "zxcvbnm", "zxcvbn", "zxcv",
	"qazwsx", "qazwsxedc", "qazwsxedcrfv", "wsxedc", "qweasd", "qweasdzxc", "qwe", "asd", "zxc", "poiuytrewq",
	"lkjhgfdsa", "mnbvcxz", "qwertz", "azertyuiop", "qaz", "wsx", "edc", "rfv",
}

// leet are the swaps people make in a word ("p@ssw0rd").
var leet = map[byte][]string{'a': {"@", "4"}, 'o': {"0"}, 'e': {"3"}, 'i': {"1", "!"}, 's': {"$", "5"}, 'l': {"1"}}

// digitWalks are runs of keys and digits typed whole.
var digitWalks = []string{
	"1q2w3e4r5t", "1q2w3e4r", "1q2w3e", "1qaz2wsx", "1qaz2wsx3edc", "zaq12wsx", "zaq1zaq1", "2wsx3edc", "q1w2e3r4t5",
	"!qaz@wsx", "1qazxsw2", "qwe123", "qwe12345", "123qwe", "123qweasd", "123qweasdzxc", "1q2w3e4r5t6y", "a1b2c3d4e5",
	"147258369", "159753", "159357", "753951", "147852369", "741852963", "963852741", "123321", "123454321",
}

var (
	commonOnce sync.Once
	commonSet  map[string]struct{}
)

// common reports whether s (lower case) is on the list.
func common(s string) bool {
	commonOnce.Do(func() { commonSet = buildCommon() })
	_, ok := commonSet[s]
	return ok
}

// buildCommon writes the list out: the words and their letter swaps,
// the walks, and the digit strings of ten to sixteen characters people
// choose (runs up and down, repeats of one or of a short group).
func buildCommon() map[string]struct{} {
	set := make(map[string]struct{}, 8192)
	add := func(s string) { set[s] = struct{}{} }
	for _, w := range commonWords {
		add(w)
		for _, v := range swaps(w) {
			add(v)
		}
	}
	for _, w := range digitWalks {
		add(w)
	}
	// Runs up and down, from any digit, 10 to 16 long ("1234567890",
	// "0987654321", "2345678901").
	for start := range 10 {
		for n := 6; n <= 16; n++ {
			var up, down strings.Builder
			for i := range n {
				up.WriteByte(byte('0' + (start+i)%10))
				down.WriteByte(byte('0' + (start-i+100)%10))
			}
			add(up.String())
			add(down.String())
		}
	}
	// One group repeated to 10–16 characters ("1111111111",
	// "1212121212", "123123123123", "5201314" twice).
	for _, g := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "21", "123", "321", "1234", "4321",
		"12345", "54321", "520", "5201314", "1314", "6789", "9876", "69", "88", "99", "00", "007", "911"} {
		for n := 10; n <= 16; n++ {
			add(strings.Repeat(g, n/len(g)+1)[:n])
		}
	}
	// Phone-like runs: 09 or 08 then a run ("0912345678").
	for _, p := range []string{"09", "08", "03", "07", "05", "01"} {
		for d := range 10 {
			var run strings.Builder
			for i := range 8 {
				run.WriteByte(byte('0' + (d+i)%10))
			}
			add(p + run.String())
			add(p + strings.Repeat(strconv.Itoa(d), 8))
		}
	}
	return set
}

// swaps returns w with the usual letter-for-sign swaps, each letter
// swapped the same way everywhere ("password" → "p@ssword", "pa$$word",
// "p@$$w0rd", ...), for words of at least five letters.
func swaps(w string) []string {
	if len(w) < 5 {
		return nil
	}
	// The letters of w that have swaps, each once, in a fixed order.
	var letters []byte
	for _, c := range []byte("aeilos") {
		if strings.IndexByte(w, c) >= 0 {
			letters = append(letters, c)
		}
	}
	out := []string{w}
	for _, c := range letters {
		var next []string
		for _, v := range out {
			next = append(next, v)
			for _, a := range leet[c] {
				next = append(next, strings.ReplaceAll(v, string(c), a))
			}
		}
		out = next
	}
	return out[1:]
}

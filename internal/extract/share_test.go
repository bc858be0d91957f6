package extract

import (
	"context"
	"strings"
	"testing"
)

// TestShareRestated: a share named again in a summary ("tuyên truyền
// pháp luật cho 100% hộ dân", then "100% tuyên truyền pháp luật", as
// package portal writes a conference up) is one figure; two shares of the
// same value of different things stay two.
func TestShareRestated(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int // times "100 %" is read
	}{
		{"a summary restates the share", "Huyện ủy Tân Châu tổng kết năm 2032\n\nNgày 29/12/2032, Ban Dân vận Huyện ủy Tân Châu tổ chức hội nghị tổng kết công tác dân vận năm 2032.\n\nCụ thể, các cấp đã tập huấn kỹ năng vận động quần chúng cho 320 cán bộ; tuyên truyền pháp luật cho 100% hộ dân, người lao động;\n\nKết quả trong kỳ: 320 cán bộ đã tập huấn kỹ năng vận động quần chúng; 100% tuyên truyền pháp luật.", 1},
		{"two things at the same share", "Huyện ủy Tân Châu tổng kết năm 2032\n\nNgày 29/12/2032, Ban Dân vận Huyện ủy Tân Châu tổ chức hội nghị tổng kết công tác dân vận năm 2032. Trong năm, 100% chi bộ thôn, ấp ra nghị quyết chuyên đề về dân vận. Các xã vận động 100% hộ dân ký cam kết giữ gìn vệ sinh môi trường.", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(context.Background(), []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := show(r, "figures"); strings.Count(got, "100 %") != tt.want {
				t.Errorf("figures %s, want \"100 %%\" %d times", got, tt.want)
			}
		})
	}
}

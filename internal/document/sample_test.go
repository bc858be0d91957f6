package document

import (
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/vntext"
)

// sampleReport is a six-month review report as a provincial board files
// it: every part of the format, realistic Vietnamese text, a figure
// table and a page break before the appendix.
func sampleReport() *Document {
	figures := Table{
		Header: [][]string{{"TT", "Chỉ tiêu", "Đơn vị tính", "6 tháng đầu năm 2023", "Cùng kỳ 2022", "So sánh (%)"}},
		Widths: []float64{0.6, 3.4, 1.2, 1.4, 1.3, 1.1},
	}
	rows := []struct {
		name, unit  string
		now, before float64
	}{
		{"Vụ việc hòa giải thành công", "vụ", 412, 366},
		{"Cán bộ được bồi dưỡng nghiệp vụ dân vận", "người", 1250, 1180},
		{"Mô hình \"Dân vận khéo\" được công nhận", "mô hình", 86, 71},
		{"Cuộc tiếp xúc, đối thoại với nhân dân", "cuộc", 143, 150},
		{"Quỹ \"Vì người nghèo\" vận động được", "triệu đồng", 2007.4, 1835},
	}
	for i, r := range rows {
		figures.Rows = append(figures.Rows, []string{
			fmt.Sprint(i + 1), r.name, r.unit, vntext.FormatNumber(r.now, -1), vntext.FormatNumber(r.before, -1),
			vntext.FormatNumber(100*r.now/r.before, 1),
		})
	}
	return &Document{
		Superior: "Tỉnh ủy Thái Nguyên",
		Issuer:   "Ban Dân vận",
		Number:   FormatNumber(12, Report, "BDVTU"),
		Place:    "Thái Nguyên",
		Date:     time.Date(2023, 7, 5, 0, 0, 0, 0, time.UTC),
		Type:     Report,
		Summary:  "Sơ kết công tác dân vận 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2023",
		Body: []Block{
			Heading{Level: 1, Text: "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2023"},
			Heading{Level: 2, Text: "1. Công tác tham mưu, hướng dẫn"},
			Text("Ban Thường vụ Tỉnh ủy đã lãnh đạo, chỉ đạo các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể " +
				"chính trị - xã hội thực hiện tốt công tác dân vận; tập trung tuyên truyền, vận động nhân dân thực hiện các " +
				"chủ trương của Đảng, chính sách, pháp luật của Nhà nước, các phong trào thi đua yêu nước."),
			Paragraph{Runs: []Run{
				{Text: "Số vụ việc hòa giải thành công đạt "},
				{Text: "412 vụ", Bold: true},
				{Text: ", tăng 12,6% so với cùng kỳ; quỹ \"Vì người nghèo\" vận động được "},
				{Text: "2.007.440.734 đồng (Hai tỷ không trăm linh bảy triệu bốn trăm bốn mươi nghìn bảy trăm ba mươi tư đồng)", Italic: true},
				{Text: "."},
			}},
			Heading{Level: 2, Text: "2. Phong trào thi đua \"Dân vận khéo\""},
			List{Items: []string{
				"Mô hình \"Tiếng kẻng an ninh\" tại xã Quang Lang được công nhận và nhân rộng ra 12 xã;",
				"Mô hình \"Chỉnh trang vườn nhà, cổng ngõ\" của Hội Liên hiệp Phụ nữ tỉnh tiếp tục phát huy hiệu quả.",
			}},
			Heading{Level: 3, Text: "Đánh giá chung"},
			Text("Công tác dân vận của hệ thống chính trị có nhiều chuyển biến tích cực; tuy nhiên, ở một số nơi việc " +
				"nắm bắt tình hình tư tưởng nhân dân còn chậm, chưa kịp thời."),
			Heading{Level: 1, Text: "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023"},
			List{Numbered: true, Items: []string{
				"Tiếp tục quán triệt, triển khai thực hiện Kết luận số 114-KL/TW, ngày 14-7-2015 của Ban Bí thư.",
				"Đẩy mạnh phong trào thi đua \"Dân vận khéo\", gắn với xây dựng nông thôn mới, đô thị văn minh.",
				"Nâng cao chất lượng đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân.",
			}},
			PageBreak{},
			Paragraph{Runs: []Run{{Text: "PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU", Bold: true}}, Align: Center},
			figures,
		},
		Signature: Signature{Mode: SignDeputy, For: "Trưởng ban", Title: "Phó Trưởng ban", Name: "Nguyễn Thị Hồng Hạnh"},
		Recipients: []string{
			"Ban Dân vận Trung ương", "Thường trực Tỉnh ủy", "Các huyện ủy, thành ủy, thị ủy", "Lưu Văn phòng",
		},
	}
}

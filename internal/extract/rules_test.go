package extract

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestRules checks single rules on short texts. Each text gets a headline
// line in front and an end line after it.
func TestRules(t *testing.T) {
	tests := []struct {
		name, headline, text string
		published            string
		organizer, level     string
		date                 string
		chairs, attendees    []string
		figures              []string
		noOrganizer          bool
	}{
		{name: "place Đồng Nai", text: "Ngày 5/1/2024, Ban Dân vận Tỉnh ủy Đồng Nai tổ chức hội nghị tổng kết.",
			organizer: "Ban Dân vận Tỉnh ủy Đồng Nai", level: "province", date: "2024-01-05"},
		{name: "place Hội An", text: "Ngày 5/1/2024, Ban Dân vận Thành ủy Hội An tổ chức hội nghị.",
			organizer: "Ban Dân vận Thành ủy Hội An", level: "district", date: "2024-01-05"},
		{name: "central city", text: "Ngày 5/1/2024, Ban Dân vận Thành ủy Hà Nội tổ chức hội nghị.",
			organizer: "Ban Dân vận Thành ủy Hà Nội", level: "province", date: "2024-01-05"},
		{name: "venue is not organizer", text: "Ngày 5/1/2024, tại Hội trường Huyện ủy, Ban Dân vận Huyện ủy tổ chức hội nghị.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2024-01-05"},
		{name: "two venues in one clause are not the organizer", text: "Sáng ngày 20/3/2023, tại Trung tâm Chính trị thành phố Huế và Trung tâm Chính trị huyện Quảng Điền, Ban Dân vận Tỉnh ủy phối hợp với Huyện ủy Quảng Điền tổ chức khai mạc lớp bồi dưỡng.",
			organizer: "Ban Dân vận Tỉnh ủy", level: "province", date: "2023-03-20"},
		{name: "a national union takes no place from its member", headline: "Hội LHPN Việt Nam huyện Hiệp Đức được trao giải thưởng",
			text:      "Tối 27/11/2023, tại Hà Nội, Hội LHPN Việt Nam tổ chức lễ trao giải thưởng Phụ nữ Việt Nam. Trong đó, Hội LHPN Việt Nam huyện Hiệp Đức là tập thể duy nhất của tỉnh.",
			organizer: "Hội LHPN Việt Nam", level: "central", date: "2023-11-27"},
		{name: "a military region's command", text: "Ngày 12/6/2024, Bộ Tư lệnh Quân khu 7 tổ chức hội nghị tổng kết công tác dân vận.",
			organizer: "Bộ Tư lệnh Quân khu 7", level: "agency", date: "2024-06-12"},
		{name: "a leader who meets the honourees attends", text: "Ngày 23/4/2025, tại trụ sở Hội Cựu chiến binh tỉnh, đồng chí Nguyễn Hữu Nghĩa, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy gặp mặt đại biểu cán bộ, hội viên tiêu biểu.",
			attendees: []string{"Nguyễn Hữu Nghĩa"}, date: "2025-04-23"},
		{name: "issuer is not organizer", text: "Thực hiện Kế hoạch số 5-KH/TU ngày 2/1/2024 của Tỉnh ủy, ngày 9/1/2024, Đảng ủy xã Hòa Bình tổ chức hội nghị.",
			organizer: "Đảng ủy xã Hòa Bình", level: "commune", date: "2024-01-09"},
		{name: "joint organizers: the first", text: "Ngày 5/1/2024, Hội Nông dân huyện phối hợp với Ban Dân vận Huyện ủy tổ chức hội nghị.",
			organizer: "Hội Nông dân huyện", level: "district", date: "2024-01-05"},
		{name: "agency", text: "Ngày 5/1/2024, Đảng ủy Công an tỉnh Nam Định tổ chức hội nghị.",
			organizer: "Đảng ủy Công an tỉnh Nam Định", level: "agency", date: "2024-01-05"},
		{name: "chair list and attendee", text: "Chủ trì hội nghị: đồng chí Nguyễn Văn An - Bí thư Huyện ủy; đồng chí Lê Thị Bình - Phó Chủ tịch UBND huyện; dự hội nghị có đồng chí Trần Minh Cường, Phó Trưởng Ban Dân vận Tỉnh ủy.",
			chairs: []string{"Nguyễn Văn An", "Lê Thị Bình"}, attendees: []string{"Trần Minh Cường"}},
		{name: "title before name", text: "Phó Bí thư Tỉnh ủy Hoàng Văn Nghĩa dự và phát biểu chỉ đạo hội nghị.",
			attendees: []string{"Hoàng Văn Nghĩa"}},
		{name: "chair after title", text: "Hội nghị do đồng chí Đinh Thị Hoa, Trưởng Ban Dân vận Huyện ủy chủ trì.",
			chairs: []string{"Đinh Thị Hoa"}},
		{name: "under the chair of", text: "Dưới sự chủ trì của đồng chí Vũ Văn Hải, Bí thư Đảng ủy xã, hội nghị đã thảo luận.",
			chairs: []string{"Vũ Văn Hải"}},
		{name: "recipients and examples", text: "Đồng chí Phạm Văn Long, Chủ tịch UBND huyện trao Giấy khen cho ông Nguyễn Văn Tư và bà Lê Thị Hạnh. Tiêu biểu như ông Trần Văn Tâm hiến 300 m2 đất.",
			attendees: []string{"Phạm Văn Long"}, figures: []string{"300 m2"}},
		{name: "place is not a person", text: "Dự hội nghị có đồng chí Nguyễn Thị Lan, Phó Chủ tịch UBND tỉnh Hà Tĩnh.",
			attendees: []string{"Nguyễn Thị Lan"}},
		{name: "not figures", text: "Thực hiện Nghị quyết số 25-NQ/TW, trong 5 năm qua, Quân khu 5 và thôn 3 đã tổ chức đợt 2 vào 8 giờ ngày 5/1; hội nghị có 150 đại biểu tham dự; Covid-19 lần thứ 4.",
			date: "", figures: nil},
		{name: "figures", text: "Năm 2023 đã hòa giải thành công 47 vụ việc, huy động trên 1 tỉ đồng, 1,2 tỷ đồng khác và 100% học sinh; 16/20 xã đạt chuẩn.",
			figures: []string{"47 vụ việc", "1000000000 đồng", "1200000000 đồng", "100 %", "16 xã"}},
		{name: "year from period end", headline: "Tổng kết công tác dân vận năm 2017", text: "Sáng 10/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2017.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2018-01-10"},
		{name: "year from published", headline: "Hội nghị chuyên đề", text: "Sáng 18/6, Ban Dân vận Huyện ủy tổ chức hội nghị chuyên đề.", published: "2021-06-20",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2021-06-18"},
		{name: "no year, no date", headline: "Hội nghị chuyên đề", text: "Sáng 18/6, Ban Dân vận Huyện ủy tổ chức hội nghị chuyên đề.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: ""},
		{name: "page metadata is not the date", headline: "Hội nghị chuyên đề", text: "Ngày đăng: 20/06/2021 | Lượt xem: 40\nBan Dân vận Huyện ủy tổ chức hội nghị chuyên đề.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: ""},

		// Organizer and level as rules of the genre (issue 12).
		{name: "committee's place from the headline", headline: "Thành ủy TP.HCM tổng kết công tác dân vận năm 2023",
			text:      "Ngày 5/1/2024, Thành ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.",
			organizer: "Thành ủy TP.HCM", level: "province", date: "2024-01-05"},
		{name: "numbered district", text: "Sáng 11/10/2019, Quận ủy Quận 9 tổ chức hội nghị tuyên dương điển hình.",
			organizer: "Quận ủy Quận 9", level: "district", date: "2019-10-11"},
		{name: "ward bloc with a number", text: "Ngày 8/1/2021, Khối Dân vận phường 6 tổ chức hội nghị tổng kết.",
			organizer: "Khối Dân vận phường 6", level: "commune", date: "2021-01-08"},
		{name: "ward Party committee", text: "Ngày 20/10/2023, Đảng ủy phường tổ chức họp mặt và tuyên dương điển hình.",
			organizer: "Đảng ủy phường", level: "commune", date: "2023-10-20"},
		{name: "bloc's place in another sentence", headline: "Hội nghị tổng kết năm 2022",
			text:      "Ngày 27/12/2022, Khối dân vận tổ chức hội nghị tổng kết. Khối dân vận xã Tân Phú đã vận động 40 hộ dân hiến đất.",
			organizer: "Khối dân vận xã Tân Phú", level: "commune", date: "2022-12-27", figures: []string{"40 hộ dân"}},
		{name: "steering committee", text: "Sáng 17/7/2023, Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã Hưng Thuận tổ chức ra quân làm công tác dân vận.",
			organizer: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã Hưng Thuận", level: "commune", date: "2023-07-17"},
		{name: "joint organizers share a place", text: "Sáng 13/12/2023, Ban Dân vận, Hội LHPN, Hội Nông dân huyện Đất Đỏ tổ chức hội nghị tổng kết công tác dân vận năm 2023.",
			organizer: "Ban Dân vận huyện Đất Đỏ", level: "district", date: "2023-12-13"},
		{name: "Fatherland Front of a commune", text: "Chiều ngày 15/01/2021, Ban Thường trực Ủy ban MTTQ Việt Nam xã Đông Hà tổ chức hội nghị tổng kết công tác mặt trận năm 2020.",
			organizer: "Ban Thường trực Ủy ban MTTQ Việt Nam xã Đông Hà", level: "commune", date: "2021-01-15"},
		{name: "city government's Party committee", text: "Ngày 16/10/2025, Đảng ủy UBND Thành phố Hồ Chí Minh tổ chức lễ biểu dương điển hình Dân vận khéo năm 2025.",
			organizer: "Đảng ủy UBND Thành phố Hồ Chí Minh", level: "agency", date: "2025-10-16"},
		{name: "central board", text: "Sáng 19/12/2025, Ban Tuyên giáo và Dân vận Trung ương tổ chức hội nghị tổng kết năm 2025.",
			organizer: "Ban Tuyên giáo và Dân vận Trung ương", level: "central", date: "2025-12-19"},
		{name: "place in a date line", headline: "Tập huấn công tác dân vận",
			text:      "Đà Nẵng – Ngày 20/4/2021, Ban Dân vận Thành ủy tổ chức hội nghị tập huấn cho cán bộ các hội quần chúng.",
			organizer: "Ban Dân vận Thành ủy Đà Nẵng", level: "province", date: "2021-04-20"},

		// The year of the event date.
		{name: "anniversary span gives no year", headline: "Tuyên dương điển hình Dân vận khéo năm 2020",
			text:      "Sáng 17/10, Ban Dân vận Huyện ủy tổ chức hội nghị kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2020) và tuyên dương điển hình Dân vận khéo năm 2020.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2020-10-17"},
		{name: "year span of an anniversary is no period", headline: "Kỷ niệm 75 năm ngày thành lập (1950-2025)",
			text:      "Sáng 17/10/2025, Ban Dân vận Huyện ủy tổ chức lễ kỷ niệm 75 năm ngày thành lập (1950 - 2025).",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2025-10-17"},
		{name: "year from the headline", headline: "Tập huấn nghiệp vụ công tác dân vận năm 2023",
			text:      "Ngày 17/10, Ban Dân vận Huyện ủy tổ chức lớp tập huấn nghiệp vụ cho cán bộ cơ sở.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2023-10-17"},
		{name: "a date line repeated in the banner is no event date", headline: "Cổng thông tin huyện Hòa Vang",
			text:      "thứ hai, 10/11/2025\n\nHuyện Hòa Vang tuyên dương điển hình dân vận khéo\n\nNhân dịp kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng, Ban Dân vận Huyện ủy Hòa Vang đã tổ chức lễ tuyên dương các điển hình “Dân vận khéo” năm 2025.",
			organizer: "Ban Dân vận Huyện ủy Hòa Vang", level: "district", date: ""},
		{name: "year from a range of days", headline: "Khai giảng lớp bồi dưỡng công tác dân vận",
			text:      "Ngày 9/5, Ban Dân vận Huyện ủy Cần Giuộc tổ chức khai giảng lớp bồi dưỡng công tác dân vận. Trong thời gian từ ngày 9 đến ngày 10/5/2024, học viên được nghe 3 chuyên đề.",
			organizer: "Ban Dân vận Huyện ủy Cần Giuộc", level: "district", date: "2024-05-09"},
		{name: "year from a nine-month period named in passing", headline: "Hội Phụ nữ tỉnh quán triệt nghị quyết",
			text:      "QNO-Sáng nay (6/11), Hội Liên hiệp Phụ nữ tỉnh tổ chức hội nghị quán triệt nghị quyết. Hội nghị cũng nghe báo cáo kết quả thi đua 9 tháng năm 2019 của Hội.",
			organizer: "Hội Liên hiệp Phụ nữ tỉnh", level: "province", date: "2019-11-06"},
		{name: "a week's activity is not the meeting", headline: "Hội LHPN huyện sơ kết công tác Hội",
			text: "Trong 6 tháng đầu năm, các cấp Hội tổ chức nhiều hoạt động tuyên truyền. Phát động hưởng ứng “Tuần lễ Áo dài” từ ngày 01 - 08/3/2025 thu hút đông đảo hội viên.",
			date: ""},
		{name: "title before a two-word name in a list", text: "Ngày 5/1/2024, Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị. Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Trần Minh Đức; Phó Bí thư Thường trực Huyện ủy Lê Hùng; đại diện lãnh đạo các ban, ngành huyện đã đến dự.",
			organizer: "Ủy ban MTTQ Việt Nam huyện", level: "district", date: "2024-01-05", attendees: []string{"Trần Minh Đức", "Lê Hùng"}},
		{name: "a malformed number gives no figure", text: "Năm 2023, Quỹ Vì người nghèo vận động được 3.2045.000 đồng, xây 12 căn nhà và trao 40 thẻ bảo hiểm y tế cho 15 cháu mồ côi.",
			figures: []string{"12 căn nhà", "40 thẻ", "15 cháu"}},
		{name: "thousands with a stray space or without dots", text: "Năm 2023, hội vận động 41.250. 000 đồng ủng hộ đồng bào miền Trung và 12.500000 đồng cho quỹ khuyến học.",
			figures: []string{"41250000 đồng", "12500000 đồng"}},
		{name: "a cluster's name and membership are no figures", text: "Ngày 5/6/2024, Khối thi đua Mặt trận 9 xã của huyện Gio Linh tổ chức hội nghị. Toàn Đảng bộ có 420 đảng viên; Khối thi đua Mặt trận 9 xã đã vận động 120 triệu đồng.",
			organizer: "Khối thi đua Mặt trận 9 xã của huyện Gio Linh", level: "commune", date: "2024-06-05", figures: []string{"120000000 đồng"}},
		{name: "year from a date line", headline: "Tập huấn nghiệp vụ công tác dân vận",
			text:      "Thứ năm, 19/10/2023 15:41\nNgày 17/10, Ban Dân vận Huyện ủy tổ chức lớp tập huấn nghiệp vụ cho cán bộ cơ sở.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2023-10-17"},
		{name: "an academy's Party committee", text: "Sáng 3/10/2022, Đảng ủy Học viện Cán bộ tổ chức hội nghị tuyên dương điển hình.",
			organizer: "Đảng ủy Học viện Cán bộ", level: "agency", date: "2022-10-03"},
		{name: "a district office", text: "Ngày 12/6/2023, Phòng Dân tộc huyện Ia Pa phối hợp với Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị.",
			organizer: "Phòng Dân tộc huyện Ia Pa", level: "agency", date: "2023-06-12"},
		{name: "a town written TX.", text: "Ngày 4/4/2021, Hội Nông dân (ND) TX.Tân Uyên vừa tổng kết công tác hội.",
			organizer: "Hội Nông dân (ND) TX.Tân Uyên", level: "district", date: "2021-04-04"},
		{name: "a commune named Dân Chủ", text: "Ngày 20/7/2025, Đảng bộ xã Dân Chủ tổ chức đại hội.",
			organizer: "Đảng bộ xã Dân Chủ", level: "commune", date: "2025-07-20"},
		{name: "a steering committee's remit with phối hợp", text: "Chiều 20/3/2024, Ban Chỉ đạo điều hành phối hợp công tác Dân vận tỉnh tổ chức hội nghị tổng kết.",
			organizer: "Ban Chỉ đạo điều hành phối hợp công tác Dân vận tỉnh", level: "province", date: "2024-03-20"},
		{name: "who gives awards at the meeting is not its organizer", headline: "Hội Nông dân huyện Long Điền tổng kết phong trào",
			text:      "Dịp này, UBND huyện Long Điền đã biểu dương 30 hộ nông dân.\nNgày 9/5/2023, Hội Nông dân huyện Long Điền tổ chức hội nghị tổng kết phong trào nông dân.",
			organizer: "Hội Nông dân huyện Long Điền", level: "district", date: "2023-05-09", figures: []string{"30 hộ"}},
		{name: "a higher place after a comma", text: "Chiều 12/7/2017, Ủy ban MTTQ Việt Nam xã Long Thành Nam, huyện Hòa Thành tiến hành hội nghị sơ kết.",
			organizer: "Ủy ban MTTQ Việt Nam xã Long Thành Nam", level: "commune", date: "2017-07-12"},
		{name: "Đảng ủy takes its place with the level word", headline: "Đảng ủy phường Bến Nghé tổng kết công tác năm 2023",
			text:      "Chiều 28/12/2023, Đảng ủy tổ chức hội nghị tổng kết công tác năm 2023.",
			organizer: "Đảng ủy phường Bến Nghé", level: "commune", date: "2023-12-28"},
		{name: "a report a few days after gives the year before the period", headline: "Sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân",
			text: "10:15 02/03/2024\nSáng 28/2, UBND tỉnh tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024.",
			date: "2024-02-28"},
		{name: "the people a meeting gathered are no figure", text: "Ngày 10/6/2022, Phòng Dân tộc huyện Ia Pa tổ chức hội nghị gặp mặt 64 người có uy tín. Tại Hội nghị, 51 người uy tín tiêu biểu được nghe phổ biến chính sách. Năm 2021, huyện đã hỗ trợ 120 hộ nghèo.",
			organizer: "Phòng Dân tộc huyện Ia Pa", level: "agency", date: "2022-06-10", figures: []string{"120 hộ"}},
		{name: "the body asked is not the one asking", text: "Ngày 28/9/2018, Ban Dân vận Huyện ủy Lục Yên vừa thông qua danh sách 19 tập thể đề nghị Ban Dân vận Tỉnh ủy biểu dương.",
			organizer: "Ban Dân vận Huyện ủy Lục Yên", level: "district", date: "", figures: []string{"19 tập thể"}},
		{name: "a chair word with a typo", text: "Ngày 5/1/2024, Đảng ủy xã tổ chức hội nghị tổng kết. Chủ trị hội nghị Đồng chí Vũ Kim Long - PBT, CT HĐND xã.",
			organizer: "Đảng ủy xã", level: "commune", date: "2024-01-05", chairs: []string{"Vũ Kim Long"}},
		{name: "a union's executive before its head", text: "Sáng ngày 28/12/2021, BCH Hội Nông dân huyện Kiến Thụy tổ chức Hội nghị tổng kết công tác Hội năm 2021.",
			organizer: "BCH Hội Nông dân huyện Kiến Thụy", level: "district", date: "2021-12-28"},
		{name: "the agent of a passive", text: "Ngày 2/12/2021, lễ tôn vinh nông dân xuất sắc được Trung ương Hội Nông dân Việt Nam chủ trì, tổ chức tại Hà Nội.",
			organizer: "Trung ương Hội Nông dân Việt Nam", level: "central", date: "2021-12-02"},
		{name: "a union's whole membership is no figure; its cooperatives are", text: "Năm 2023, Hội Nông dân huyện kết nạp 210 hội viên mới, nâng tổng số hội viên lên gần 12.000 người; thành lập 3 tổ hợp tác và 2 HTX.",
			figures: []string{"210 hội viên", "3 tổ hợp tác", "2 htx"}},
		{name: "a recipient does not attend", text: "Đồng chí Lê Văn Tám, Chủ tịch UBND huyện trao Bằng khen cho các tập thể. Ông Đỗ Văn Mười, Trưởng thôn 3, được tặng Bằng khen.",
			attendees: []string{"Lê Văn Tám"}},
		{name: "a mobilization bloc written Khối vận", text: "Sáng ngày 13/12/2024, Khối vận phường An Bình tổ chức hội nghị tổng kết năm 2024.",
			organizer: "Khối vận phường An Bình", level: "commune", date: "2024-12-13"},
		{name: "the National Assembly's office is central", headline: "Lễ trao tặng Huân chương Lao động",
			text:      "Chiều 13/1/2024, tại Nhà Quốc hội, Văn phòng Quốc hội và Ban Công tác đại biểu đã tổ chức Lễ trao tặng Huân chương Lao động.",
			organizer: "Văn phòng Quốc hội", level: "central", date: "2024-01-13"},
		{name: "the Party committee of a national union of associations", text: "Ngày 28/7/2023, Đảng ủy Liên hiệp Hội Việt Nam đã tổ chức Lễ trao tặng Huy hiệu Đảng cho các đảng viên.",
			organizer: "Đảng ủy Liên hiệp Hội Việt Nam", level: "agency", date: "2023-07-28"},
		{name: "the Party committee of an office", text: "Ngày 28/11/2023, Đảng ủy Văn phòng Tỉnh ủy tổ chức Lễ trao Huy hiệu Đảng.",
			organizer: "Đảng ủy Văn phòng Tỉnh ủy", level: "agency", date: "2023-11-28"},
		{name: "a body's prefix closing a sentence", text: "Ngày 5/1/2024, hội nghị có ý kiến của Ban Thường vụ.\nTrung ương",
			date: "2024-01-05"},
		{name: "counted nouns written with a capital", text: "Năm 2020, Huyện đoàn xây dựng mới 04 Công trình thanh niên, phát triển 150 Đoàn viên mới, đề xuất 1.748 ý tưởng, thăm 2.400 thiếu nhi và thành lập 4 chi đoàn; 3 Xã Bình Minh, Tân Lập và An Phú được khen.",
			figures: []string{"4 công trình", "150 đoàn viên", "1748 ý tưởng", "2400 thiếu nhi", "4 chi đoàn"}},
		{name: "where the members meet is no figure", text: "Năm 2024, toàn Đảng bộ sinh hoạt tại 11 Chi bộ trực thuộc; kết nạp 12 đảng viên mới.",
			figures: []string{"12 đảng viên"}},
		{name: "a committee in lower case with its place", text: "Sáng 8/11/2016, Công an huyện Bố Trạch và Ban dân vận huyện uỷ Bố Trạch đã ký kết chương trình phối hợp công tác dân vận.",
			organizer: "Công an huyện Bố Trạch", level: "agency", date: "2016-11-08"},
		{name: "a lower-case Party board with its place", text: "Sáng 8/11/2016, Ban dân vận huyện ủy Bố Trạch tổ chức hội nghị.",
			organizer: "Ban dân vận huyện ủy Bố Trạch", level: "district", date: "2016-11-08"},
		{name: "a steering committee named by the review it is set up for", text: "Ngày 25-4-2019, Đoàn Kiểm tra của Ban Chỉ đạo tổng kết 10 năm thực hiện Kết luận 62-KL/TW của Bộ Chính trị làm việc tại Đảng đoàn Hội CCB Việt Nam.",
			organizer: "Ban Chỉ đạo tổng kết 10 năm thực hiện Kết luận 62-KL/TW của Bộ Chính trị", level: "central", date: "2019-04-25"},
		{name: "a body that directs others to organize is no organizer", text: "Năm 2017, Hội Cựu chiến binh tỉnh đã chỉ đạo, hướng dẫn tổ chức Đại hội Hội Cựu chiến binh nhiệm kỳ mới ở 100 cơ sở.",
			noOrganizer: true, figures: []string{"100 cơ sở"}},
		{name: "a directive's date with a long code", headline: "Hội thảo khoa học về công tác dân vận",
			text: "Hội thảo đánh giá việc đổi mới công tác dân vận từ sau khi Bộ trưởng ban hành Chỉ thị số 11/CT-BCA-V05, ngày 17/12/2021 về công tác dân vận.",
			date: ""},
		{name: "the Youth Union's standing board with its place", text: "Ngày 18/5/2020 BTV Huyện đoàn Đoan Hùng tổ chức Hội nghị sơ kết giữa nhiệm kỳ.",
			organizer: "BTV Huyện đoàn Đoan Hùng", level: "district", date: "2020-05-18"},
		{name: "a commune's youth union in lower case", text: "Sáng nay ngày 31/8/2018 đoàn xã tổ chức giải Cầu Lông hè 2018.",
			organizer: "đoàn xã", level: "commune", date: "2018-08-31"},
		{name: "two people joined by và share the verb after the second", text: "Sáng 20/10/2022, Hội LHPN huyện tổ chức họp mặt. Tại buổi họp mặt, chị Hà Thị Hồng Vân - Nguyên Chủ tịch Hội Nông dân Thành phố, nguyên Chủ tịch Hội LHPN huyện và chị Nguyễn Thị Trang - Chủ tịch Hội LHPN xã Tân Phú, chia sẻ kinh nghiệm.",
			date: "2022-10-20", attendees: []string{"Hà Thị Hồng Vân", "Nguyễn Thị Trang"}},
		{name: "certificates counted, a church and a range not", text: "Năm 2019, Ban Dân vận Huyện ủy trao 25 giấy chứng nhận dân vận khéo, thăm 1 Nhà thờ Tin lành; các mô hình cho thu nhập từ 50 đến 100 triệu đồng/năm.",
			figures: []string{"25 giấy chứng nhận"}},
		{name: "the head of a visiting delegation and who came with it", text: "Đoàn do Phó Trưởng Ban Dân vận Tỉnh ủy Nguyễn Văn Trung dẫn đầu đã đến thăm các giáo xứ. Cùng Đoàn có Vụ trưởng Vụ Công giáo Lê Minh Khánh.",
			attendees: []string{"Nguyễn Văn Trung", "Lê Minh Khánh"}},
		{name: "joint organizers with religious and ethnic boards: the first", text: "Ngày 3/7/2023, Bộ Chỉ huy quân sự tỉnh, Công an tỉnh, Ban Tôn giáo tỉnh, Ban Dân tộc tỉnh tổ chức hội nghị.",
			organizer: "Bộ Chỉ huy quân sự tỉnh", level: "agency", date: "2023-07-03"},
		{name: "a board's delegation visits", text: "Trong 2 ngày 7-8/12/2021, Đoàn Ban Tôn giáo Chính phủ do ông Nguyễn Tiến Trọng, Phó Trưởng ban Ban Tôn giáo Chính phủ dẫn đầu đã thăm và chúc mừng Tòa Giám mục Vinh.",
			organizer: "Ban Tôn giáo Chính phủ", level: "central", date: "2021-12-07", attendees: []string{"Nguyễn Tiến Trọng"}},
		{name: "a visit's date takes the date line's year", headline: " date 2021-12 Thăm và chúc mừng Giáng sinh",
			text: "Sáng 21-12, ông Đinh Ngọc Hải - Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh đã đi thăm và chúc mừng Giáng sinh tại một số giáo xứ.",
			date: "2021-12-21", attendees: []string{"Đinh Ngọc Hải"}},
		{name: "the Prime Minister attends; those who sent flowers do not", headline: "Khai mạc Đại hội đại biểu phụ nữ toàn quốc",
			text: "Sáng 10/3/2022, Đại hội đại biểu phụ nữ toàn quốc khai mạc. Ủy viên Bộ Chính trị, Thủ tướng Chính phủ Phạm Minh Chính đến dự Đại hội. Đại hội vinh dự được đón nhận lẵng hoa chúc mừng của các đồng chí: Tổng Bí thư Nguyễn Phú Trọng, Chủ tịch nước Nguyễn Xuân Phúc.",
			date: "2022-03-10", attendees: []string{"Phạm Minh Chính"}},
		{name: "a news agency's dateline is no event date", headline: "Bầu Chủ tịch Hội",
			text: "Hà Nội (TTXVN 11/3/2022) Tại hội nghị lần thứ nhất Ban Chấp hành Hội Liên hiệp Phụ nữ Việt Nam chiều 10/3/2022, các ủy viên đã bầu Chủ tịch Hội.",
			date: "2022-03-10"},
		{name: "the organizer named only at the occasion", text: "Các đại biểu đã ôn lại lịch sử ngày Quốc tế Phụ nữ. Tại buổi họp mặt, Hội LHPN tỉnh Bình Định đã phát động và tổ chức ký kết giao ước thi đua.",
			organizer: "Hội LHPN tỉnh Bình Định", level: "province"},
		{name: "a Party cell's members are no figure", text: "Chi bộ làng Krông (xã Ia Mơr, huyện Chư Prông) có 13 đảng viên, trong đó có 10 đảng viên người dân tộc thiểu số.",
			figures: nil},
		{name: "a handover of houses: its date, organizer and figures, not the houses' size", headline: "Bàn giao nhà Đại đoàn kết cho hộ nghèo",
			text:      "Ngày 12 tháng 01 năm 2019, Ủy ban MTTQ Việt Nam xã Khuê Ngọc Điền đã tiến hành bàn giao 2 nhà đại đoàn kết cho hộ nghèo. Mỗi ngôi nhà có diện tích 80 m2, diện tích hơn 40m2 hoặc từ 40 - 50 m2, trị giá 117 triệu đồng.",
			organizer: "Ủy ban MTTQ Việt Nam xã Khuê Ngọc Điền", level: "commune", date: "2019-01-12",
			figures: []string{"2 nhà đại đoàn kết", "117000000 đồng"}},
		{name: "a purpose is no result", text: "Mục đích nhằm xây dựng 01 mô hình “Tổ hòa giải ở cơ sở kiểu mẫu” để nhân rộng trên địa bàn huyện.",
			figures: nil},
		{name: "a neighbourhood's front committee", text: "Sáng 2/11/2025, Ban Công tác Mặt trận Khu phố 21 phường Bình Phú tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025.",
			organizer: "Ban Công tác Mặt trận Khu phố 21 phường Bình Phú", level: "commune", date: "2025-11-02"},
		{name: "a commune's Party executive committee", text: "Sáng 2/10/2025, Ban Chấp hành Đảng bộ xã Triệu Sơn tổ chức hội nghị đánh giá nhiệm vụ 9 tháng năm 2025.",
			organizer: "Ban Chấp hành Đảng bộ xã Triệu Sơn", level: "commune", date: "2025-10-02"},
		{name: "organized, not organizations", text: "Năm 2022, có 10/10 tổ chức phần lễ, trong đó 8/10 tổ dân phố tổ chức cả phần hội.",
			figures: []string{"8 tổ dân phố"}},
		{name: "a competition bloc of district boards is district level", text: "Chiều ngày 28/12/2022, Khối thi đua Ban Dân vận các huyện, thị, thành ủy tỉnh Khánh Hòa tổ chức Hội nghị tổng kết công tác thi đua năm 2022.",
			level: "district", date: "2022-12-28"},
		{name: "a chair whose title names an emulation council", text: "Sáng ngày 10/3/2023, UBND huyện Phước Sơn tổ chức Hội nghị tổng kết phong trào thi đua yêu nước năm 2022, đồng chí Lê Quang Trung, Chủ tịch UBND huyện, Chủ tịch Hội đồng thi đua khen thưởng huyện chủ trì hội nghị.",
			organizer: "UBND huyện Phước Sơn", level: "district", date: "2023-03-10", chairs: []string{"Lê Quang Trung"}},
		{name: "a provincial board with a government's Party group", text: "Chiều ngày 28/02/2019, Ban Dân vận Tỉnh ủy và Ban cán sự Đảng UBND tỉnh tổ chức Hội nghị đánh giá kết quả phối hợp công tác dân vận năm 2018.",
			organizer: "Ban Dân vận Tỉnh ủy", level: "province", date: "2019-02-28"},
		{name: "a leader heard at the meeting", text: "Ngày 15/1/2019, Ban Dân vận Tỉnh ủy tổ chức hội nghị. Tại hội nghị, các đại biểu nghe đồng chí Trần Hồng Quảng, Phó Bí thư Thường trực Tỉnh ủy quán triệt các văn bản.",
			organizer: "Ban Dân vận Tỉnh ủy", level: "province", date: "2019-01-15", attendees: []string{"Trần Hồng Quảng"}},
		{name: "a time stamp in the headline is no event date", headline: "Đối thoại trực tiếp với đại diện nhân dân (14/12/2019 17:45)",
			text:      "Huyện Lập Thạch tổ chức hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với đại diện nhân dân.",
			organizer: "Huyện Lập Thạch", level: "district", date: ""},
		{name: "what a group is made of is no figure", text: "Sáng ngày 18/10/2019, Huyện ủy, HĐND, UBND huyện Ứng Hòa tổ chức hội nghị đối thoại tại cụm kinh tế số 5 gồm 04 đơn vị: Phù Lưu, Lưu Hoàng, Hồng Quang và Đội Bình.",
			date: "2019-10-18", figures: nil},
		{name: "a city's union written TP without a dot", text: "Ngày 4/7/2020, Hội Nông dân TP Hà Nội tổ chức Hội thi Nhà nông đua tài, thu hút 23 đội đến từ các quận, huyện.",
			organizer: "Hội Nông dân TP Hà Nội", level: "province", date: "2020-07-04", figures: nil},
		{name: "a plan's subject and a historic date", headline: "Xã Thiên Nhẫn đẩy mạnh tuyên truyền",
			text:        "Thực hiện Kế hoạch của Đảng ủy, UBND xã Thiên Nhẫn về tổ chức Đại hội và tuyên truyền kỷ niệm Cách mạng tháng Tám thành công (19/8/1945\n– 19/8/2025), xã đã treo băng rôn.",
			noOrganizer: true, date: ""},
		{name: "people named by their post are no figure", text: "Hội nông dân tỉnh vừa tổ chức 2 lớp tập huấn kỹ thuật cho 214 chi hội trưởng.",
			figures: []string{"2 lớp"}},
		{name: "a competition bloc of agencies in lower case", text: "Chiều 23/3/2023, tại trường Chính trị tỉnh, khối thi đua các cơ quan Đảng đã tổ chức hội nghị ký kết giao ước thi đua năm 2023.",
			organizer: "khối thi đua các cơ quan Đảng", date: "2023-03-23"},
		{name: "a steering committee whose remit lists fields with commas", text: "Sáng 19/1/2024, Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh (Ban Chỉ đạo 138) tổ chức hội nghị tổng kết năm 2023.",
			organizer: "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh", level: "province", date: "2024-01-19"},
		{name: "a provisional youth committee of a bloc", text: "Ngày 8/1/2021, BCH Lâm thời Đoàn Khối Cơ quan và Doanh nghiệp tỉnh tổ chức đại hội đại biểu lần thứ nhất.",
			organizer: "BCH Lâm thời Đoàn Khối Cơ quan và Doanh nghiệp tỉnh", level: "agency", date: "2021-01-08"},
		{name: "a plan's owner is no organizer", text: "UBND tỉnh vừa ban hành kế hoạch tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2024.",
			noOrganizer: true},
		{name: "a time stamp is not the event date", headline: "Hội nghị giao ban",
			text:      "09:21 19/06/2023 -Chiều 16/6, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban 6 tháng đầu năm 2023.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2023-06-16"},
		// Round seven (issue 12): counted nouns and names seen in the
		// development set, written here in other words.
		{name: "medals, districts and women counted", text: "Ngày 20/10/2027, Bộ Chỉ huy Quân sự tỉnh tổ chức lễ trao 25 huân chương cho cựu chiến binh của 3 huyện. Hội đã vận động 120 chị em tham gia.",
			organizer: "Bộ Chỉ huy Quân sự tỉnh", level: "agency", date: "2027-10-20", figures: []string{"25 huân chương", "3 huyện", "120 chị em"}},
		{name: "Nhân is a given name before a semicolon", text: "Ngày 5/1/2017, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2016. Dự hội nghị có Chủ tịch Ủy ban MTTQ tỉnh Nguyễn Thiện Nhân; Phó Chủ tịch UBND tỉnh Trương Hòa Bình. Nhân dân trong tỉnh tích cực hưởng ứng.",
			organizer: "Ban Dân vận Tỉnh ủy", level: "province", date: "2017-01-05", attendees: []string{"Nguyễn Thiện Nhân", "Trương Hòa Bình"}},
		{name: "a list of titled people sharing one chủ trì", text: "Ngày 30/9/2015, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban. Các đồng chí: Trần Văn An - Ủy viên TW Đảng, Trưởng Ban Kinh tế tỉnh; Lê Thị Bình - Phó trưởng Ban Thường trực Ban Chỉ đạo Tây Nguyên; Nguyễn Văn Cường - Bí thư Tỉnh ủy Lâm Đồng chủ trì hội nghị.",
			organizer: "Ban Dân vận Tỉnh ủy Lâm Đồng", level: "province", date: "2015-09-30", chairs: []string{"Trần Văn An", "Lê Thị Bình", "Nguyễn Văn Cường"}},
		{name: "chairs after buổi đối thoại, a report by thông báo", text: "Ngày 17/5/2024, Đảng ủy xã Khuất Xá tổ chức hội nghị đối thoại với nhân dân. Chủ trì buổi đối thoại là đồng chí Mai Văn Ngáy, Bí thư Đảng ủy. Chủ tịch UBND xã Chử Đức Khoa thông báo kết quả phát triển kinh tế - xã hội.",
			organizer: "Đảng ủy xã Khuất Xá", level: "commune", date: "2024-05-17", chairs: []string{"Mai Văn Ngáy"}, attendees: []string{"Chử Đức Khoa"}},
		{name: "a title list closed by dự, and a leader whose direction is cited", text: "Ngày 14/1/2026, Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị tổng kết công tác Mặt trận năm 2025. Ủy viên Bộ Chính trị, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Bùi Thị Minh Hoài; đại diện lãnh đạo các cơ quan Trung ương dự Hội nghị. Các đại biểu thống nhất đổi mới phương thức hành động như định hướng chỉ đạo của Tổng Bí thư Tô Lâm.",
			organizer: "Ủy ban Trung ương MTTQ Việt Nam", level: "central", date: "2026-01-14", attendees: []string{"Bùi Thị Minh Hoài"}},
		{name: "the central board written T.Ư", text: "Sáng 5/1/2017, tại Hà Nội, Ban Dân vận T.Ư tổ chức hội nghị tổng kết công tác dân vận năm 2016.",
			organizer: "Ban Dân vận T.Ư", level: "central", date: "2017-01-05"},
		{name: "a number in a programme's quoted name is no figure", text: "Ngày 5/12/2027, Hội LHPN huyện tổ chức hội nghị tổng kết năm 2027. Hội triển khai Chương trình “1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm vượt qua đại dịch” và vận động 300 hội viên tham gia.",
			organizer: "Hội LHPN huyện", level: "district", date: "2027-12-05", figures: []string{"300 hội viên"}},
		// Round eight (issue 12): chairs seen in the development set,
		// written here in other words.
		{name: "a chair's role after a dash ends the title", text: "Ngày 12/4/2027, Khối Dân vận phường tổ chức hội nghị giao ban. Về dự có đồng chí Trần Minh Khoa – Phó Trưởng Ban Dân vận Quận ủy, đồng chí Phạm Văn Lộc – Phó Bí thư Đảng ủy, Trưởng Khối Dân vận – Chủ trì hội nghị.",
			organizer: "Khối Dân vận phường", level: "commune", date: "2027-04-12", chairs: []string{"Phạm Văn Lộc"}, attendees: []string{"Trần Minh Khoa"}},
		{name: "names sharing a title after a colon co-chair", text: "Ngày 8/7/2027, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2027. Cùng chủ trì hội nghị có các đồng chí: Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy Lê Quang Huy; các Phó Trưởng Ban Dân vận Tỉnh ủy: Nguyễn Thị Hoa, Đặng Văn Minh.",
			organizer: "Ban Dân vận Tỉnh ủy", level: "province", date: "2027-07-08", chairs: []string{"Lê Quang Huy", "Nguyễn Thị Hoa", "Đặng Văn Minh"}},
		// Counts that describe, not results, seen in the development set.
		{name: "trainees of a counted class are no figure, people trained without one are", text: "Ngày 10/11/2027, Hội Nông dân huyện tổ chức hội nghị tổng kết năm 2027. Hội mở 3 lớp tập huấn kỹ thuật cho 150 hội viên; bồi dưỡng kiến thức pháp luật cho 420 cán bộ.",
			organizer: "Hội Nông dân huyện", level: "district", date: "2027-11-10", figures: []string{"3 lớp", "420 cán bộ"}},
		{name: "the places connected and where contestants come from", text: "Ngày 5/12/2027, Ban Dân vận Tỉnh ủy tổ chức hội nghị trực tuyến kết nối với 120 xã, phường. Tham gia hội thi có trên 200 hội viên đến từ 9 xã. Năm 2027, các cấp vận động xây dựng 45 căn nhà.",
			organizer: "Ban Dân vận Tỉnh ủy", level: "province", date: "2027-12-05", figures: []string{"45 căn nhà"}},
		{name: "what stands now is no result", text: "Ngày 6/12/2027, Hội LHPN tỉnh tổ chức hội nghị tổng kết năm 2027. Hiện toàn tỉnh có 300 mô hình, 1.200 tổ phụ nữ tự quản. Trong năm, Hội hỗ trợ 50 hộ thoát nghèo.",
			organizer: "Hội LHPN tỉnh", level: "province", date: "2027-12-06", figures: []string{"50 hộ"}},
		{name: "a steering committee's head who chairs", text: "Ngày 9/1/2028, Ban Chỉ đạo thực hiện dân chủ ở cơ sở huyện tổ chức hội nghị tổng kết năm 2027. Đồng chí Lý Thị Hạnh - Phó Bí thư Thường trực Huyện ủy, Trưởng Ban chỉ đạo chủ trì hội nghị.",
			organizer: "Ban Chỉ đạo thực hiện dân chủ ở cơ sở huyện", level: "district", date: "2028-01-09", chairs: []string{"Lý Thị Hạnh"}},
		// Organizers seen in the development set, in other words.
		{name: "the central mass work council is a body", text: "Ngày 20/7/2027, tại Hà Nội, Hội đồng Công tác quần chúng Trung ương vừa tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2027.",
			organizer: "Hội đồng Công tác quần chúng Trung ương", level: "central", date: "2027-07-20"},
		{name: "an abbreviation in brackets closing the name is left out", text: "Ngày 3/11/2027, hội nghị bình chọn nông dân xuất sắc được Trung ương Hội Nông dân Việt Nam (NDVN) chủ trì, tổ chức.",
			organizer: "Trung ương Hội Nông dân Việt Nam", level: "central", date: "2027-11-03"},
		{name: "an abbreviation in brackets inside a command's name is kept", text: "Ngày 8/12/2027, Bộ Chỉ huy Quân sự (CHQS) tỉnh vừa tổ chức lễ trao 12 huân chương.",
			organizer: "Bộ Chỉ huy Quân sự (CHQS) tỉnh", level: "agency", date: "2027-12-08", figures: []string{"12 huân chương"}},
		{name: "the presidium's meeting with the committee abbreviated, chairs sharing a title", text: "Ngày 12/9/2027, tại Huế đã diễn ra Hội nghị Đoàn Chủ tịch UBTƯ MTTQ Việt Nam lần thứ 5, khoá X. Chủ trì Hội nghị có ông Lê Văn Thành, Chủ tịch UBTƯ MTTQ Việt Nam; các Phó Chủ tịch UBTƯ MTTQ Việt Nam: Trần Thị Mai, Phạm Quốc Huy.",
			organizer: "Đoàn Chủ tịch UBTƯ MTTQ Việt Nam", level: "central", date: "2027-09-12", chairs: []string{"Lê Văn Thành", "Trần Thị Mai", "Phạm Quốc Huy"}},
		{name: "those under whose direction the meeting runs chair it", text: "Sáng 6/9/2027, tại Hà Nội, Hội nghị Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh đã diễn ra dưới sự điều hành của các đồng chí: Lê Văn Thành, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; Trần Thị Mai, Phó Chủ tịch.",
			organizer: "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", level: "province", date: "2027-09-06", chairs: []string{"Lê Văn Thành", "Trần Thị Mai"}},
		{name: "the meeting of a named body is its own", text: "Chiều 3/12/2027, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh Hoàng Thị Lan chủ trì hội nghị Ban Thường trực Ủy ban MTTQ tỉnh mở rộng. Đại hội đại biểu MTTQ Việt Nam tỉnh lần thứ II dự kiến tổ chức vào tháng 12.",
			organizer: "Ban Thường trực Ủy ban MTTQ tỉnh", level: "province", date: "2027-12-03", chairs: []string{"Hoàng Thị Lan"}},
		{name: "the Front's presidium named with its committee", text: "Ngày 27/12/2027, phát biểu tại Hội nghị Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam Lê Văn Thành đề nghị các tổ chức thành viên đổi mới hoạt động.",
			organizer: "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", level: "central", date: "2027-12-27", attendees: []string{"Lê Văn Thành"}},
		// Round nine (issue 12): people, written in other words than the
		// development articles.
		{name: "a chair with a long title ending in the province's level word", text: "Ngày 12/3/2027, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị trực tuyến. Tại điểm cầu tỉnh Bạc Liêu, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Trần Hải chủ trì hội nghị.",
			organizer: "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", level: "province", date: "2027-03-12", chairs: []string{"Trần Hải"}},
		{name: "the chair's role stays in the chair's own item of a ; list", text: "Ngày 16/10/2027, Đảng ủy phường tổ chức hội nghị kỷ niệm Ngày truyền thống công tác Dân vận. Đến dự hội nghị có đồng chí Lê Văn Sơn - Bí thư Đảng ủy phường, Chủ trì hội nghị; đồng chí Phạm Thị Hoa - Phó Bí thư Thường trực Đảng ủy; đồng chí Vũ Minh Tâm - Chủ tịch UBND phường.",
			organizer: "Đảng ủy phường", level: "commune", date: "2027-10-16", chairs: []string{"Lê Văn Sơn"}, attendees: []string{"Phạm Thị Hoa", "Vũ Minh Tâm"}},
		{name: "a youth union's level word ends the title before a family name", text: "Ngày 27/12/2027, Huyện đoàn tổ chức tổng kết công tác Đoàn năm 2027. Phó Bí thư tỉnh Đoàn Lê Minh Quân dự và phát biểu chỉ đạo hội nghị.",
			organizer: "Huyện đoàn", level: "district", date: "2027-12-27", attendees: []string{"Lê Minh Quân"}},
		// Round nine (issue 12): organizers read from the grammar of
		// their names and sentences, in other words than the articles.
		{name: "a department named after two fields keeps both", text: "Ngày 14/1/2027, Sở Nội vụ và Thông tin tỉnh Lai Châu tổ chức gặp mặt cán bộ hưu trí.",
			organizer: "Sở Nội vụ và Thông tin tỉnh Lai Châu", level: "agency", date: "2027-01-14"},
		{name: "two departments joined by và are two organizers", text: "Ngày 14/1/2027, Sở Nội vụ và Sở Tư pháp tỉnh tổ chức hội nghị tập huấn.",
			organizer: "Sở Nội vụ", level: "agency", date: "2027-01-14"},
		{name: "the agent of a passive chose, the commune in the headline organized", headline: "Xã Hòa Bình tổ chức thành công Đại hội Hội Nông dân điểm",
			text:      "Ngày 9/3/2027, Đại hội Hội Nông dân xã nhiệm kỳ 2027-2032 được Hội Nông dân huyện Kim Sơn chọn làm điểm vừa tổ chức.",
			organizer: "Xã Hòa Bình", level: "commune", date: "2027-03-09"},
		{name: "a working delegation's body organizes its visit", text: "Sáng 8/2/2027, Đoàn công tác Hội Nông dân tỉnh do đồng chí Chủ tịch Hội làm trưởng đoàn đã đến thăm, tặng quà hội viên nghèo xã Tân Lập.",
			organizer: "Hội Nông dân tỉnh", level: "province", date: "2027-02-08"},
		{name: "an executive's abbreviation before a youth committee written from its place word", text: "Ngày 28/12/2027, Ban chấp hành (BCH) huyện Đoàn Lộc Ninh tổ chức tổng kết công tác Đoàn năm 2027.",
			organizer: "Ban chấp hành (BCH) huyện Đoàn Lộc Ninh", level: "district", date: "2027-12-28"},
		// Round nine (issue 12): counted nouns as an open class, written
		// in other words than the development articles.
		{name: "a noun no list holds, made or held off by the work, is counted", text: "Ngày 9/12/2027, Huyện đoàn tổ chức hội nghị tổng kết năm 2027. Đoàn viên đã làm 4.200 tấm chắn nắng cho trường học, vận động hoãn 12 đám giỗ và xây dựng 8 vườn ươm.",
			organizer: "Huyện đoàn", level: "district", date: "2027-12-09", figures: []string{"4200 tấm chắn", "12 đám giỗ", "8 vườn ươm"}},
		{name: "a count after a verb of describing stays out", text: "Ngày 9/12/2027, Hội Nông dân huyện tổ chức hội nghị tổng kết năm 2027. Hội tập trung thực hiện 3 khâu đột phá và 5 bước quy trình; trồng 300 cây xanh.",
			organizer: "Hội Nông dân huyện", level: "district", date: "2027-12-09", figures: []string{"300 cây"}},
		{name: "a measure word keeps its noun", text: "Ngày 15/12/2027, Hội LHPN xã tổ chức hội nghị tổng kết năm 2027. Hội trao 250 suất ăn, vận động hiến 1.500 mét vuông đất và vận động 3.000 lượt cử tri đi bầu cử sớm.",
			organizer: "Hội LHPN xã", level: "commune", date: "2027-12-15", figures: []string{"250 suất ăn", "1500 mét vuông", "3000 lượt cử tri"}},
		{name: "what a hamlet is made of is no result", text: "Ngày 2/10/2027, Ban Dân vận Huyện ủy tổ chức hội nghị về mô hình dân vận khéo. Bản Nà Sa, xã Chiềng Ơn có gần 120 hộ đồng bào Thái. Bản có hơn 40% hộ nghèo. Năm 2027, bà con hiến 2.000 m2 đất làm đường.",
			organizer: "Ban Dân vận Huyện ủy", level: "district", date: "2027-10-02", figures: []string{"2000 m2"}},
		{name: "a verb opening the sentence and an activity held count an open-class noun", text: "Ngày 9/12/2027, Huyện đoàn tổ chức hội nghị tổng kết năm 2027. Làm 900 hộp cơm cho bệnh nhân. Các cơ sở Đoàn tổ chức 6 phiên chợ đưa hàng về vùng cao, thu hút 1.200 lượt ĐVTN, học sinh tham gia.",
			organizer: "Huyện đoàn", level: "district", date: "2027-12-09", figures: []string{"900 hộp cơm", "6 phiên chợ", "1200 lượt đvtn, học sinh"}},
		{name: "people counted as a pair stay one unit", text: "Ngày 20/5/2027, Huyện đoàn tổ chức hội nghị tổng kết năm học. Huyện đoàn vận động 2.100 đội viên, thiếu nhi quyên góp sách cũ.",
			organizer: "Huyện đoàn", level: "district", date: "2027-05-20", figures: []string{"2100 đội viên, thiếu nhi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.headline
			if h == "" {
				h = "Hội nghị về công tác dân vận"
			}
			var opts Options
			if tt.published != "" {
				opts.Published, _ = time.Parse("2006-01-02", tt.published)
			}
			rec, err := Extract(context.Background(), []byte(h+"\n"+tt.text+"\nPhóng viên"), opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.organizer != "" && (rec.Organizer == nil || *rec.Organizer != tt.organizer) {
				t.Errorf("organizer %v, want %q", show(rec, "organizer"), tt.organizer)
			}
			if tt.noOrganizer && rec.Organizer != nil {
				t.Errorf("organizer %v, want none", show(rec, "organizer"))
			}
			if tt.level != "" && (rec.Level == nil || *rec.Level != tt.level) {
				t.Errorf("level %v, want %q", show(rec, "level"), tt.level)
			}
			if got := show(rec, "event_date"); tt.date == "" && got != "null" || tt.date != "" && got != `"`+tt.date+`"` {
				t.Errorf("date %s, want %q", got, tt.date)
			}
			if got := names(rec.Chairs); !sameList(got, tt.chairs) {
				t.Errorf("chairs %q, want %q", got, tt.chairs)
			}
			if got := names(rec.Attendees); !sameList(got, tt.attendees) {
				t.Errorf("attendees %q, want %q", got, tt.attendees)
			}
			if got := figureKeys(rec.Figures); !sameList(got, tt.figures) {
				t.Errorf("figures %q, want %q", got, tt.figures)
			}
			checkGrounded(t, rec)
		})
	}
}

func sameList(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b) || strings.Join(a, "|") == strings.Join(b, "|")
}

// TestTaskAndTypeRules checks the key tasks and the event type on short
// texts written the usual ways (issue 12).
func TestTaskAndTypeRules(t *testing.T) {
	tests := []struct {
		name, headline, text string
		typ, period          string // period as periodKey writes it, "" for null
		tasks                []string
	}{
		{name: "the meeting fixes the year's focus, then states it", headline: "Hội nghị tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Hội nghị xác định phương hướng trọng tâm của năm 2027 là tăng cường nắm tình hình nhân dân ở cơ sở. Tập trung làm tốt công tác tuyên truyền, giáo dục.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"tăng cường nắm tình hình nhân dân ở cơ sở.", "Tập trung làm tốt công tác tuyên truyền, giáo dục."}},
		{name: "a body fixes what it will do next quarter", headline: "Giao ban công tác dân vận quý 1 năm 2026",
			text: "Ngày 7/4/2026, tại hội nghị giao ban công tác dân vận quý 1 năm 2026, Ban Dân vận Huyện ủy xác định trong quý 2 sẽ đẩy mạnh phong trào thi đua “Dân vận khéo”; tiếp tục nắm chắc tình hình nhân dân. Đồng thời, tập trung vận động nhân dân bàn giao mặt bằng.",
			typ:  "so_ket", period: "Q1 2026",
			tasks: []string{"sẽ đẩy mạnh phong trào thi đua “Dân vận khéo”", "tiếp tục nắm chắc tình hình nhân dân.", "tập trung vận động nhân dân bàn giao mặt bằng."}},
		{name: "tasks numbered in words after a heading", headline: "Hội nghị tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Năm 2027, hội nghị thống nhất một số nhiệm vụ trọng tâm sau:\nMột là, tiếp tục đổi mới phương thức vận động nhân dân.\nHai là, đẩy mạnh phong trào thi đua “Dân vận khéo”.\nThứ ba, nâng cao chất lượng đối thoại với nhân dân.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"tiếp tục đổi mới phương thức vận động nhân dân.", "đẩy mạnh phong trào thi đua “Dân vận khéo”.", "nâng cao chất lượng đối thoại với nhân dân."}},
		{name: "numbered in words after a leader's request", headline: "Hội nghị tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Phát biểu chỉ đạo, đồng chí Bí thư Huyện ủy đề nghị thời gian tới tập trung vào các giải pháp. Thứ nhất, tiếp tục đổi mới phương thức vận động nhân dân. Thứ hai, đẩy mạnh phong trào thi đua “Dân vận khéo”.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"tập trung vào các giải pháp.", "tiếp tục đổi mới phương thức vận động nhân dân.", "đẩy mạnh phong trào thi đua “Dân vận khéo”."}},
		{name: "cần xác định states no task list", headline: "Hội nghị tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Hội nghị đánh giá mục tiêu đặt ra là hết sức nặng nề.",
			typ:  "tong_ket", period: "year 2026"},
		{name: "the coming term and its targets", headline: "Hội Nông dân huyện tổ chức Đại hội nhiệm kỳ 2026-2031",
			text:  "Ngày 26/6/2026, Hội Nông dân huyện tổ chức Đại hội Đại biểu lần thứ IV, nhiệm kỳ 2026-2031. Trong nhiệm kỳ qua, Hội đã giúp đỡ 45 hộ thoát nghèo.\nTrong nhiệm kỳ tới, Hội Nông dân huyện tiếp tục thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ huyện. Phấn đấu có 100% cán bộ, hội viên được quán triệt các chủ trương của Đảng; hằng năm 80% cấp hội cơ sở đạt vững mạnh.",
			typ:   "other",
			tasks: []string{"Hội Nông dân huyện tiếp tục thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ huyện.", "Phấn đấu có 100% cán bộ, hội viên được quán triệt các chủ trương của Đảng", "hằng năm 80% cấp hội cơ sở đạt vững mạnh."}},
		{name: "a campaign's start is a launch", headline: "Lễ khởi động Chiến dịch Hành quân xanh năm 2026",
			text: "Ngày 22/6/2026, Huyện đoàn tổ chức Lễ khởi động Chiến dịch Hành quân xanh năm 2026.",
			typ:  "trien_khai"},
		{name: "a launch sentence whose colon opens a list", headline: "Giao ban công tác Mặt trận quý III năm 2026",
			text: "Ngày 5/10/2026, Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị giao ban công tác Mặt trận quý III năm 2026. Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam huyện đã triển khai nhiệm vụ trọng tâm công tác Mặt trận quý IV, trong đó đặc biệt lưu ý công tác chuẩn bị Đại hội như: Xây dựng dự thảo báo cáo chính trị; công tác chuẩn bị nhân sự.",
			typ:  "so_ket", period: "Q3 2026",
			tasks: []string{"Xây dựng dự thảo báo cáo chính trị", "công tác chuẩn bị nhân sự."}},
		{name: "heading with a colon and clauses", headline: "Hội nghị tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Hội nghị thống nhất nhiệm vụ trọng tâm năm 2027: tiếp tục đổi mới phương thức vận động nhân dân; đẩy mạnh phong trào thi đua “Dân vận khéo”; nâng cao chất lượng đối thoại với nhân dân.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"tiếp tục đổi mới phương thức vận động nhân dân", "đẩy mạnh phong trào thi đua “Dân vận khéo”", "nâng cao chất lượng đối thoại với nhân dân"}},
		{name: "heading and a list", headline: "Hội nghị tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026.\nNhiệm vụ trọng tâm năm 2027:\n- Tiếp tục đổi mới phương thức vận động nhân dân.\n- Đẩy mạnh phong trào thi đua “Dân vận khéo”.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"Tiếp tục đổi mới phương thức vận động nhân dân", "Đẩy mạnh phong trào thi đua “Dân vận khéo”"}},
		{name: "the time ahead opens a sentence", headline: "Sơ kết công tác dân vận 6 tháng đầu năm 2024",
			text: "Sáng 5/7/2024, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024. Hội nghị đánh giá cao kết quả đạt được. Thời gian tới, Ban Dân vận Huyện ủy tiếp tục tham mưu cấp ủy lãnh đạo công tác dân vận; phối hợp nắm chắc tình hình nhân dân.",
			typ:  "so_ket", period: "H1 2024",
			tasks: []string{"Ban Dân vận Huyện ủy tiếp tục tham mưu cấp ủy lãnh đạo công tác dân vận", "phối hợp nắm chắc tình hình nhân dân"}},
		{name: "next year opens a paragraph", headline: "Tổng kết công tác dân vận năm 2020",
			text: "Sáng 25/12/2020, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2020.\nTrong năm 2021, hệ thống dân vận tiếp tục bám sát cơ sở, nắm chắc tình hình nhân dân.",
			typ:  "tong_ket", period: "year 2020",
			tasks: []string{"hệ thống dân vận tiếp tục bám sát cơ sở, nắm chắc tình hình nhân dân"}},
		{name: "a leader's directions", headline: "Tổng kết công tác dân vận năm 2020",
			text: "Sáng 25/12/2020, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2020. Phát biểu kết luận, đồng chí Nguyễn Văn An, Bí thư Huyện ủy đề nghị các cấp ủy cần tập trung lãnh đạo công tác dân vận; phát huy vai trò người có uy tín. Đẩy mạnh cải cách hành chính. Dịp này, 10 tập thể được khen thưởng.",
			typ:  "tong_ket", period: "year 2020",
			tasks: []string{"các cấp ủy cần tập trung lãnh đạo công tác dân vận", "phát huy vai trò người có uy tín", "Đẩy mạnh cải cách hành chính"}},
		{name: "award ceremony", headline: "Lễ tổng kết và tuyên dương điển hình Dân vận khéo năm 2024",
			text: "Sáng 16/10/2024, Ban Dân vận Huyện ủy tổ chức lễ tuyên dương điển hình Dân vận khéo năm 2024.",
			typ:  "khen_thuong", period: "year 2024"},
		{name: "a slogan's semicolons split no task", headline: "Tổng kết công tác dân vận năm 2023",
			text: "Ngày 5/1/2024, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.\nNăm 2024, Ban Dân vận Huyện ủy tiếp tục thực hiện chủ đề năm “Kỷ cương; hiệu quả; gần dân”; đẩy mạnh phong trào thi đua “Dân vận khéo”.",
			typ:  "tong_ket", period: "year 2023",
			tasks: []string{"Ban Dân vận Huyện ủy tiếp tục thực hiện chủ đề năm “Kỷ cương; hiệu quả; gần dân”", "đẩy mạnh phong trào thi đua “Dân vận khéo”"}},
		{name: "a task that ends with next year is no heading", headline: "Sơ kết công tác dân vận 6 tháng đầu năm 2022",
			text: "Ngày 5/7/2022, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2022. Đồng chí Bí thư Huyện ủy đề nghị thời gian tới các đơn vị tiếp tục bám sát nhiệm vụ chính trị của địa phương để thực hiện tốt công tác dân vận trong 6 tháng cuối năm 2022; tăng cường đối thoại với nhân dân.",
			typ:  "so_ket", period: "H1 2022",
			tasks: []string{"các đơn vị tiếp tục bám sát nhiệm vụ chính trị của địa phương để thực hiện tốt công tác dân vận trong 6 tháng cuối năm 2022", "tăng cường đối thoại với nhân dân"}},
		{name: "a stage in a cited directive's subject is not reviewed", headline: "Tăng cường công tác dân vận trong tình hình mới",
			text: "Ngày 20/11, Tỉnh ủy Điện Biên tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW; đánh giá 3 năm thực hiện Chỉ thị số 09-CT/TU ngày 5/3/2021 của Ban Thường vụ Tỉnh ủy về phong trào thi đua “Dân vận khéo” giai đoạn 2021 – 2025.",
			typ:  "tong_ket", period: ""},
		{name: "a briefing takes its period from the lead", headline: "Giao ban công tác Mặt trận các tỉnh miền Tây",
			text: "Ngày 19/6/2019, Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị giao ban công tác mặt trận 6 tháng đầu năm 2019 của các tỉnh miền Tây.",
			typ:  "so_ket", period: "H1 2019"},
		{name: "a thematic conference is no launch", headline: "Hội nghị chuyên đề triển khai Quy chế công tác dân vận",
			text: "Ngày 10/3/2024, Ban Dân vận Huyện ủy tổ chức hội nghị chuyên đề triển khai Quy chế công tác dân vận.",
			typ:  "chuyen_de"},
		{name: "nine-month review", headline: "Sơ kết công tác dân vận 9 tháng đầu năm 2023",
			text: "Ngày 5/10/2023, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 9 tháng đầu năm 2023.",
			typ:  "so_ket"},
		{name: "a term of office is no period", headline: "Đại hội đại biểu Đảng bộ xã Tân Lập lần thứ I nhiệm kỳ 2025 - 2030",
			text: "Ngày 20/7/2025, Đảng bộ xã Tân Lập tổ chức Đại hội đại biểu lần thứ I nhiệm kỳ 2025 - 2030.",
			typ:  "other"},
		{name: "a gathering of village elders is thematic", headline: "Gặp mặt người có uy tín",
			text: "Ngày 10/6/2022, Phòng Dân tộc huyện Ia Pa tổ chức hội nghị gặp mặt 60 người có uy tín trong vùng đồng bào dân tộc thiểu số.",
			typ:  "chuyen_de"},
		{name: "an honouring ceremony", headline: "Tôn vinh nông dân xuất sắc năm 2021",
			text: "Tối 2/12/2021, Ban Chấp hành Trung ương Hội Nông dân Việt Nam tổ chức lễ tôn vinh và trao danh hiệu nông dân xuất sắc năm 2021.",
			typ:  "khen_thuong", period: "year 2021"},
		{name: "two directions in one sentence", headline: "Hội nghị chuyên đề về công tác chuẩn bị đại hội",
			text:  "Chiều 18/8/2025, Đảng ủy phường Tân Định tổ chức hội nghị chuyên đề về công tác chuẩn bị đại hội. Phát biểu kết luận, đồng chí Bí thư Đảng ủy nhấn mạnh thời gian tới Tiểu ban Văn kiện cần hoàn thiện dự thảo báo cáo, đồng thời đề nghị các chi bộ tổ chức lấy ý kiến đảng viên.",
			typ:   "chuyen_de",
			tasks: []string{"Tiểu ban Văn kiện cần hoàn thiện dự thảo báo cáo", "các chi bộ tổ chức lấy ý kiến đảng viên"}},
		{name: "the lead's half-year with the headline's year", headline: "Sơ kết công tác dân vận phường 6 năm 2021",
			text: "Chiều 17/7, Khối Dân vận phường 6 tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm.",
			typ:  "so_ket", period: "H1 2021"},
		{name: "directions for the time just ahead", headline: "Sơ kết chuyên đề thi đua năm 2015",
			text: "Sáng 14/4/2016, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết chuyên đề thi đua năm 2015. Phát biểu chỉ đạo, ông Trần Văn Ba yêu cầu trước mắt các cấp tập trung làm tốt công tác bầu cử.",
			typ:  "so_ket", period: "year 2015",
			tasks: []string{"các cấp tập trung làm tốt công tác bầu cử"}},
		{name: "a quoted direction", headline: "Tổng kết công tác dân vận năm 2023",
			text: "Sáng 5/1/2024, Khối Dân vận phường tổ chức hội nghị tổng kết công tác dân vận năm 2023. Phát biểu chỉ đạo, bà Lê Thị Năm nhấn mạnh “Tiếp tục thực hiện tốt phong trào Dân vận khéo”.",
			typ:  "tong_ket", period: "year 2023",
			tasks: []string{"Tiếp tục thực hiện tốt phong trào Dân vận khéo”"}},
		{name: "the months left in the year", headline: "Sơ kết công tác dân vận 9 tháng năm 2023",
			text:  "Ngày 5/10/2023, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 9 tháng năm 2023.\nNhững tháng cuối năm, Ban Dân vận các cấp chủ động tham mưu cấp ủy; củng cố đội ngũ cán bộ dân vận.",
			typ:   "so_ket",
			tasks: []string{"Ban Dân vận các cấp chủ động tham mưu cấp ủy", "củng cố đội ngũ cán bộ dân vận"}},
		{name: "the next quarter's tasks", headline: "Giao ban công tác quý III năm 2019",
			text: "Ngày 8/10/2019, Đảng ủy Khối Doanh nghiệp tỉnh tổ chức hội nghị giao ban công tác quý III năm 2019.\nTriển khai phương hướng nhiệm vụ quý IV, các chi, đảng bộ trực thuộc tiếp tục thực hiện Nghị quyết Trung ương 4; chuẩn bị đại hội đảng bộ các cấp.",
			typ:  "so_ket", period: "Q3 2019",
			tasks: []string{"các chi, đảng bộ trực thuộc tiếp tục thực hiện Nghị quyết Trung ương 4", "chuẩn bị đại hội đảng bộ các cấp"}},
		{name: "a medal ceremony", headline: "Trao kỷ niệm chương cho cán bộ Mặt trận",
			text: "Vừa qua, Thường trực Ủy ban MTTQ Việt Nam tỉnh đã tổ chức lễ trao kỷ niệm chương “Vì sự nghiệp Đại đoàn kết dân tộc” cho 5 cá nhân.",
			typ:  "khen_thuong"},
		{name: "a Party badge ceremony", headline: "Trao Huy hiệu 40 năm tuổi Đảng",
			text: "Sáng 3/2/2024, Đảng ủy xã Tân Lập tổ chức Lễ trao Huy hiệu 40 năm tuổi Đảng cho 3 đảng viên.",
			typ:  "khen_thuong"},
		{name: "a class opens", headline: "",
			text: "(PV) Sáng 19/10/2021, Ban Dân vận Tỉnh ủy phối hợp với Sở Nội vụ khai giảng lớp bồi dưỡng công tác dân vận chính quyền năm 2021.",
			typ:  "chuyen_de"},
		{name: "a model report with no meeting", headline: "",
			text: "Tại ấp 3, xã Bình Minh, mô hình “Tổ tự quản đường giao thông” đã trở thành mô hình tiêu biểu “Dân vận khéo” của huyện. Nhân dân đã hiến 2.000 m2 đất làm đường.",
			typ:  "mo_hinh"},
		{name: "a movement with no meeting", headline: "Phong trào hiến đất mở đường ở xã Bình Minh",
			text: "Từ đầu năm 2025, phong trào hiến đất mở đường ở xã Bình Minh được Nhân dân hưởng ứng. Cán bộ xã xuống từng hộ vận động.",
			typ:  "mo_hinh"},
		{name: "a year's results with its commendations is no model", headline: "",
			text: "Năm 2021, toàn tỉnh có 2.071 mô hình “Dân vận khéo”. Dịp này, Chủ tịch UBND tỉnh đã tặng Bằng khen 28 tập thể.",
			typ:  "tong_ket", period: "year 2021"},
		{name: "a lead-in after a semicolon is no part of the task", headline: "Sơ kết thi đua 6 tháng đầu năm 2019",
			text: "Sáng ngày 08/7/2019, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2019. Hội nghị đánh giá cao kết quả thi đua 6 tháng đầu năm, đồng thời đề nghị các đơn vị tiếp tục hoàn thành tốt các tiêu chí thi đua 6 tháng cuối năm 2019; trong đó, tiếp tục thực hiện tốt Kế hoạch số 130-KH/TU; phối hợp thực hiện “Năm dân vận chính quyền”.",
			typ:  "so_ket", period: "H1 2019",
			tasks: []string{"các đơn vị tiếp tục hoàn thành tốt các tiêu chí thi đua 6 tháng cuối năm 2019", "tiếp tục thực hiện tốt Kế hoạch số 130-KH/TU", "phối hợp thực hiện “Năm dân vận chính quyền”"}},
		{name: "the next year's tasks as a topic inside a paragraph", headline: "Mặt trận phường tổng kết công tác năm 2023",
			text: "Ngày 20/12/2023, Ủy ban MTTQ phường An Lạc tổ chức hội nghị tổng kết công tác Mặt trận năm 2023. Phát biểu chỉ đạo, đồng chí Bí thư Đảng ủy phường biểu dương kết quả năm 2023. Về nhiệm vụ trọng tâm trong năm 2024, Mặt trận phường cần tiếp tục củng cố khối đại đoàn kết toàn dân tộc. Đặc biệt là công tác hiệp thương nhân sự Đại hội MTTQ phường nhiệm kỳ 2024 - 2029.",
			typ:  "tong_ket", period: "year 2023",
			tasks: []string{"Mặt trận phường cần tiếp tục củng cố khối đại đoàn kết toàn dân tộc", "Đặc biệt là công tác hiệp thương nhân sự Đại hội MTTQ phường nhiệm kỳ 2024 - 2029"}},
		{name: "the past year after the attendance", headline: "",
			text: "Dự Hội nghị có đồng chí Trần Văn Ký, Trưởng Ban Dân vận Huyện ủy và đồng chí Lê Thị Hương, Chủ tịch Hội Liên hiệp phụ nữ huyện.\nTrong năm qua, công tác dân vận của thị trấn đạt nhiều kết quả, thực hiện tốt Nghị quyết năm 2019 của Đảng ủy thị trấn.",
			typ:  "tong_ket", period: "year 2019"},
		{name: "a report heard at the meeting", headline: "",
			text: "Về dự hội nghị có đồng chí Hà Văn Thuấn, Phó Bí thư Đảng ủy phường.\nTại hội nghị các đại biểu được nghe báo cáo công tác Mặt trận năm 2023; thảo luận những kết quả đã đạt được.",
			typ:  "tong_ket", period: "year 2023"},
		{name: "signing a programme of joint work launches it", headline: "Công an huyện và Ban Dân vận Huyện ủy ký kết chương trình phối hợp giai đoạn 2016 – 2021",
			text: "Sáng 8/11/2016, Công an huyện và Ban Dân vận Huyện ủy đã ký kết chương trình phối hợp công tác dân vận giai đoạn 2016 – 2021.",
			typ:  "trien_khai"},
		{name: "a year's results reviewed and the next year's aims after , như", headline: "",
			text: "Hội nghị đã tập trung đánh giá toàn diện những kết quả đạt được trong năm 2024.\nHội nghị đã nhất trí thông qua phương hướng, nhiệm vụ năm 2025 với các mục tiêu trọng tâm, như tăng cường đoàn kết nội bộ, phát triển hội viên mới.\nNhân dịp này, Hội trao thưởng cho các tập thể.",
			typ:  "tong_ket", period: "year 2024",
			tasks: []string{"tăng cường đoàn kết nội bộ, phát triển hội viên mới"}},
		{name: "a review word in an activity's purpose", headline: "",
			text: "Sáng nay ngày 31/8/2018 đoàn xã tổ chức giải Cầu Lông hè 2018, đây là hoạt động nhằm đánh giá tổng kết hoạt động hè 2018.",
			typ:  "other"},
		{name: "a meeting with religious dignitaries is thematic", headline: "Gặp mặt nhân dịp Giáng sinh",
			text: "Ngày 18/12/2017, Ban Tôn giáo thành phố tổ chức gặp mặt các vị chức sắc lãnh đạo Giáo hội.",
			typ:  "chuyen_de"},
		{name: "an anniversary gathering that hands out medals", headline: "",
			text:  "Chiều 15/10/2020, Huyện ủy Châu Đức tổ chức họp mặt kỷ niệm 90 năm Ngày truyền thống công tác Dân vận.\nTại buổi lễ, ông Nguyễn Văn Việt, Bí thư Huyện ủy phát biểu ôn lại truyền thống. Đồng thời, đề nghị mỗi cán bộ, đảng viên, công chức tiếp tục phát huy truyền thống, thực hiện tốt nhiệm vụ được giao.\nDịp này, 3 cá nhân đã được nhận Kỷ niệm chương “Vì sự nghiệp Dân vận”.",
			typ:   "khen_thuong",
			tasks: []string{"mỗi cán bộ, đảng viên, công chức tiếp tục phát huy truyền thống, thực hiện tốt nhiệm vụ được giao"}},
		{name: "a Christmas visit is no model report", headline: "",
			text: "Sáng 21/12/2021, ông Đinh Ngọc Hải đã đi thăm và chúc mừng Giáng sinh. Ông mong muốn bà con tích cực hưởng ứng các phong trào thi đua yêu nước.",
			typ:  "other"},
		{name: "a congress sets the new term's tasks", headline: "Đại hội Mặt trận Tổ quốc xã An Phú nhiệm kỳ 2019 - 2024",
			text:  "Ủy ban MTTQ xã An Phú vừa tổ chức Đại hội đại biểu lần thứ XXI, nhiệm kỳ 2019 - 2024.\nNhiệm kỳ 2013-2018, Ủy ban MTTQ xã đã vận động nhân dân hiến đất làm đường.\nNhiệm kỳ 2019 - 2024, Ủy ban MTTQ xã tiếp tục đổi mới phương thức hoạt động; tuyên truyền vận động người dân giảm tỷ lệ hộ nghèo.",
			typ:   "other",
			tasks: []string{"Ủy ban MTTQ xã tiếp tục đổi mới phương thức hoạt động", "tuyên truyền vận động người dân giảm tỷ lệ hộ nghèo"}},
		{name: "the matters for the time ahead after đó là", headline: "Tọa đàm tập hợp, vận động quần chúng",
			text:  "Chiều ngày 4/10/2022, Ban Thường trực UBMTTQVN xã Duy Thu tổ chức buổi Tọa đàm. Qua buổi Tọa đàm nổi lên những vấn đề cần quan tâm hơn trong thời gian đến đó là đội ngũ cán bộ, đảng viên cần phải làm gương. Các hội, đoàn thể của xã phải dành nhiều thời gian xuống khu dân cư.",
			typ:   "chuyen_de",
			tasks: []string{"đội ngũ cán bộ, đảng viên cần phải làm gương", "Các hội, đoàn thể của xã phải dành nhiều thời gian xuống khu dân cư"}},
		{name: "a day named by its year reviews nothing", headline: "",
			text: "Ngày 16/11/2025, Ủy ban MTTQ Việt Nam phường Diên Hồng đã tổ chức “Ngày hội Đại đoàn kết toàn dân tộc” năm 2025.",
			typ:  "other"},
		{name: "an inspection of a half-year's work", headline: "Kiểm tra công tác dân vận",
			text: "Ngày 20/6/2023, Đoàn kiểm tra của Ban Dân vận Tỉnh ủy đã kiểm tra việc thực hiện công tác dân vận 6 tháng đầu năm 2023 tại huyện.",
			typ:  "other", period: "H1 2023"},
		{name: "a review that launches the rest of the year", headline: "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 2",
			text: "Chiều ngày 02/10/2025, Ban Thường vụ Đảng uỷ xã tổ chức Hội nghị nhằm báo cáo, đánh giá kết quả thực hiện nhiệm vụ 9 tháng đầu năm và triển khai nhiệm vụ 3 tháng cuối năm 2025.",
			typ:  "so_ket"},
		{name: "a request to concentrate on work", headline: "Hội nghị chuyên đề công tác tuyển quân",
			text:  "Chiều 31/10/2025, Ban Thường vụ Đảng ủy xã tổ chức Hội nghị chuyên đề. Phát biểu tại Hội nghị, đồng chí Nguyễn Minh Tiến – Chủ tịch UBND xã đề nghị các cơ quan, đơn vị và thôn, xóm tập trung thực hiện nghiêm túc công tác tuyển quân.",
			typ:   "chuyen_de",
			tasks: []string{"các cơ quan, đơn vị và thôn, xóm tập trung thực hiện nghiêm túc công tác tuyển quân"}},
		{name: "the year reviewed after who came with them", headline: "",
			text: "Cùng dự có các đồng chí: Tống Quang Thìn, TVTU, Phó Chủ tịch UBND tỉnh; lãnh đạo các Ban Xây dựng Đảng của Tỉnh ủy.\nNăm 2018, công tác dân vận của hệ thống chính trị trong tỉnh tiếp tục có nhiều đổi mới.\nTại hội nghị, các đại biểu nghe quán triệt các văn bản.",
			typ:  "tong_ket", period: "year 2018"},
		{name: "a forum is thematic", headline: "Lãnh đạo huyện “Lắng nghe dân nói” tại xã Vĩnh Thành",
			text: "Ngày 6/11/2020, Ban Dân vận Huyện ủy huyện Châu Thành phối hợp Đảng ủy xã Vĩnh Thành tổ chức diễn đàn “Lắng nghe dân nói” năm 2020.",
			typ:  "chuyen_de"},
		{name: "a relay of a quick briefing is thematic", headline: "",
			text: "Sáng ngày 28/01/2026, Đảng ủy xã Vĩnh Điều tổ chức điểm cầu trực tuyến theo dõi Hội nghị thông báo nhanh kết quả Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
			typ:  "chuyen_de"},
		{name: "a report at the meeting reviews its year", headline: "An ninh chính trị được giữ vững",
			text: "Báo cáo tại hội nghị nêu rõ: Trong năm 2023, Ban Chỉ đạo tỉnh đã chỉ đạo các cơ quan thực hiện có hiệu quả các chương trình.",
			typ:  "tong_ket", period: "year 2023"},
		{name: "a sentence keeps its own lead-in", headline: "Tổng kết công tác dân vận năm 2023",
			text: "Ngày 5/1/2024, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Đồng chí Trưởng Ban đề nghị thời gian tới các đơn vị tập trung thực hiện tốt 16 nhiệm vụ. Trong đó, tập trung tuyên truyền, vận động thực hiện tốt phong trào thi đua.",
			typ:  "tong_ket", period: "year 2023",
			tasks: []string{"các đơn vị tập trung thực hiện tốt 16 nhiệm vụ", "Trong đó, tập trung tuyên truyền, vận động thực hiện tốt phong trào thi đua"}},
		{name: "a cue word inside a model's quoted name", headline: "Mô hình “Đối thoại trực tiếp với nhân dân” ở xã Tân Lập",
			text: "Được triển khai từ tháng 03/2022, mô hình “Đối thoại trực tiếp với nhân dân” của Ban Dân vận Đảng ủy xã Tân Lập đã mang lại nhiều kết quả thiết thực.",
			typ:  "mo_hinh"},
		{name: "a dignitaries' model is no meeting of dignitaries", headline: "Mô hình “Chức sắc tôn giáo chung tay xây dựng nông thôn mới”",
			text: "Mô hình “Chức sắc tôn giáo chung tay xây dựng nông thôn mới” của xã Tân Lập đã vận động 120 hộ hiến đất làm đường.",
			typ:  "mo_hinh"},
		{name: "a dialogue named outside the quotes is still one", headline: "Đối thoại với nhân dân về mô hình “Dân vận khéo”",
			text: "Ngày 5/10/2023, Đảng ủy xã Tân Lập tổ chức buổi đối thoại với nhân dân về mô hình “Dân vận khéo”.",
			typ:  "chuyen_de"},
		{name: "quarterly briefing", headline: "Hội nghị giao ban công tác dân vận quý III năm 2023",
			text: "Ngày 5/10/2023, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận quý III năm 2023.",
			typ:  "so_ket", period: "Q3 2023"},
		// Round seven (issue 12): shapes of the key tasks seen in the
		// development set's unseen articles, written here in other words.
		{name: "a request opening its own sentence after the speaker's", headline: "Kỷ niệm ngày thành lập Hội Cựu chiến binh",
			text: "Ngày 6/12/2027, Hội Cựu chiến binh tỉnh tổ chức hội nghị tổng kết công tác Hội năm 2027. Phát biểu tại hội nghị, đồng chí Phó Bí thư Tỉnh ủy ghi nhận kết quả của Hội. Đề nghị Thường trực Hội phát huy vai trò nòng cốt trong phong trào thi đua. Rà soát, thực hiện có hiệu quả chương trình công tác năm 2028.",
			typ:  "tong_ket", period: "year 2027",
			tasks: []string{"Thường trực Hội phát huy vai trò nòng cốt trong phong trào thi đua", "Rà soát, thực hiện có hiệu quả chương trình công tác năm 2028"}},
		{name: "a request for any work, then đồng thời after a semicolon", headline: "Giao ban công tác Mặt trận phường quý III năm 2027",
			text: "Ngày 9/10/2027, Ủy ban MTTQ Việt Nam phường An Lạc tổ chức hội nghị giao ban công tác Mặt trận quý III năm 2027. Kết luận hội nghị, ông Trần Văn Bình đề nghị Ban Công tác Mặt trận khu dân cư phát huy tinh thần đoàn kết; đồng thời tiếp tục nắm bắt tâm tư của nhân dân.",
			typ:  "so_ket", period: "Q3 2027",
			tasks: []string{"Ban Công tác Mặt trận khu dân cư phát huy tinh thần đoàn kết", "tiếp tục nắm bắt tâm tư của nhân dân"}},
		{name: "documents listed after semicolons stay in one task", headline: "Tổng kết thực hiện dân chủ ở cơ sở năm 2027",
			text: "Ngày 8/1/2028, Ban Chỉ đạo huyện tổ chức hội nghị tổng kết thực hiện dân chủ ở cơ sở năm 2027. Phát biểu kết luận, đồng chí Phó Bí thư Huyện ủy đề nghị thời gian tới các cấp ủy tổ chức thực hiện Luật thực hiện dân chủ ở cơ sở; Nghị định số 59/2023/NĐ-CP của Chính phủ; tăng cường đối thoại với nhân dân.",
			typ:  "tong_ket", period: "year 2027",
			tasks: []string{"các cấp ủy tổ chức thực hiện Luật thực hiện dân chủ ở cơ sở; Nghị định số 59/2023/NĐ-CP của Chính phủ", "tăng cường đối thoại với nhân dân"}},
		{name: "the focus of tasks a launch named", headline: "Hội nghị triển khai công tác Mặt trận năm 2027",
			text:  "Ngày 10/2/2027, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị triển khai nhiệm vụ trọng tâm công tác Mặt trận năm 2027.\nTrong đó, tập trung vận động nhân dân giữ gìn an ninh trật tự; nâng cao chất lượng giám sát, phản biện xã hội.",
			typ:   "trien_khai",
			tasks: []string{"tập trung vận động nhân dân giữ gìn an ninh trật tự", "nâng cao chất lượng giám sát, phản biện xã hội"}},
		{name: "a congress report's focus", headline: "Đại hội Hội Nông dân xã nhiệm kỳ 2027 - 2032",
			text:  "Ngày 5/3/2027, Hội Nông dân xã Tân Lập tổ chức đại hội nhiệm kỳ 2027 - 2032. Đại biểu góp ý báo cáo phương hướng nhiệm kỳ 2027 - 2032, trong đó chủ yếu tập trung phát triển sản xuất rau an toàn; đồng thời duy trì nghề chăn nuôi bò sữa.",
			typ:   "other",
			tasks: []string{"phát triển sản xuất rau an toàn", "duy trì nghề chăn nuôi bò sữa"}},
		{name: "the main activities ahead", headline: "Hội LHPN tỉnh triển khai nhiệm vụ năm 2027",
			text:  "Ngày 20/1/2027, Hội LHPN tỉnh tổ chức hội nghị Ban Chấp hành. Các hoạt động trọng tâm sẽ tập trung vào việc tổ chức mừng Đảng, mừng Xuân; chăm lo hội viên có hoàn cảnh khó khăn.",
			typ:   "trien_khai",
			tasks: []string{"tổ chức mừng Đảng, mừng Xuân", "chăm lo hội viên có hoàn cảnh khó khăn"}},
		{name: "a decision to go on", headline: "Hội LHPN tỉnh triển khai nhiệm vụ năm 2027",
			text:  "Ngày 20/1/2027, Hội LHPN tỉnh tổ chức hội nghị Ban Chấp hành. Triển khai chủ đề năm 2027 của Trung ương Hội, Hội LHPN tỉnh xác định tiếp tục phát động phong trào thi đua; tổ chức các hoạt động hướng về cơ sở.",
			typ:   "trien_khai",
			tasks: []string{"tiếp tục phát động phong trào thi đua", "tổ chức các hoạt động hướng về cơ sở"}},
		{name: "what the year is, then what follows from it", headline: "Triển khai công tác Mặt trận năm 2027",
			text:  "Ngày 12/2/2027, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị triển khai công tác Mặt trận năm 2027. Phát biểu kết luận, đồng chí Chủ tịch nhấn mạnh năm 2027 là năm tổ chức đại hội các cấp. Vì vậy Mặt trận các huyện, thành phố cần tham gia góp ý văn kiện. Đồng thời, tăng cường giám sát, phản biện xã hội.",
			typ:   "trien_khai",
			tasks: []string{"Mặt trận các huyện, thành phố cần tham gia góp ý văn kiện", "tăng cường giám sát, phản biện xã hội"}},
		{name: "the tasks a leader directs after a colon", headline: "Giao ban khối đoàn thể quý I năm 2027",
			text: "Ngày 5/4/2027, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác quý I năm 2027. Phát biểu tại hội nghị, đồng chí Phó Bí thư Thường trực Huyện ủy chỉ đạo các nhiệm vụ cần thực hiện tốt trong quý II năm 2027: Cần rà soát các kế hoạch của năm; Mặt trận cần tập trung tuyên truyền bầu cử trưởng thôn.",
			typ:  "so_ket", period: "Q1 2027",
			tasks: []string{"Cần rà soát các kế hoạch của năm", "Mặt trận cần tập trung tuyên truyền bầu cử trưởng thôn"}},
		{name: "nêu rõ with the year ahead directs", headline: "Tổng kết công tác dân vận năm 2026",
			text: "Sáng 5/1/2027, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Phát biểu kết luận hội nghị, đồng chí Trưởng ban nêu rõ năm 2027, công tác dân vận sẽ phải được tiếp tục đẩy mạnh; tăng cường đối thoại với nhân dân.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"công tác dân vận sẽ phải được tiếp tục đẩy mạnh", "tăng cường đối thoại với nhân dân"}},
		{name: "a report's nêu rõ states no task", headline: "Tổng kết công tác dân vận năm 2026",
			text: "Sáng 5/1/2027, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Báo cáo tại hội nghị nêu rõ một số hạn chế cần khắc phục trong công tác nắm tình hình nhân dân.",
			typ:  "tong_ket", period: "year 2026"},
		{name: "the next year opens a sentence inside a paragraph", headline: "Hội Nông dân huyện tổng kết năm 2026",
			text: "Ngày 20/12/2026, Hội Nông dân huyện tổ chức tổng kết công tác năm 2026. Năm 2026, các cấp hội đã vận động nông dân phát triển sản xuất. Năm 2027, Hội Nông dân huyện phấn đấu 90% hội viên được tuyên truyền pháp luật; xây dựng 5 mô hình kinh tế tập thể.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"Hội Nông dân huyện phấn đấu 90% hội viên được tuyên truyền pháp luật", "xây dựng 5 mô hình kinh tế tập thể"}},
		{name: "a direction's list after như and a colon", headline: "Mặt trận phường tổng kết năm 2026",
			text: "Ngày 8/1/2027, Ủy ban MTTQ Việt Nam phường 3 tổ chức hội nghị tổng kết công tác Mặt trận năm 2026. Phát biểu tại hội nghị, ông Lê Văn Tâm thống nhất với kết quả năm 2026 và lưu ý một số nội dung như: Thường xuyên tuyên truyền trên trang điện tử; cần nâng cao chất lượng giám sát.",
			typ:  "tong_ket", period: "year 2026",
			tasks: []string{"Thường xuyên tuyên truyền trên trang điện tử", "cần nâng cao chất lượng giám sát"}},
		{name: "the tasks set out after gồm:", headline: "Tổng kết công tác Mặt trận năm 2025",
			text: "Ngày 14/1/2026, Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị tổng kết công tác Mặt trận năm 2025. Trong đó, 3 nhiệm vụ được đề ra gồm: Đẩy mạnh công tác tuyên truyền, vận động nhân dân. Đại diện, bảo vệ quyền, lợi ích hợp pháp của nhân dân; nâng cao chất lượng giám sát, phản biện xã hội.",
			typ:  "tong_ket", period: "year 2025",
			tasks: []string{"Đẩy mạnh công tác tuyên truyền, vận động nhân dân", "Đại diện, bảo vệ quyền, lợi ích hợp pháp của nhân dân", "nâng cao chất lượng giám sát, phản biện xã hội"}},
		{name: "a past year's focus is no task", headline: "Tổng kết công tác Hội năm 2026",
			text: "Ngày 5/1/2027, Hội Nông dân huyện tổ chức hội nghị tổng kết công tác Hội năm 2026. Năm 2026, Hội đã thực hiện tốt các nhiệm vụ, trong đó tập trung tuyên truyền pháp luật cho hội viên.",
			typ:  "tong_ket", period: "year 2026"},
		{name: "a demand met is no request", headline: "Tổng kết công tác dân vận năm 2026",
			text: "Ngày 5/1/2027, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2026. Đồng chí Bí thư Tỉnh ủy biểu dương đội ngũ cán bộ đã bám sát yêu cầu nhiệm vụ chính trị, tích cực tuyên truyền, vận động nhân dân.",
			typ:  "tong_ket", period: "year 2026"},
		// Round eight (issue 12): plans and requests seen in the
		// development set, written here in other words.
		{name: "a month's plans written as what the board does", headline: "Giao ban công tác dân vận 6 tháng đầu năm 2027",
			text: "Ngày 3/7/2027, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận 6 tháng đầu năm 2027. Các đoàn thể đã thực hiện tốt nhiệm vụ đề ra. Trong tháng 8-2027, Ban Dân vận phối hợp với Hội Nông dân huyện tổ chức tọa đàm về xây dựng nông thôn mới; tham mưu Huyện ủy kiểm tra công tác dân vận ở cơ sở.",
			typ:  "so_ket", period: "H1 2027",
			tasks: []string{"Ban Dân vận phối hợp với Hội Nông dân huyện tổ chức tọa đàm về xây dựng nông thôn mới", "tham mưu Huyện ủy kiểm tra công tác dân vận ở cơ sở"}},
		{name: "the rest of the year named as the tasks' topic, with joint subjects", headline: "Giao ban công tác dân vận tháng 8 năm 2027",
			text:  "Ngày 25/8/2027, Ban Dân vận Huyện ủy Châu Thành tổ chức hội nghị giao ban công tác dân vận tháng 8 năm 2027. Các đoàn thể đã thực hiện tốt nhiệm vụ.\nVề nhiệm vụ những tháng cuối năm 2027, Ban Dân vận Huyện ủy, các xã, thị trấn tiếp tục tăng cường nắm tình hình nhân dân.",
			typ:   "so_ket",
			tasks: []string{"Ban Dân vận Huyện ủy, các xã, thị trấn tiếp tục tăng cường nắm tình hình nhân dân"}},
		{name: "a month's briefing is an interim review with no period", headline: "Giao ban công tác báo chí tháng 10",
			text: "Ngày 2/11/2027, Ban Tuyên giáo và Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác báo chí tháng 10, định hướng tuyên truyền tháng 11/2027.",
			typ:  "so_ket"},
		{name: "a launch of a resolution called chuyên đề is a launch", headline: "Hội LHPN tỉnh triển khai nghị quyết chuyên đề",
			text: "Ngày 20/5/2027, Ban Thường vụ Hội LHPN tỉnh tổ chức Hội nghị triển khai nghị quyết chuyên đề về phát triển tổ chức Hội.",
			typ:  "trien_khai"},
		{name: "a month long past the meeting sets nothing", headline: "Giao ban công tác dân vận 6 tháng đầu năm 2027",
			text: "Ngày 3/7/2027, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận 6 tháng đầu năm 2027. Trong tháng 3-2027, Ban Dân vận phối hợp với Hội Nông dân huyện tổ chức tọa đàm về xây dựng nông thôn mới.",
			typ:  "so_ket", period: "H1 2027"},
		{name: "a speaker's request after the time phrase", headline: "Sơ kết công tác dân vận 6 tháng đầu năm 2027",
			text: "Ngày 9/7/2027, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2027. Kết luận hội nghị, đồng chí Trưởng Ban đánh giá cao kết quả đạt được. Về nhiệm vụ trong thời gian tới, đồng chí đề nghị các địa phương bám sát cơ sở, nắm chắc tình hình nhân dân.",
			typ:  "so_ket", period: "H1 2027",
			tasks: []string{"các địa phương bám sát cơ sở, nắm chắc tình hình nhân dân"}},
		{name: "Trước mắt and Cùng với đó go on after a request", headline: "Đảng ủy phường Tân An tổng kết năm 2027",
			text: "Ngày 15/1/2028, Đảng ủy phường Tân An tổ chức hội nghị tổng kết công tác năm 2027. Phát biểu tại hội nghị, đồng chí Bí thư Đảng ủy yêu cầu cán bộ phường tiếp tục giữ vững đoàn kết.\nĐồng chí Bí thư Đảng ủy phát biểu tại hội nghị\nTrước mắt, các đơn vị cần chuẩn bị tốt công tác bầu cử. Cùng với đó, tổ chức các hoạt động chào mừng kỷ niệm 98 năm Ngày thành lập Đảng; đồng thời chăm lo Tết cho hộ nghèo.",
			typ:  "tong_ket", period: "year 2027",
			tasks: []string{"cán bộ phường tiếp tục giữ vững đoàn kết", "các đơn vị cần chuẩn bị tốt công tác bầu cử", "tổ chức các hoạt động chào mừng kỷ niệm 98 năm Ngày thành lập Đảng", "chăm lo Tết cho hộ nghèo"}},
		// Round nine (issue 12): requests, hopes and launches seen in the
		// development set, written here in other words.
		{name: "a leader's hope for the time ahead directs", headline: "Hội Cựu chiến binh xã sơ kết 6 tháng đầu năm 2027",
			text: "Ngày 5/7/2027, Hội Cựu chiến binh xã tổ chức hội nghị sơ kết công tác Hội 6 tháng đầu năm 2027. Phát biểu tại hội nghị, đồng chí Bí thư Đảng ủy ghi nhận kết quả của Hội. Đồng chí mong rằng thời gian tới, Hội tiếp tục làm tốt công tác tuyên truyền trong hội viên.",
			typ:  "so_ket", period: "H1 2027",
			tasks: []string{"Hội tiếp tục làm tốt công tác tuyên truyền trong hội viên"}},
		{name: "a request for after the meeting directs", headline: "Mặt trận xã tổng kết năm 2027",
			text: "Ngày 20/12/2027, Ủy ban MTTQ xã tổ chức hội nghị tổng kết công tác Mặt trận năm 2027. Phát biểu chỉ đạo, đồng chí Phó Chủ tịch Ủy ban MTTQ huyện đề nghị, sau khi hội nghị kết thúc, Ban Thường trực MTTQ xã hoàn thiện báo cáo gửi huyện.",
			typ:  "tong_ket", period: "year 2027",
			tasks: []string{"Ban Thường trực MTTQ xã hoàn thiện báo cáo gửi huyện"}},
		{name: "a request saying what its addressee needs to do directs without a speaker", headline: "Huyện đoàn phát động thi đua",
			text:  "Ngày 8/1/2028, Huyện đoàn tổ chức phát động thi đua chào mừng Đại hội Đoàn các cấp. Đồng thời yêu cầu các chi đoàn cần chủ động xây dựng kế hoạch; tổ chức tốt các hoạt động tình nguyện.",
			typ:   "trien_khai",
			tasks: []string{"các chi đoàn cần chủ động xây dựng kế hoạch", "tổ chức tốt các hoạt động tình nguyện"}},
		{name: "a national online launch and the year's work it sets", headline: "Hội nghị trực tuyến triển khai công tác năm 2028",
			text:  "Ngày 10/3/2028, Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị trực tuyến toàn quốc hướng dẫn, triển khai công tác Mặt trận năm 2028.\nNăm 2028, Ủy ban Trung ương MTTQ Việt Nam tập trung hướng dẫn tổ chức Ngày hội Đại đoàn kết; tiếp tục đổi mới nội dung hoạt động.",
			typ:   "trien_khai",
			tasks: []string{"Ủy ban Trung ương MTTQ Việt Nam tập trung hướng dẫn tổ chức Ngày hội Đại đoàn kết", "tiếp tục đổi mới nội dung hoạt động"}},
		{name: "what the coming year demands of its addressee directs", headline: "Xã Tân Lập tổng kết năm 2027",
			text: "Ngày 10/1/2028, Đảng ủy xã Tân Lập tổ chức hội nghị tổng kết công tác năm 2027. Phát biểu tại hội nghị, đồng chí Bí thư Đảng ủy ghi nhận kết quả. Đồng chí nhấn mạnh, năm 2028 là năm bản lề, đòi hỏi các chi bộ tiếp tục đổi mới phương thức lãnh đạo.",
			typ:  "tong_ket", period: "year 2027",
			tasks: []string{"các chi bộ tiếp tục đổi mới phương thức lãnh đạo"}},
		{name: "a paragraph opening with the reviewed year after a purpose is a report", headline: "Đảng ủy xã Tân Lập tổng kết năm 2027",
			text: "Ngày 10/1/2028, Đảng ủy xã Tân Lập tổ chức hội nghị tổng kết năm 2027. Hội nghị nhằm đánh giá kết quả đạt được, từ đó xác định rõ nhiệm vụ và các giải pháp trọng tâm cho năm 2028.\nNăm 2027, Đảng bộ xã đã tập trung lãnh đạo toàn diện và đạt nhiều kết quả.",
			typ:  "tong_ket", period: "year 2027"},
		{name: "gifts handed out are no award", headline: "Hội LHPN tỉnh trao quà cho phụ nữ khó khăn",
			text: "Ngày 5/12/2027, Hội LHPN tỉnh tổ chức trao tặng 120 suất quà và 2 “Mái ấm tình thương” cho hội viên nghèo.",
			typ:  "other"},
		{name: "a campaign held over months is not the meeting's lead", headline: "Ra quân chiến dịch tình nguyện hè",
			text: "Chiến dịch thanh niên tình nguyện hè được tổ chức từ tháng 6 đến tháng 8 năm 2027.\nSáng ngày 4/6/2027, xã Đoàn đã tổ chức lễ ra quân Chiến dịch Thanh niên tình nguyện hè năm 2027.",
			typ:  "trien_khai"},
		{name: "plans written as what the Front does, a later year inside", headline: "Mặt trận tỉnh tổng kết năm 2027",
			text: "Ngày 12/1/2028, Ủy ban MTTQ tỉnh tổ chức hội nghị tổng kết công tác Mặt trận năm 2027. Năm 2027, Mặt trận các cấp vận động xây dựng 300 căn nhà.\nMặt trận các cấp tập trung tuyên truyền Nghị quyết Đại hội; chủ động nắm tình hình nhân dân; tham gia tổ chức thành công cuộc bầu cử nhiệm kỳ 2028 - 2033.\nCông tác giám sát được triển khai đồng bộ; Đại hội nhiệm kỳ 2027-2032 được tổ chức thành công.",
			typ:  "tong_ket", period: "year 2027",
			tasks: []string{"Mặt trận các cấp tập trung tuyên truyền Nghị quyết Đại hội", "chủ động nắm tình hình nhân dân", "tham gia tổ chức thành công cuộc bầu cử nhiệm kỳ 2028 - 2033"}},
		{name: "an emulation congress reviews, the stage in its name is the one it opens", headline: "Đại hội thi đua yêu nước tỉnh lần thứ VII",
			text: "Ngày 20/9/2030, UBND tỉnh tổ chức Đại hội thi đua yêu nước lần thứ VII (2030-2035). 250 tập thể, cá nhân tiêu biểu được biểu dương.",
			typ:  "tong_ket"},
		{name: "a press briefing is thematic", headline: "Hội LHPN tỉnh họp báo về Đại hội",
			text: "Ngày 4/10/2026, Hội LHPN tỉnh tổ chức họp báo tuyên truyền về Đại hội đại biểu phụ nữ tỉnh nhiệm kỳ 2026-2031.",
			typ:  "chuyen_de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := Extract(context.Background(), []byte(tt.headline+"\n"+tt.text+"\nPhóng viên"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if rec.EventType != tt.typ {
				t.Errorf("event type %q, want %q", rec.EventType, tt.typ)
			}
			if got := periodKey(rec.Period); got == nil && tt.period != "" || got != nil && *got != tt.period {
				t.Errorf("period %s, want %q", show(rec, "period"), tt.period)
			}
			if !sameList(taskKeys(rec.Tasks), taskKeys(tt.tasks)) {
				t.Errorf("tasks %q, want %q", rec.Tasks, tt.tasks)
			}
			checkGrounded(t, rec)
		})
	}
}

// TestHeadlineWithFullStop: a first line written as a sentence, with its
// full stop, over the page's date line is the headline, so the organizer
// comes from the body's first sentence.
func TestHeadlineWithFullStop(t *testing.T) {
	doc := "Ủy ban MTTQ Việt Nam huyện Mê Linh tổ chức Hội nghị giao ban công tác Mặt trận quý III năm 2018.\n\n14/09/2018 - 03:12 PM\n\n" +
		"Sáng ngày 13/9/2018, Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mê Linh tổ chức hội nghị giao ban công tác Mặt trận quý III năm 2018 với nội dung kiểm điểm công tác Mặt trận quý III và triển khai nhiệm vụ công tác Mặt trận quý IV năm 2018.\n"
	rec, err := Extract(context.Background(), []byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Ủy ban MTTQ Việt Nam huyện Mê Linh tổ chức Hội nghị giao ban công tác Mặt trận quý III năm 2018."; rec.Title != want {
		t.Errorf("title %q, want %q", rec.Title, want)
	}
	if got := show(rec, "organizer"); got != `"Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mê Linh"` {
		t.Errorf("organizer %s, want the body's first sentence's", got)
	}
}

// TestCapitalHeadlineWithFullStop: a first line in capitals is the
// headline even with a full stop, so the organizer is written as in the
// body's sentence, not in capitals.
func TestCapitalHeadlineWithFullStop(t *testing.T) {
	doc := "HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG 3 TỔ CHỨC HỘI NGHỊ SƠ KẾT CÔNG TÁC HỘI QUÝ II NĂM 2027.\n\n" +
		"Sáng ngày 8/7/2027, Hội Liên hiệp Phụ nữ phường 3 tổ chức hội nghị sơ kết công tác Hội quý II năm 2027.\n"
	rec, err := Extract(context.Background(), []byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG 3 TỔ CHỨC HỘI NGHỊ SƠ KẾT CÔNG TÁC HỘI QUÝ II NĂM 2027."; rec.Title != want {
		t.Errorf("title %q, want %q", rec.Title, want)
	}
	if got := show(rec, "organizer"); got != `"Hội Liên hiệp Phụ nữ phường 3"` {
		t.Errorf("organizer %s, want the body's sentence's", got)
	}
}

// Round ten: rules read from the text's form and the genre's grammar.

// TestWrappedText: an excerpt whose lines were cut inside its sentences
// (a name and a body split at the line's end, a date on the next line)
// is read as running text; a caption and the headline keep their lines.
func TestWrappedText(t *testing.T) {
	doc := "Hội nghị tổng kết công tác Mặt trận năm 2030\n" +
		"Sáng ngày\n12/12/2030 tại hội trường xã, Ban Thường trực Ủy ban\n" +
		"MTTQ xã Hòa\nPhú tổ chức hội nghị tổng kết công tác Mặt trận năm\n" +
		"2030. Dự hội nghị có đồng chí Trần\nVăn Khải – Phó Bí thư Đảng ủy xã.\n" +
		"Quang cảnh hội nghị\nHội nghị đã nghe báo cáo kết quả công tác năm 2030, trong năm\n" +
		"các cấp Mặt trận vận động được 35 suất quà, giúp đỡ các hộ\nnghèo trên địa bàn.\n"
	rec, err := Extract(context.Background(), []byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(rec, "organizer"); got != `"Ban Thường trực Ủy ban MTTQ xã Hòa Phú"` {
		t.Errorf("organizer %s", got)
	}
	if rec.EventDate == nil || *rec.EventDate != "2030-12-12" {
		t.Errorf("date %v, want 2030-12-12", rec.EventDate)
	}
	if len(rec.Attendees) != 1 || rec.Attendees[0].Name != "Trần Văn Khải" {
		t.Errorf("attendees %+v, want Trần Văn Khải", rec.Attendees)
	}
	if rec.Title != "Hội nghị tổng kết công tác Mặt trận năm 2030" {
		t.Errorf("title %q: the headline stands alone", rec.Title)
	}
	d := prepare([]byte(doc))
	for _, b := range d.blocks {
		if strings.HasPrefix(d.str(b), "Quang cảnh hội nghị Hội nghị") {
			t.Errorf("a caption was joined to the next sentence: %q", d.str(b))
		}
	}
	// The same lines in a text that is not wrapped stay apart.
	plain := "Dự hội nghị có đồng chí Lê Văn Nam.\nQuang cảnh Hội\nNgày 5/1/2030, Hội Nông dân xã tổ chức hội nghị.\n"
	for _, b := range prepare([]byte(plain)).blocks {
		if strings.Contains(prepare([]byte(plain)).str(b), "Hội Ngày") {
			t.Errorf("joined lines in an unwrapped text")
		}
	}
}

// TestNumberedPlaceInHeadline: a ward named by its number in the
// headline gives the organizer its place.
func TestNumberedPlaceInHeadline(t *testing.T) {
	doc := "Phường 1 tổ chức Hội nghị nhân dân tháng 5 năm 2030\n\nNgày 26/5/2030, Ban thường trực Ủy ban MTTQ Việt Nam phối hợp cùng UBND phường tổ chức Hội nghị nhân dân tháng 5 năm 2030.\n"
	rec, err := Extract(context.Background(), []byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(rec, "organizer"); got != `"Ban thường trực Ủy ban MTTQ Việt Nam Phường 1"` {
		t.Errorf("organizer %s", got)
	}
	if rec.Level == nil || *rec.Level != "commune" {
		t.Errorf("level %s, want commune", show(rec, "level"))
	}
}

// TestListItemsStayApart: in a wrapped text a list item keeps its line.
func TestListItemsStayApart(t *testing.T) {
	for _, l := range []string{"- Tiếp tục tuyên truyền", "+ Đẩy mạnh", "1. Tập trung", "a) Vận động", "• Phối hợp"} {
		if !listItem(l) {
			t.Errorf("%q is a list item", l)
		}
	}
	for _, l := range []string{"Tiếp tục", "12/12/2030 tại", "2030. Dự", "UBND xã"} {
		if listItem(l) {
			t.Errorf("%q is no list item", l)
		}
	}
}

func TestRulesRoundTen(t *testing.T) {
	tests := []struct {
		name, text string
		check      func(Record) string
	}{
		{"money written against its number", "Ngày 5/1/2030, Hội Nông dân xã tổ chức hội nghị. Quỹ hỗ trợ nông dân đã vận động được 113.790.000đ cho hội viên.",
			func(r Record) string {
				for _, f := range r.Figures {
					if f.Value == 113790000 && f.Unit == "đồng" {
						return ""
					}
				}
				return "no 113790000 đồng in " + show(r, "figures")
			}},
		{"UB for Ủy ban", "Chiều ngày 11/01/2030 UB Mặt trận Tổ quốc xã Xuân Hòa tổ chức Hội nghị tổng kết công tác mặt trận năm 2029.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"UB Mặt trận Tổ quốc xã Xuân Hòa"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "commune" {
					return "level not commune"
				}
				return ""
			}},
		{"dự và chủ trì presides", "Ngày 9/1/2030, Ban Chỉ đạo huyện tổ chức hội nghị. Đồng chí Phạm Văn Tùng, Phó Bí thư Thường trực Huyện ủy dự và chủ trì hội nghị.",
			func(r Record) string {
				if len(r.Chairs) != 1 || r.Chairs[0].Name != "Phạm Văn Tùng" || len(r.Attendees) != 0 {
					return "chairs " + show(r, "chairs") + " attendees " + show(r, "attendees")
				}
				return ""
			}},
		{"a proposal for awards is no task", "Ngày 5/12/2030, Ủy ban MTTQ huyện tổ chức hội nghị bình xét thi đua năm 2030. Ban Thường trực đề nghị Hội đồng Thi đua - Khen thưởng các cấp xét khen thưởng cuối năm 2030.",
			func(r Record) string {
				if len(r.Tasks) != 0 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a numbered meeting that assesses the year reviews it", "Ngày 29/1/2031, Ban Thường trực Ủy ban MTTQ tỉnh đã tổ chức hội nghị lần thứ 4, khóa VII nhằm đánh giá hoạt động công tác Mặt trận năm 2030, triển khai nhiệm vụ chương trình công tác năm 2031.",
			func(r Record) string {
				if r.EventType != TypeTongKet || r.Period == nil || r.Period.Year == nil || *r.Period.Year != 2030 {
					return "type " + r.EventType + " period " + show(r, "period")
				}
				return ""
			}},
		{"an annual meeting hearing the year's report reviews the year", "Ngày 30/12/2030, Ủy ban Trung ương MTTQ Việt Nam đã tổ chức hội nghị thường niên lần thứ 4 tại Hà Nội. Hội nghị đã thảo luận và thông qua: Báo cáo tóm tắt kết quả công tác Mặt trận năm 2030 và Chương trình phối hợp năm 2031.",
			func(r Record) string {
				if r.EventType != TypeTongKet || r.Period == nil || r.Period.Year == nil || *r.Period.Year != 2030 {
					return "type " + r.EventType + " period " + show(r, "period")
				}
				return ""
			}},
		{"a meeting that is not annual hearing a report is not thereby a review", "Ngày 30/12/2030, Huyện ủy tổ chức hội nghị gặp mặt người có uy tín. Các đại biểu nghe lãnh đạo huyện báo cáo tóm tắt kết quả công tác năm 2030.",
			func(r Record) string {
				if r.EventType == TypeTongKet {
					return "type " + r.EventType
				}
				return ""
			}},
		{"a directive's 'tổ chức' holds no meeting", "Đồng chí Nguyễn Văn Phú phát biểu kết luận hội nghị giao ban công tác dân vận quý III năm 2030 vào chiều 6/10/2030. Tham mưu tổ chức tốt các cuộc tiếp xúc, đối thoại của người đứng đầu cấp ủy với nhân dân.",
			func(r Record) string {
				if r.EventType != TypeSoKet {
					return "type " + r.EventType
				}
				return ""
			}},
		{"rating the year's work reviews the year", "Sáng ngày 5/12/2030, Ban Thường trực Ủy ban MTTQ huyện tổ chức hội nghị bình xét thi đua – khen thưởng công tác Mặt trận năm 2030.",
			func(r Record) string {
				if r.EventType != TypeTongKet || r.Period == nil || r.Period.Year == nil || *r.Period.Year != 2030 {
					return "type " + r.EventType + " period " + show(r, "period")
				}
				return ""
			}},
		{"rating a half year's work reviews the half year", "Sáng ngày 5/7/2030, Hội Nông dân huyện tổ chức hội nghị bình xét thi đua 6 tháng đầu năm 2030.",
			func(r Record) string {
				if r.EventType != TypeSoKet {
					return "type " + r.EventType
				}
				return ""
			}},
		{"a meeting held with the year's review reviews that year", "Sáng ngày 12/12/2030, Đoàn TNCS Hồ Chí Minh tỉnh Kon Tum tổ chức Hội nghị Ban Chấp hành Tỉnh đoàn lần thứ II, gắn với tổng kết công tác đoàn và phong trào thanh thiếu nhi năm 2030.",
			func(r Record) string {
				if r.EventType != TypeTongKet || r.Period == nil || r.Period.Year == nil || *r.Period.Year != 2030 {
					return "type " + r.EventType + " period " + show(r, "period")
				}
				return ""
			}},
		{"praise is no review", "Ngày 29/1/2031, Ban Thường trực Ủy ban MTTQ tỉnh đã tổ chức hội nghị lần thứ 4. Đồng chí Bí thư đánh giá cao công tác Mặt trận năm 2030 và triển khai nhiệm vụ năm 2031.",
			func(r Record) string {
				if r.EventType == TypeTongKet {
					return "type " + r.EventType
				}
				return ""
			}},
		{"a Central Highlands name with a spaced apostrophe", "Ngày 23/9/2030, tại xã, đồng chí Rah Lan H’ Thanh- Phó Bí thư Thường trực Đảng ủy xã chủ trì hội nghị.",
			func(r Record) string {
				if len(r.Chairs) != 1 || r.Chairs[0].Name != "Rah Lan H’ Thanh" {
					return "chairs " + show(r, "chairs")
				}
				return ""
			}},
		{"a city's youth union is no person", "Ngày 26/3/2030, Thành Đoàn Tuy Hòa tổ chức kỷ niệm 99 năm Ngày thành lập Đoàn. Dịp này, Thành Đoàn Tuy Hòa tuyên dương 02 cán bộ Đoàn tiêu biểu.",
			func(r Record) string {
				if len(r.Attendees)+len(r.Chairs) != 0 {
					return "people " + show(r, "attendees")
				}
				if r.Level == nil || *r.Level != "district" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a centrally governed city's youth union is a province's", "Ngày 26/3/2030, Thành Đoàn Hà Nội tổ chức hội nghị tổng kết công tác Đoàn năm 2029.",
			func(r Record) string {
				if r.Level == nil || *r.Level != "province" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a family name Đoàn after a lower-case level word is still a name", "Ngày 5/1/2030, Ban Dân vận Huyện ủy tổ chức hội nghị. Dự hội nghị có đồng chí Phó Chủ tịch UBND huyện Đoàn Minh Tâm.",
			func(r Record) string {
				if len(r.Attendees) != 1 || r.Attendees[0].Name != "Đoàn Minh Tâm" {
					return "attendees " + show(r, "attendees")
				}
				return ""
			}},
		{"honourees commended at the meeting are figures", "Ngày 5/1/2030, Hội Cựu chiến binh huyện tổ chức hội nghị tổng kết năm 2029. Tại hội nghị, có 03 tập thể và 05 cá nhân được Chủ tịch UBND huyện tặng Giấy khen.",
			func(r Record) string {
				if got := show(r, "figures"); got != `["3 tập thể","5 cá nhân"]` {
					return "figures " + got
				}
				return ""
			}},
		{"those the meeting gathered are not", "Ngày 5/1/2030, Hội Cựu chiến binh huyện tổ chức hội nghị tổng kết năm 2029. Tại hội nghị, có 120 hội viên được nghe phổ biến nghị quyết.",
			func(r Record) string {
				if len(r.Figures) != 0 {
					return "figures " + show(r, "figures")
				}
				return ""
			}},
		{"membership growth beside its total", "Ngày 5/1/2030, Hội Nông dân huyện tổ chức hội nghị tổng kết năm 2029. Toàn huyện hiện có 6.834 hội viên, tăng 682 hội viên so năm 2028.",
			func(r Record) string {
				if got := show(r, "figures"); got != `["682 hội viên"]` {
					return "figures " + got
				}
				return ""
			}},
		{"a count that achieves", "Ngày 5/1/2030, Ban Dân vận huyện tổ chức hội nghị tổng kết năm 2029. Trong năm có 45 chùa đạt danh hiệu văn hóa, 29 xứ họ, giáo đạt chuẩn và 12 thôn đạt chuẩn nông thôn mới.",
			func(r Record) string {
				if got := show(r, "figures"); got != `["45 chùa","29 xứ họ, giáo","12 thôn"]` {
					return "figures " + got
				}
				return ""
			}},
		{"chỉ đạo with its addressee directs", "Ngày 5/1/2030, Hội Cựu chiến binh huyện tổ chức hội nghị tổng kết năm 2029. Tại hội nghị, ông Lê Văn Lợi, Phó Bí thư Huyện ủy đã phát biểu chỉ đạo Hội Cựu chiến binh huyện tiếp tục phát huy kết quả đạt được trong năm 2029.",
			func(r Record) string {
				if len(r.Tasks) != 1 || !strings.HasPrefix(r.Tasks[0], "Hội Cựu chiến binh huyện tiếp tục") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"chỉ đạo hội nghị names no addressee", "Ngày 5/1/2030, Hội Cựu chiến binh huyện tổ chức hội nghị tổng kết năm 2029. Ông Lê Văn Lợi, Phó Bí thư Huyện ủy phát biểu chỉ đạo hội nghị, tiếp tục khẳng định vai trò của Hội.",
			func(r Record) string {
				if len(r.Tasks) != 0 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a review named after a body's work is that body's", "Tại Hội nghị tổng kết, ông Lê Văn Lợi, Phó Bí thư Huyện ủy phát biểu. Nhìn chung, Hội nghị tổng kết công tác Hội Cựu chiến binh huyện Phú Quý năm 2029 diễn ra thành công.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Hội Cựu chiến binh huyện Phú Quý"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "district" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a written organizer wins over the review's name", "Ngày 5/1/2030, Huyện ủy Phú Quý tổ chức Hội nghị tổng kết công tác Hội Cựu chiến binh huyện năm 2029.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Huyện ủy Phú Quý"` {
					return "organizer " + got
				}
				return ""
			}},
		{"attendance in a later clause covers its own count", "Ngày 5/1/2030, Ủy ban MTTQ xã tổ chức hội nghị tổng kết năm 2029. Năm 2029, Mặt trận vận động được hơn 8 triệu đồng; tổ chức 01 buổi tiếp xúc cử tri, 06 hội nghị tiếp xúc cử tri với hơn 250 đại biểu cử tri tham dự; làm tốt công tác hòa giải",
			func(r Record) string {
				if got := show(r, "figures"); got != `["8000000 đồng","1 buổi","6 hội nghị"]` {
					return "figures " + got
				}
				return ""
			}},
		{"a list of those present runs on through its semicolons", "Ngày 5/1/2030, Ủy ban MTTQ quận tổ chức hội nghị. Chủ trì hội nghị có đồng chí Vũ Văn Hoạt, Trưởng Ban Dân vận Quận ủy; cùng dự có đồng chí Nguyễn Thị Hiền, Phó Chủ tịch UBND quận; đại diện lãnh đạo 18 phường.",
			func(r Record) string {
				if len(r.Figures) != 0 {
					return "figures " + show(r, "figures")
				}
				return ""
			}},
		{"a quoted plan loses its time phrase and keeps its second sentence", "Ngày 5/1/2031, Hội CCB thành phố tổ chức hội nghị tổng kết năm 2030. Phát biểu tại hội nghị, ông Nguyễn Văn Hưởng - Chủ tịch Hội CCB thành phố, nhấn mạnh: \"Năm 2031, Hội CCB thành phố tiếp tục đề ra 7 nhiệm vụ trọng tâm. Hội sẽ tiếp tục xây dựng các mô hình hiệu quả, hoàn thành biên niên sự kiện 35 năm Hội CCB thành phố.\"",
			func(r Record) string {
				want := []string{"Hội CCB thành phố tiếp tục đề ra 7 nhiệm vụ trọng tâm.", "Hội sẽ tiếp tục xây dựng các mô hình hiệu quả, hoàn thành biên niên sự kiện 35 năm Hội CCB thành phố"}
				if !reflect.DeepEqual(r.Tasks, want) {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a level word and Đoàn name a youth committee", "Ngày 25/1/2030, Xã đoàn Vĩnh Hanh, H.Châu Thành tổ chức Đại hội đại biểu Đoàn TNCS Hồ Chí Minh nhiệm kỳ 2030 - 2035. Tại đại hội, 60 đại biểu đại diện cho hơn 120 đoàn viên toàn xã đã bầu Ban Chấp hành.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Xã đoàn Vĩnh Hanh"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "commune" {
					return "level " + show(r, "level")
				}
				if len(r.Figures) != 0 {
					return "figures " + show(r, "figures")
				}
				return ""
			}},
		{"a request to go on is still a task", "Ngày 5/12/2030, Ủy ban MTTQ huyện tổ chức hội nghị tổng kết năm 2030. Đồng chí Bí thư đề nghị Mặt trận các xã tiếp tục làm tốt công tác khen thưởng trong năm 2031.",
			func(r Record) string {
				if len(r.Tasks) != 1 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Extract(context.Background(), []byte("Tin hoạt động\n"+tc.text+"\n"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tc.check(rec); msg != "" {
				t.Error(msg)
			}
			checkGrounded(t, rec)
		})
	}
}

// Round eleven: rules of the genre, each written in other words than the
// development article it came from.
func TestRulesRoundEleven(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(Record) string
	}{
		{"the central Front's committee keeps its abbreviation", "Chiều 12/3/2031, tại Đà Nẵng, Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) Việt Nam tổ chức Hội nghị Đoàn Chủ tịch lần thứ 5 khóa XI.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) Việt Nam"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "central" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a wish addressed to the bodies of the system directs", "Ngày 10/1/2031, Hội Nông dân tỉnh tổ chức hội nghị tổng kết công tác Hội năm 2030. Phát biểu kết luận, đồng chí Chủ tịch mong muốn các cấp hội tiếp tục vận động nông dân sản xuất giỏi; chú trọng công tác chuyển đổi số trong nông nghiệp.",
			func(r Record) string {
				want := []string{"các cấp hội tiếp tục vận động nông dân sản xuất giỏi", "chú trọng công tác chuyển đổi số trong nông nghiệp."}
				if !reflect.DeepEqual(r.Tasks, want) {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a meeting's purpose names the review", "Chiều 3/7/2031, Hội nghị Ban Thường vụ Hội Nông dân tỉnh lần thứ 4 đã khai mạc. Đồng chí Chủ tịch cho biết, đây là hội nghị thường kỳ nhằm sơ kết công tác Hội 6 tháng đầu năm 2031 và bàn các giải pháp cho thời gian còn lại.",
			func(r Record) string {
				if r.EventType != "so_ket" {
					return "event_type " + r.EventType
				}
				if got := show(r, "period"); !strings.Contains(got, `"part":"H1"`) || !strings.Contains(got, "2031") {
					return "period " + got
				}
				return ""
			}},
		{"a congress is dated by the term it opens", "Đại hội Hội Cựu chiến binh xã Tân Lập nhiệm kỳ 2032 - 2037\nTrong hai ngày 14-15/4, Hội Cựu chiến binh xã Tân Lập tổ chức Đại hội đại biểu lần thứ VIII, nhiệm kỳ 2032 – 2037.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2032-04-14"` {
					return "event_date " + got
				}
				return ""
			}},
		{"a meeting on drafts for a congress takes no year from its term", "Ngày 11/3, Huyện ủy tổ chức hội nghị góp ý vào dự thảo Báo cáo chính trị trình Đại hội đại biểu Đảng bộ huyện, nhiệm kỳ 2032 - 2037.",
			func(r Record) string {
				if r.EventDate != nil {
					return "event_date " + show(r, "event_date")
				}
				return ""
			}},
		{"two days with a dash month date the event", "Ngày 12 và 13-5-2031, Hội Nông dân huyện Krông Bông tổ chức hội nghị tập huấn cho cán bộ hội cơ sở.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2031-05-12"` {
					return "event_date " + got
				}
				return ""
			}},
		{"a launch of a term's resolutions is dated by the term", "Ngày 3/6, Ban Thường vụ Hội Nông dân tỉnh tổ chức Hội nghị triển khai nghị quyết chuyên đề của Ban Chấp hành Hội Nông dân tỉnh, nhiệm kỳ 2033-2038.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2033-06-03"` {
					return "event_date " + got
				}
				return ""
			}},
		{"a launch opening with its date is dated", "Tối ngày 4 tháng 9 năm 2031, tại nhà văn hóa tổ dân phố 3, UBND phường Hòa Thuận phối hợp cùng Khối dân vận phường phát động mô hình “Dân vận khéo” về giữ gìn vệ sinh môi trường.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2031-09-04"` {
					return "event_date " + got
				}
				return ""
			}},
		{"a launch among a period's activities dates nothing", "Trong 6 tháng đầu năm 2031, Hội phụ nữ huyện tuyên truyền phòng chống bạo lực gia đình, vận động hội viên giữ gìn vệ sinh môi trường. Phát động hưởng ứng tuần lễ áo dài từ ngày 1/3 đến 8/3/2031.",
			func(r Record) string {
				if r.EventDate != nil {
					return "event_date " + show(r, "event_date")
				}
				return ""
			}},
		{"a time and place cut off by a full stop date the next sentence's meeting", "Chiều ngày 19/12/2031, tại hội trường thôn Bản Chắt. Ban Công tác Mặt trận thôn Bản Chắt tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2031-12-19"` {
					return "event_date " + got
				}
				return ""
			}},
		{"the Front committee is named with its country where the article gives it", "Ủy ban MTTQ Việt Nam xã Hòa Phong tổng kết công tác năm 2031\nSáng ngày 20/12/2031, UBMTTQ xã Hòa Phong tổ chức Hội nghị tổng kết công tác Mặt trận năm 2031.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ủy ban MTTQ Việt Nam xã Hòa Phong"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a Front committee only spelt out is no fuller", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa Phong hội nghị lần thứ X\nSáng ngày 20/12/2031, UBMTTQ Việt Nam xã Hòa Phong tổ chức Hội nghị lần thứ X.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"UBMTTQ Việt Nam xã Hòa Phong"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a body with a bare level word takes the place another body of its sentence is written with", "Sáng ngày 8/7/2031, được sự nhất trí của Đảng ủy phường Hòa Minh, Ủy ban MTTQ Việt Nam phường đã tổ chức Hội nghị phản biện xã hội dự thảo báo cáo.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ủy ban MTTQ Việt Nam phường Hòa Minh"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a person after a level word is no place", "Sáng ngày 8/7/2031, Hội LHPN tỉnh tổ chức hội nghị. Dự hội nghị có đồng chí Phó Chủ tịch UBND tỉnh Lương Thị Hạnh.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Hội LHPN tỉnh"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a committee among joint organizers takes the shared place's name alone", "Ngày 2-6-2031, Ban Dân vận Tỉnh ủy, Ủy ban MTTQ tỉnh Hà Giang tổ chức Hội nghị biểu dương người có uy tín tiêu biểu.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ban Dân vận Tỉnh ủy Hà Giang"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a Party committee among joint organizers keeps the level word", "Ngày 2-6-2031, Đảng ủy, HĐND, UBND xã Tân Lập tổ chức hội nghị đối thoại.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Đảng ủy xã Tân Lập"` {
					return "organizer " + got
				}
				return ""
			}},
		{"the Front and the organizations as a group share the place after them", "Ngày 20/12/2031, tại hội trường huyện, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện Mường Khương tổ chức hội nghị tổng kết công tác năm 2031.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Mặt trận Tổ quốc huyện Mường Khương"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "district" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"the genre's compounds stay whole in a figure's unit", "Ngày 20/12/2031, Huyện đoàn tổ chức hội nghị tổng kết công tác Đoàn năm 2031. Trong năm, các cơ sở Đoàn thực hiện 45 phần việc thanh niên, bồi dưỡng 18 cán bộ đoàn và tặng quà 27 thanh thiếu nhi có hoàn cảnh khó khăn.",
			func(r Record) string {
				if got := show(r, "figures"); got != `["45 phần việc","18 cán bộ đoàn","27 thanh thiếu nhi"]` {
					return "figures " + got
				}
				return ""
			}},
		{"titled people listed with semicolons before the role all take it", "Chiều ngày 5/9/2031, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị trực tuyến. Tại điểm cầu huyện, Huyện ủy viên, Phó Chủ tịch Thường trực Ủy ban MTTQ Việt Nam huyện Trương Linh Sơn; Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện Mùa Thị Dính chủ trì hội nghị.",
			func(r Record) string {
				if got := show(r, "chairs"); !strings.Contains(got, "Trương Linh Sơn") || !strings.Contains(got, "Mùa Thị Dính") {
					return "chairs " + got
				}
				return ""
			}},
		{"a place written twice stays a place", "Chiều ngày 5/9/2031, Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng tổ chức hội nghị. Dự có Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng Hà Văn Nam; Phó Chủ tịch UBND tỉnh Nguyễn Văn Thành.",
			func(r Record) string {
				for _, p := range append(r.Chairs, r.Attendees...) {
					if strings.Contains(p.Name, "Lâm Đồng") {
						return "people " + show(r, "attendees")
					}
				}
				return ""
			}},
		{"directions run on into the next paragraph", "Chiều 6/10/2031, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III năm 2031. Phát biểu kết luận, đồng chí Trưởng Ban đề nghị trong quý IV, ngành dân vận cần tiếp tục nắm chắc tình hình nhân dân.\nBan Dân vận các Huyện ủy, Thị ủy, Thành ủy đôn đốc các xã chưa tổ chức đối thoại. Trong tổ chức các cuộc tiếp xúc, đối thoại, ngành dân vận cần tham mưu sát với thực tế. Làm tốt việc sơ kết các chỉ thị của tỉnh.\nTrong quý III, công tác dân vận đã được thực hiện tốt.",
			func(r Record) string {
				if len(r.Tasks) != 4 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a review written as the body's verb under a headline of its awards", "Hội Cựu chiến binh huyện Tân Uyên: Khen thưởng 15 tập thể và 32 cá nhân\nHội Cựu chiến binh (CCB) huyện Tân Uyên vừa sơ kết giữa nhiệm kỳ thực hiện nghị quyết nhiệm kỳ 2029-2034.\nCông tác xây dựng tổ chức hội ngày càng được quan tâm.",
			func(r Record) string {
				if r.EventType != "so_ket" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"an award ceremony's stage read from the sentence that gives the awards, dating nothing", "Ngày 2-6, Ban Dân vận Tỉnh ủy tổ chức Hội nghị biểu dương người có uy tín tiêu biểu trong đồng bào dân tộc thiểu số. Dịp này, UBND tỉnh tặng Bằng khen 45 cá nhân có thành tích xuất sắc, giai đoạn 2026 -2030.",
			func(r Record) string {
				if got := show(r, "period"); got != `{"year":null,"part":"multi","from_year":2026,"to_year":2030}` {
					return "period " + got
				}
				if r.EventDate != nil {
					return "event_date " + show(r, "event_date")
				}
				return ""
			}},
		{"a city board with urban and rural districts under it is a province's", "Ngày 25-5-2031, Ban Dân vận Thành ủy tổ chức Hội nghị tập huấn nghiệp vụ công tác dân vận. Tham dự có lãnh đạo Ban Dân vận các quận ủy, huyện ủy.",
			func(r Record) string {
				if r.Level == nil || *r.Level != "province" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a city board with only communes under it stays a district's", "Ngày 25-5-2031, Ban Dân vận Thành ủy tổ chức Hội nghị tập huấn nghiệp vụ công tác dân vận. Tham dự có lãnh đạo các xã, phường.",
			func(r Record) string {
				if r.Level == nil || *r.Level != "district" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a steering committee keeps its level and remit up to its verb", "Chiều 15-3-2031, tại Hà Nội, Ban Chỉ đạo T.Ư thực hiện dân chủ ở cơ sở (Ban Chỉ đạo) tổ chức hội nghị góp ý hướng dẫn kiểm tra.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ban Chỉ đạo T.Ư thực hiện dân chủ ở cơ sở"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "central" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a province's steering committee with its remit after the level word", "Sáng 9-2-2031, Ban Chỉ đạo tỉnh về thực hiện dân chủ ở cơ sở tổ chức hội nghị góp ý dự thảo kế hoạch.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ban Chỉ đạo tỉnh về thực hiện dân chủ ở cơ sở"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "province" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a meeting of a body named after 'của' is that body's", "Phát biểu tại Hội nghị sơ kết 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2031 của Hội đồng công tác quần chúng TƯ diễn ra chiều 23/7, đồng chí Trưởng ban đề nghị đổi mới hoạt động của Hội đồng.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Hội đồng công tác quần chúng TƯ"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a document's owner after 'của' holds no meeting", "Chiều 23/7/2031, tại Hội nghị quán triệt Nghị quyết của Ban Chấp hành Đảng bộ tỉnh, các đại biểu đã thảo luận.",
			func(r Record) string {
				if got := show(r, "organizer"); strings.Contains(got, "Ban Chấp hành") {
					return "organizer " + got
				}
				return ""
			}},
		{"a congress being held is its body's", "Phát biểu chỉ đạo tại Đại hội đại biểu MTTQ Việt Nam tỉnh Quảng Trị lần thứ XII, nhiệm kỳ 2029 - 2034 khai mạc vào sáng 28/8/2029, đồng chí Phó Chủ tịch đề nghị Mặt trận chủ động phối hợp với chính quyền.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"MTTQ Việt Nam tỉnh Quảng Trị"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a congress named in passing is nobody's meeting", "Sáng 28/8/2029, các đại biểu thảo luận về công tác chuẩn bị Đại hội đại biểu MTTQ Việt Nam tỉnh Quảng Trị lần thứ XII.",
			func(r Record) string {
				if r.Organizer != nil {
					return "organizer " + show(r, "organizer")
				}
				return ""
			}},
		{"those whose presence is noted attend", "Sáng 5/8/2031, Ủy ban MTTQ Việt Nam phường Tân Định tổ chức hội nghị. Tham dự Hội nghị có sự hiện diện của Bà Trần Thị Bích Vân - Bí thư Đảng ủy phường; Ông Phạm Quốc Bảo - Chủ tịch UBND phường.",
			func(r Record) string {
				if got := show(r, "attendees"); !strings.Contains(got, "Trần Thị Bích Vân") || !strings.Contains(got, "Phạm Quốc Bảo") {
					return "attendees " + got
				}
				return ""
			}},
		{"those who sit in on a meeting attend", "Ngày 10/1/2031, Ban Chỉ đạo tỉnh chủ trì cuộc họp tổng kết năm 2030. Cùng họp có ông Lê Hữu Phước - Chủ tịch UBMTTQ Việt Nam tỉnh.",
			func(r Record) string {
				if got := show(r, "attendees"); !strings.Contains(got, "Lê Hữu Phước") {
					return "attendees " + got
				}
				return ""
			}},
		{"a ceremony handing out counted medals is an award ceremony", "Bộ Chỉ huy Quân sự tỉnh vừa tổ chức lễ trao 25 huân chương chiến công cho các cựu chiến binh trên địa bàn thị xã.",
			func(r Record) string {
				if r.EventType != "khen_thuong" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"a title segment that ends with a name is the next person's", "Ngày 18/12/2031, UBND thành phố gặp mặt các chức sắc tôn giáo. Đến dự có Chủ tịch Ủy ban MTTQ Việt Nam thành phố Đặng Thị Kim Liên, Phó Chủ tịch UBND thành phố Hồ Kỳ Minh.",
			func(r Record) string {
				got := show(r, "attendees")
				if !strings.Contains(got, `"Hồ Kỳ Minh"`) || strings.Contains(got, "UBND thành phố Hồ Kỳ Minh") {
					return "attendees " + got
				}
				return ""
			}},
		{"a place at a segment's end stays in the title", "Ngày 18/12/2031, UBND tỉnh gặp mặt các chức sắc tôn giáo. Đến dự có ông Đặng Văn Liêm, Phó Chủ tịch UBND tỉnh Lâm Đồng, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
			func(r Record) string {
				for _, p := range append(r.Chairs, r.Attendees...) {
					if strings.Contains(p.Name, "Lâm Đồng") {
						return "attendees " + show(r, "attendees")
					}
				}
				return ""
			}},
		{"a social critique meeting is thematic", "Sáng 7/7/2031, Ủy ban MTTQ Việt Nam phường Hòa Minh tổ chức Hội nghị phản biện xã hội đối với dự thảo báo cáo kinh tế - xã hội 6 tháng đầu năm 2031.",
			func(r Record) string {
				if r.EventType != "chuyen_de" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"the Front's work of critique is no meeting kind", "Sáng 7/1/2031, Ủy ban MTTQ huyện tổ chức hội nghị tổng kết năm 2030. Năm 2030, Mặt trận thực hiện tốt Quyết định số 217-QĐ/TW về giám sát và phản biện xã hội.",
			func(r Record) string {
				if r.EventType != "tong_ket" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"a meeting on a topic is thematic", "Ngày 26/5/2031, Ban thường trực Ủy ban MTTQ Việt Nam phường 3 tổ chức Hội nghị nhân dân tháng 5 năm 2031 với chủ đề “Phát huy vai trò các tổ dân phố trong giữ gìn vệ sinh môi trường”.",
			func(r Record) string {
				if r.EventType != "chuyen_de" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"what a speaker lays out for a body to go on with, after a colon", "Ngày 5/7/2031, Hội Nông dân huyện tổ chức hội nghị sơ kết 6 tháng đầu năm 2031. Phát biểu chỉ đạo tại Hội nghị, đồng chí Phó Chủ tịch Hội Nông dân tỉnh gợi mở một số nội dung để Hội Nông dân huyện tiếp tục triển khai thực hiện: các cấp hội vận động hội viên ứng dụng khoa học kỹ thuật; tiếp tục tuyên truyền phòng, chống dịch bệnh trên đàn gia súc.",
			func(r Record) string {
				if len(r.Tasks) != 2 || !strings.HasPrefix(r.Tasks[0], "các cấp hội vận động") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a stage of several years is launched within its first year", "Ngày 9/11, Ban Thường vụ Tỉnh ủy tổ chức hội nghị triển khai Chương trình hành động thực hiện Nghị quyết về công tác dân vận giai đoạn 2033–2040.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2033-11-09"` {
					return "event_date " + got
				}
				return ""
			}},
		{"the year a direction is for does not date the meeting", "Ngày 27/12, phát biểu tại Hội nghị Đoàn Chủ tịch Ủy ban MTTQ tỉnh, đồng chí Chủ tịch đề nghị, trong năm 2032, Mặt trận các cấp cần tập trung nâng cao chất lượng giám sát.",
			func(r Record) string {
				if got := show(r, "event_date"); got == `"2032-12-27"` {
					return "event_date " + got
				}
				return ""
			}},
		{"what the people raised after a heading is no task", "Chiều ngày 21/10/2031, Đảng ủy xã Tân Hòa tổ chức hội nghị đối thoại với nhân dân thôn 4. Đồng chí Bí thư thông tin kết quả Đại hội Đảng bộ xã và một số nhiệm vụ trọng tâm trong thời gian tới.\nTại hội nghị, nhiều ý kiến, kiến nghị được nhân dân thôn 4 nêu lên thẳng thắn, tập trung vào các lĩnh vực như: cấp giấy chứng nhận quyền sử dụng đất, giao thông nông thôn.",
			func(r Record) string {
				if len(r.Tasks) != 0 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a wish for the people is no task", "Ngày 10/1/2031, Hội Nông dân tỉnh tổ chức hội nghị tổng kết công tác Hội năm 2030. Phát biểu tại hội nghị, đồng chí Chủ tịch mong muốn bà con nông dân tiếp tục đoàn kết, chung tay xây dựng quê hương.",
			func(r Record) string {
				if len(r.Tasks) != 0 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Extract(context.Background(), []byte("Tin hoạt động\n"+tc.text+"\n"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tc.check(rec); msg != "" {
				t.Error(msg)
			}
			checkGrounded(t, rec)
		})
	}
}

// TestRulesRoundElevenHeadline checks round eleven's rules that read the
// headline, on texts whose first line is their headline.
func TestRulesRoundElevenHeadline(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(Record) string
	}{
		{"awards named in the headline, given at a meeting that reviews a quarter", "Đảng ủy khối Doanh nghiệp tỉnh tôn vinh doanh nhân tiêu biểu\nNgày 9-10-2031, Đảng ủy khối Doanh nghiệp tỉnh tổ chức Hội nghị BCH Đảng bộ lần thứ 7, đánh giá kết quả sản xuất kinh doanh quý III, triển khai nhiệm vụ quý IV; tôn vinh doanh nhân tiêu biểu năm 2031.",
			func(r Record) string {
				if r.EventType != "so_ket" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"an anniversary headline over medals handed out is an award ceremony", "Kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam\nTại hội nghị, các đại biểu đã ôn lại truyền thống 95 năm của Hội. Hội Nông dân tỉnh đã trao kỷ niệm chương cho 12 đồng chí lãnh đạo các sở, ngành.",
			func(r Record) string {
				if r.EventType != "khen_thuong" {
					return "event_type " + r.EventType
				}
				return ""
			}},
		{"an award ceremony stays one", "Lễ tôn vinh doanh nhân tiêu biểu năm 2031\nNgày 9-10-2031, Đảng ủy khối Doanh nghiệp tỉnh tổ chức lễ tôn vinh doanh nhân tiêu biểu, đánh giá kết quả sản xuất kinh doanh quý III.",
			func(r Record) string {
				if r.EventType != "khen_thuong" {
					return "event_type " + r.EventType
				}
				return ""
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Extract(context.Background(), []byte(tc.text+"\n"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tc.check(rec); msg != "" {
				t.Error(msg)
			}
			checkGrounded(t, rec)
		})
	}
}

// TestWrappedFrontName: in a text wrapped inside its sentences, a line
// that ends inside the Front's name ("Ủy ban Mặt trận" / "Tổ quốc")
// goes on with the next.
func TestWrappedFrontName(t *testing.T) {
	doc := "Ủy ban Mặt trận Tổ quốc Việt Nam xã Đức Hòa tổ chức tổng kết công tác năm 2030\n" +
		"Ngày\n20/11/2030 Ủy ban Mặt trận\nTổ quốc (MTTQ) Việt Nam\nxã Đức Hòa tổ chức Hội nghị lần thứ 3 nhằm tổng kết\n" +
		"công tác Mặt trận năm 2030 và đề ra chương trình phối hợp\nnăm 2031.\n"
	rec, err := Extract(context.Background(), []byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(rec, "organizer"); got != `"Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam xã Đức Hòa"` {
		t.Errorf("organizer %s", got)
	}
	if rec.EventDate == nil || *rec.EventDate != "2030-11-20" {
		t.Errorf("date %v, want 2030-11-20", show(rec, "event_date"))
	}
}

// TestRulesRoundTwelve checks round twelve's rules, each on a text written
// for it in other words than the development article it came from.
func TestRulesRoundTwelve(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(Record) string
	}{
		{"the reviewed year opening the next paragraph without a comma is no list", "Đảng ủy xã Tân Phú tổng kết công tác năm 2031\n\nSáng 20/12/2031, Đảng ủy xã Tân Phú tổ chức hội nghị tổng kết công tác năm 2031. Dự hội nghị có đồng chí Lê Văn Hòa, Phó Bí thư Huyện ủy.\n\nTại hội nghị các đại biểu đã được nghe Thường trực Đảng ủy xã báo cáo kết quả lãnh đạo thực hiện các nhiệm vụ năm 2031, triển khai phương hướng nhiệm vụ năm 2032\n\nNăm 2031 tuy còn nhiều khó khăn nhưng Đảng bộ xã đã hoàn thành các chỉ tiêu đề ra. Dịp này, Đảng ủy xã đã khen thưởng 12 đảng viên hoàn thành xuất sắc nhiệm vụ.",
			func(r Record) string {
				if len(r.Tasks) != 0 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				if got := show(r, "figures"); !strings.Contains(got, "12 đảng viên") {
					return "figures " + got
				}
				return ""
			}},
		{"a delegation named after the congress it attends still gives gifts", "Đoàn đại biểu dự Đại hội đại biểu Hội Cựu chiến binh Việt Nam lần thứ IX do ông Trần Văn Bảy làm trưởng đoàn đã đến thăm, tặng quà 12 hội viên có hoàn cảnh khó khăn ở xã Hòa Bình; mỗi suất quà trị giá 1,5 triệu đồng.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "12 hội viên") || !strings.Contains(got, "1500000 đồng") {
					return "figures " + got
				}
				return ""
			}},
		{"comrades given an award are counted, comrades elected are not", "Hội Cựu chiến binh tỉnh tổng kết năm 2031\n\nNgày 9/1/2032, Hội Cựu chiến binh tỉnh tổ chức hội nghị tổng kết công tác Hội năm 2031. Dịp này, Hội đã trao Kỷ niệm chương “Vì sự nghiệp Cựu chiến binh Việt Nam” cho 14 đồng chí có nhiều đóng góp; 37 đồng chí được tặng Giấy khen. Hội nghị đã bầu bổ sung 2 đồng chí vào Ban Chấp hành.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "14 đồng chí") || !strings.Contains(got, "37 đồng chí") || strings.Contains(got, "2 đồng chí") {
					return "figures " + got
				}
				return ""
			}},
		{"a caption that gives awards tells those commended", "Mặt trận xã Phú Lộc tổng kết năm 2031\n\nNgày 22/12/2031, Ủy ban MTTQ Việt Nam xã Phú Lộc tổ chức hội nghị tổng kết công tác Mặt trận năm 2031. Năm qua, Mặt trận xã đã vận động xây dựng 5 căn nhà đại đoàn kết cho hộ nghèo.\n\nĐồng chí Phạm Thị Lan trao Giấy khen cho 6 tập thể có thành tích xuất sắc\n\nHội nghị đã thảo luận, thống nhất chương trình phối hợp năm 2032.",
			func(r Record) string {
				if got := show(r, "figures"); !strings.Contains(got, "6 tập thể") || !strings.Contains(got, "5 căn nhà") {
					return "figures " + got
				}
				if !strings.Contains(strings.Join(r.Warnings, " "), "chú thích ảnh") {
					return "no warning for the caption's count"
				}
				return ""
			}},
		{"the same share of two things in two sentences is two figures", "Xã đoàn Tân Hòa tổng kết năm 2031\n\nNgày 28/12/2031, Xã đoàn Tân Hòa tổ chức hội nghị tổng kết công tác đoàn năm 2031. Trong năm, 100% đoàn viên được học tập nghị quyết. Các chi đoàn tổ chức sinh hoạt đều đặn, 100% chi đoàn đăng ký công trình thanh niên.",
			func(r Record) string {
				if got := show(r, "figures"); strings.Count(got, "100 %") != 2 {
					return "figures " + got
				}
				return ""
			}},
		{"the closing mark of a text is no part of its last task", "Đoàn xã Hòa Hiệp tổng kết năm 2031\n\nNgày 27/12/2031, Đoàn xã Hòa Hiệp tổ chức hội nghị tổng kết công tác đoàn năm 2031. Phát biểu chỉ đạo, đồng chí Bí thư Đảng ủy xã đề nghị thời gian tới Đoàn xã cần quan tâm bồi dưỡng cán bộ đoàn; chú trọng hỗ trợ thanh niên lập nghiệp tại địa phương./",
			func(r Record) string {
				if len(r.Tasks) != 2 || strings.HasSuffix(r.Tasks[1], "/") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a congress's plans for the term it opens after the term just ended", "Đại hội Hội Nông dân xã Tân An nhiệm kỳ 2033 - 2038\n\nNhiệm kỳ vừa qua, phong trào nông dân của xã có nhiều chuyển biến, đời sống hội viên được nâng lên.\nNhiệm kỳ 2033 - 2038, Hội Nông dân xã Tân An tập trung vận động hội viên ứng dụng khoa học kỹ thuật vào sản xuất; hằng năm, có trên 60% hộ hội viên đạt danh hiệu sản xuất kinh doanh giỏi; phát triển thêm 3 tổ hợp tác.\nTại Đại hội, các đại biểu đã bầu Ban Chấp hành khóa mới.",
			func(r Record) string {
				if len(r.Tasks) != 3 || !strings.HasPrefix(r.Tasks[0], "Hội Nông dân xã Tân An tập trung") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				if got := show(r, "figures"); got != "[]" {
					return "figures " + got
				}
				return ""
			}},
		{"a body's plan told as news is a task, its targets no figures", "Hội Phụ nữ huyện Tam Nông trao nhà Mái ấm tình thương\n\nNgày 5/9/2031, Hội LHPN huyện Tam Nông trao 2 căn nhà Mái ấm tình thương cho hội viên nghèo, mỗi căn trị giá 60 triệu đồng. Được biết, từ nay đến cuối năm 2031, Hội LHPN huyện sẽ vận động xây thêm 4 căn nhà cho hội viên khó khăn về nhà ở.",
			func(r Record) string {
				if len(r.Tasks) != 1 || !strings.HasPrefix(r.Tasks[0], "Hội LHPN huyện sẽ vận động") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				if got := show(r, "figures"); strings.Contains(got, "4 căn nhà") || !strings.Contains(got, "2 căn nhà") {
					return "figures " + got
				}
				return ""
			}},
		{"a bloc's union keeps its abbreviation in capitals", "Sáng 10/1/2032, Ban Chấp hành Đoàn Khối DN Tỉnh tổ chức hội nghị tổng kết công tác đoàn năm 2031.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Ban Chấp hành Đoàn Khối DN Tỉnh"` {
					return "organizer " + got
				}
				return ""
			}},
		{"the youth union written with its short name in the headline organizes", "Đoàn TNCS HCM phường Tân Hưng tổng kết công tác đoàn năm 2031\n\nPhát biểu tại hội nghị tổng kết sáng ngày 26/12/2031, đồng chí Trần Văn Lộc, Bí thư Đảng ủy phường Tân Hưng ghi nhận những kết quả công tác đoàn trong năm.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"Đoàn TNCS HCM phường Tân Hưng"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "commune" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"a commune youth union written 'Đoàn xã' takes the commune's name", "Sáng 29/12/2031, BCH Đoàn xã Hòa Phong tổ chức hội nghị tổng kết công tác Đoàn năm 2031.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"BCH Đoàn xã Hòa Phong"` {
					return "organizer " + got
				}
				return ""
			}},
		{"a first photo captioned with the headline gives the event", "Ông Lê Minh Hải, Trưởng Ban Dân vận Huyện ủy, ghi nhận các tập thể, cá nhân đi đầu trong phong trào thi đua dân vận khéo năm 2031, đã chủ động xây dựng kế hoạch và tổ chức nhiều mô hình hiệu quả ở cơ sở.\n\nKhen thưởng 18 tập thể, 25 cá nhân điển hình dân vận khéo năm 2031 - Ảnh 1.\n\nĐánh giá công tác dân vận trong năm, ông Lê Minh Hải cho biết các đơn vị đã thực hiện tốt quy chế dân chủ ở cơ sở và công khai minh bạch các thủ tục hành chính cho người dân.",
			func(r Record) string {
				if r.EventType != "khen_thuong" {
					return "event_type " + r.EventType
				}
				if got := show(r, "figures"); !strings.Contains(got, "18 tập thể") || !strings.Contains(got, "25 cá nhân") {
					return "figures " + got
				}
				if !strings.Contains(strings.Join(r.Warnings, " "), "Ảnh 1") {
					return "no warning for the headline read from a caption"
				}
				return ""
			}},
		{"a result past the plan is a figure", "Mặt trận huyện Phú Tân tổng kết năm 2031\n\nNgày 15/1/2032, Ủy ban MTTQ Việt Nam huyện Phú Tân tổ chức hội nghị tổng kết công tác Mặt trận năm 2031. Trong năm, Mặt trận các cấp đã vận động Quỹ “Vì người nghèo” được hơn 3 tỷ đồng, vượt chỉ tiêu đề ra.",
			func(r Record) string {
				if got := show(r, "figures"); !strings.Contains(got, "3000000000 đồng") {
					return "figures " + got
				}
				return ""
			}},
		{"millions with no noun in a sentence about money are đồng", "Hội Nông dân huyện Yên Lạc tổng kết năm 2031\n\nNgày 20/12/2031, Hội Nông dân huyện Yên Lạc tổ chức hội nghị tổng kết công tác Hội năm 2031. Trong năm, các cấp hội vận động hội viên ủng hộ Quỹ Hỗ trợ nông dân 450 triệu, nâng tổng nguồn vốn của Quỹ lên 5 tỷ đồng.",
			func(r Record) string {
				if got := show(r, "figures"); !strings.Contains(got, "450000000 đồng") {
					return "figures " + got
				}
				if !strings.Contains(strings.Join(r.Warnings, " "), "không kèm “đồng”") {
					return "no warning for the money read as đồng"
				}
				return ""
			}},
		{"a meeting that disseminates, assesses a quarter and launches the next reviews the quarter", "Chiều 6/10/2031, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị quán triệt một số văn bản của Tỉnh ủy; đánh giá nhiệm vụ công tác quý III, triển khai nhiệm vụ công tác quý IV/2031.",
			func(r Record) string {
				if r.EventType != "so_ket" {
					return "event_type " + r.EventType
				}
				if got := show(r, "period"); !strings.Contains(got, `"part":"Q3"`) {
					return "period " + got
				}
				return ""
			}},
		{"a meeting of the exemplary people of a stage reviews the stage", "Sáng 14/6/2031, Hội Nông dân tỉnh tổ chức Hội nghị biểu dương nông dân điển hình tiên tiến giai đoạn 2026 - 2031.",
			func(r Record) string {
				if r.EventType != "tong_ket" {
					return "event_type " + r.EventType
				}
				if got := show(r, "period"); !strings.Contains(got, `"from_year":2026`) || !strings.Contains(got, `"to_year":2031`) {
					return "period " + got
				}
				return ""
			}},
		{"delegates given an award are counted, delegates present are not", "Tuyên dương Trưởng ban Công tác Mặt trận tiêu biểu năm 2031\n\nSáng 18/11/2031, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị tuyên dương Trưởng ban Công tác Mặt trận tiêu biểu năm 2031 với 180 đại biểu tham dự. Tại Hội nghị, 45 đại biểu tiêu biểu sẽ được tặng Bằng khen của Chủ tịch UBND tỉnh. Ủy ban MTTQ Việt Nam tỉnh trao Giấy khen cho 120 đại biểu.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "45 đại biểu") || !strings.Contains(got, "120 đại biểu") || strings.Contains(got, "180 đại biểu") {
					return "figures " + got
				}
				return ""
			}},
		{"a speaker who judges is no recipient", "Hội Nông dân xã Phú Mỹ tổng kết năm 2024\n\nNgày 20/12/2024, Hội Nông dân xã Phú Mỹ tổ chức hội nghị tổng kết công tác Hội năm 2024.\n\nPhát biểu tại hội nghị, đồng chí Trần Quốc Bảo nhận xét phong trào nông dân thi đua sản xuất giỏi của xã có nhiều chuyển biến.",
			func(r Record) string {
				if len(r.Attendees) != 1 || r.Attendees[0].Name != "Trần Quốc Bảo" {
					return "attendees " + show(r, "attendees")
				}
				return ""
			}},
		{"a given name that is also a time of day ends a name before its title", "Hội Phụ nữ xã Tân Lập tổng kết năm 2024\n\nSáng 18/12/2024, Hội LHPN xã Tân Lập tổ chức hội nghị tổng kết công tác Hội năm 2024. Dự hội nghị có đồng chí Lê Thị Hồng Chiều, Phó Bí thư Thường trực Đảng ủy xã.",
			func(r Record) string {
				if len(r.Attendees) != 1 || r.Attendees[0].Name != "Lê Thị Hồng Chiều" {
					return "attendees " + show(r, "attendees")
				}
				if got := show(r, "event_date"); got != `"2024-12-18"` {
					return "event_date " + got
				}
				return ""
			}},
		{"a plan cut by the excerpt with half its words capitalized is still text", "Huyện đoàn Krông Pắc tổng kết năm 2023\n\nNgày 28/12/2023, Huyện đoàn Krông Pắc tổ chức hội nghị tổng kết công tác đoàn và phong trào thanh thiếu nhi năm 2023. Trong năm, các cơ sở đoàn đã tổ chức nhiều hoạt động tình nguyện, hỗ trợ thanh niên lập nghiệp và giữ gìn an ninh trật tự ở địa phương.\n\nNăm 2024, Huyện đoàn Krông Pắc Đắk Lắk tiếp tục thực hiện hiệu qu",
			func(r Record) string {
				if len(r.Tasks) != 1 || !strings.HasPrefix(r.Tasks[0], "Huyện đoàn Krông Pắc Đắk Lắk tiếp tục") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"the focus of the tasks written the other way round heads a list", "Ban Dân vận Huyện ủy tổng kết năm 2023\n\nNgày 5/1/2024, Ban Dân vận Huyện ủy Tân Phước tổ chức hội nghị tổng kết công tác dân vận năm 2023.\n\nHội nghị thống nhất trọng tâm nhiệm vụ công tác dân vận năm 2024: Tăng cường nắm tình hình Nhân dân; nâng chất phong trào thi đua Dân vận khéo.",
			func(r Record) string {
				if len(r.Tasks) != 2 || !strings.HasPrefix(r.Tasks[0], "Tăng cường nắm tình hình") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a half-year review takes its year from the second half's plans", "Ngày 3/7, Hội Nông dân huyện tổ chức hội nghị sơ kết công tác Hội 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm.\nTừ đầu năm đến nay, các cấp hội đã vận động hội viên tham gia nhiều phong trào thi đua sản xuất giỏi và giúp nhau giảm nghèo.\nTrong 6 tháng cuối năm 2023, Hội Nông dân huyện tiếp tục đẩy mạnh phong trào thi đua; chú trọng công tác xây dựng tổ chức hội.",
			func(r Record) string {
				if got := show(r, "period"); !strings.Contains(got, `"year":2023`) || !strings.Contains(got, `"part":"H1"`) {
					return "period " + got
				}
				if got := show(r, "event_date"); got != `"2023-07-03"` {
					return "event_date " + got
				}
				return ""
			}},
		{"millions written out and multiplied by a thousand are left out with a warning", "Hội Cựu chiến binh huyện tổng kết năm 2023\n\nNgày 26/12/2023, Hội Cựu chiến binh huyện tổ chức hội nghị tổng kết công tác Hội năm 2023. Các cấp hội tặng quà 315 hội viên có hoàn cảnh khó khăn số tiền là 94.500.000 ngàn đồng.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "315 hội viên") || strings.Contains(got, "đồng") {
					return "figures " + got
				}
				if !strings.Contains(strings.Join(r.Warnings, " "), "94.500.000 ngàn") {
					return "no warning for the money left out"
				}
				return ""
			}},
		{"all of those counted, restated, count once", "Ngày 9/5/2024, Ủy ban MTTQ Việt Nam huyện Tiên Lữ trao tiền hỗ trợ xây nhà đại đoàn kết cho 3 hộ nghèo, mỗi hộ 40 triệu đồng. Đến nay, cả 3 ngôi nhà đều đã hoàn thành. Trong năm, Mặt trận các xã đã vận động tất cả 12 thôn tổ chức Ngày hội đại đoàn kết.",
			func(r Record) string {
				got := show(r, "figures")
				if strings.Contains(got, "3 ngôi nhà") || !strings.Contains(got, "3 hộ") || !strings.Contains(got, "12 thôn") {
					return "figures " + got
				}
				return ""
			}},
		{"a headline in capitals names the body before its colon, over a share bar", "ỦY BAN MTTQ VIỆT NAM HUYỆN SƠN TỊNH: BÀN GIAO NHÀ ĐẠI ĐOÀN KẾT CHO HỘ NGHÈO\nRSS In Gởi cho bạn bè\n12/09/2023 08:15:20 AM\nSáng ngày 11/9, lãnh đạo Ban Thường trực Ủy ban MTTQ Việt Nam huyện cùng lãnh đạo xã Tịnh Hà tiến hành bàn giao 03 nhà Đại đoàn kết cho hộ nghèo, mỗi nhà được hỗ trợ 50 triệu đồng.",
			func(r Record) string {
				if got := show(r, "organizer"); got != `"ỦY BAN MTTQ VIỆT NAM HUYỆN SƠN TỊNH"` {
					return "organizer " + got
				}
				if r.Level == nil || *r.Level != "district" {
					return "level " + show(r, "level")
				}
				return ""
			}},
		{"an award ceremony's year written bare after the award's name", "Sáng 16/10/2024, Ban Dân vận Huyện ủy Đông Anh tổ chức lễ tuyên dương điển hình “Dân vận khéo” 2024, nhân kỷ niệm 94 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2024).",
			func(r Record) string {
				if r.EventType != "khen_thuong" {
					return "event_type " + r.EventType
				}
				if got := show(r, "period"); !strings.Contains(got, `"year":2024`) || !strings.Contains(got, `"part":"year"`) {
					return "period " + got
				}
				return ""
			}},
		{"those who attended the activities held were reached by the work", "Mặt trận tỉnh tổng kết năm 2023\n\nNgày 10/1/2024, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị tổng kết công tác Mặt trận năm 2023 với 200 đại biểu tham dự. Trong năm, Mặt trận các cấp đã tổ chức hơn 1.200 buổi tuyên truyền pháp luật với gần 95 ngàn lượt người tham dự.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "1200 buổi") || !strings.Contains(got, "95000 lượt người") || strings.Contains(got, "200 đại biểu") {
					return "figures " + got
				}
				return ""
			}},
		{"what was done before a target in one sentence is a result", "Ngày 12/3/2024, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị giao ban công tác Mặt trận quý I. Đến nay, đã có 64/90 xã, phường tổ chức Đại hội Mặt trận và phấn đấu đến cuối tháng 4 hoàn thành 100% đại hội cấp xã.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "64 xã, phường") || strings.Contains(got, "100 %") {
					return "figures " + got
				}
				return ""
			}},
		{"people who hand flowers in person are present, those who send them are not", "Ngày 6/12/2024, Hội Cựu chiến binh tỉnh tổ chức Đại hội thi đua Cựu chiến binh gương mẫu. Đồng chí Trần Văn Lâm tặng hoa chúc mừng Hội Cựu chiến binh tỉnh Cùng đoàn công tác có các đồng chí: Lê Quang Hưng, Phó Chủ tịch UBND tỉnh; Phạm Thị Hoa, Phó Trưởng Ban Dân vận Tỉnh ủy. Đại hội vinh dự đón nhận lẵng hoa chúc mừng của đồng chí Nguyễn Văn Bình, Bí thư Tỉnh ủy.",
			func(r Record) string {
				got := show(r, "attendees")
				if !strings.Contains(got, "Lê Quang Hưng") || !strings.Contains(got, "Phạm Thị Hoa") || strings.Contains(got, "Nguyễn Văn Bình") {
					return "attendees " + got
				}
				return ""
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(context.Background(), []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(r); msg != "" {
				t.Errorf("%s; warnings %q", msg, r.Warnings)
			}
		})
	}
}

// TestRulesRoundThirteen checks round thirteen's rules, each on a text
// written for it in other words than the development article it came from.
func TestRulesRoundThirteen(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(Record) string
	}{
		{"a house of the Front's fund written with capitals is still a house", "Ngày 5/9/2031, Ủy ban MTTQ Việt Nam huyện Bình Sơn bàn giao 8 Nhà Đại đoàn kết cho hộ nghèo, mỗi căn trị giá 60 triệu đồng. Cùng dịp, Giáo xứ Nhà Thờ Lớn trao 3 Nhà Văn Hóa Thôn cho xã.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "8 nhà đại đoàn kết") || strings.Contains(got, "3 nhà") {
					return "figures " + got
				}
				return ""
			}},
		{"a sentence going on with the plans leaves its connective out of the task", "Hội Phụ nữ tỉnh Hòa Bình trao quà cho hội viên xã Mường Chiềng\n\nNgày 14/6/2031, Hội Liên hiệp Phụ nữ tỉnh tổ chức trao 40 suất quà cho hội viên nghèo xã Mường Chiềng.\n\nThời gian tới, Hội Liên hiệp Phụ nữ tỉnh sẽ tiếp tục phối hợp với các doanh nghiệp chăm lo cho hội viên khó khăn. Đồng thời, giới thiệu, nhân rộng các mô hình sinh kế của chị em; kết nối tiêu thụ nông sản cho các tổ hợp tác của phụ nữ.",
			func(r Record) string {
				if len(r.Tasks) != 3 || !strings.HasPrefix(r.Tasks[1], "giới thiệu, nhân rộng") {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"the giver named in a hand-out's lead organizes it", "Sáng ngày 3/2/2031, Ban Chấp hành Hội Phụ nữ xã Tân Lập đã thăm, tặng quà cho 5 hội viên phụ nữ đơn thân có hoàn cảnh khó khăn ở thôn Đồng Mới, mỗi suất quà trị giá 1 triệu đồng.\nChủ tịch Hội Phụ nữ xã đã ân cần hỏi thăm đời sống các gia đình.",
			func(r Record) string {
				if r.Organizer == nil || *r.Organizer != "Ban Chấp hành Hội Phụ nữ xã Tân Lập" || r.Level == nil || *r.Level != "commune" {
					return "organizer " + show(r, "organizer") + " level " + show(r, "level")
				}
				return ""
			}},
		{"a headline's body written UB.MTTQ gives what it hands out", "UB.MTTQ Việt Nam huyện hỗ trợ 12 hộ nghèo sửa chữa nhà ở\n\nMỗi hộ được hỗ trợ 15 triệu đồng để mua vật liệu; các thôn huy động thêm ngày công giúp các gia đình hoàn thành trước mùa mưa.",
			func(r Record) string {
				if r.Organizer == nil || *r.Organizer != "UB.MTTQ Việt Nam huyện" || r.Level == nil || *r.Level != "district" {
					return "organizer " + show(r, "organizer") + " level " + show(r, "level")
				}
				return ""
			}},
		{"a body that gives awards later in the text does not organize", "Sáng 10/1/2032, hội nghị tổng kết năm 2031 đã diễn ra tại hội trường thôn Đông. Các đại biểu thảo luận nhiều ý kiến.\nDịp này, Công an tỉnh tặng giấy khen cho 5 tập thể; Hội Nông dân huyện Yên Lạc tặng quà cho 10 hội viên.",
			func(r Record) string {
				if r.Organizer != nil {
					return "organizer " + *r.Organizer
				}
				return ""
			}},
		{"joint organizers written short between dashes share the place after them", "Sáng 14/10/2031, Huyện Đoàn – Phòng VH&TT – Hội LHPN huyện Quế Sơn phối hợp tổ chức Ngày hội thanh niên với văn hóa giao thông. Tham dự có đại diện lãnh đạo UBND huyện.",
			func(r Record) string {
				if r.Organizer == nil || *r.Organizer != "Huyện Đoàn Quế Sơn" || r.Level == nil || *r.Level != "district" {
					return "organizer " + show(r, "organizer") + " level " + show(r, "level")
				}
				return ""
			}},
		{"a hand-out's day takes its year from the byline's date", "Quảng Trị: Trao quà cho hộ nghèo vùng biên\n\nMinh Hà 21/01/2031 09:12\n\nChiều 19/1, Hội Chữ thập đỏ huyện Hướng Hóa trao 150 suất quà cho hộ nghèo ở các xã biên giới, mỗi suất trị giá 500 nghìn đồng.",
			func(r Record) string {
				if got := show(r, "event_date"); got != `"2031-01-19"` {
					return "event_date " + got
				}
				return ""
			}},
		{"an anniversary's span in the headline dates no event", "Hội LHPN huyện Krông Pa tổ chức gặp mặt kỷ niệm 101 năm ngày thành lập Hội LHPN Việt Nam (20/10/1930 – 20/10/2031)\n\nHội LHPN huyện Krông Pa tổ chức gặp mặt kỷ niệm 101 năm ngày thành lập Hội LHPN Việt Nam (20/10/1930 – 20/10/2031), biểu dương 15 chi hội trưởng tiêu biểu.",
			func(r Record) string {
				if got := show(r, "event_date"); got != "null" {
					return "event_date " + got
				}
				return ""
			}},
		{"a name ending in Đoàn keeps it; a place ending in a family name is no part of the name", "Ngày 9/3/2031, Hội Cựu chiến binh tỉnh Kiên Giang tổ chức trao 60 suất quà cho hội viên nghèo. Dự có ông Trịnh Minh Đoàn - Phó Chủ tịch Trung ương Hội Cựu chiến binh Việt Nam và Chủ tịch Hội Cựu chiến binh tỉnh Kiên Giang Phạm Văn Lộc. Ông Trịnh Minh Đoàn gửi lời thăm hỏi các gia đình.",
			func(r Record) string {
				got := show(r, "attendees")
				if !strings.Contains(got, `"Trịnh Minh Đoàn"`) || !strings.Contains(got, `"Phạm Văn Lộc"`) || strings.Contains(got, "Giang Phạm") {
					return "attendees " + got
				}
				return ""
			}},
		{"a fund's balance, the loans a body manages and a minimum are no figures", "Hội Nông dân huyện Cam Lâm trao nhà cho hội viên nghèo\n\nNgày 12/5/2031, Hội Nông dân huyện Cam Lâm bàn giao 3 căn nhà cho hội viên nghèo, mỗi căn có diện tích tối thiểu 40m2. Năm qua, Hội đã giúp 250 hộ hội viên vay vốn; các cấp hội đang quản lý hơn 95 tỷ đồng cho trên 4 nghìn hộ vay. Quỹ Hỗ trợ nông dân của huyện hiện có khoảng 850 triệu đồng. Mỗi chi hội phải thực hiện ít nhất 02 mô hình.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "3 căn nhà") || !strings.Contains(got, "250 hộ") || strings.Contains(got, "95000000000") ||
					strings.Contains(got, "4000 hộ") || strings.Contains(got, "850000000") || strings.Contains(got, "40 m2") || strings.Contains(got, "2 mô hình") {
					return "figures " + got
				}
				return ""
			}},
		{"what a class's trainees will hear under a heading of tasks are topics", "Khai mạc lớp bồi dưỡng cán bộ Hội Cựu chiến binh năm 2031\n\nSáng 8/4/2031, Hội Cựu chiến binh tỉnh khai mạc lớp bồi dưỡng nghiệp vụ cho 120 cán bộ Hội cơ sở.\nTrong 3 ngày, học viên sẽ được nghe giới thiệu nghị quyết đại hội và các nhiệm vụ trọng tâm của Hội gồm:\nCông tác xây dựng tổ chức Hội vững mạnh; phong trào Cựu chiến binh gương mẫu; kỹ năng hòa giải ở cơ sở; công tác kiểm tra, giám sát của Hội.",
			func(r Record) string {
				if len(r.Tasks) != 0 {
					return "tasks " + strings.Join(r.Tasks, " | ")
				}
				return ""
			}},
		{"a body handing out gifts with a fund and a newspaper organizes", "Chiều 20/1/2031, Hội Liên hiệp Phụ nữ tỉnh Sơn La, Quỹ Bảo trợ trẻ em (Sở Lao động) và Báo Phụ nữ Việt Nam trao 200 suất quà Tết cho trẻ em có hoàn cảnh khó khăn ở xã Chiềng Khoa.",
			func(r Record) string {
				if r.Organizer == nil || *r.Organizer != "Hội Liên hiệp Phụ nữ tỉnh Sơn La" || r.Level == nil || *r.Level != "province" {
					return "organizer " + show(r, "organizer") + " level " + show(r, "level")
				}
				return ""
			}},
		{"the body whose official hands out the gifts organizes; one giving an award does not", "Nhiều hoạt động chăm lo Tết cho hội viên vùng lũ\n\nNhững ngày giáp Tết, nhiều gia đình ở xã Hòa Tiến còn khó khăn sau đợt lũ cuối năm.\nTại xã Hòa Tiến, đại diện Trung ương Hội Cựu chiến binh Việt Nam, ông Nguyễn Hữu Tài đã trao 50 suất quà cho hội viên nghèo, mỗi suất trị giá 1 triệu đồng.",
			func(r Record) string {
				if r.Organizer == nil || *r.Organizer != "Trung ương Hội Cựu chiến binh Việt Nam" || r.Level == nil || *r.Level != "central" {
					return "organizer " + show(r, "organizer") + " level " + show(r, "level")
				}
				return ""
			}},
		{"an official giving awards for a body does not make it the organizer", "Hội nghị tổng kết năm 2031 của thôn Hòa Tiến\n\nSáng 5/1/2032, hội nghị tổng kết năm 2031 diễn ra tại nhà văn hóa thôn Hòa Tiến.\nĐại diện Hội Cựu chiến binh huyện, ông Nguyễn Hữu Tài trao giấy khen cho 3 hội viên.",
			func(r Record) string {
				if r.Organizer != nil && strings.Contains(*r.Organizer, "Cựu chiến binh") {
					return "organizer " + *r.Organizer
				}
				return ""
			}},
		{"those who attended the sessions a union held were reached, however far back the verb", "Hội Phụ nữ huyện Tuy Phong tổng kết năm 2031\n\nNgày 6/1/2032, Hội LHPN huyện Tuy Phong tổ chức hội nghị tổng kết công tác Hội năm 2031 với 90 đại biểu tham dự. Trong năm, Hội đã phối hợp tổ chức tuyên truyền phòng chống bạo lực gia đình, an toàn giao thông được gần 150 buổi với hơn 9.000 lượt hội viên tham dự.",
			func(r Record) string {
				got := show(r, "figures")
				if !strings.Contains(got, "150 buổi") || !strings.Contains(got, "9000 lượt hội viên") || strings.Contains(got, "90 đại biểu") {
					return "figures " + got
				}
				return ""
			}},
		{"the young faces honoured are counted as such", "Ngày 26/3/2031, Thành Đoàn Quy Nhơn tổ chức lễ kỷ niệm 100 năm ngày thành lập Đoàn và tuyên dương 12 gương mặt trẻ tiêu biểu của thành phố năm 2030.",
			func(r Record) string {
				if got := show(r, "figures"); !strings.Contains(got, "12 gương mặt trẻ") {
					return "figures " + got
				}
				return ""
			}},
		{"the units that held the reported meetings at once are no result", "Ngày 10/1/2031, 12/12 thôn của xã Hòa Phong đã đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc. Dịp này, các thôn trao 60 suất quà cho hộ nghèo.",
			func(r Record) string {
				got := show(r, "figures")
				if strings.Contains(got, "12 thôn") || !strings.Contains(got, "60 suất quà") {
					return "figures " + got
				}
				return ""
			}},
		{"a talk held with the year's review reviews the year", "Ủy ban MTTQ Việt Nam phường 3 tọa đàm kỷ niệm Ngày truyền thống\n\nSáng 16/11/2031, Ủy ban MTTQ Việt Nam phường 3 tổ chức buổi tọa đàm kỷ niệm 101 năm Ngày truyền thống Mặt trận. Buổi tọa đàm ôn lại chặng đường vẻ vang của Mặt trận, đồng thời tổng kết công tác Mặt trận năm 2031 và khen thưởng 8 tập thể.",
			func(r Record) string {
				if r.EventType != "tong_ket" {
					return "event_type " + r.EventType
				}
				if got := show(r, "period"); !strings.Contains(got, `"year":2031`) {
					return "period " + got
				}
				return ""
			}},
		{"awards given at a congress for the term just ended have that term as period", "Tại buổi lễ, Chủ tịch UBND huyện Ia Pa đã tặng giấy khen cho 18 tập thể và 27 cá nhân có thành tích xuất sắc trong phong trào thi đua của Hội Nông dân, nhiệm kỳ 2026-2031.\nLễ tuyên dương được tổ chức nhân Đại hội Hội Nông dân huyện Ia Pa lần thứ IX (nhiệm kỳ 2031-2036).",
			func(r Record) string {
				if got := show(r, "period"); !strings.Contains(got, `"from_year":2026`) || !strings.Contains(got, `"to_year":2031`) {
					return "type " + r.EventType + " period " + got
				}
				return ""
			}},
		{"a meeting that reviews half a term is an interim review", "Qua nửa nhiệm kỳ, các cấp hội cựu chiến binh đã vận động hội viên giúp nhau 450 ngày công xây nhà; tham gia hòa giải thành 37 vụ việc ở cơ sở.\n\nToàn cảnh Hội nghị\n\nThời gian tới, các cấp hội tiếp tục đổi mới nội dung sinh hoạt chi hội.",
			func(r Record) string {
				if r.EventType != "so_ket" || show(r, "period") != "null" {
					return "type " + r.EventType + " period " + show(r, "period")
				}
				return ""
			}},
		{"a chairman's title written CT. does not end the sentence", "Chiều 20/11/2031, Ủy ban MTTQ Việt Nam xã Tân Lập tổ chức họp mặt kỷ niệm Ngày truyền thống Mặt trận. Tại buổi họp mặt, đ/c Lò Văn Pâng - Bí thư Đảng ủy, CT. HĐND xã phát biểu chỉ đạo.",
			func(r Record) string {
				if got := show(r, "attendees") + show(r, "chairs"); !strings.Contains(got, "Lò Văn Pâng") {
					return "people " + got
				}
				return ""
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract(context.Background(), []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(r); msg != "" {
				t.Errorf("%s; warnings %q", msg, r.Warnings)
			}
		})
	}
}

package practice

import "github.com/danvan/danvan/internal/i18n"

// Messages are the labels of the registry's values (fields, statuses,
// owner types) and the messages of its errors, in both languages. The web
// layer merges them into its catalog; the XLSX register takes the
// Vietnamese labels (its file format is Vietnamese).
var Messages = i18n.Catalog{
	"practice.field.economy":             {"Kinh tế", "Economy"},
	"practice.field.culture_society":     {"Văn hóa – xã hội", "Culture and society"},
	"practice.field.defence_security":    {"Quốc phòng – an ninh", "Defence and security"},
	"practice.field.party_building":      {"Xây dựng Đảng", "Party building"},
	"practice.field.government_building": {"Xây dựng chính quyền", "Government building"},
	"practice.field.ethnic_religious":    {"Dân tộc, tôn giáo", "Ethnic and religious affairs"},
	"practice.status.registered":         {"Đăng ký", "Registered"},
	"practice.status.in_progress":        {"Đang triển khai", "In progress"},
	"practice.status.recognized":         {"Được công nhận", "Recognized"},
	"practice.status.replicated":         {"Được nhân rộng", "Replicated"},
	"practice.status.stopped":            {"Đã dừng", "Stopped"},
	"practice.owner.collective":          {"Tập thể", "Collective"},
	"practice.owner.individual":          {"Cá nhân", "Individual"},

	"practice.err.not_found":       {"Không tìm thấy mô hình.", "The model was not found."},
	"practice.err.unit_not_found":  {"Không tìm thấy đơn vị trong phạm vi của bạn.", "No such unit in your scope."},
	"practice.err.signin":          {"Vui lòng đăng nhập để tiếp tục.", "Please sign in to continue."},
	"practice.err.name_long":       {"Tên mô hình dài %s ký tự, quá giới hạn 300 ký tự: hãy viết gọn lại.", "The model's name is %s characters long, over the limit of 300: shorten it."},
	"practice.err.name":            {"Chưa nhập tên mô hình (tối đa 300 ký tự).", "The model's name is missing (300 characters at most)."},
	"practice.err.field":           {"Hãy chọn lĩnh vực.", "Choose a field."},
	"practice.err.owner_type":      {"Hãy chọn chủ thể là tập thể hay cá nhân.", "Choose whether a collective or a person runs it."},
	"practice.err.owner_name":      {"Chưa nhập tên tập thể hoặc cá nhân thực hiện (tối đa 200 ký tự).", "The name of the collective or person is missing (200 characters at most)."},
	"practice.err.owner_title":     {"Chức vụ không được dài quá 200 ký tự.", "The title may be 200 characters at most."},
	"practice.err.phone":           {"Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng dấu + (8–15 chữ số).", "A phone number is digits only, perhaps after a + (8 to 15 digits)."},
	"practice.err.movement":        {"Tên phong trào, cuộc vận động không được dài quá 300 ký tự.", "The movement or campaign may be 300 characters at most."},
	"practice.err.started":         {"Ngày bắt đầu không hợp lệ: phải từ năm 1990 đến hôm nay.", "The start date must be between 1990 and today."},
	"practice.err.long":            {"Nội dung quá dài (tối đa 20.000 ký tự).", "The text is too long (20,000 characters at most)."},
	"practice.err.unit":            {"Hãy chọn đơn vị chủ quản đang hoạt động.", "Choose an owning unit that is active."},
	"practice.err.stale":           {"Mô hình đã được người khác cập nhật. Vui lòng tải lại trang và thử lại.", "Someone else has updated the model meanwhile. Reload the page and try again."},
	"practice.err.stopped_edit":    {"Mô hình đã dừng, không thể sửa.", "The model is stopped and cannot be edited."},
	"practice.err.indicator":       {"Chưa nhập tên kết quả (chỉ tiêu), tối đa 200 ký tự.", "The result (indicator) is missing, 200 characters at most."},
	"practice.err.measure":         {"Đơn vị tính không được dài quá 50 ký tự.", "The unit of measure may be 50 characters at most."},
	"practice.err.result_date":     {"Ngày của kết quả phải từ ngày bắt đầu mô hình đến hôm nay.", "A result's date must be between the model's start and today."},
	"practice.err.result_value":    {"Số liệu không hợp lệ: viết như 5.112 hoặc 1,5 hoặc 2,3 triệu.", "Not a valid figure: write it like 5.112 or 1,5 (a dot between thousands, a comma before decimals)."},
	"practice.err.write_forbidden": {"Chỉ cán bộ của đơn vị chủ quản mới được đăng ký, cập nhật mô hình.", "Only officers of the owning unit may register or update a model."},
	"practice.err.no_writable":     {"Bạn không có quyền đăng ký mô hình cho đơn vị nào.", "You may not register models for any unit."},
	"practice.err.level":           {"Cấp công nhận không hợp lệ.", "Not a valid recognition level."},
	"practice.err.period":          {"Kỳ không hợp lệ: dùng dạng 2023, 2023S1, 2023Q3, 202307 hoặc 2010-2020.", "Not a valid period: write 2023, 2023S1, 2023Q3, 202307 or 2010-2020."},
	"practice.err.status":          {"Trạng thái không hợp lệ.", "Not a valid status."},
	"practice.err.export_unit":     {"Hãy chọn đơn vị để xuất sổ mô hình.", "Choose the unit whose register to export."},

	"practice.err.needs_progress":   {"Mô hình phải được triển khai trước khi công nhận.", "The model must be in progress before it is recognized."},
	"practice.err.already_rec":      {"Mô hình đã được công nhận.", "The model is already recognized."},
	"practice.err.is_stopped":       {"Mô hình đã dừng.", "The model is stopped."},
	"practice.err.not_registered":   {"Chỉ mô hình mới đăng ký mới chuyển sang triển khai.", "Only a newly registered model can be put into progress."},
	"practice.err.in_status":        {"Mô hình đang ở trạng thái “%s”.", "The model is “%s”."},
	"practice.err.recognizer":       {"Chỉ lãnh đạo đơn vị cấp trên của đơn vị chủ quản mới được công nhận mô hình.", "Only a leader of a unit above the owning unit may recognize the model."},
	"practice.err.decision_no":      {"Chưa nhập số quyết định công nhận (tối đa 100 ký tự).", "The decision number is missing (100 characters at most)."},
	"practice.err.rec_date":         {"Ngày công nhận phải từ ngày triển khai đến hôm nay.", "The recognition date must be between the start of progress and today."},
	"practice.err.progress_date":    {"Ngày triển khai phải từ ngày bắt đầu đến hôm nay.", "The date must be between the model's start and today."},
	"practice.err.stop_date":        {"Ngày dừng phải từ ngày bắt đầu đến hôm nay.", "The stop date must be between the model's start and today."},
	"practice.err.stop_reason":      {"Chưa nhập lý do dừng (tối đa 1.000 ký tự).", "The reason is missing (1,000 characters at most)."},
	"practice.err.stop_forbidden":   {"Chỉ cán bộ hoặc lãnh đạo của đơn vị chủ quản mới được dừng mô hình.", "Only officers or leaders of the owning unit may stop the model."},
	"practice.err.adopt_unrec":      {"Chỉ nhân rộng được mô hình đã được công nhận.", "Only a recognized model can be replicated."},
	"practice.err.adopt_self":       {"Đơn vị chủ quản không thể tự nhân rộng mô hình của mình; hãy chọn đơn vị khác.", "The owning unit cannot replicate its own model; choose another unit."},
	"practice.err.adopt_twice":      {"Đơn vị này đã nhân rộng mô hình này.", "This unit already replicates this model."},
	"practice.err.adopt_unit":       {"Hãy chọn đơn vị nhân rộng đang hoạt động.", "Choose an active unit to replicate the model in."},
	"practice.err.adopt_forbidden":  {"Bạn không có quyền nhập liệu cho đơn vị nào để nhân rộng mô hình.", "You may not enter data for any unit that could replicate this model."},
	"practice.err.edit_forbidden":   {"Bạn không có quyền sửa mô hình này.", "You may not edit this model."},
	"practice.err.start_forbidden":  {"Bạn không có quyền chuyển mô hình này sang triển khai.", "You may not put this model into progress."},
	"practice.err.file_empty":       {"Chưa chọn tệp, hoặc tệp rỗng.", "No file was chosen, or it is empty."},
	"practice.err.file_large":       {"Tệp quá lớn: tối đa 8 MB mỗi tệp.", "The file is too large: 8 MB at most."},
	"practice.err.file_type":        {"Chỉ nhận ảnh (JPEG, PNG, GIF) hoặc tài liệu PDF.", "Only photos (JPEG, PNG, GIF) or PDF documents are accepted."},
	"practice.err.file_image":       {"Không đọc được ảnh: tệp bị hỏng.", "The picture cannot be read: the file is damaged."},
	"practice.err.file_caption":     {"Chú thích không được dài quá 300 ký tự.", "The caption may be 300 characters at most."},
	"practice.err.file_many":        {"Mỗi mô hình có tối đa 50 tệp minh chứng.", "A model may have 50 evidence files at most."},
	"practice.err.no_file":          {"Không tìm thấy tệp.", "The file was not found."},
	"practice.err.import_file":      {"Chưa chọn tệp Excel.", "No Excel file was chosen."},
	"practice.err.import_unit":      {"không có đơn vị đang hoạt động mã “%s” trong phạm vi đơn vị đang nhập.", "no active unit with code “%s” lies within the unit being imported."},
	"practice.err.import_forbidden": {"bạn không có quyền nhập liệu cho đơn vị này.", "you may not enter data for this unit."},
	"practice.err.import_version":   {"tệp không có phiên bản của mô hình này (cột R). Hãy xuất lại sổ mô hình và sửa trên tệp mới.", "the file has no version of this model (column R). Export the register again and edit the new file."},
	"practice.err.import_stale":     {"mô hình “%s” đã được sửa sau khi tệp được xuất (phiên bản hiện tại %d, trong tệp %d). Không mô hình nào được lưu: hãy xuất lại sổ mô hình, sửa trên tệp mới rồi nhập lại.", "the model “%s” was changed after the file was exported (version %d now, %d in the file). Nothing was saved: export the register again, edit the new file and import it."},
	"practice.err.import_id":        {"không có mô hình mã này thuộc đơn vị ở cột C.", "no model with this id belongs to the unit in column C."},
}

// label is the Vietnamese text of key (for the XLSX register, whose
// format is Vietnamese); the key itself when the catalog lacks it.
func label(key string) string {
	if t, ok := Messages[key]; ok {
		return t.VI()
	}
	return key
}

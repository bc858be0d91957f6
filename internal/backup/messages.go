package backup

import "github.com/danvan/danvan/internal/i18n"

// Messages are the messages of this package's errors, in Vietnamese and
// English.
var Messages = i18n.Catalog{
	"backup.err.operator":        {"Chỉ người vận hành hệ thống (dòng lệnh trên máy chủ) được sao lưu hoặc khôi phục.", "Only the system's operator (the command line on the server) may back up or restore."},
	"backup.err.open":            {"Không mở được tệp sao lưu %s: %s", "Cannot open the backup %s: %s"},
	"backup.err.damaged":         {"Tệp sao lưu bị hỏng hoặc không đầy đủ, không khôi phục gì (%s).", "The backup is damaged or incomplete; nothing was restored (%s)."},
	"backup.err.newer_schema":    {"Tệp sao lưu có cấu trúc dữ liệu phiên bản %d (do danvan %s tạo), mới hơn phiên bản %d mà chương trình này biết. Hãy khôi phục bằng danvan cùng phiên bản hoặc mới hơn.", "The backup has schema version %d (written by danvan %s), newer than version %d this program knows. Restore it with the same or a newer danvan."},
	"backup.err.target_ahead":    {"Cơ sở dữ liệu đích đã ở phiên bản cấu trúc %d, mới hơn bản sao lưu (%d). Hãy khôi phục vào một cơ sở dữ liệu mới, trống.", "The target database is at schema version %d, newer than the backup's (%d). Restore into a new, empty database."},
	"backup.err.not_empty":       {"Cơ sở dữ liệu đích đã có dữ liệu (bảng %s có %d dòng). Chỉ khôi phục vào một cơ sở dữ liệu mới, trống.", "The target database already holds data (table %s has %d rows). Restore only into a new, empty database."},
	"backup.err.schema_mismatch": {"Cơ sở dữ liệu đích không có %s mà bản sao lưu cần.", "The target database lacks %s, which the backup needs."},
}

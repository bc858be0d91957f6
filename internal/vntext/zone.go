package vntext

import "time"

// Zone is Vietnam's time (Asia/Ho_Chi_Minh, UTC+7 all year: Vietnam keeps
// no daylight saving time), fixed so that no time-zone database is needed
// on the server.
var Zone = time.FixedZone("Asia/Ho_Chi_Minh", 7*60*60)

// FormatDateTime writes t in Vietnam's time the Vietnamese way:
// "08:30 25/12/2020".
func FormatDateTime(t time.Time) string {
	return t.In(Zone).Format("15:04 02/01/2006")
}

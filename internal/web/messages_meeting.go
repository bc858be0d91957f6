package web

// meetingMessages are the texts of conferences, key tasks and emulation pledges.
var meetingMessages = map[string]message{}

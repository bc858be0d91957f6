package web

// reportMessages are the texts of periodic reporting: indicators, reports, roll-up, dashboards.
var reportMessages = map[string]message{}

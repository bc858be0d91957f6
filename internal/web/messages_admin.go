package web

// adminMessages are the texts of administration (units, users, grants, API tokens, audit log).
var adminMessages = map[string]message{}

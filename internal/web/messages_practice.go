package web

// practiceMessages are the texts of the "Dân vận khéo" model registry.
var practiceMessages = map[string]message{}

// Package docs holds the documents shipped inside the binary: the API
// description that /api/v1/openapi.yaml serves.
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml, the description of /api/v1.
//
//go:embed openapi.yaml
var OpenAPI []byte

// Package apiclient is a Go client generated from docs/openapi.yaml by
// oapi-codegen, as an integrator would generate one; its test drives the
// real server with it and checks every answer against the description.
// It is a module of its own, so the generator's runtime stays out of the
// program's go.mod; CI runs its test (see .ci/run).
package apiclient

//go:generate go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2 -config oapi-codegen.yaml ../../../docs/openapi.yaml

package auth_test

import (
	"testing"

	"github.com/danvan/danvan/internal/auth"
)

func TestPrincipalHasRole(t *testing.T) {
	p := &auth.Principal{Grants: []auth.Grant{{UnitID: 3, Role: auth.RoleLeader}, {UnitID: 4, Role: auth.RoleViewer}}}
	tests := []struct {
		p    *auth.Principal
		role auth.Role
		want bool
	}{
		{p, auth.RoleLeader, true},
		{p, auth.RoleViewer, true},
		{p, auth.RoleAdmin, false},
		{p, auth.RoleOfficer, false},
		{&auth.Principal{}, auth.RoleViewer, false},
		{nil, auth.RoleAdmin, false},
	}
	for _, tc := range tests {
		if got := tc.p.HasRole(tc.role); got != tc.want {
			t.Errorf("HasRole(%s) on %v = %v, want %v", tc.role, tc.p, got, tc.want)
		}
	}
}

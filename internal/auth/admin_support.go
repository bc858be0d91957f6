package auth

// HasRole reports whether p holds role r on at least one unit; templates
// use it to show the links a user may follow (the pages themselves check
// the unit at hand).
func (p *Principal) HasRole(r Role) bool {
	if p == nil {
		return false
	}
	for _, g := range p.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

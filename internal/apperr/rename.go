package apperr

// RenameFields returns err with the field of each of its domain errors
// (one *Error or Errors) passed through rename, so that a form can show
// a domain error beside the field it calls otherwise ("criterion.0.max"
// beside line 7's "criterion.7.max"). Any other error is returned as it
// is; err itself is not changed.
func RenameFields(err error, rename func(field string) string) error {
	var es Errors
	switch e := err.(type) {
	case Errors:
		es = e
	case *Error:
		c := *e
		c.Field = rename(c.Field)
		return &c
	default:
		return err
	}
	out := make(Errors, len(es))
	for i, e := range es {
		c := *e
		c.Field = rename(c.Field)
		out[i] = &c
	}
	return out
}

package web

// adminRoutes registers the pages of administration: units (create,
// rename, move, merge, split, close, each with a preview), accounts and
// their grants, the signed-in user's API tokens, and the audit log.
//
// Who may use them: every /quan-tri page needs an admin grant and acts
// only inside its scope (units below the grant; accounts whose grants all
// lie there, see auth.Store.CanManageUser); the audit log is for admins
// and leaders, limited to the units they cover; API tokens belong to any
// signed-in user.
func (s *Server) adminRoutes(mux *legacyMux) {
	a := &adminHandlers{Server: s}
	mux.HandleFunc("GET /quan-tri", a.index)
	mux.HandleFunc("GET /quan-tri/don-vi", a.units)
	mux.HandleFunc("GET /quan-tri/don-vi/{id}", a.unit)
	for _, op := range unitOps {
		mux.HandleFunc("GET /quan-tri/don-vi/{id}/"+op.Slug, a.unitOpForm(op))
		mux.HandleFunc("POST /quan-tri/don-vi/{id}/"+op.Slug, a.unitOpPost(op))
	}

	mux.HandleFunc("GET /quan-tri/tai-khoan", a.users)
	mux.HandleFunc("GET /quan-tri/tai-khoan/moi", a.userNewForm)
	mux.HandleFunc("POST /quan-tri/tai-khoan/moi", a.userCreate)
	mux.HandleFunc("GET /quan-tri/tai-khoan/{id}", a.userShow)
	mux.HandleFunc("POST /quan-tri/tai-khoan/{id}", a.userSave)
	mux.HandleFunc("GET /quan-tri/tai-khoan/{id}/khoa", a.userActiveForm)
	mux.HandleFunc("POST /quan-tri/tai-khoan/{id}/khoa", a.userActiveSave)
	mux.HandleFunc("GET /quan-tri/tai-khoan/{id}/mat-khau", a.userPasswordForm)
	mux.HandleFunc("POST /quan-tri/tai-khoan/{id}/mat-khau", a.userPasswordSave)
	mux.HandleFunc("GET /quan-tri/tai-khoan/{id}/quyen", a.grantForm)
	mux.HandleFunc("POST /quan-tri/tai-khoan/{id}/quyen", a.grantSave)
	mux.HandleFunc("GET /quan-tri/tai-khoan/{id}/quyen/{gid}/thu-hoi", a.revokeForm)
	mux.HandleFunc("POST /quan-tri/tai-khoan/{id}/quyen/{gid}/thu-hoi", a.revokeSave)

	mux.HandleFunc("GET /tai-khoan/ma-api", a.tokens)
	mux.HandleFunc("POST /tai-khoan/ma-api", a.tokenCreate)
	mux.HandleFunc("GET /tai-khoan/ma-api/{id}/thu-hoi", a.tokenRevokeForm)
	mux.HandleFunc("POST /tai-khoan/ma-api/{id}/thu-hoi", a.tokenRevokeSave)

	mux.HandleFunc("GET /quan-tri/nhat-ky", a.auditLog)
}

package report

import (
	"context"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes indicators, forms, reports and their values. It
// is safe for concurrent use; exported methods that write own their
// transaction and audit inside it. Methods that read or write a unit's
// reports take the acting principal and check its scope themselves.
type Store struct {
	db    *db.DB
	units *org.Store
	auth  *auth.Store
	storeCache
}

// NewStore returns a Store over d (migrated). a may be nil only for the
// operations that take no principal (the catalogue, forms, Load).
func NewStore(d *db.DB, units *org.Store, a *auth.Store) *Store {
	return &Store{db: d, units: units, auth: a}
}

// require checks that p may act with perm on unit unitID: apperr
// Unauthorized without a principal, Forbidden without the permission,
// NotFound for an unknown unit.
func (s *Store) require(ctx context.Context, p *auth.Principal, perm auth.Permission, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("report.err.signin")
	}
	ok, err := s.auth.Can(ctx, p, perm, unitID)
	if err != nil {
		return err
	}
	if ok {
		return nil
	}
	if perm == auth.PermWrite {
		return apperr.Forbidden("report.err.forbidden_write")
	}
	return apperr.Forbidden("report.err.forbidden_read")
}

// can is Can for p on unitID, false without a principal.
func (s *Store) can(ctx context.Context, p *auth.Principal, perm auth.Permission, unitID int64) (bool, error) {
	if p == nil {
		return false, nil
	}
	return s.auth.Can(ctx, p, perm, unitID)
}

// requireCatalogueAdmin checks that p may change the indicator catalogue
// and the forms, which every unit shares: only a national administrator
// (or the system, setting a database up).
func requireCatalogueAdmin(p *auth.Principal) error {
	if p == nil {
		return apperr.Unauthorized("report.err.signin")
	}
	if p.IsSystem() {
		return nil
	}
	if !p.NationalAdmin || !p.User.Active {
		return apperr.Forbidden("report.err.catalogue_admin")
	}
	return nil
}

// unitFor returns the unit as it stood in the period (on its last day, or
// its first when the unit ended before).
func (s *Store) unitFor(ctx context.Context, id int64, p vntext.Period) (org.Unit, error) {
	u, err := s.units.Get(ctx, id, p.End())
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		u, err = s.units.Get(ctx, id, p.Start())
	}
	return u, err
}

// reports reports whether u files reports with forms of level-based
// indicators: boards and commune blocs (not the organizations beside
// them).
func reports(u org.Unit) bool { return u.Kind == org.Board || u.Kind == org.CommuneBloc }

func joinList(xs []string) string {
	if len(xs) == 0 {
		return ","
	}
	return "," + strings.Join(xs, ",") + ","
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Package auth holds danvan's accounts and who may do what: users and
// their passwords, roles granted on units, sessions for the browser, API
// tokens for /api/v1 and login throttling. Everything that matters lives
// in the database, so any number of server processes sharing one
// PostgreSQL agree on it.
//
// # Roles and permissions
//
// A role is granted to a user on a unit. It covers that unit and every
// unit below it in the tree as it stands today, and the historical units
// (closed by a merge or a split) that map onto any of those:
//
//	role      PermRead  PermWrite  PermApprove  PermAdmin
//	admin        ✓          ✓           ✓            ✓
//	leader       ✓                      ✓
//	officer      ✓          ✓
//	viewer       ✓
//
// PermRead is reading a unit's records; PermWrite entering and editing
// them (officers); PermApprove approving reports and submissions
// (leaders); PermAdmin managing the unit's part of the hierarchy, its
// accounts and their grants. An admin grant on a root unit (the central
// board) makes a national admin, who covers everything.
//
// A grant on a unit that has since been closed covers only that unit
// (its records from before); give a grant on today's unit instead. For a
// historical unit that split, a grant covering any one of the units it
// passed into covers it.
//
// # Use from the web layer
//
//   - Store: NewStore(db, org.NewStore(db), Config{}) — zero Config fields
//     take DefaultConfig's values (argon2id t=2, 32 MiB; sessions idle 8 h,
//     absolute 7 days; the 6th failure per login or the 20th per address
//     within 15 minutes is refused). Tests pass
//     Config{Password: TestPasswordParams}.
//   - Sign-in: Login(LoginRequest{Login, Password, Addr, UserAgent})
//     checks throttling, the password and the account and returns a
//     Session. Put Session.Token in an HttpOnly, SameSite=Lax cookie
//     (Secure behind TLS) expiring at Session.ExpiresAt; only its SHA-256
//     is stored. Every sign-in makes a new token.
//   - Each request: Authenticate(token from the cookie) returns the
//     *Principal, or an apperr.Unauthorized error (unknown, expired or
//     ended session, disabled account). Put Principal.CSRFToken in every
//     form and compare it on POST with CheckCSRF. Put p.Actor(addr) in the
//     context with audit.WithActor so writes are attributed.
//   - Sign-out: Logout(token). Password change: ChangePassword ends every
//     session of the user; StartSession (or Login with the new password)
//     gives the current browser a new one.
//   - /api/v1: AuthenticateToken(bearer secret) returns a Principal with
//     TokenID set and no CSRF token (bearer requests carry no cookies).
//   - Permission checks on one unit: Can / Require. List pages: Scope
//     (All for a national scope, else the granted root units, which
//     org expands into unit ids) or ScopeRoots.
//   - Housekeeping: PurgeExpired now and then deletes ended sessions and
//     old failed sign-ins (they are refused whether purged or not).
//
// # Who may change accounts
//
// Every method that reads or changes an account, a grant or a token takes
// the acting principal and checks it itself: an administrator manages the
// accounts whose roles all lie in their reach (ManagedUser,
// CanManageUser) and grants roles only on units they administer; a token
// is its owner's alone; the audit log (AuditLog) shows each reader the
// units they cover. An account out of reach is "not found", so that its
// existence is not told. The command line, the demo and tests act as the
// system's operator with System(), which may do everything. Changes to
// the hierarchy are org's (org.Store.Apply), asked through Authorizer(p).
//
// # Audit
//
// Every write records an audit row (audit.Record) in the same transaction
// as the write, with the actor from the context (audit.WithActor):
// entity "user" (create, update, enable, disable, set_password,
// change_password), "grant" (grant, revoke), "api_token" (create,
// revoke) and "session" (login, logout; the user is the actor when the
// context has none). Passwords, password hashes, session, CSRF and API
// tokens never appear in it. Failed sign-ins are not audited (people type
// passwords into the login field); they are counted in login_failures
// under a hash of the login name.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// Role is what a user may do on the units a grant covers.
type Role string

// The roles.
const (
	RoleAdmin   Role = "admin"   // quản trị: everything, including accounts and the hierarchy
	RoleLeader  Role = "leader"  // lãnh đạo: read and approve
	RoleOfficer Role = "officer" // cán bộ: read, enter and edit
	RoleViewer  Role = "viewer"  // xem: read only
)

// Roles lists every role, strongest first.
var Roles = []Role{RoleAdmin, RoleLeader, RoleOfficer, RoleViewer}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleLeader, RoleOfficer, RoleViewer:
		return true
	}
	return false
}

// Permission is one kind of action a role may allow.
type Permission int

// The permissions; see the package documentation for which role has which.
const (
	PermRead Permission = iota + 1
	PermWrite
	PermApprove
	PermAdmin
)

// String names the permission (for logs).
func (p Permission) String() string {
	switch p {
	case PermRead:
		return "read"
	case PermWrite:
		return "write"
	case PermApprove:
		return "approve"
	case PermAdmin:
		return "admin"
	}
	return fmt.Sprintf("Permission(%d)", int(p))
}

// Allows reports whether role r carries permission p.
func (r Role) Allows(p Permission) bool {
	switch r {
	case RoleAdmin:
		return p >= PermRead && p <= PermAdmin
	case RoleLeader:
		return p == PermRead || p == PermApprove
	case RoleOfficer:
		return p == PermRead || p == PermWrite
	case RoleViewer:
		return p == PermRead
	}
	return false
}

// User is an account. The password hash never leaves the package.
type User struct {
	ID                int64
	Login             string // normalized: lower case
	Name              string // vntext.Normalize'd full name
	Phone             string
	Email             string
	Active            bool
	Version           int64 // pass back to UpdateUser / SetActive
	PasswordChangedAt time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// NewUser describes an account to create.
type NewUser struct {
	Login    string
	Name     string
	Phone    string
	Email    string
	Password string
}

// UserUpdate changes an account's editable fields (the login name never
// changes). Version must be the version the editor started from; a stale
// one is refused with apperr.Conflict.
type UserUpdate struct {
	ID      int64
	Version int64
	Name    string
	Phone   string
	Email   string
}

// Grant is a role given to a user on a unit.
type Grant struct {
	ID        int64
	UserID    int64
	UnitID    int64
	Role      Role
	GrantedBy int64 // 0 when granted by the system (command line, demo)
	GrantedAt time.Time
}

// Session is a signed-in browser, as returned by Login. Token is the
// secret for the cookie and is only ever available here: the database
// keeps its SHA-256.
type Session struct {
	ID        int64
	UserID    int64
	Token     string
	CSRFToken string
	CreatedAt time.Time
	ExpiresAt time.Time // absolute end; the idle timeout may end it sooner
	// SecondStep, when not empty, means the password was right but the
	// account signs in with a second step: there is no session yet (Token
	// is empty); pass SecondStep to VerifySecondStep with the code.
	SecondStep string
}

// Token is an API token. The secret is returned once by CreateToken.
// Its scope is never wider than its owner's: ReadOnly makes every role
// read only, and UnitIDs, when not empty, keep only the owner's roles
// as they cover these units (and their subtrees).
type Token struct {
	ID         int64
	UserID     int64
	Name       string
	Prefix     string // the secret's first characters, to tell tokens apart
	CreatedAt  time.Time
	LastUsedAt time.Time // zero if never used
	RevokedAt  time.Time // zero while valid
	ExpiresAt  time.Time // zero: never (tokens made before expiry existed)
	ReadOnly   bool
	UnitIDs    []int64
}

// Active reports whether the token has not been revoked.
func (t Token) Active() bool { return t.RevokedAt.IsZero() }

// Expired reports whether the token's expiry has passed at now.
func (t Token) Expired(now time.Time) bool { return !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt) }

// TokenPrefix starts every API token secret.
const TokenPrefix = "dv_"

// NormalizeLogin returns the canonical form of a login name (trimmed,
// lower case) and whether it is well formed: 3 to 64 characters from
// a–z, 0–9, '.', '_' and '-', starting with a letter or digit.
func NormalizeLogin(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 || len(s) > 64 {
		return s, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return s, false
		}
	}
	return s, true
}

// cleanName trims and collapses spaces and applies vntext.Normalize.
func cleanName(s string) string {
	return vntext.Normalize(strings.Join(strings.Fields(s), " "))
}

// cleanPhone removes spaces, dots and dashes people type in numbers.
func cleanPhone(s string) string {
	return strings.NewReplacer(" ", "", ".", "", "-", "", "(", "", ")", "").Replace(strings.TrimSpace(s))
}

// validateProfile cleans and checks the editable fields of an account,
// collecting every problem.
func validateProfile(name, phone, email *string, es *apperr.Errors) {
	*name = cleanName(*name)
	*phone = cleanPhone(*phone)
	*email = strings.TrimSpace(*email)
	switch {
	case *name == "":
		es.Add("name", "auth.err.name_missing")
	case utf8.RuneCountInString(*name) > 200:
		es.Add("name", "auth.err.name_long")
	}
	if *phone != "" {
		digits := strings.TrimPrefix(*phone, "+")
		ok := len(digits) >= 8 && len(digits) <= 15
		for _, c := range digits {
			if c < '0' || c > '9' {
				ok = false
			}
		}
		if !ok {
			es.Add("phone", "auth.err.phone_format")
		}
	}
	if *email != "" {
		a, err := mail.ParseAddress(*email)
		if err != nil || a.Address != *email || len(*email) > 254 {
			es.Add("email", "auth.err.email_format")
		} else {
			*email = strings.ToLower(*email)
		}
	}
}

// randomToken returns n random bytes as unpadded URL-safe base64.
func randomToken(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hashToken is what the database keeps of a session or API token.
func hashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CheckCSRF reports whether the token sent with a form matches the
// session's, in constant time. It returns an apperr.Forbidden error when
// it does not (or when p has no session).
func CheckCSRF(p *Principal, sent string) error {
	if p == nil || p.CSRFToken == "" || sent == "" ||
		subtle.ConstantTimeCompare([]byte(p.CSRFToken), []byte(sent)) != 1 {
		return apperr.Forbidden("auth.err.csrf")
	}
	return nil
}

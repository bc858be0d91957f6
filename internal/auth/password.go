package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// PasswordParams are the argon2id cost parameters for new password
// hashes. Hashes record their own parameters, so changing these affects
// only passwords set afterwards; old hashes still verify.
type PasswordParams struct {
	Time    uint32 // passes over memory
	Memory  uint32 // KiB
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultPasswordParams suit a small two-core server: about 50 ms and
// 32 MiB per sign-in.
var DefaultPasswordParams = PasswordParams{Time: 2, Memory: 32 * 1024, Threads: 2, SaltLen: 16, KeyLen: 32}

// TestPasswordParams are deliberately cheap, for tests only.
var TestPasswordParams = PasswordParams{Time: 1, Memory: 64, Threads: 1, SaltLen: 16, KeyLen: 32}

// Password length limits, in characters (runes). The upper limit keeps a
// hostile client from making the server hash megabytes.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

// HashPassword returns a PHC-style argon2id encoding of pw with a fresh
// random salt:
//
//	$argon2id$v=19$m=32768,t=2,p=2$<salt>$<key>
//
// with salt and key in unpadded standard base64. The password is brought
// to Unicode NFC first, so that "mật khẩu" typed with a keyboard that
// composes characters and with one that does not is the same password.
func HashPassword(pw string, p PasswordParams) (string, error) {
	pw = norm.NFC.String(pw)
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: password salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// errBadHash means a stored hash could not be read.
var errBadHash = errors.New("auth: malformed password hash")

// VerifyPassword reports whether pw matches the encoded hash, comparing
// in constant time (after bringing pw to NFC, as HashPassword does). An
// error means the hash itself is unreadable.
func VerifyPassword(pw, encoded string) (bool, error) {
	pw = norm.NFC.String(pw)
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

func decodeHash(encoded string) (p PasswordParams, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, key
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	if p.Time == 0 || p.Threads == 0 || p.Memory < 8*uint32(p.Threads) || p.Memory > 4*1024*1024 || p.Time > 64 {
		return p, nil, nil, errBadHash
	}
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, errBadHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 {
		return p, nil, nil, errBadHash
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

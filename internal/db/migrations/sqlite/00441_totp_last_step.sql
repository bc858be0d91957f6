-- +goose Up
-- The last TOTP time step (Unix time / 30 s) an account's code was
-- accepted for: a code is never accepted twice (RFC 6238, 5.2).
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- +goose Down
ALTER TABLE users DROP COLUMN totp_last_step;

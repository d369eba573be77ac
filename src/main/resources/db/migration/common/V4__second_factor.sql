-- Second factor: an authenticator app (TOTP) per member, and single-use recovery codes.
-- The secret is stored encrypted (AES-GCM, key outside the database: hearth.secrets.key or
-- the data directory's secrets.key), so a dump of the database alone does not reveal it.
CREATE TABLE second_factors (
    member_id      VARCHAR(16)  PRIMARY KEY REFERENCES members (id),
    -- the confirmed secret; null until the member has typed a first code from their app
    secret         VARCHAR(200),
    enabled_at     BIGINT,
    -- a secret shown for setting up, waiting for its first code; replaces the confirmed one when confirmed
    pending_secret VARCHAR(200),
    pending_since  BIGINT,
    -- the last 30-second step whose code was accepted: a code seen once is not accepted again
    last_step      BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    id        VARCHAR(16) PRIMARY KEY,
    member_id VARCHAR(16) NOT NULL REFERENCES members (id),
    -- SHA-256 of the code: the codes are random (50 bits), so a fast hash is enough
    code_hash VARCHAR(64) NOT NULL,
    used_at   BIGINT
);
CREATE INDEX recovery_codes_by_member ON recovery_codes (member_id);

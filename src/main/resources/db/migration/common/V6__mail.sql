-- Outgoing mail is written here in the same transaction as what caused it, then delivered:
-- a crash between the two loses nothing. Without an SMTP server, it waits on the outbox page.
CREATE TABLE mail_outbox (
    id         VARCHAR(16)  PRIMARY KEY,
    recipient  VARCHAR(254) NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    created_at BIGINT       NOT NULL,
    claimed_at BIGINT,
    sent_at    BIGINT,
    attempts   INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX mail_outbox_waiting ON mail_outbox (sent_at, created_at);

-- Links sent by e-mail: only a SHA-256 digest of the token is kept; single use; short-lived.
CREATE TABLE email_tokens (
    token_hash VARCHAR(64)  PRIMARY KEY,
    member_id  VARCHAR(16)  NOT NULL REFERENCES members (id),
    purpose    VARCHAR(20)  NOT NULL,
    email      VARCHAR(254),
    expires_at BIGINT       NOT NULL,
    used_at    BIGINT
);
CREATE INDEX email_tokens_by_member ON email_tokens (member_id);

ALTER TABLE members ADD COLUMN email_verified_at BIGINT;

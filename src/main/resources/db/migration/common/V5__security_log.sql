-- Every security event of an account, readable by its member (never by other members).
CREATE TABLE security_events (
    id        VARCHAR(16) PRIMARY KEY,
    member_id VARCHAR(16) NOT NULL REFERENCES members (id),
    kind      VARCHAR(40) NOT NULL,
    device    VARCHAR(80),
    at        BIGINT      NOT NULL
);
CREATE INDEX security_events_by_member ON security_events (member_id, at);

-- Attempt counters (Bucket4j token buckets) shared by every node when Hearth runs on
-- PostgreSQL. The embedded SQLite site counts in memory and leaves this table empty.
CREATE TABLE attempt_buckets (
    id         VARCHAR(400) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX attempt_buckets_expiry ON attempt_buckets (expires_at);

-- One row that the health check rewrites (at most once per hearth.health.write-check-interval,
-- and only when no other write succeeded meanwhile) to learn whether the database still takes
-- writes. It holds a time and nothing about anyone.
CREATE TABLE write_check (
    id         INTEGER PRIMARY KEY,
    written_at BIGINT NOT NULL
);
INSERT INTO write_check (id, written_at) VALUES (1, 0);

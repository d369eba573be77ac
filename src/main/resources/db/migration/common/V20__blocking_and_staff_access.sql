-- Blocking and muting: private choices of one member, never shown to anyone else.
CREATE TABLE blocks (
    blocker_id VARCHAR(16) NOT NULL REFERENCES members (id),
    blocked_id VARCHAR(16) NOT NULL REFERENCES members (id),
    blocked_at BIGINT      NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
-- erasing an account also erases the blocks against it
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

CREATE TABLE topic_mutes (
    member_id VARCHAR(16) NOT NULL REFERENCES members (id),
    topic_id  VARCHAR(16) NOT NULL REFERENCES topics (id),
    muted_at  BIGINT      NOT NULL,
    PRIMARY KEY (member_id, topic_id)
);

-- What staff saw about a member, for that member to read. The acting staff member is not
-- stored, only their role at the time; the community's name is kept as it was then.
CREATE TABLE staff_access (
    id             VARCHAR(16)  NOT NULL PRIMARY KEY,
    member_id      VARCHAR(16)  NOT NULL REFERENCES members (id),
    staff_role     VARCHAR(24)  NOT NULL,
    community_id   VARCHAR(16),
    community_name VARCHAR(200),
    seen           VARCHAR(40)  NOT NULL,
    seen_at        BIGINT       NOT NULL
);
CREATE INDEX staff_access_by_member ON staff_access (member_id, seen_at);

-- Trust that grows, per community: a member's standing in one community says nothing about
-- another. What the level is worked out from lives where it is written (topics read, replies,
-- when they joined); only what no other table knows is kept here: on how many days the member
-- visited the community (one row per member and community, counted once a day), and a level a
-- moderator set, which holds instead of the worked-out one until a moderator sets it back.
CREATE TABLE trust_standings (
    community_id   VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id      VARCHAR(16) NOT NULL REFERENCES members (id),
    days_visited   INTEGER     NOT NULL DEFAULT 0,
    last_visit_day INTEGER     NOT NULL DEFAULT 0, -- days since 1970-01-01, UTC
    set_level      INTEGER,                        -- set by a moderator; null: worked out
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX trust_standings_by_member ON trust_standings (member_id);

-- Every level a moderator set, with why: the member reads these about themselves, fellow
-- moderators read them all. The moderator is kept as an id while they have an account.
CREATE TABLE trust_changes (
    id           VARCHAR(16)  PRIMARY KEY,
    community_id VARCHAR(16)  NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    changed_by   VARCHAR(16)  REFERENCES members (id),
    from_level   INTEGER      NOT NULL,
    to_level     INTEGER,                            -- null: back to the worked-out level
    reason       VARCHAR(500) NOT NULL,
    changed_at   BIGINT       NOT NULL
);
CREATE INDEX trust_changes_by_member ON trust_changes (community_id, member_id, changed_at);
CREATE INDEX trust_changes_by_changer ON trust_changes (changed_by);

-- A member's posts in a community are counted for their trust, and limits for new members
-- count their posts of the day: both look posts up by author, as a member's own post list and
-- download already did without an index.
CREATE INDEX posts_by_author ON posts (author_id, created_at);

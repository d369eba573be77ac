-- One member's flag about another member of a community: about the person rather than one post
-- (a pattern across posts, a handle or picture that names someone, someone recruiting). post_id
-- is the post the flagger started from, shown to moderators for context (null once erased).
-- weight, judged and judged_at work as on flags; action_id is the decision that judged it, so an
-- upheld appeal of that decision turns down exactly these flags. A member flag never hides
-- anything by itself: it waits for a moderator.
CREATE TABLE member_flags (
    id           VARCHAR(16)  PRIMARY KEY,
    community_id VARCHAR(16)  NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    flagger_id   VARCHAR(16)  NOT NULL REFERENCES members (id),
    post_id      VARCHAR(16)  REFERENCES posts (id),
    reason       VARCHAR(20)  NOT NULL,
    comment      VARCHAR(500) NOT NULL,
    weight       INTEGER      NOT NULL,
    flagged_at   BIGINT       NOT NULL,
    judged       VARCHAR(10),
    judged_at    BIGINT,
    action_id    VARCHAR(16),
    UNIQUE (community_id, member_id, flagger_id)
);
CREATE INDEX member_flags_by_flagger ON member_flags (flagger_id, flagged_at);
CREATE INDEX member_flags_by_member ON member_flags (member_id, community_id);

-- A flagged member waiting in (or decided in) their community's review queue: one row per
-- member and community, opened again by a new flag after a decision; claimed and decided as
-- reviews of posts are.
CREATE TABLE member_reviews (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    urgent       BOOLEAN     NOT NULL DEFAULT FALSE,
    opened_at    BIGINT      NOT NULL,
    claimed_by   VARCHAR(16) REFERENCES members (id),
    claimed_at   BIGINT,
    decided_by   VARCHAR(16) REFERENCES members (id),
    decided_at   BIGINT,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX member_reviews_by_community ON member_reviews (community_id, decided_at);

-- Hidden posts, owned by conversation: a post hidden while moderators review it (enough flags,
-- or a moderator's own flag) or hidden by a moderator's decision. Members and visitors see a
-- line in its place; its author still sees it and why; moderators see it marked.
-- hidden_why: PENDING_REVIEW or BY_MODERATOR. hidden_edited_at: the author edited it once,
-- after it was hidden, to ask moderators for another look.
ALTER TABLE posts ADD COLUMN hidden_at BIGINT;
ALTER TABLE posts ADD COLUMN hidden_why VARCHAR(20);
ALTER TABLE posts ADD COLUMN hidden_edited_at BIGINT;

-- A topic a moderator locked takes no new replies (but from moderators).
ALTER TABLE topics ADD COLUMN locked_at BIGINT;

-- Muting and suspension live with the membership, in the community feature: until then the
-- member may read but not write there.
ALTER TABLE memberships ADD COLUMN muted_until BIGINT;
ALTER TABLE memberships ADD COLUMN suspended_until BIGINT;

-- One member's flag on one post (a topic is flagged through its opening post). weight is the
-- flag's score in hundredths (1 + trust level + the flagger's accuracy bonus, fixed when cast).
-- judged: null while the post waits for review, then UPHELD or REJECTED. author_id is the
-- post's author, kept so flags upheld against a member can be counted (trust); never shown.
CREATE TABLE flags (
    id           VARCHAR(16)  PRIMARY KEY,
    community_id VARCHAR(16)  NOT NULL REFERENCES communities (id),
    post_id      VARCHAR(16)  NOT NULL REFERENCES posts (id),
    flagger_id   VARCHAR(16)  NOT NULL REFERENCES members (id),
    author_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    reason       VARCHAR(20)  NOT NULL,
    comment      VARCHAR(500),
    weight       INTEGER      NOT NULL,
    flagged_at   BIGINT       NOT NULL,
    judged       VARCHAR(10),
    judged_at    BIGINT,
    UNIQUE (post_id, flagger_id)
);
CREATE INDEX flags_by_flagger ON flags (flagger_id, flagged_at);
CREATE INDEX flags_by_community ON flags (community_id, judged);
CREATE INDEX flags_by_author ON flags (author_id, community_id);

-- A flagged post waiting in (or decided in) its community's review queue: one row per post,
-- opened again when a new flag comes after a decision. A moderator claims it so two do not act
-- at once; deciding sets decided_at where it is still null, so of two decisions one wins.
CREATE TABLE reviews (
    post_id           VARCHAR(16) PRIMARY KEY REFERENCES posts (id),
    community_id      VARCHAR(16) NOT NULL REFERENCES communities (id),
    urgent            BOOLEAN     NOT NULL DEFAULT FALSE,
    opened_at         BIGINT      NOT NULL,
    claimed_by        VARCHAR(16) REFERENCES members (id),
    claimed_at        BIGINT,
    decided_by        VARCHAR(16) REFERENCES members (id),
    decided_at        BIGINT
);
CREATE INDEX reviews_by_community ON reviews (community_id, decided_at);

-- Every moderator's action, for the public moderation log and appeals to come. member_id is
-- the member the action is about (the post's author for an action on a post); rule_number is
-- the community rule it was taken under, once rules exist. until_at ends a mute or suspension.
CREATE TABLE moderation_actions (
    id           VARCHAR(16) PRIMARY KEY,
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    action       VARCHAR(20) NOT NULL,
    post_id      VARCHAR(16) REFERENCES posts (id),
    member_id    VARCHAR(16) REFERENCES members (id),
    rule_number  INTEGER,
    reason       TEXT        NOT NULL,
    moderator_id VARCHAR(16) REFERENCES members (id),
    until_at     BIGINT,
    acted_at     BIGINT      NOT NULL
);
CREATE INDEX moderation_actions_by_member ON moderation_actions (member_id, acted_at);
CREATE INDEX moderation_actions_by_community ON moderation_actions (community_id, acted_at);

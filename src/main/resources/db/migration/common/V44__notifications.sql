-- Something happened that members may want to hear about. Written in the transaction of the
-- change itself, so a crash loses none; after the commit a worker on one node claims it and, in
-- one transaction of its own, writes what each member is told and deletes it: a crash during
-- that leaves it to be claimed again, never half told.
CREATE TABLE notification_events (
    id           VARCHAR(16)  PRIMARY KEY,
    kind         VARCHAR(30)  NOT NULL,
    community_id VARCHAR(16),
    topic_id     VARCHAR(16),
    post_id      VARCHAR(16),
    -- who did it, kept to leave out members who blocked them, even for an anonymous post
    actor_id     VARCHAR(16),
    anonymous    BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the one member it is for, when it is for one (a mention, a decision about them)
    recipient_id VARCHAR(16),
    -- what it is about when not a post: a moderator's decision, an appeal, an application
    about_id     VARCHAR(16),
    created_at   BIGINT       NOT NULL,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    -- when it may be told (again): retries wait longer each time, and the news of a post held
    -- for review waits until a moderator lets it through
    not_before   BIGINT       NOT NULL
);
CREATE INDEX notification_events_waiting ON notification_events (not_before);
CREATE INDEX notification_events_of_post ON notification_events (post_id);

-- What a member is told, one row per thing on their notifications page. Like things that arrive
-- while the first is unread join it (three reactions to one post, five replies in one topic):
-- batch_key names what joins, and only one unread row per member and key may exist.
CREATE TABLE notifications (
    id           VARCHAR(16)  PRIMARY KEY,
    member_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    kind         VARCHAR(30)  NOT NULL,
    batch_key    VARCHAR(80)  NOT NULL,
    community_id VARCHAR(16),
    topic_id     VARCHAR(16),
    post_id      VARCHAR(16),
    -- the latest member who did it; null when anonymous, so the reader learns nothing of who
    actor_member_id VARCHAR(16),
    how_many     INTEGER      NOT NULL DEFAULT 1,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    read_at      BIGINT
);
CREATE INDEX notifications_of_member ON notifications (member_id, updated_at);
CREATE INDEX notifications_of_post ON notifications (post_id);
CREATE UNIQUE INDEX notifications_one_unread ON notifications (member_id, batch_key) WHERE read_at IS NULL;

-- Topics a member hears about: those they started or replied in (unless they stop), and those
-- they chose to follow.
CREATE TABLE topic_followers (
    topic_id     VARCHAR(16)  NOT NULL,
    member_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    -- true: they chose not to hear about it, even after writing in it again
    stopped      BOOLEAN      NOT NULL DEFAULT FALSE,
    since        BIGINT       NOT NULL,
    PRIMARY KEY (topic_id, member_id)
);
CREATE INDEX topic_followers_of_member ON topic_followers (member_id);

-- Communities whose new topics a member chose to hear about.
CREATE TABLE community_followers (
    community_id VARCHAR(16)  NOT NULL,
    member_id    VARCHAR(16)  NOT NULL REFERENCES members (id),
    since        BIGINT       NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX community_followers_of_member ON community_followers (member_id);

-- One schema for SQLite and PostgreSQL: portable types only. Identifiers are random text
-- (never sequential); times are milliseconds since the epoch, UTC.

CREATE TABLE members (
    id            VARCHAR(16)  PRIMARY KEY,
    handle        VARCHAR(30)  NOT NULL,
    handle_key    VARCHAR(120) NOT NULL UNIQUE, -- lower case can be longer than the handle
    password_hash VARCHAR(200),
    email         VARCHAR(254),
    site_admin    BOOLEAN      NOT NULL DEFAULT FALSE,
    about         TEXT,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE communities (
    id               VARCHAR(16)  PRIMARY KEY,
    slug             VARCHAR(60)  NOT NULL UNIQUE,
    name             VARCHAR(80)  NOT NULL,
    description      TEXT         NOT NULL,
    condition_served VARCHAR(120) NOT NULL,
    visibility       VARCHAR(20)  NOT NULL,
    join_policy      VARCHAR(20)  NOT NULL,
    allow_anonymous  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       BIGINT       NOT NULL
);

CREATE TABLE memberships (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    role         VARCHAR(20) NOT NULL,
    joined_at    BIGINT      NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX memberships_by_member ON memberships (member_id);

CREATE TABLE join_requests (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    requested_at BIGINT      NOT NULL,
    PRIMARY KEY (community_id, member_id)
);

CREATE TABLE invitations (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    invited_by   VARCHAR(16) NOT NULL REFERENCES members (id),
    invited_at   BIGINT      NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX invitations_by_member ON invitations (member_id);

CREATE TABLE topics (
    id               VARCHAR(16)  PRIMARY KEY,
    community_id     VARCHAR(16)  NOT NULL REFERENCES communities (id),
    kind             VARCHAR(20)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    created_at       BIGINT       NOT NULL,
    last_activity_at BIGINT       NOT NULL,
    reply_count      INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX topics_by_activity ON topics (community_id, last_activity_at);

CREATE TABLE posts (
    id              VARCHAR(16) PRIMARY KEY,
    topic_id        VARCHAR(16) NOT NULL REFERENCES topics (id),
    author_id       VARCHAR(16) NOT NULL REFERENCES members (id),
    anonymous       BOOLEAN     NOT NULL DEFAULT FALSE,
    opening         BOOLEAN     NOT NULL DEFAULT FALSE,
    position        INTEGER     NOT NULL,
    body_source     TEXT        NOT NULL,
    body_html       TEXT        NOT NULL,
    content_warning VARCHAR(120),
    created_at      BIGINT      NOT NULL,
    edited_at       BIGINT,
    deleted_at      BIGINT
);
-- position: 0 for the opening post, then 1, 2, ... in the order replies were acknowledged
CREATE UNIQUE INDEX posts_in_topic ON posts (topic_id, position);

CREATE TABLE post_revisions (
    id              VARCHAR(16)  PRIMARY KEY,
    post_id         VARCHAR(16)  NOT NULL REFERENCES posts (id),
    title           VARCHAR(200),
    body_source     TEXT         NOT NULL,
    content_warning VARCHAR(120),
    written_at      BIGINT       NOT NULL,
    replaced_at     BIGINT       NOT NULL
);
CREATE INDEX post_revisions_by_post ON post_revisions (post_id);

CREATE TABLE reactions (
    post_id   VARCHAR(16) NOT NULL REFERENCES posts (id),
    member_id VARCHAR(16) NOT NULL REFERENCES members (id),
    kind      VARCHAR(20) NOT NULL,
    PRIMARY KEY (post_id, member_id, kind)
);

CREATE TABLE topic_reads (
    member_id VARCHAR(16) NOT NULL REFERENCES members (id),
    topic_id  VARCHAR(16) NOT NULL REFERENCES topics (id),
    read_at   BIGINT      NOT NULL,
    PRIMARY KEY (member_id, topic_id)
);

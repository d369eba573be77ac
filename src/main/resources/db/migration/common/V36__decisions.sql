-- A decision topic's options and the questions that matter to it (the decision feature).
-- name_key is the name folded as handles are (case, accents and spacing aside), so two options
-- cannot differ only in how they are written. added_as: null for the options the decision was
-- started with, else who added it later by role (AUTHOR or MODERATOR), never by member, so an
-- option holds nothing about a person. Options are never deleted while the topic stands.
CREATE TABLE decision_options (
    id          VARCHAR(16)  PRIMARY KEY,
    topic_id    VARCHAR(16)  NOT NULL REFERENCES topics (id),
    position    INTEGER      NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    name_key    VARCHAR(120) NOT NULL,
    description VARCHAR(300) NOT NULL,
    added_as    VARCHAR(20),
    added_at    BIGINT       NOT NULL,
    UNIQUE (topic_id, name_key),
    UNIQUE (topic_id, position)
);

CREATE TABLE decision_questions (
    topic_id VARCHAR(16)  NOT NULL REFERENCES topics (id),
    position INTEGER      NOT NULL,
    text     VARCHAR(120) NOT NULL,
    PRIMARY KEY (topic_id, position)
);

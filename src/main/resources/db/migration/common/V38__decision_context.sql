-- What a member may choose to share with an experience, from a short fixed list their community
-- defines (a field such as "Time since diagnosis" and its choices such as "Less than a year"),
-- so readers can filter the experiences by it. Never shown beside an experience. A field or a
-- choice taken off the list is retired (retired_at), never deleted: experiences keep what they
-- shared, and it still filters; it is no longer offered.
CREATE TABLE context_fields (
    id           VARCHAR(16) PRIMARY KEY,
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    position     INTEGER     NOT NULL,
    label        VARCHAR(80) NOT NULL,
    retired_at   BIGINT
);
CREATE INDEX context_fields_by_community ON context_fields (community_id, position);

CREATE TABLE context_choices (
    id         VARCHAR(16) PRIMARY KEY,
    field_id   VARCHAR(16) NOT NULL REFERENCES context_fields (id),
    position   INTEGER     NOT NULL,
    label      VARCHAR(80) NOT NULL,
    retired_at BIGINT
);
CREATE INDEX context_choices_by_field ON context_choices (field_id, position);

-- What one experience's writer chose to share: at most one choice per field.
CREATE TABLE experience_context (
    post_id   VARCHAR(16) NOT NULL REFERENCES experiences (post_id),
    field_id  VARCHAR(16) NOT NULL REFERENCES context_fields (id),
    choice_id VARCHAR(16) NOT NULL REFERENCES context_choices (id),
    PRIMARY KEY (post_id, field_id)
);

-- A member's experience of a decision: a reply of the decision's topic (post_id) with the option
-- they chose, roughly when (chosen_month: year * 12 + month - 1, shown coarsely), and whether
-- they would choose it again (YES, NOT_SURE, NO): first_would_again as they first said it, shown
-- with the experience; would_again the latest, which the counts take (an update may change it). One per
-- member and decision: member_id is kept for that rule even when the post is anonymous, and is
-- shown to no one.
CREATE TABLE experiences (
    post_id      VARCHAR(16) PRIMARY KEY REFERENCES posts (id),
    topic_id     VARCHAR(16) NOT NULL REFERENCES topics (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    option_id    VARCHAR(16) NOT NULL REFERENCES decision_options (id),
    chosen_month INTEGER     NOT NULL,
    first_would_again VARCHAR(10) NOT NULL,
    would_again  VARCHAR(10) NOT NULL,
    UNIQUE (topic_id, member_id)
);
CREATE INDEX experiences_by_member ON experiences (member_id);

-- An experience's answer to one of its decision's questions (by the question's position).
CREATE TABLE experience_answers (
    post_id  VARCHAR(16)  NOT NULL REFERENCES experiences (post_id),
    question INTEGER      NOT NULL,
    answer   VARCHAR(500) NOT NULL,
    PRIMARY KEY (post_id, question)
);

-- What the writer added to their experience later ("six months later: ..."), never overwritten:
-- the timeline under the experience. would_again is what they said then.
CREATE TABLE experience_updates (
    id          VARCHAR(16) PRIMARY KEY,
    post_id     VARCHAR(16) NOT NULL REFERENCES experiences (post_id),
    written_at  BIGINT      NOT NULL,
    body_source TEXT        NOT NULL,
    body_html   TEXT        NOT NULL,
    would_again VARCHAR(10) NOT NULL
);
CREATE INDEX experience_updates_by_post ON experience_updates (post_id, written_at);

-- One row per form submission that created something, keyed by the one-time key the form
-- carried: written in the same transaction as what it created, so a repeat of the submission
-- (a double click, a retry after an error, the browser posting again) finds it, on any node, and
-- is answered with what was created instead of storing it twice. A key is one member's: the
-- same key sent by another member is another submission. Rows older than
-- hearth.submissions.kept-for are deleted.
CREATE TABLE submissions (
    member_id      VARCHAR(16)  NOT NULL,
    submission_key VARCHAR(16)  NOT NULL,
    created        VARCHAR(200),
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (member_id, submission_key)
);
CREATE INDEX submissions_by_age ON submissions (created_at);

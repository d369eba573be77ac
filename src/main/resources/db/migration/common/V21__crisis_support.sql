-- Support alerts for a community's moderators. kind ASKED: a writer who saw the crisis
-- resources chose to let the moderators know about their post; kind CONCERN: a member
-- (reported_by) is worried about a post's author, with an optional note. member_id is whom the
-- alert is about; anonymous says the post was anonymous when the alert was made, so that a
-- reporter's limits never tell them who wrote an anonymous post. post_id has no foreign key: an
-- alert stays when its author deletes the post. A member who deletes their account takes the
-- alerts about them along; a reporter's deletion takes their name and note off the alert.
CREATE TABLE support_alerts (
    id           VARCHAR(16)   PRIMARY KEY,
    community_id VARCHAR(16)   NOT NULL REFERENCES communities (id),
    post_id      VARCHAR(16)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    member_id    VARCHAR(16)   NOT NULL REFERENCES members (id),
    anonymous    BOOLEAN       NOT NULL,
    reported_by  VARCHAR(16)   REFERENCES members (id),
    note         VARCHAR(1000),
    created_at   BIGINT        NOT NULL,
    handled_at   BIGINT,
    handled_by   VARCHAR(16)   REFERENCES members (id)
);
CREATE INDEX support_alerts_of_community ON support_alerts (community_id, created_at);
-- counts a reporter's recent reports, for the limits on reports of concern
CREATE INDEX support_alerts_by_reporter ON support_alerts (reported_by, created_at);
CREATE INDEX support_alerts_about_member ON support_alerts (member_id);
CREATE INDEX support_alerts_of_post ON support_alerts (post_id);
-- One row per member who raised a concern, written first in every report of concern: on
-- PostgreSQL the row lock makes two reports by the same member at once wait for each other, so
-- the limits are counted after the other one committed (SQLite has one writer at a time).
CREATE TABLE concern_reporters (
    member_id        VARCHAR(16) PRIMARY KEY REFERENCES members (id),
    last_reported_at BIGINT      NOT NULL
);

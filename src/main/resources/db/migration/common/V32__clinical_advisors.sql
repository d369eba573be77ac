-- A community's clinical advisory board: verified clinicians its owners invited, who accepted.
-- accepted is null while the invitation waits, then true or false; ended_at closes an advisorship
-- (the owner ended it, or the advisor stepped down). One row per community and member: inviting
-- again after a decline or an end starts the row over.
CREATE TABLE community_advisors (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    invited_by   VARCHAR(16) REFERENCES members (id),
    invited_at   BIGINT      NOT NULL,
    accepted     BOOLEAN,
    answered_at  BIGINT,
    ended_at     BIGINT,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX community_advisors_by_member ON community_advisors (member_id);

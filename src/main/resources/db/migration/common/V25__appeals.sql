-- Appeals: a member contests a moderator's action about them, once per action, in their own
-- words. A moderator other than the one who acted decides it (site administrators when the
-- community has no other), with a written reason; the decision is itself an action in the log
-- (APPEAL_UPHELD or APPEAL_DENIED). Deciding sets decided_at where it is still null, so of two
-- deciding at once, one wins. member_id and words go when the member erases their account.
CREATE TABLE appeals (
    id            VARCHAR(16) PRIMARY KEY,
    action_id     VARCHAR(16) NOT NULL UNIQUE REFERENCES moderation_actions (id),
    community_id  VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id     VARCHAR(16) REFERENCES members (id),
    words         TEXT        NOT NULL,
    appealed_at   BIGINT      NOT NULL,
    decided_by    VARCHAR(16) REFERENCES members (id),
    decided_at    BIGINT,
    upheld        BOOLEAN,
    decision_id   VARCHAR(16) REFERENCES moderation_actions (id)
);
CREATE INDEX appeals_by_community ON appeals (community_id, decided_at);
CREATE INDEX appeals_by_member ON appeals (member_id);

-- An action taken by a site administrator rather than by one of the community's moderators:
-- the log names them "a site administrator". undone_at: an upheld appeal undid the action.
ALTER TABLE moderation_actions ADD COLUMN by_site_staff BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE moderation_actions ADD COLUMN undone_at BIGINT;

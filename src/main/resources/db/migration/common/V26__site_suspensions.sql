-- A site administrator suspends an account site-wide (a wave of spam): until suspended_until the
-- account cannot sign in by any means, and its sessions were ended when it was suspended.
ALTER TABLE members ADD COLUMN suspended_until BIGINT;

-- What site administrators did to accounts, owned by moderation: suspensions and their lifting,
-- each with a written reason, as the site's own moderation log. member_id and admin_id are
-- cleared when either erases their account; the row stays for the site's record.
CREATE TABLE site_actions (
    id        VARCHAR(16) PRIMARY KEY,
    action    VARCHAR(20) NOT NULL,
    member_id VARCHAR(16) REFERENCES members (id),
    reason    TEXT        NOT NULL,
    admin_id  VARCHAR(16) REFERENCES members (id),
    until_at  BIGINT,
    acted_at  BIGINT      NOT NULL
);
CREATE INDEX site_actions_by_member ON site_actions (member_id, acted_at);
CREATE INDEX site_actions_by_admin ON site_actions (admin_id);
CREATE INDEX site_actions_by_time ON site_actions (acted_at);

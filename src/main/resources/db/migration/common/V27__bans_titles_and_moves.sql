-- A member a moderator banned from a community: their membership ended, and they may not join,
-- ask to join or be invited again while this row stands (an upheld appeal removes it). Owned by
-- community.
CREATE TABLE community_bans (
    community_id VARCHAR(16) NOT NULL REFERENCES communities (id),
    member_id    VARCHAR(16) NOT NULL REFERENCES members (id),
    banned_at    BIGINT      NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX community_bans_by_member ON community_bans (member_id);

-- What an action changed that an upheld appeal needs to put back, for moderators only: a topic's
-- title before a moderator edited it, the community a moderator moved a topic from.
ALTER TABLE moderation_actions ADD COLUMN detail TEXT;

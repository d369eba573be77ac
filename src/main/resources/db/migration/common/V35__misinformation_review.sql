-- Flags of possible medical misinformation are settled by a community's clinical advisors (or
-- its moderators): answered with an evidence note (flags.judged ANSWERED, counted as upheld for
-- the flagger) or turned down (REJECTED). by_advisor: a clinical advisor acted, and the log names
-- them as one rather than by a moderator's number.
ALTER TABLE moderation_actions ADD COLUMN by_advisor BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX flags_by_post_reason ON flags (post_id, reason);

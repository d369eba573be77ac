-- The moderation log members read: an action taken on a post flagged for someone's privacy or
-- safety (a real name, a photo, a risk of self-harm) is marked sensitive when it is recorded, so
-- the log never shows its written reason to members, whatever happens to the flags later.
ALTER TABLE moderation_actions ADD COLUMN sensitive BOOLEAN NOT NULL DEFAULT FALSE;

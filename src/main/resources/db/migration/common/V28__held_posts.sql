-- A community may hold the posts of its new members (trust level "new") until a moderator lets
-- each through: they are stored hidden (posts.hidden_why HELD_FOR_REVIEW) and wait in the
-- review queue. Off unless its owners choose it.
ALTER TABLE communities ADD COLUMN hold_new_members_posts BOOLEAN NOT NULL DEFAULT FALSE;

-- The confusable skeleton of each handle (see org.hearth.identity.Handles): two handles that
-- people could mistake for each other share it, and the unique index lets only one of them
-- exist, even when two sign-ups race. Filled for existing members by the Java migration 14.1;
-- it stays NULL for an existing handle that looks like an older member's, which the site
-- administrator is shown (NULLs never clash in a unique index, on either engine).
ALTER TABLE members ADD COLUMN handle_skeleton VARCHAR(400);
CREATE UNIQUE INDEX members_by_skeleton ON members (handle_skeleton);

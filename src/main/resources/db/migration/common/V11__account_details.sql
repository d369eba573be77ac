-- The security log says what an event was about: which passkey was added or removed, and
-- whether a sign-in used a password, an e-mailed link or a passkey.
ALTER TABLE security_events ADD COLUMN detail VARCHAR(120);

-- Mail remembers the account it was written for (no foreign key: the outbox knows no members),
-- so erasing an account forgets all of its mail, whatever address it went to.
ALTER TABLE mail_outbox ADD COLUMN member_id VARCHAR(16);
CREATE INDEX mail_outbox_by_member ON mail_outbox (member_id);

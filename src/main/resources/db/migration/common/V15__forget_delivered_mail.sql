-- Mail is now deleted once delivered; mail delivered before that still holds sign-in, reset and
-- verification links in clear. Those links have long expired, but nothing needs the copies.
DELETE FROM mail_outbox WHERE sent_at IS NOT NULL;

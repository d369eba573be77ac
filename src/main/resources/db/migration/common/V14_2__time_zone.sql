-- The time zone a member reads times in (an IANA name such as Europe/Paris); NULL: not chosen,
-- so pages show UTC and, where JavaScript runs, the browser's own zone.
ALTER TABLE members ADD COLUMN time_zone VARCHAR(64);

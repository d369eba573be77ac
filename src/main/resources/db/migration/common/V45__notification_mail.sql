-- How a member hears of each kind of notification by e-mail; a kind without a row has its
-- default (see NotificationKind).
CREATE TABLE notification_choices (
    member_id VARCHAR(16)  NOT NULL REFERENCES members (id),
    kind      VARCHAR(30)  NOT NULL,
    email     VARCHAR(10)  NOT NULL,
    PRIMARY KEY (member_id, kind)
);

-- Mail about notifications is discreet unless the member says otherwise: it names no
-- community, condition, title or text. Quiet hours (minutes of the day in the member's own
-- time zone) hold mail until they end; a pause sends none until it ends. Digests go out at
-- 07:00 in the member's time zone, daily, or on Mondays.
CREATE TABLE notification_settings (
    member_id    VARCHAR(16)  PRIMARY KEY REFERENCES members (id),
    discreet     BOOLEAN      NOT NULL DEFAULT TRUE,
    quiet_from   INTEGER,
    quiet_until  INTEGER,
    paused_until BIGINT,
    -- when the last daily and weekly digests were assembled: the next holds what came since
    daily_digest_at  BIGINT,
    weekly_digest_at BIGINT
);

-- A message may carry a one-click unsubscribe address (RFC 8058), sent as its
-- List-Unsubscribe headers; a failed delivery waits longer each time before the next try.
ALTER TABLE mail_outbox ADD COLUMN unsubscribe VARCHAR(500);
ALTER TABLE mail_outbox ADD COLUMN not_before BIGINT;

-- A browser a member asked to be notified on (web push). The push service's address and the
-- browser's keys are sealed with the site's key, bound to the row's id: a copy of the database
-- alone cannot send anything to anyone's device. The digest of the address finds a browser
-- that asks again, or one its push service says is gone.
CREATE TABLE push_subscriptions (
    id            VARCHAR(16)  PRIMARY KEY,
    member_id     VARCHAR(16)  NOT NULL REFERENCES members (id),
    endpoint_hash VARCHAR(64)  NOT NULL UNIQUE,
    sealed        TEXT         NOT NULL,
    -- what the member sees in the list ("Firefox on Android"), from the browser's own words
    browser       VARCHAR(60)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_sent_at  BIGINT
);
CREATE INDEX push_subscriptions_of_member ON push_subscriptions (member_id);

-- The site's VAPID key pair (RFC 8292), made on first use and the same on every node; the
-- private key is sealed with the site's key like the other secrets.
CREATE TABLE push_keys (
    id          INTEGER      PRIMARY KEY,
    public_key  VARCHAR(200) NOT NULL,
    private_key TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);

-- Whether push tells a member of a kind; null: the kind's default (see NotificationKind).
ALTER TABLE notification_choices ADD COLUMN push BOOLEAN;

-- The outbox carries web push beside e-mail: same durability, claim, backoff and quiet hours.
ALTER TABLE mail_outbox ADD COLUMN channel VARCHAR(10) NOT NULL DEFAULT 'mail';

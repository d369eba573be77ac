-- Requests for a reset or sign-in link, as typed (a handle or an address), kept only until the
-- mail worker answers them, seconds later. The request itself writes this one row whether or not
-- an account matches, so the answer takes the same time either way and says nothing.
CREATE TABLE link_requests (
    id         VARCHAR(16)  PRIMARY KEY,
    purpose    VARCHAR(20)  NOT NULL,
    asked      VARCHAR(254) NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX link_requests_by_age ON link_requests (created_at);

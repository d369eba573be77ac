-- Passkeys, in the tables and columns Spring Security's JdbcPublicKeyCredentialUserEntityRepository
-- and JdbcUserCredentialRepository read and write. One file for both engines: SQLite stores
-- BYTEA as a blob and TIMESTAMP as the milliseconds its driver writes.

-- One WebAuthn user per member: name is the member's handle, id the random user handle the
-- authenticator keeps (base64url), never the member id, so passkeys reveal nothing about it.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    display_name VARCHAR(200),
    CONSTRAINT user_entities_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX user_entities_by_name ON user_entities (name);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL,
    user_entity_user_id          VARCHAR(1000) NOT NULL REFERENCES user_entities (id) ON DELETE CASCADE,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL,
    CONSTRAINT user_credentials_pk PRIMARY KEY (credential_id)
);
CREATE INDEX user_credentials_by_user ON user_credentials (user_entity_user_id);

package org.hearth.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * A passkey stored the way Spring Security stores one after checking it: making a real one
 * needs an authenticator, which only the browser tests have.
 */
public final class StoredPasskey {

    private StoredPasskey() {
    }

    /** Gives the member with this handle a passkey with this name; returns what was stored. */
    public static CredentialRecord add(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
            String handle, String name) {
        PublicKeyCredentialUserEntity user = users.findByUsername(handle);
        if (user == null) {
            user = ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(handle).displayName(handle).build();
            users.save(user);
        }
        Instant added = Instant.parse("2026-01-01T00:00:00Z");
        CredentialRecord record = ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(user.getId())
                .publicKey(new ImmutablePublicKeyCose(Bytes.random().getBytes()))
                .signatureCount(1)
                .uvInitialized(true)
                .backupEligible(true)
                .backupState(false)
                .transports(Set.of(AuthenticatorTransport.INTERNAL))
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .attestationObject(Bytes.random())
                .attestationClientDataJSON(Bytes.random())
                .created(added)
                .lastUsed(added.plus(1, ChronoUnit.DAYS))
                .label(name)
                .build();
        credentials.save(record);
        return record;
    }
}

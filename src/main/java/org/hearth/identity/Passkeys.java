package org.hearth.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.hearth.platform.security.Viewer;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's passkeys. Spring Security adds them and checks them at sign-in; here a member sees
 * theirs and removes them. The WebAuthn user of a member is found by handle, the name Spring
 * Security gives a signed-in member.
 */
@Service
public class Passkeys {

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;
    private final Members members;
    private final SecurityLog log;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials, Members members,
            SecurityLog log) {
        this.log = log;
        this.users = users;
        this.credentials = credentials;
        this.members = members;
    }

    /** A passkey as its owner sees it: the name they gave it, when it was added and last used. */
    public record Passkey(String id, String name, Instant addedAt, Instant lastUsedAt) {
    }

    public enum Removal {
        REMOVED,
        /** Not a passkey of this member (or no longer there): the page answers 404. */
        NOT_FOUND,
        /** The only way left into an account without a password. */
        LAST_WAY_IN
    }

    /** Oldest first, so the list does not reorder as passkeys are used. */
    public List<Passkey> of(Viewer viewer) {
        return records(viewer).stream()
                .sorted(Comparator.comparing(CredentialRecord::getCreated))
                .map(r -> new Passkey(r.getCredentialId().toBase64UrlString(), r.getLabel(), r.getCreated(),
                        r.getLastUsed()))
                .toList();
    }

    /** A passkey as the security log names it. */
    static String named(String label) {
        return "passkey “" + label + "”";
    }

    public boolean hasAny(Viewer viewer) {
        return !records(viewer).isEmpty();
    }

    @Transactional
    public Removal remove(Viewer viewer, String passkeyId) {
        List<CredentialRecord> mine = records(viewer);
        CredentialRecord record = mine.stream()
                .filter(r -> r.getCredentialId().toBase64UrlString().equals(passkeyId))
                .findFirst().orElse(null);
        if (record == null) {
            return Removal.NOT_FOUND;
        }
        if (mine.size() == 1 && !members.hasPassword(viewer.memberId())) {
            return Removal.LAST_WAY_IN;
        }
        credentials.delete(record.getCredentialId());
        log.recordAbout(viewer.memberId(), SecurityEvent.FACTOR_REMOVED, named(record.getLabel()));
        return Removal.REMOVED;
    }

    /**
     * Lets a member who has a passkey sign in with passkeys only: their password stops working.
     * Refused (false) without a passkey, so no account is left without a way in.
     */
    @Transactional
    public boolean stopUsingPassword(Viewer viewer) {
        if (!hasAny(viewer)) {
            return false;
        }
        members.removePassword(viewer.memberId());
        log.recordAbout(viewer.memberId(), SecurityEvent.FACTOR_REMOVED, "password");
        return true;
    }

    private List<CredentialRecord> records(Viewer viewer) {
        PublicKeyCredentialUserEntity user = users.findByUsername(viewer.handle());
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId());
    }
}

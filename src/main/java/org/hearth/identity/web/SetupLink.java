package org.hearth.identity.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.identity.Members;
import org.hearth.platform.web.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While no site administrator exists, Hearth logs a one-time setup link at start. The token
 * lives only in memory (a restart makes a new one) and stops working once used.
 */
@Component
class SetupLink {

    private static final Logger log = LoggerFactory.getLogger(SetupLink.class);

    private final Members members;
    private final PublicAddress address;
    private final AtomicReference<String> token = new AtomicReference<>();
    /** The token that created the administrator, so that opening it again says so. */
    private final AtomicReference<String> used = new AtomicReference<>();

    SetupLink(Members members, PublicAddress address) {
        this.members = members;
        this.address = address;
    }

    @EventListener(ApplicationReadyEvent.class)
    void offerSetup(ApplicationReadyEvent ready) {
        // a command such as search-rebuild starts Hearth without a port: nobody could open the link
        if (ready.getApplicationContext().getEnvironment().getProperty("server.port", Integer.class, 8080) < 0
                || members.anySiteAdministrator()) {
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        token.set(fresh);
        log.warn("No site administrator yet. Open {} to create one; the link works once.", address.of("/setup/" + fresh));
    }

    /** True when the token is the current one and still no administrator exists; compared in constant time. */
    boolean accepts(String candidate) {
        String current = token.get();
        return current != null && candidate != null
                && MessageDigest.isEqual(current.getBytes(), candidate.getBytes())
                && !members.anySiteAdministrator();
    }

    /** Spends the token: only the first caller with the right token gets true. */
    boolean spend(String candidate) {
        String current = token.get();
        boolean spent = accepts(candidate) && token.compareAndSet(current, null);
        if (spent) {
            used.set(current);
        }
        return spent;
    }

    /** Whether this is the link that already created the administrator (on this node, since its start). */
    boolean wasUsed(String candidate) {
        String spent = used.get();
        return spent != null && candidate != null && MessageDigest.isEqual(spent.getBytes(), candidate.getBytes());
    }

    /** The current link token, for tests that play the operator reading the log. */
    String currentToken() {
        return token.get();
    }
}

package org.hearth.identity.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.identity.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * While no site administrator exists, Hearth logs a one-time setup link at start. The token
 * lives only in memory (a restart makes a new one) and stops working once used.
 */
@Component
class SetupLink {

    private static final Logger log = LoggerFactory.getLogger(SetupLink.class);

    private final Members members;
    private final Environment environment;
    private final AtomicReference<String> token = new AtomicReference<>();

    SetupLink(Members members, Environment environment) {
        this.members = members;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void offerSetup() {
        if (members.anySiteAdministrator()) {
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        token.set(fresh);
        String host = environment.getProperty("server.address", "127.0.0.1");
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.warn("No site administrator yet. Open http://{}:{}/setup/{} to create one; the link works once.",
                host, port, fresh);
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
        return accepts(candidate) && token.compareAndSet(current, null);
    }

    /** The current link token, for tests that play the operator reading the log. */
    String currentToken() {
        return token.get();
    }
}

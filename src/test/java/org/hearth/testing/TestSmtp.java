package org.hearth.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server in the test's process (GreenMail) for mail contracts: each contract starts
 * its own, so one contract's mail never lands in another's counts.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** A started server on a free port. */
    public static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /** Points Hearth's mail at the server, delivered every 200 ms. */
    public static void register(DynamicPropertyRegistry registry, GreenMail server) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> server.getSmtp().getPort());
        registry.add("hearth.mail.delivery-interval", () -> "200ms");
    }
}

package org.hearth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Links in mail and the setup link name the site the way passkeys can use it. */
class PublicAddressTest {

    private static String link(String publicUrl, String listening) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080");
        if (listening != null) {
            environment.setProperty("server.address", listening);
        }
        return new PublicAddress(publicUrl, environment).of("/setup/abc");
    }

    @Test
    void theConfiguredAddressWins() {
        assertThat(link("https://hearth.example.org/", "127.0.0.1")).isEqualTo("https://hearth.example.org/setup/abc");
    }

    @Test
    void withoutOneTheLoopbackOrEveryAddressIsLocalhostNeverABareIp() {
        assertThat(link("", null)).isEqualTo("http://localhost:8080/setup/abc");
        assertThat(link("", "127.0.0.1")).isEqualTo("http://localhost:8080/setup/abc");
        assertThat(link("", "0.0.0.0")).isEqualTo("http://localhost:8080/setup/abc");
        assertThat(link("", "::1")).isEqualTo("http://localhost:8080/setup/abc");
    }

    @Test
    void aSiteListeningOnOneOtherAddressOnlyKeepsIt() {
        // localhost would not reach it; the passkey pages then explain why passkeys fail there
        assertThat(link("", "192.168.1.20")).isEqualTo("http://192.168.1.20:8080/setup/abc");
    }
}

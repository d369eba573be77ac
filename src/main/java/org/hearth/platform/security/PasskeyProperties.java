package org.hearth.platform.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where passkeys belong. A passkey is bound to the relying party id (the site's domain name,
 * never an IP address) and is accepted only from the listed origins, so a copy of the pages on
 * another domain cannot use a member's passkey.
 *
 * @param rpId           the domain name passkeys are made for, such as {@code hearth.example.org}
 * @param rpName         the site name authenticators show when a passkey is made
 * @param allowedOrigins every address members open Hearth at, scheme and port included
 * @param checkValidity  how long a passkey check (or passkey sign-in) stands in for the password
 *                       on the forms of an account that has none
 */
@ConfigurationProperties("hearth.passkeys")
public record PasskeyProperties(
        @DefaultValue("localhost") String rpId,
        @DefaultValue("Hearth") String rpName,
        @DefaultValue("http://localhost:8080") Set<String> allowedOrigins,
        @DefaultValue("5m") Duration checkValidity) {
}

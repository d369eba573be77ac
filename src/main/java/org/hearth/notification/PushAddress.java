package org.hearth.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.hearth.identity.SecretBox;

/**
 * Where a browser's push service takes messages for it, and the browser's keys (RFC 8291): what
 * {@code PushSubscription.toJSON()} gives, checked, and kept sealed with the site's key.
 *
 * @param endpoint the push service's address for this browser
 * @param p256dh the browser's public key, an uncompressed P-256 point (65 bytes)
 * @param auth the browser's authentication secret (16 bytes)
 */
record PushAddress(String endpoint, byte[] p256dh, byte[] auth) {

    /** Longer than any push service's address seen; a longer one is refused, not cut. */
    static final int LONGEST_ENDPOINT = 1000;

    /** The browser's words checked: empty when they are not a push subscription's. */
    static Optional<PushAddress> of(String endpoint, String p256dh, String auth) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > LONGEST_ENDPOINT || p256dh == null || auth == null) {
            return Optional.empty();
        }
        try {
            byte[] key = decode(p256dh);
            byte[] secret = decode(auth);
            if (key.length != 65 || key[0] != 0x04 || secret.length != 16) {
                return Optional.empty();
            }
            return Optional.of(new PushAddress(endpoint.strip(), key, secret));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Browsers give both keys in base64url without padding; some add it. */
    private static byte[] decode(String text) {
        String plain = text.strip().replace('+', '-').replace('/', '_');
        while (plain.endsWith("=")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return Base64.getUrlDecoder().decode(plain);
    }

    /** Finds the same browser again without opening anything. */
    String digest() {
        return digestOf(endpoint);
    }

    /** The digest a browser's push address is found by. */
    static String digestOf(String endpoint) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String sealFor(SecretBox box, String subscriptionId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String plain = endpoint + "\n" + base64.encodeToString(p256dh) + "\n" + base64.encodeToString(auth);
        return box.seal(plain.getBytes(StandardCharsets.UTF_8), subscriptionId);
    }

    /** Opens what {@link #sealFor} sealed for this subscription; {@link SecretBox.KeyMismatch} otherwise. */
    static PushAddress open(SecretBox box, String subscriptionId, String sealed) {
        String[] parts = new String(box.open(sealed, subscriptionId), StandardCharsets.UTF_8).split("\n");
        Base64.Decoder base64 = Base64.getUrlDecoder();
        return new PushAddress(parts[0], base64.decode(parts[1]), base64.decode(parts[2]));
    }
}

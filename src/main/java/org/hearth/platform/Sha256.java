package org.hearth.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One-way digests of secrets and personal keys (link tokens, recovery codes, session ids,
 * addresses counted by the attempt limits): what is stored or shown can be matched but not read back.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 digest of the text (UTF-8), as 64 lowercase hex digits. */
    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

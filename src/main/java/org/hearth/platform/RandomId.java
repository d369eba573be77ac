package org.hearth.platform;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Identifiers that reveal nothing: 80 random bits written in lowercase base32 (16 characters).
 * Nothing in Hearth is numbered in sequence, so no one can count or walk members or posts.
 */
public final class RandomId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private RandomId() {
    }

    public static String next() {
        return next(RANDOM);
    }

    /** An identifier drawn from the given generator: a seeded one gives the same ids every time. */
    public static String next(RandomGenerator random) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        StringBuilder out = new StringBuilder(16);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** True when the text has the shape of an identifier; anything else is not worth a query. */
    public static boolean looksValid(String text) {
        if (text == null || text.length() != 16) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}

package org.hearth.testing;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticator app of a test member: reads the key Hearth showed at set-up and makes
 * codes from it, with the same library Hearth uses. Each code is for its own 30-second step,
 * because Hearth accepts a step only once.
 */
public final class Authenticator {

    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);

    private final byte[] secret;
    private final List<String> recoveryCodes;
    private long nextStep;

    Authenticator(String shownKey, List<String> recoveryCodes, long firstStepUsed) {
        this.secret = base32(shownKey.replace(" ", ""));
        this.recoveryCodes = recoveryCodes;
        this.nextStep = firstStepUsed + 1;
    }

    /**
     * Hearth accepts the current step and one either side; each test code takes the next unused
     * one. A test that signs in more often than that waits for the next step, as a person would.
     */
    public String nextCode() {
        long now = Instant.now().getEpochSecond() / 30;
        long step = Math.max(nextStep, now - 1);
        while (step > now + 1) {
            try {
                Thread.sleep((now + 1) * 30_000 - Instant.now().toEpochMilli() + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next code", e);
            }
            now = Instant.now().getEpochSecond() / 30;
        }
        nextStep = step + 1;
        return codeAt(secret, step);
    }

    public List<String> recoveryCodes() {
        return recoveryCodes;
    }

    static String codeAt(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"),
                    Instant.ofEpochSecond(step * 30), Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String currentCode(String shownKey, long step) {
        return codeAt(base32(shownKey.replace(" ", "")), step);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    /**
     * Sets up the second factor for the member signed in on this visitor, as they would: password,
     * then the key from the page, then a code from it. Returns their authenticator.
     */
    public static Authenticator enrol(Visitor visitor, String password) {
        var setup = visitor.submit("/me/second-factor/setup", java.util.Map.of("password", password));
        String key = setup.document().select("#secret").text();
        if (key.isBlank()) {
            throw new IllegalStateException("no key shown: " + setup.text());
        }
        // the current step: should the server's clock pass into the next step meanwhile, this one
        // is still accepted (one step either side), where the step before would not be
        long step = Instant.now().getEpochSecond() / 30;
        var done = visitor.post("/me/second-factor/setup/confirm", java.util.Map.of("code", currentCode(key, step)));
        List<String> codes = done.document().select(".recovery-codes code").eachText();
        if (codes.size() != 10) {
            throw new IllegalStateException("set-up did not finish: " + done.text());
        }
        return new Authenticator(key, codes, step);
    }
}

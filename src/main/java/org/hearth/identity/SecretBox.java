package org.hearth.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts what Hearth keeps secret in the database (AES-256-GCM) with a key kept outside it, so
 * that a copy of the database alone does not let anyone make a member's second-factor codes or
 * read a clinician's credential document. The key comes from {@code hearth.secrets.key}, or else
 * from {@code secrets.key} in the data directory, made on first use. Each secret is bound to the
 * id it was sealed for (its member, its application): moved to another row, it no longer decrypts.
 */
@Component
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SecretBox(@Value("${hearth.secrets.key:}") String configuredKey, @Value("${hearth.data-dir:./data}") String dataDir) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(Path.of(dataDir)) : decode(configuredKey), "AES");
    }

    /** Seals a secret bound to an id (a member's, an application's): only that id opens it again. */
    public String seal(byte[] secret, String memberId) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(memberId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A secret this key does not open: sealed under another key (the key file was lost or
     * replaced, or nodes were given different keys), or altered.
     */
    public static final class KeyMismatch extends RuntimeException {
        KeyMismatch(Throwable cause) {
            super("a sealed secret does not open with this key", cause);
        }
    }

    /** Opens a secret sealed for this id; {@link KeyMismatch} when this key or this id does not open it. */
    public byte[] open(String sealed, String memberId) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(memberId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new KeyMismatch(e);
        }
    }

    private static byte[] decode(String configured) {
        byte[] bytes = Base64.getDecoder().decode(configured.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("hearth.secrets.key must be 32 bytes in base64 (openssl rand -base64 32)");
        }
        return bytes;
    }

    private static byte[] keyFile(Path dataDir) {
        Path file = dataDir.resolve("secrets.key");
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(dataDir);
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file keeps the data directory's permissions
                }
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}

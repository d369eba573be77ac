package org.hearth.platform.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Reads a session's attributes from the bytes the session store keeps, reading a sign-in and a
 * form token from the same bytes only once. Every signed-in page read the member's sign-in
 * (about 1.5 KB of a dozen serialised classes) back into objects: 5 to 6 % of a signed-in topic
 * page's CPU time in a JFR profile (docs/topic-page-cost.md).
 *
 * <p>Only values nothing changes once read are remembered: the sign-in's {@link Authentication}
 * (Hearth and Spring Security make a new one for every change: a new factor, a new name) and a
 * form token. Every read still gets its own {@link SecurityContext}, because signing out empties
 * the context it was given. Spring's in-memory sessions share these same objects between all the
 * requests of a session; here they are shared only between reads of identical bytes, compared
 * whole. The oldest are forgotten past {@code capacity}.
 */
final class SignInsReadOnce implements Converter<byte[], Object> {

    private final Converter<byte[], Object> reading;
    private final Map<StoredBytes, Object> remembered;

    SignInsReadOnce(ClassLoader classLoader, int capacity) {
        this(new DeserializingConverter(classLoader), capacity);
    }

    SignInsReadOnce(Converter<byte[], Object> reading, int capacity) {
        this.reading = reading;
        this.remembered = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<StoredBytes, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Object convert(byte[] source) {
        StoredBytes key = new StoredBytes(source);
        Object known;
        synchronized (remembered) {
            known = remembered.get(key);
        }
        if (known != null) {
            return known instanceof Authentication signIn ? new SecurityContextImpl(signIn) : known;
        }
        Object read = reading.convert(source);
        Object kept = lasting(read);
        if (kept != null) {
            synchronized (remembered) {
                remembered.put(new StoredBytes(source.clone()), kept); // the store's array is not ours to keep
            }
        }
        return read;
    }

    /** What of a value read may be handed to later reads of the same bytes, or null for nothing. */
    private static Object lasting(Object read) {
        if (read != null && read.getClass() == SecurityContextImpl.class) {
            return ((SecurityContext) read).getAuthentication();
        }
        return read instanceof DefaultCsrfToken ? read : null;
    }

    int remembered() {
        synchronized (remembered) {
            return remembered.size();
        }
    }

    /** Stored bytes as a key: equal when every byte is. */
    private static final class StoredBytes {

        private final byte[] bytes;
        private final int hash;

        StoredBytes(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredBytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

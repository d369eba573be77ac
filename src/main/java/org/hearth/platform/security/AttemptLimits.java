package org.hearth.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Counts attempts per account and per client address with Bucket4j token buckets, kept in
 * memory on this node (a node restart forgets them). Keys are never logged.
 */
@Component
public class AttemptLimits {

    /** Request attribute with the seconds a limited person must wait, read by the error page. */
    public static final String RETRY_AFTER = "hearth.retryAfterSeconds";

    /** What is being attempted, and by which key it is counted. */
    public enum Kind { SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, SIGN_UP_ADDRESS, MAIL_LINK_ADDRESS, CODE_ENTRY_ACCOUNT }

    private final AttemptLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    AttemptLimits(AttemptLimitProperties properties) {
        this.properties = properties;
    }

    /**
     * Counts one attempt. Returns empty when it may go ahead, or the seconds to wait before
     * the next attempt is allowed.
     */
    public OptionalLong tryAttempt(Kind kind, String key) {
        AttemptLimitProperties.Limit limit = limit(kind);
        Bucket bucket = buckets.get(kind + ":" + key.toLowerCase(Locale.ROOT), k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private AttemptLimitProperties.Limit limit(Kind kind) {
        return switch (kind) {
            case SIGN_IN_ACCOUNT -> properties.signInPerAccount();
            case SIGN_IN_ADDRESS -> properties.signInPerAddress();
            case SIGN_UP_ADDRESS -> properties.signUpPerAddress();
            case MAIL_LINK_ADDRESS -> properties.mailLinkPerAddress();
            case CODE_ENTRY_ACCOUNT -> properties.codeEntryPerAccount();
        };
    }
}

package org.hearth.platform.security;

import static org.hearth.platform.schema.Tables.ATTEMPT_BUCKETS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.hearth.platform.Sha256;
import org.hearth.platform.db.DatabaseProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts attempts per account and per client address with Bucket4j token buckets. On the
 * embedded SQLite site they are kept in memory (a restart forgets them); on PostgreSQL they live
 * in the database, so several nodes share one count. Keys are never logged.
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
    /** Present when the counters are shared through PostgreSQL. */
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

    AttemptLimits(AttemptLimitProperties properties, DatabaseProperties database, DataSource dataSource) {
        this.properties = properties;
        this.shared = database.embedded() ? null : Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(ATTEMPT_BUCKETS.getName()).idColumn(ATTEMPT_BUCKETS.ID.getName())
                .stateColumn(ATTEMPT_BUCKETS.STATE.getName()).expiresAtColumn(ATTEMPT_BUCKETS.EXPIRES_AT.getName())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Forgets shared counters that have refilled completely. */
    @Scheduled(fixedDelayString = "10m", initialDelayString = "1m")
    void removeFullBuckets() {
        if (shared != null) {
            while (shared.removeExpired(1000) == 1000) {
                // more to remove
            }
        }
    }

    /**
     * Counts one attempt. Returns empty when it may go ahead, or the seconds to wait before
     * the next attempt is allowed.
     */
    public OptionalLong tryAttempt(Kind kind, String key) {
        AttemptLimitProperties.Limit limit = limit(kind);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()))
                .build();
        // handles and client addresses are counted under a one-way digest, never stored as they are
        String id = kind + ":" + Sha256.hex(key.toLowerCase(Locale.ROOT));
        ConsumptionProbe probe = (shared != null
                ? shared.builder().build(id, () -> configuration)
                : buckets.get(id, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build()))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /**
     * Counts one attempt at something limited by its feature's own setting, on this node only
     * (in memory, never a database write: for what is cheap to repeat, such as a search). Returns
     * empty when it may go ahead, or the seconds to wait.
     */
    public OptionalLong tryLocally(String what, String key, int attempts, Duration per) {
        String id = what + ":" + Sha256.hex(key.toLowerCase(Locale.ROOT));
        ConsumptionProbe probe = buckets.get(id, k -> Bucket.builder()
                        .addLimit(l -> l.capacity(attempts).refillGreedy(attempts, per)).build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
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

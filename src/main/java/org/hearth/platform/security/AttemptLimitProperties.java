package org.hearth.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many attempts are allowed before someone must wait: guessing passwords and creating
 * accounts in bulk become slow, while a person who mistypes a few times is not bothered.
 */
@ConfigurationProperties("hearth.limits")
public record AttemptLimitProperties(
        @DefaultValue({"10", "15m"}) Limit signInPerAccount,
        @DefaultValue({"100", "15m"}) Limit signInPerAddress,
        @DefaultValue({"10", "1h"}) Limit signUpPerAddress,
        @DefaultValue({"10", "1h"}) Limit mailLinkPerAddress,
        // a six-digit code has only a million values: few guesses per account, slowly refilled
        @DefaultValue({"5", "15m"}) Limit codeEntryPerAccount) {

    /** At most {@code attempts} in any window of {@code per}, refilled gradually. */
    public record Limit(int attempts, Duration per) {
    }
}

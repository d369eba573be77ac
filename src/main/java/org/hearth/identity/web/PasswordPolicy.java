package org.hearth.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.stereotype.Component;

/**
 * Refuses passwords that are short, common, or guessable from the handle, and says why in
 * plain words. The estimate (nbvcxz) knows common and breached passwords, words, names,
 * keyboard patterns and dates; the handle is added so that "robin1984!" is weak for robin.
 */
@Component
class PasswordPolicy {

    static final int MINIMUM_LENGTH = 10;
    /** About a hundred million guesses per second for a year, against a fast hash: comfortably past that. */
    static final double MINIMUM_ENTROPY_BITS = 45;

    /** The reason a password is refused, or empty when it is strong enough. */
    Optional<String> weakness(String password, String handle) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of("Use at least " + MINIMUM_LENGTH + " characters for your password.");
        }
        Result result = estimator(handle).estimate(password);
        if (result.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        if (handle != null && password.toLowerCase().contains(handle.strip().toLowerCase())) {
            return Optional.of("Your password contains your handle, which everyone can see. Choose something unrelated.");
        }
        String warning = result.getFeedback().getWarning();
        StringBuilder reason = new StringBuilder("This password would be easy to guess");
        reason.append(warning == null || warning.isBlank() ? "." : ": " + warning.strip());
        if (!reason.toString().endsWith(".")) {
            reason.append('.');
        }
        reason.append(" A few unrelated words together make a strong one.");
        return Optional.of(reason.toString());
    }

    private static Nbvcxz estimator(String handle) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (handle != null && !handle.isBlank()) {
            dictionaries.add(new DictionaryBuilder().setDictionaryName("handle").setExclusion(true)
                    .addWord(handle.strip().toLowerCase(), 0).createDictionary());
        }
        Configuration configuration = new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY_BITS)
                .createConfiguration();
        return new Nbvcxz(configuration);
    }
}

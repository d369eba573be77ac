package org.hearth.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone typed into a search box, understood the way web search engines taught people to
 * write: words that must all be found, {@code "a phrase"}, {@code diab*} for words that begin so,
 * {@code -word} for words that must not be there, and {@code OR} between two choices. Nothing
 * typed is an error: an unbalanced quote ends at the end, a stray operator is ignored, and only
 * what cannot be searched at all (nothing, too much, only exclusions) is refused, in words.
 * Words are runs of letters and digits in any script; punctuation inside a word ({@code
 * covid-19}, {@code don't}) makes it a phrase of its parts, as the engines split it when indexing.
 */
final class SearchQuery {

    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 12;
    /** Letters before a *: a shorter beginning is shared by most words, and walks most of the index. */
    static final int MIN_PREFIX = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    /** A word, or the beginning of words ({@code prefix}). */
    record Word(String text, boolean prefix) implements Part {
    }

    /** Words that must stand together in this order. */
    record Phrase(List<String> words) implements Part {
    }

    sealed interface Part permits Word, Phrase {
    }

    /** What came of reading a search. */
    sealed interface Reading {
    }

    record Understood(SearchQuery query) implements Reading {
    }

    record Empty() implements Reading {
    }

    record NotUnderstood(String why) implements Reading {
    }

    private final List<List<Part>> all;
    private final List<Part> none;

    private SearchQuery(List<List<Part>> all, List<Part> none) {
        this.all = List.copyOf(all);
        this.none = List.copyOf(none);
    }

    /** Each inner list holds choices, one of which must match (OR); every list must. */
    List<List<Part>> all() {
        return all;
    }

    /** Parts none of which may match. */
    List<Part> none() {
        return none;
    }

    static Reading read(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Empty();
        }
        if (typed.length() > MAX_LENGTH) {
            return new NotUnderstood("A search can be at most " + MAX_LENGTH + " characters long; this one has " + typed.length()
                    + ". Try the few words that matter most.");
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC);
        List<List<Part>> all = new ArrayList<>();
        List<Part> none = new ArrayList<>();
        boolean orNext = false;
        int words = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                excluded = true;
                i++;
                c = text.charAt(i);
            }
            Part part;
            if (c == '"') {
                int end = text.indexOf('"', i + 1);
                String quoted = text.substring(i + 1, end < 0 ? text.length() : end);
                i = end < 0 ? text.length() : end + 1;
                part = part(words(quoted), false);
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                String bare = text.substring(i, end);
                i = end;
                if (bare.equals("OR") && !excluded) {
                    orNext = !all.isEmpty();
                    continue;
                }
                boolean prefix = bare.endsWith("*");
                List<String> found = words(bare);
                if (prefix && found.size() == 1 && found.getFirst().codePointCount(0, found.getFirst().length()) < MIN_PREFIX) {
                    return new NotUnderstood("Give at least three letters before *, as in diab*.");
                }
                part = part(found, prefix && found.size() == 1);
            }
            if (part == null) {
                continue; // only punctuation: nothing to look for
            }
            words += part instanceof Phrase phrase ? phrase.words().size() : 1;
            if (excluded) {
                none.add(part);
                orNext = false;
            } else if (orNext) {
                all.getLast().add(part);
                orNext = false;
            } else {
                all.add(new ArrayList<>(List.of(part)));
            }
        }
        if (words > MAX_WORDS) {
            return new NotUnderstood("Use at most " + MAX_WORDS + " words; this search has " + words + ".");
        }
        if (all.isEmpty()) {
            return new NotUnderstood(none.isEmpty() ? "Search for words or numbers: this search has none."
                    : "Say what to look for, not only what to leave out.");
        }
        return new Understood(new SearchQuery(all, none));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static Part part(List<String> words, boolean prefix) {
        if (words.isEmpty()) {
            return null;
        }
        return words.size() == 1 ? new Word(words.getFirst(), prefix) : new Phrase(words);
    }

    /** The query in FTS5's syntax: every word quoted, so nothing typed is read as an operator. */
    String fts5() {
        StringBuilder match = new StringBuilder();
        for (List<Part> choices : all) {
            if (!match.isEmpty()) {
                match.append(" AND ");
            }
            match.append(choices(choices));
        }
        if (!none.isEmpty()) {
            match.insert(0, '(').append(") NOT ").append(choices(none));
        }
        return match.toString();
    }

    private static String choices(List<Part> parts) {
        StringBuilder choices = new StringBuilder("(");
        for (Part part : parts) {
            if (choices.length() > 1) {
                choices.append(" OR ");
            }
            choices.append(switch (part) {
                case Word word -> quoted(word.text()) + (word.prefix() ? "*" : "");
                case Phrase phrase -> quoted(String.join(" ", phrase.words()));
            });
        }
        return choices.append(')').toString();
    }

    private static String quoted(String words) {
        return '"' + words.replace("\"", "\"\"") + '"';
    }

    /**
     * The query as a PostgreSQL tsquery expression over bound parameters (appended to {@code
     * values}), made with the text search configuration {@code configuration} (a checked name).
     */
    String tsquery(String configuration, List<Object> values) {
        StringBuilder query = new StringBuilder("(");
        for (List<Part> choices : all) {
            if (query.length() > 1) {
                query.append(" && ");
            }
            query.append(tsChoices(choices, configuration, values));
        }
        if (!none.isEmpty()) {
            query.append(" && !!").append(tsChoices(none, configuration, values));
        }
        return query.append(')').toString();
    }

    private static String tsChoices(List<Part> parts, String configuration, List<Object> values) {
        StringBuilder choices = new StringBuilder("(");
        for (Part part : parts) {
            if (choices.length() > 1) {
                choices.append(" || ");
            }
            switch (part) {
                case Word word -> {
                    // only letters and digits: nothing in it can be read as tsquery syntax
                    choices.append("to_tsquery('").append(configuration).append("'::regconfig, ?)");
                    values.add(word.text() + (word.prefix() ? ":*" : ""));
                }
                case Phrase phrase -> {
                    choices.append("phraseto_tsquery('").append(configuration).append("'::regconfig, ?)");
                    values.add(String.join(" ", phrase.words()));
                }
            }
        }
        return choices.append(')').toString();
    }
}

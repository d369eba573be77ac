package org.hearth.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The phrases of one locale that may mean a writer is thinking of ending their life or of
 * harming themselves, read from {@code org/hearth/crisis/phrases-LOCALE.txt}, whose header says
 * how a line is read. Matching runs here, on Hearth's own server, on the writer's own text.
 */
public final class PhraseList {

    private static final String RESOURCE = "/org/hearth/crisis/phrases-%s.txt";
    private static final String GAP = "(?:\\S+ ){0,3}";

    /** Read as other words, on whole words, in both the text and the list. */
    private static final String[][] SAME_AS = {
            {"do not", "dont"}, {"does not", "doesnt"}, {"did not", "didnt"}, {"can not", "cant"}, {"cannot", "cant"},
            {"i am", "im"}, {"will not", "wont"}, {"would not", "wouldnt"}, {"any more", "anymore"},
            {"wanna", "want to"}, {"gonna", "going to"}};

    /** A line of the list that matched, and its category. */
    public record Match(String category, String phrase) {
    }

    private record Phrase(String category, String line, Pattern pattern) {
    }

    private final String locale;
    private final List<Phrase> phrases;
    private final List<Pattern> exceptions;

    private PhraseList(String locale, List<Phrase> phrases, List<Pattern> exceptions) {
        this.locale = locale;
        this.phrases = List.copyOf(phrases);
        this.exceptions = List.copyOf(exceptions);
    }

    /** The list of this locale, if the source tree has one. */
    public static Optional<PhraseList> of(String locale) {
        String name = locale.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!name.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            return Optional.empty();
        }
        try (InputStream in = PhraseList.class.getResourceAsStream(RESOURCE.formatted(name))) {
            return in == null ? Optional.empty() : Optional.of(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String locale() {
        return locale;
    }

    /** The first line of the list this text matches, if any. */
    public Optional<Match> firstMatch(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normal = " " + normalize(text) + " ";
        for (Pattern exception : exceptions) {
            normal = exception.matcher(normal).replaceAll(" | ");
        }
        for (Phrase phrase : phrases) {
            if (phrase.pattern().matcher(normal).find()) {
                return Optional.of(new Match(phrase.category(), phrase.line()));
            }
        }
        return Optional.empty();
    }

    public boolean matches(String text) {
        return firstMatch(text).isPresent();
    }

    /**
     * The text as the list reads it: lower case, no accents, apostrophes gone, every other
     * character that is not a letter or digit (Markdown, punctuation, emoji) a space, single spaces.
     */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace("\uD83D\uDC8A", " pills ");
        s = s.replaceAll("['\u2019\u2018\u02BC`\u00B4]", "");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        s = " " + s + " ";
        for (String[] same : SAME_AS) {
            s = s.replace(" " + same[0] + " ", " " + same[1] + " ").replace(" " + same[0] + " ", " " + same[1] + " ");
        }
        return s.strip();
    }

    static PhraseList parse(String locale, String source) {
        Map<String, String> lists = new HashMap<>();
        List<Phrase> phrases = new ArrayList<>();
        List<Pattern> exceptions = new ArrayList<>();
        String category = "";
        int number = 0;
        for (String raw : source.split("\\R")) {
            number++;
            String line = raw.strip();
            if (line.startsWith("## ")) {
                category = line.substring(3).strip();
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("phrases-" + locale + ".txt line " + number + ": a list needs \"@name = a|b\"");
                }
                lists.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                continue;
            }
            boolean exception = line.startsWith("!");
            String words = exception ? line.substring(1).strip() : line;
            Pattern pattern = Pattern.compile("(?<= )" + regex(words, lists, locale, number) + "(?= )");
            if (exception) {
                exceptions.add(pattern);
            } else {
                phrases.add(new Phrase(category, words, pattern));
            }
        }
        return new PhraseList(locale, phrases, exceptions);
    }

    private static String regex(String words, Map<String, String> lists, String locale, int number) {
        String[] tokens = words.split("\\s+");
        if (tokens[0].equals("...") || tokens[tokens.length - 1].equals("...")) {
            throw new IllegalArgumentException("phrases-" + locale + ".txt line " + number + ": \"...\" goes between words");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("...")) {
                regex.append(GAP);
                continue;
            }
            if (token.equals("*")) {
                regex.append("\\S+");
            } else {
                String alternatives = token.startsWith("@") ? lists.get(token) : token;
                if (alternatives == null) {
                    throw new IllegalArgumentException("phrases-" + locale + ".txt line " + number + ": no list " + token);
                }
                List<String> each = new ArrayList<>();
                for (String word : alternatives.split("\\|")) {
                    boolean prefix = word.endsWith("*");
                    String normal = normalize(prefix ? word.substring(0, word.length() - 1) : word);
                    if (!normal.isEmpty()) {
                        each.add(Pattern.quote(normal) + (prefix ? "\\S*" : ""));
                    }
                }
                regex.append("(?:").append(String.join("|", each)).append(")");
            }
            if (i < tokens.length - 1) {
                regex.append(' ');
            }
        }
        return regex.toString();
    }
}

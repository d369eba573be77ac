package org.hearth.decision;

import com.ibm.icu.text.Normalizer2;
import java.util.regex.Pattern;

/** An option as its writer typed it: a short name and what it means. */
public record OptionDraft(String name, String description) {

    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 300;

    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 DECOMPOSE = Normalizer2.getNFDInstance();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public OptionDraft {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
    }

    /**
     * The name as two options must not share it: case, accents, spacing and punctuation aside
     * ("Insulin pump", "insulin-pump" and "Insulin  Pump." are one option).
     */
    public String key() {
        return keyOf(name);
    }

    /** A short label as two must not share it: case, accents, spacing and punctuation aside. */
    static String keyOf(String label) {
        String folded = MARKS.matcher(DECOMPOSE.normalize(FOLD.normalize(label))).replaceAll("");
        return NOT_WORDS.matcher(folded).replaceAll(" ").strip();
    }
}

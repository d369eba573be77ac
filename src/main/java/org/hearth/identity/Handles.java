package org.hearth.identity;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a handle acceptable, and when two handles are one. In a patient community a
 * handle that looks like a moderator's, a clinician's or the administrator's lets someone pose
 * as them, so handles are compared the way people read them, not the way computers store them:
 * by Unicode's confusable skeleton (UTS #39) of the NFKC case-folded handle. {@code siteadmin}
 * written with a Cyrillic {@code і}, in fullwidth letters or as {@code SiteAdmin} all have the
 * skeleton of {@code siteadmin}. The skeleton is stored with a unique index, so two people
 * racing for look-alike handles cannot both win.
 *
 * <p>A handle is refused when it holds a character that cannot be seen (Hangul fillers,
 * zero-width and other default-ignorable or format characters), or when it mixes alphabets
 * beyond what one language writes (Unicode's "highly restrictive" level: one script, or Latin
 * with Han and the Japanese kana, Bopomofo or Hangul). A handle wholly in Cyrillic, Greek,
 * Arabic, Devanagari ... is welcome.
 *
 * <p>Skeletons come from Unicode's confusables data inside ICU4J. A new ICU4J may map a few
 * characters differently: when upgrading it, add a migration that recomputes the stored
 * skeletons the way {@link HandleSkeletonsMigration} made them.
 */
public final class Handles {

    /** Letters and digits, marks after a letter, and . _ - after the first character. */
    private static final Pattern SHAPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._-]{2,29}");
    /** Marks stacked deeper than any script needs draw over the letters around them. */
    private static final Pattern STACKED_MARKS = Pattern.compile("\\p{M}{4,}");

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /** Thread-safe once built, for checks and skeletons alike. */
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    public static final String SHAPE_RULE =
            "A handle is 3 to 30 letters or digits; it may also use . _ or - after the first character.";

    private Handles() {
    }

    /** The handle as it is kept and shown: without surrounding spaces, in Unicode's NFKC form (fullwidth letters become plain ones). */
    public static String normalised(String typed) {
        return typed == null ? "" : NFKC.normalize(typed.strip());
    }

    /**
     * Why this handle cannot be used, in words for the person choosing it; empty when it can.
     * Says nothing about whether someone else has it.
     */
    public static Optional<String> refusal(String typed) {
        String raw = typed == null ? "" : typed.strip();
        if (raw.isEmpty()) {
            return Optional.of("Choose a handle: the name other members will see.");
        }
        if (raw.codePoints().anyMatch(Handles::invisible)) {
            return Optional.of("Your handle has a character that cannot be seen (a blank filler letter or a zero-width"
                    + " character), so it would look like another handle or like none. Use letters and digits that show.");
        }
        String handle = normalised(raw);
        if (!SHAPE.matcher(handle).matches()) {
            return Optional.of(SHAPE_RULE);
        }
        if (STACKED_MARKS.matcher(handle).find()) {
            return Optional.of("Your handle stacks accents or marks so high they cover the letters around them. Use fewer.");
        }
        var result = new SpoofChecker.CheckResult();
        SPOOF.failsChecks(handle, result);
        int failed = result.checks;
        if ((failed & (SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)) != 0) {
            Set<String> scripts = scripts(handle);
            return Optional.of("Your handle mixes " + (scripts.size() > 1
                    ? "letters or digits of different alphabets (" + String.join(", ", scripts) + ")"
                    : "digits of different writing systems")
                    + ", which lets a handle look like someone else's. Use the letters and digits of one alphabet.");
        }
        if ((failed & SpoofChecker.INVISIBLE) != 0) {
            return Optional.of("Your handle repeats an accent or mark on one letter. Use each mark once.");
        }
        return Optional.empty();
    }

    /**
     * The form two handles share when people could mistake one for the other: NFKC with case
     * folding, then the confusable skeleton. Not for showing: it is a key.
     */
    public static String skeleton(String handle) {
        return SPOOF.getSkeleton(NFKC_CASEFOLD.normalize(handle.strip()));
    }

    /**
     * The handle set apart from the text around it, for plain text (notices) where no
     * {@code <bdi>} can be: a right-to-left handle cannot reorder the words beside it.
     */
    public static String isolated(String handle) {
        return "\u2068" + handle + "\u2069";
    }

    /** The key a handle is found by when signing in: case does not matter, nor fullwidth letters. */
    static String key(String handle) {
        return normalised(handle).toLowerCase(Locale.ROOT);
    }

    private static boolean invisible(int codePoint) {
        if (codePoint == ' ') {
            return false; // a plain space shows; the shape rule says handles have none
        }
        int type = UCharacter.getType(codePoint);
        return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.WHITE_SPACE)
                || type == UCharacterCategory.FORMAT || type == UCharacterCategory.CONTROL
                || type == UCharacterCategory.UNASSIGNED || type == UCharacterCategory.PRIVATE_USE
                || type == UCharacterCategory.SURROGATE;
    }

    private static Set<String> scripts(String handle) {
        Set<String> names = new LinkedHashSet<>();
        handle.codePoints().map(UScript::getScript)
                .filter(script -> script != UScript.COMMON && script != UScript.INHERITED)
                .forEach(script -> names.add(UScript.getName(script)));
        return names;
    }
}

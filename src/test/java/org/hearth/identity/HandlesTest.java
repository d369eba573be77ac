package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules of handles alone; the database's part (the unique skeleton) is in AccountsContract. */
class HandlesTest {

    @Test
    void lookAlikesShareTheSkeletonOfTheHandleTheyImitate() {
        String original = Handles.skeleton("siteadmin");
        assertThat(Handles.skeleton("site\u0430dmin")).as("Cyrillic а").isEqualTo(original);
        assertThat(Handles.skeleton("s\u0456teadmin")).as("Cyrillic і").isEqualTo(original);
        assertThat(Handles.skeleton("\uFF53\uFF49\uFF54\uFF45\uFF41\uFF44\uFF4D\uFF49\uFF4E")).as("fullwidth").isEqualTo(original);
        assertThat(Handles.skeleton("SiteAdmin")).as("case").isEqualTo(original);
        assertThat(Handles.skeleton("siteadnin")).isNotEqualTo(original);
    }

    @Test
    void invisibleCharactersAreRefusedWithAReason() {
        for (String invisible : new String[] {"\u3164\u3164\u3164", "ab\u3164c", "\u115F\u1160abc", "abc\uFFA0",
                "ann\u200Bie", "ann\u200Die", "ann\u00ADie", "ann\u2060ie", "abc\u034F"}) {
            assertThat(Handles.refusal(invisible)).as(invisible).hasValueSatisfying(reason -> assertThat(reason).contains("cannot be seen"));
        }
    }

    @Test
    void mixedScriptsAreRefusedAndNameTheAlphabets() {
        assertThat(Handles.refusal("s\u0456teadmin")).hasValueSatisfying(reason -> assertThat(reason).contains("Latin", "Cyrillic"));
        assertThat(Handles.refusal("\u03B1lpha")).hasValueSatisfying(reason -> assertThat(reason).contains("Greek"));
    }

    @Test
    void handlesInOneAlphabetAreWelcome() {
        assertThat(Handles.refusal("\u0430\u043D\u043D\u0430_\u043C\u0430\u0440\u0438\u044F")).as("Cyrillic").isEmpty();
        assertThat(Handles.refusal("\u03B5\u03BB\u03C0\u03AF\u03B4\u03B1")).as("Greek").isEmpty();
        assertThat(Handles.refusal("\u0646\u0648\u0631\u0627")).as("Arabic").isEmpty();
        assertThat(Handles.refusal("\u0939\u093F\u0928\u094D\u0926\u0940")).as("Devanagari with its marks").isEmpty();
        assertThat(Handles.refusal("\u3055\u304F\u3089\u82B1")).as("Japanese").isEmpty();
        assertThat(Handles.refusal("fern_42")).isEmpty();
    }

    @Test
    void theShapeIsCheckedOnTheNormalisedHandle() {
        assertThat(Handles.normalised(" \uFF46\uFF45\uFF52\uFF4E ")).isEqualTo("fern");
        assertThat(Handles.refusal("ab")).contains(Handles.SHAPE_RULE);
        assertThat(Handles.refusal("fern!")).contains(Handles.SHAPE_RULE);
        assertThat(Handles.refusal("anna maria")).contains(Handles.SHAPE_RULE);
        assertThat(Handles.refusal("e\u0301\u0301\u0301\u0301x")).isPresent();
    }
}

package org.hearth.platform.text;

import java.util.Map;
import java.util.Set;

/**
 * Who an {@code @handle} in a text may name: the feature that stores the text decides (a member
 * who may read the post), and {@link Markdown} links those, leaving every other {@code @word} as
 * it was typed.
 */
public interface Mentions {

    /** No one: every {@code @word} stays plain text. */
    Mentions NONE = handles -> Map.of();

    /** A member a handle names, and the address of their profile. */
    record Mentioned(String memberId, String href) {
    }

    /** Of these handles (as typed, without the @), those that may be mentioned here. */
    Map<String, Mentioned> resolve(Set<String> handles);
}

package org.hearth.platform.live;

import java.util.regex.Pattern;

/**
 * "Something new at this position of this subject", e.g. {@code topic:<id>} and a reply's
 * position. Carries identifiers and a number only: no text, no name, nothing personal, because
 * on PostgreSQL it travels through the database server to every node.
 *
 * @param subject what changed, made of letters, digits and {@code :_-} (at most 100 characters)
 * @param position where the news is, so a listener can tell what it already has
 */
public record LiveSignal(String subject, long position) {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9:_-]{1,100}");

    public LiveSignal {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("A live subject is made of letters, digits and :_- only");
        }
    }

    /** The form sent over the wire: subject, one space, position. */
    String payload() {
        return subject + " " + position;
    }

    /** Reads a payload written by {@link #payload()}; null for anything else. */
    static LiveSignal parse(String payload) {
        if (payload == null) {
            return null;
        }
        int space = payload.lastIndexOf(' ');
        if (space <= 0) {
            return null;
        }
        String subject = payload.substring(0, space);
        try {
            long position = Long.parseLong(payload.substring(space + 1));
            return SUBJECT.matcher(subject).matches() ? new LiveSignal(subject, position) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

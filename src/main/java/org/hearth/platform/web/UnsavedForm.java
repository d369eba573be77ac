package org.hearth.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A form that could not be saved, given back on the error page with what was typed in it, ready
 * to send again to where it went. A form that creates something carries its one-time key, so
 * sending it again stores it once even if the first attempt was saved after all. Forms holding
 * a password, a code or a passkey answer are never given back: what they held is not put in a
 * page.
 */
public record UnsavedForm(String action, List<Field> fields) {

    /** Fields in which people write in their own words, with how many characters each may hold. */
    private static final List<String> LONG_TEXT = List.of("body", "about", "description");
    private static final List<String> LINE = List.of("title", "contentWarning", "name", "label", "conditionServed");
    private static final List<String> SECRET = List.of("password", "code", "secret", "token", "credential", "assertion",
            "response", "recovery");
    private static final String CSRF_PARAMETER = "_csrf";

    /** One value the form sent: text a person typed (shown to edit) or a value the form carried (kept hidden). */
    public record Field(String name, String value, Kind kind) {
        public enum Kind { HIDDEN, LINE, TEXT }

        /** Whether the form this came from needs it filled in. */
        public boolean required() {
            return name.equals("body") || name.equals("title") || name.equals("name");
        }

        public String label() {
            return switch (name) {
                case "body" -> "Your text";
                case "title" -> "Title";
                case "contentWarning" -> "Content warning";
                case "about", "description" -> "Description";
                case "name" -> "Name";
                case "label" -> "Label";
                case "conditionServed" -> "Condition served";
                default -> name;
            };
        }
    }

    /** The form the failed request sent, if it can be given back. */
    static Optional<UnsavedForm> of(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String action = uri instanceof String s ? s : request.getRequestURI();
        if (action == null || !action.startsWith("/") || action.startsWith("//") || action.equals("/error")) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        boolean typedSomething = false;
        for (var sent : request.getParameterMap().entrySet()) {
            String name = sent.getKey();
            if (name.equals(CSRF_PARAMETER)) {
                continue; // the page gives its own, current token
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (SECRET.stream().anyMatch(lower::contains)) {
                return Optional.empty();
            }
            Field.Kind kind = LONG_TEXT.contains(name) ? Field.Kind.TEXT : LINE.contains(name) ? Field.Kind.LINE : Field.Kind.HIDDEN;
            for (String value : sent.getValue()) {
                fields.add(new Field(name, value, kind));
                typedSomething |= kind != Field.Kind.HIDDEN && !value.isBlank();
            }
        }
        return typedSomething ? Optional.of(new UnsavedForm(action, fields)) : Optional.empty();
    }
}

package org.hearth.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The first problem with each field of a form, in words meant for the person who filled it in. */
public record FormErrors(Map<String, String> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    public static FormErrors of(BindingResult result) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            messages.putIfAbsent(error.getField(), error.isBindingFailure()
                    ? "This value is not in a form we understand."
                    : withLength(error.getDefaultMessage(), error.getRejectedValue()));
        }
        result.getGlobalErrors().forEach(error -> messages.putIfAbsent("", error.getDefaultMessage()));
        return new FormErrors(Map.copyOf(messages));
    }

    /**
     * A message may say how long the typed text is ("yours has {length}"), so a writer over a
     * limit knows by how much. Bean Validation leaves the unknown {@code {length}} as it is.
     */
    static String withLength(String message, Object rejected) {
        if (message == null || !message.contains("{length}") || !(rejected instanceof CharSequence text)) {
            return message;
        }
        return message.replace("{length}", String.format(Locale.ENGLISH, "%,d", text.length()));
    }

    public static FormErrors of(String field, String message) {
        return new FormErrors(Map.of(field, message));
    }

    public String of(String field) {
        return byField.get(field);
    }

    /** What the form as a whole says: why it was refused (a page's reason), or to check the marked fields. */
    public String summary() {
        return byField.getOrDefault("", "Please check the fields marked below. Nothing you wrote is lost.");
    }

    public boolean any() {
        return !byField.isEmpty();
    }
}

package org.hearth.platform.web;

import java.util.LinkedHashMap;
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
                    : error.getDefaultMessage());
        }
        result.getGlobalErrors().forEach(error -> messages.putIfAbsent("", error.getDefaultMessage()));
        return new FormErrors(Map.copyOf(messages));
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

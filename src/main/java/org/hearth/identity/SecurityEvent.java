package org.hearth.identity;

/** Something that happened to the security of an account, as its member reads it in their log. */
public enum SecurityEvent {
    SIGNED_IN("Signed in", false),
    SIGN_IN_FAILED("Failed sign-in attempt (wrong password)", false),
    PASSWORD_CHANGED("Password changed", true),
    HANDLE_CHANGED("Handle changed", true),
    PASSWORD_RESET("Password reset through an e-mailed link", true),
    SESSIONS_ENDED("Signed out on other devices", false),
    EMAIL_ADDED("E-mail address added, waiting for verification", false),
    EMAIL_VERIFIED("E-mail address verified", true),
    FACTOR_ADDED("Sign-in method added", true),
    FACTOR_REMOVED("Sign-in method removed", true),
    DATA_DOWNLOADED("Copy of your data downloaded", true);

    private final String description;
    private final boolean worthAnEmail;

    SecurityEvent(String description, boolean worthAnEmail) {
        this.description = description;
        this.worthAnEmail = worthAnEmail;
    }

    public String description() {
        return description;
    }

    /** Whether the member is told by e-mail too (when they have a verified address). */
    public boolean worthAnEmail() {
        return worthAnEmail;
    }
}

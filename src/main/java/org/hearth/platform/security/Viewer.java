package org.hearth.platform.security;

/**
 * The signed-in member looking at a page. Controllers take it as a parameter; it is
 * {@code null} for an anonymous visitor.
 *
 * @param secondFactor whether this sign-in included a second factor (an authenticator code, a
 *     recovery code or a verified passkey); moderators act and read private data only then
 */
public record Viewer(String memberId, String handle, boolean siteAdmin, boolean secondFactor)
        implements java.io.Serializable {

    /** A member as just identified, before any second factor was given. */
    public Viewer(String memberId, String handle, boolean siteAdmin) {
        this(memberId, handle, siteAdmin, false);
    }

    /** The same member, with what the current sign-in proved. */
    Viewer withSecondFactor(boolean given) {
        return given == secondFactor ? this : new Viewer(memberId, handle, siteAdmin, given);
    }
}

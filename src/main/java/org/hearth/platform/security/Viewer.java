package org.hearth.platform.security;

/**
 * The signed-in member looking at a page. Controllers take it as a parameter; it is
 * {@code null} for an anonymous visitor.
 */
public record Viewer(String memberId, String handle, boolean siteAdmin) implements java.io.Serializable {
}

package org.hearth.identity;

/**
 * How a member shows, before a change that matters (deleting the account, a new handle or
 * address, the second factor), that it is really them at the keyboard: the password typed again,
 * or, for an account that has no password, one of their own passkeys used in this session a few
 * minutes ago. A member who has a password always types it.
 *
 * @param password           what was typed in the password field (may be empty)
 * @param recentPasskeyCheck whether the member used one of their passkeys in this session recently
 */
public record Reconfirmation(String password, boolean recentPasskeyCheck) {

    public static Reconfirmation password(String typed) {
        return new Reconfirmation(typed, false);
    }
}

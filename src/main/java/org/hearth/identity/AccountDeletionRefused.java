package org.hearth.identity;

/** Why an account cannot be deleted yet, in words for the member. */
public class AccountDeletionRefused extends RuntimeException {

    public AccountDeletionRefused(String reason) {
        super(reason, null, false, false);
    }
}

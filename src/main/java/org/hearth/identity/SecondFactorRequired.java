package org.hearth.identity;

/** Thrown when a member tries to act in a role that needs a second factor they have not set up. */
public final class SecondFactorRequired extends RuntimeException {

    public SecondFactorRequired() {
        super("second factor required", null, false, false);
    }
}

package org.hearth.platform.mail;

/**
 * Carries the outbox's items of one channel other than e-mail (web push), registered as a bean
 * by the feature that owns the channel. The outbox keeps such items as durably as mail: written
 * in the transaction that caused them, claimed once on any node, tried again with the same
 * waits after a failure, held until their {@code notBefore}.
 */
public interface Courier {

    /** The channel's name, as {@link Outbox#queueFor} was given it. */
    String channel();

    /**
     * Delivers one item, or finds its recipient gone for good (then the courier forgets the
     * recipient itself and returns normally: the item is done). Throws to have it tried again.
     */
    void deliver(String recipient, String subject, String body) throws Exception;
}

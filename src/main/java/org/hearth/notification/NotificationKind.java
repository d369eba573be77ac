package org.hearth.notification;

/**
 * What a notification is about, and so who hears of it and where it leads. Like ones that
 * arrive while the first is unread join it ("3 reactions"), keyed by what they are about.
 */
public enum NotificationKind {

    /** New replies in a topic the member follows (started, wrote in, or chose). */
    REPLY(Audience.POST, "A new reply", "new replies"),
    /** Reactions to the member's post. */
    REACTION(Audience.POST, "A reaction to your post", "reactions to your post", EmailChoice.NEVER),
    /** A new topic in a community the member follows. */
    NEW_TOPIC(Audience.POST, "A new topic in a community you follow", null),
    /** A post named the member with {@code @handle}. */
    MENTION(Audience.POST, "You were mentioned", null),
    /** A clinician's evidence note on the member's post, now shown to members. */
    EVIDENCE_NOTE(Audience.POST, "An evidence note on your post", "evidence notes on your post"),
    /** A new experience in a decision the member follows. */
    EXPERIENCE(Audience.POST, "A new experience", "new experiences"),
    /** A moderator decided about the member or their post. */
    DECISION_ABOUT_YOU(Audience.PERSONAL, "A moderator decided about you or your post", null),
    /** The member's appeal was decided. */
    APPEAL_DECIDED(Audience.PERSONAL, "Your appeal was decided", null),
    /** The member's application as a clinician was decided. */
    APPLICATION_DECIDED(Audience.PERSONAL, "Your clinician application was decided", null),
    /** Members ask to join a community the member moderates. */
    JOIN_REQUEST(Audience.MODERATORS, "A request to join", "requests to join"),
    /** Flagged posts and members wait in the review queue of a community the member moderates. */
    REVIEW_QUEUE(Audience.MODERATORS, "A flag waits in the review queue", "flags wait in the review queue");

    /** Who hears of a kind: readers of a post, the one member it is about, or a community's moderators. */
    enum Audience {
        POST, PERSONAL, MODERATORS
    }

    private final Audience audience;
    private final String one;
    private final String many;
    private final EmailChoice byDefault;

    NotificationKind(Audience audience, String one, String many) {
        this(audience, one, many, EmailChoice.AT_ONCE);
    }

    NotificationKind(Audience audience, String one, String many, EmailChoice byDefault) {
        this.audience = audience;
        this.one = one;
        this.many = many;
        this.byDefault = byDefault;
    }

    /** How a member hears of it by e-mail until they choose: at once, but reactions, which are many and need no answer. */
    public EmailChoice emailByDefault() {
        return byDefault;
    }

    /** The kind in a member's list of choices and in an unsubscribe page. */
    public String label() {
        return many == null ? one : Character.toUpperCase(many.charAt(0)) + many.substring(1);
    }

    Audience audience() {
        return audience;
    }

    /**
     * Whether e-mail about it is this feature's to send. Decisions about a member, their appeal
     * and their application are already e-mailed by the features that decide them, as messages
     * about the account (discreet, and not something one unsubscribes from); they are only
     * listed here.
     */
    public boolean mailedHere() {
        return audience != Audience.PERSONAL;
    }

    /**
     * Whether a member chooses kind by kind if push tells them of it: news about themselves (a
     * decision, their appeal, their application) always comes on a device they turned push on for.
     */
    public boolean pushChosenHere() {
        return audience != Audience.PERSONAL;
    }

    /** Whether push tells of it until the member chooses: everything but reactions, as with e-mail. */
    public boolean pushByDefault() {
        return this != REACTION;
    }

    /** What joins an unread row of this kind; {@code about} names the decision, appeal or application. */
    String batchKey(String communityId, String topicId, String postId, String about) {
        return switch (this) {
            case REPLY -> "reply:" + topicId;
            case REACTION -> "reaction:" + postId;
            case NEW_TOPIC -> "topic:" + topicId;
            case MENTION -> "mention:" + postId;
            case EVIDENCE_NOTE -> "note:" + postId;
            case EXPERIENCE -> "experience:" + topicId;
            case DECISION_ABOUT_YOU -> "decision:" + about;
            case APPEAL_DECIDED -> "appeal:" + about;
            case APPLICATION_DECIDED -> "application:" + about;
            case JOIN_REQUEST -> "join:" + communityId;
            case REVIEW_QUEUE -> "review:" + communityId;
        };
    }

    /** What happened, in words, for this many. */
    public String words(int howMany) {
        return howMany <= 1 || many == null ? one : howMany + " " + many;
    }

    /** The words before who did it: the latest of several, or the one. */
    public String byWords() {
        return many != null ? ", the latest by" : " by";
    }
}

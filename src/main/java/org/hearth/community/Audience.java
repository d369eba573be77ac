package org.hearth.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who can read what is written in a community, and who can come in to read it, in the one
 * wording every page uses: the community's header, the directory, the composer and its
 * anonymous-posting hint, the settings page. Both halves matter: "members only" says little when
 * anyone with an account can become a member by pressing a button.
 */
public record Audience(Visibility visibility, JoinPolicy joinPolicy) {

    public Audience {
        Objects.requireNonNull(visibility);
        Objects.requireNonNull(joinPolicy);
    }

    /**
     * A short key for this audience, for a form to send back what it showed the writer
     * ({@link #ofKey}).
     */
    public String key() {
        return visibility.name() + "." + joinPolicy.name();
    }

    /** The audience a form showed, or nothing when the key is missing or not one of ours. */
    public static Optional<Audience> ofKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.strip().split("\\.", -1);
        try {
            return parts.length == 2 ? Optional.of(new Audience(Visibility.valueOf(parts[0]), JoinPolicy.valueOf(parts[1])))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A few words for a badge beside the community's name. */
    public String badge() {
        return switch (visibility) {
            case PUBLIC -> "Public";
            case MEMBERS_ONLY -> switch (joinPolicy) {
                case OPEN -> "Any account can join and read";
                case APPROVAL -> "Members only, by approval";
                case INVITATION -> "Members only, by invitation";
            };
            case HIDDEN -> "Hidden, by invitation";
        };
    }

    /** In plain words: who can read a post written here, and who can join to read it. */
    public String readers() {
        return switch (visibility) {
            case PUBLIC -> "Anyone on the web can read posts here, without an account. " + switch (joinPolicy) {
                case OPEN -> "Anyone with a Hearth account can join and write.";
                case APPROVAL -> "Only members the moderators let in can write.";
                case INVITATION -> "Only members the moderators invite can write.";
            };
            case MEMBERS_ONLY -> switch (joinPolicy) {
                case OPEN -> "Only members can read posts here, but anyone with a Hearth account can join and read them.";
                case APPROVAL -> "Only members can read posts here: the people the moderators let in.";
                case INVITATION -> "Only members can read posts here: the people the moderators invite.";
            };
            // no one outside can find a hidden community, so no one can ask to join it or join it unasked
            case HIDDEN -> "Only members can read posts here: the people the moderators invite. "
                    + "The community is hidden: no one else can find it.";
        };
    }

    /** What an anonymous post hides, and from whom: in a public community the post is still public. */
    public String anonymousHint() {
        String moderators = " The community's moderators can still see that it is you.";
        return switch (visibility) {
            case PUBLIC -> "Your handle is not shown: everyone sees \"anonymous member\". The post itself is public: "
                    + "anyone on the web can read it." + moderators;
            case MEMBERS_ONLY -> joinPolicy == JoinPolicy.OPEN
                    ? "Members see \"anonymous member\" instead of your handle, and anyone with a Hearth account can "
                            + "join and read the post." + moderators
                    : "Members see \"anonymous member\" instead of your handle." + moderators;
            case HIDDEN -> "Members see \"anonymous member\" instead of your handle." + moderators;
        };
    }

    /**
     * Why a post was not stored, to its writer: this community opened up to this audience while
     * they wrote for the one they were shown ({@code shown}; null when the page showed none).
     */
    public String widenedWhileWriting(Audience shown) {
        String change = visibility == Visibility.PUBLIC && (shown == null || shown.visibility() != Visibility.PUBLIC)
                ? "This community became public while you were writing: anyone on the web can now read what you post here."
                : "Who can read this community changed while you were writing. " + readers();
        return change + " Your text is below; post it again if you still want to.";
    }

    /** Whether this lets more people see the community or come in than {@code before} did. */
    public boolean moreOpenThan(Audience before) {
        return visibility.openness() > before.visibility.openness()
                || joinPolicy.openness() > before.joinPolicy.openness();
    }

    /**
     * What becomes readable, and by whom, when a community changes from {@code before} to this:
     * the sentences an owner confirms before opening a community up.
     */
    public List<String> whatOpensUp(Audience before) {
        List<String> changes = new ArrayList<>();
        if (visibility == Visibility.PUBLIC && before.visibility != Visibility.PUBLIC) {
            changes.add("Everything written here so far, and everything written from now on, becomes readable by "
                    + "anyone on the web, without an account; search engines may list it.");
        } else if (visibility == Visibility.MEMBERS_ONLY && joinPolicy == JoinPolicy.OPEN
                && (before.visibility == Visibility.HIDDEN || before.joinPolicy != JoinPolicy.OPEN)) {
            changes.add("Anyone with a Hearth account can join and then read everything written here so far.");
        }
        if (before.visibility == Visibility.HIDDEN && visibility != Visibility.HIDDEN) {
            changes.add("The community's name, condition and description appear in the directory, for anyone to see.");
        }
        if (joinPolicy.openness() > before.joinPolicy.openness() && visibility != Visibility.HIDDEN) {
            changes.add(switch (joinPolicy) {
                case OPEN -> "Anyone with a Hearth account can join at once, without a moderator's approval.";
                case APPROVAL -> "Anyone with a Hearth account can ask to join; the moderators decide.";
                case INVITATION -> throw new IllegalStateException("invitation is the narrowest policy");
            });
        }
        if (visibility == Visibility.PUBLIC && before.visibility == Visibility.PUBLIC) {
            changes.add("Nothing becomes readable that was not already: posts here are public.");
        }
        if (changes.isEmpty()) {
            changes.add("Who can read posts here does not change while the community stays hidden.");
        }
        return List.copyOf(changes);
    }
}

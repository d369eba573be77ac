package org.hearth.community;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner changes a community's name, description, condition, visibility, join policy and
 * whether members may post anonymously. Its address never changes: links to it keep working.
 *
 * <p>Making a community more private applies at once to everything in it. Making it more open
 * (shown to more people, or letting more people in) is refused once anyone but the owner making
 * the change has written here: they wrote for the audience the community had then, and Hearth
 * keeps no audience per post that every page, search and e-mail would have to respect. While
 * only the owner has written, opening up asks the owner to confirm what becomes readable and by
 * whom. The check and the change happen in one transaction, with the community locked, so no
 * one can post in between. Turning anonymous posting off keeps earlier anonymous posts anonymous.
 */
@Service
public class ChangeCommunitySettings {

    /** Below 2, one new member's flag would hide any post; above 100, members' flags would never hide one. */
    static final int MIN_FLAG_HIDE_SCORE = 2;
    static final int MAX_FLAG_HIDE_SCORE = 100;

    /**
     * The settings an owner can change, as they typed them.
     *
     * @param flagHideScore points of members' flags that hide a post until a moderator looks (null: not a whole number)
     * @param holdNewMembersPosts new members' posts wait for a moderator before others see them
     * @param clinicians whether verified clinicians join fully, to read only, or not at all (null: left as it is)
     */
    public record Settings(String name, String description, String conditionServed, Visibility visibility,
            JoinPolicy joinPolicy, boolean allowAnonymous, Integer flagHideScore, boolean holdNewMembersPosts,
            ClinicianAdmission clinicians) {

        /** Settings that hold no one's posts for review and welcome clinicians. */
        public Settings(String name, String description, String conditionServed, Visibility visibility, JoinPolicy joinPolicy,
                boolean allowAnonymous, Integer flagHideScore) {
            this(name, description, conditionServed, visibility, joinPolicy, allowAnonymous, flagHideScore, false,
                    ClinicianAdmission.WELCOME);
        }

        public static Settings of(Community community) {
            return new Settings(community.name(), community.description(), community.conditionServed(),
                    community.visibility(), community.joinPolicy(), community.allowAnonymous(), community.flagHideScore(),
                    community.holdNewMembersPosts(), community.clinicians());
        }

        /** These settings with new members' posts held, or not. */
        public Settings holding(boolean hold) {
            return new Settings(name, description, conditionServed, visibility, joinPolicy, allowAnonymous, flagHideScore, hold,
                    clinicians);
        }

        /** These settings with clinicians admitted as given. */
        public Settings admitting(ClinicianAdmission admission) {
            return new Settings(name, description, conditionServed, visibility, joinPolicy, allowAnonymous, flagHideScore,
                    holdNewMembersPosts, admission);
        }

        Settings stripped() {
            return new Settings(strip(name), strip(description), strip(conditionServed), visibility, joinPolicy, allowAnonymous,
                    flagHideScore, holdNewMembersPosts, clinicians);
        }

        private static String strip(String text) {
            return text == null ? "" : text.strip();
        }

        Audience audience() {
            return new Audience(visibility, joinPolicy);
        }
    }

    /** @param openingUpConfirmed the owner saw what becomes readable, and by whom, and said yes */
    public record Input(String slug, Viewer owner, Settings settings, boolean openingUpConfirmed) {
        public Input {
            Objects.requireNonNull(owner, "only a signed-in owner changes settings");
            Objects.requireNonNull(settings);
        }
    }

    public sealed interface Outcome {
        /** Saved (or nothing differed from what was there). */
        record Changed(Community community) implements Outcome {
        }

        /** No such community, or the person asking does not moderate it. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record NotAnOwner(Community community) implements Outcome {
        }

        /** Problems with what was typed, by field, in words for the owner. */
        record Invalid(Community community, Map<String, String> problems) implements Outcome {
        }

        /**
         * Opening up while only the owner has written: nothing is saved until the owner confirms.
         * @param whatOpensUp what becomes readable, and by whom
         */
        record OpeningUpToConfirm(Community community, Audience after, List<String> whatOpensUp) implements Outcome {
        }

        /** Opening up after others wrote for a narrower audience: never done. */
        record OpeningUpRefused(Community community, Audience after) implements Outcome {
        }
    }

    private final Communities communities;
    private final List<WrittenInCommunity> writings;
    private final ApplicationEventPublisher events;

    ChangeCommunitySettings(Communities communities, List<WrittenInCommunity> writings, ApplicationEventPublisher events) {
        this.communities = communities;
        this.writings = writings;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.owner()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        // a form from before the choice existed (loaded before an upgrade) leaves it as it is
        Settings settings = input.settings().clinicians() == null
                ? input.settings().stripped().admitting(access.community().clinicians()) : input.settings().stripped();
        return withSecondFactor(access)
                .or(() -> anOwner(access))
                .or(() -> valid(access, settings))
                .orElseGet(() -> communities.locked(access.community().id())
                        .map(now -> stillAnOwner(now, input)
                                .or(() -> notOpeningUpOnOthers(now, settings, input))
                                .orElseGet(() -> change(now, settings, input)))
                        .orElseGet(Outcome.NotFound::new));
    }

    /** Asked of every moderator first: nothing on the moderation pages happens without it. */
    private static Optional<Outcome> withSecondFactor(Access access) {
        return access.canModerate() ? Optional.empty() : Optional.of(new Outcome.SecondFactorNeeded());
    }

    private static Optional<Outcome> anOwner(Access access) {
        return access.owns() ? Optional.empty() : Optional.of(new Outcome.NotAnOwner(access.community()));
    }

    private static Optional<Outcome> valid(Access access, Settings settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        check(problems, "name", settings.name(), 80, "Give the community a name.", "Keep the name under 80 characters.");
        check(problems, "conditionServed", settings.conditionServed(), 120,
                "Say which condition or theme this community serves.", "Keep this under 120 characters.");
        check(problems, "description", settings.description(), 2000,
                "Describe who the community is for, in a sentence or two.", "Keep the description under 2000 characters.");
        if (settings.visibility() == null) {
            problems.put("visibility", "Choose who can see the community.");
        }
        if (settings.joinPolicy() == null) {
            problems.put("joinPolicy", "Choose how people join.");
        }
        if (settings.flagHideScore() == null || settings.flagHideScore() < MIN_FLAG_HIDE_SCORE
                || settings.flagHideScore() > MAX_FLAG_HIDE_SCORE) {
            problems.put("flagHideScore", "Write a whole number of points from " + MIN_FLAG_HIDE_SCORE + " to "
                    + MAX_FLAG_HIDE_SCORE + ". Hearth suggests " + Community.DEFAULT_FLAG_HIDE_SCORE + ".");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(new Outcome.Invalid(access.community(), Map.copyOf(problems)));
    }

    private static void check(Map<String, String> problems, String field, String value, int max, String missing, String tooLong) {
        if (value.isEmpty()) {
            problems.put(field, missing);
        } else if (value.length() > max) {
            problems.put(field, tooLong);
        }
    }

    /**
     * Read again with the community locked, and the owners' rows locked too: an owner stepped
     * down by another owner a moment ago changes nothing.
     */
    private Optional<Outcome> stillAnOwner(Community now, Input input) {
        communities.ownersLocked(now.id());
        return communities.roleOf(now.id(), input.owner().memberId()).orElse(null) == Role.OWNER
                ? Optional.empty() : Optional.of(new Outcome.NotAnOwner(now));
    }

    private Optional<Outcome> notOpeningUpOnOthers(Community now, Settings settings, Input input) {
        Audience after = settings.audience();
        if (!after.moreOpenThan(now.audience())) {
            return Optional.empty();
        }
        if (writings.stream().anyMatch(w -> w.byAnyoneBut(now.id(), input.owner().memberId()))) {
            return Optional.of(new Outcome.OpeningUpRefused(now, after));
        }
        return input.openingUpConfirmed() ? Optional.empty()
                : Optional.of(new Outcome.OpeningUpToConfirm(now, after, after.whatOpensUp(now.audience())));
    }

    private Outcome change(Community before, Settings settings, Input input) {
        if (Settings.of(before).equals(settings)) {
            return new Outcome.Changed(before);
        }
        Community after = communities.change(before, settings);
        events.publishEvent(new CommunitySettingsChanged(before.id(), input.owner().memberId(), before, after));
        return new Outcome.Changed(after);
    }
}

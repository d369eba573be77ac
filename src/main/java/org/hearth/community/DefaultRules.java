package org.hearth.community;

import java.util.List;

/**
 * The charter and rules every community starts with, written for a patient community; its
 * moderators change them as the community decides. Migration V19 gave existing communities the
 * same words as their version 1 (a test keeps the two equal).
 */
final class DefaultRules {

    static final String CHARTER = "This community is run by its members: people living with the condition it serves, and those who care for them. We are here to help each other through hard days and hard decisions, by sharing what we have lived." + "\n\n"
            + "We are not a clinic. What you read here is a member's own experience, not medical advice: talk to your own care team before you change a treatment." + "\n\n"
            + "The moderators are members who volunteered. They act on these rules and say which rule they acted on.";
    static final String SUMMARY = "The rules every new community starts with.";
    static final List<Rules.Draft> RULES = List.of(
            new Rules.Draft("d1", "Be kind",
                    "Everyone here is living with something hard. Disagree with an idea, never attack a person. No insults, mockery or pile-ons, and no judging how someone copes."),
            new Rules.Draft("d2", "Share experience, not medical advice",
                    "Tell what happened to you and say that it is your experience (\"what worked for me was...\"). Do not present advice about medicines, doses or treatments as fact, and never tell someone to stop a treatment. Link to a trustworthy source when you mention research."),
            new Rules.Draft("d3", "Respect privacy",
                    "What is shared here stays here. Do not post real names, photos, addresses or other details of anyone, members or not, and do not copy members' posts elsewhere. Use first names or initials for the people in your story, or none."),
            new Rules.Draft("d4", "No selling or recruiting",
                    "No selling, advertising or fundraising, and no recruiting for studies, surveys or trials without the community's approval, given in the open."),
            new Rules.Draft("d5", "No spam",
                    "No repeated posts, chain messages or links posted only to bring people elsewhere."));

    private DefaultRules() {
    }
}

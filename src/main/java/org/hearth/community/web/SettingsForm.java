package org.hearth.community.web;

import org.hearth.community.ChangeCommunitySettings.Settings;
import org.hearth.community.ClinicianAdmission;
import org.hearth.community.Community;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;

/**
 * A community's settings as an owner typed them. Checked by the use case, which says what is
 * wrong in words; a choice that is not one of ours arrives as null and is asked for again.
 */
public record SettingsForm(String name, String conditionServed, String description, Visibility visibility,
        JoinPolicy joinPolicy, Boolean allowAnonymous, String flagHideScore, Boolean holdNewMembersPosts,
        ClinicianAdmission clinicians) {

    static SettingsForm of(Community community) {
        return new SettingsForm(community.name(), community.conditionServed(), community.description(),
                community.visibility(), community.joinPolicy(), community.allowAnonymous(),
                Integer.toString(community.flagHideScore()), community.holdNewMembersPosts(), community.clinicians());
    }

    Settings toSettings() {
        return new Settings(name, description, conditionServed, visibility, joinPolicy, Boolean.TRUE.equals(allowAnonymous),
                points(), holding(), clinicians);
    }

    public boolean holding() {
        return Boolean.TRUE.equals(holdNewMembersPosts);
    }

    /** The threshold as a number, or null when what was typed is not a whole number (the use case asks again). */
    private Integer points() {
        String typed = flagHideScore == null ? "" : flagHideScore.strip();
        return typed.matches("[0-9]{1,6}") ? Integer.valueOf(typed) : null;
    }

    public boolean anonymous() {
        return Boolean.TRUE.equals(allowAnonymous);
    }

    public String text(String value) {
        return value == null ? "" : value;
    }
}

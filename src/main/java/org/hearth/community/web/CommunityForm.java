package org.hearth.community.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hearth.community.Communities.NewCommunity;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.db.Submissions;

/**
 * The form a site administrator fills in to create a community. Private by default. Its
 * one-time {@code submission} key makes the same form sent twice create one community.
 */
public record CommunityForm(
        @NotBlank(message = "Give the community a name.")
        @Size(max = 80, message = "Keep the name under 80 characters.")
        String name,
        @NotBlank(message = "Choose the web address, for example living-with-lupus.")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "Use lowercase letters, digits and single dashes, for example living-with-lupus.")
        @Size(min = 3, max = 60, message = "The address is 3 to 60 characters long.")
        String slug,
        @NotBlank(message = "Say which condition or theme this community serves.")
        @Size(max = 120, message = "Keep this under 120 characters.")
        String conditionServed,
        @NotBlank(message = "Describe who the community is for, in a sentence or two.")
        @Size(max = 2000, message = "Keep the description under 2000 characters.")
        String description,
        @NotNull(message = "Choose who can see the community.")
        Visibility visibility,
        @NotNull(message = "Choose how people join.")
        JoinPolicy joinPolicy,
        Boolean allowAnonymous,
        String submission) {

    static CommunityForm empty() {
        return new CommunityForm("", "", "", "", Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false, Submissions.newKey());
    }

    String key() {
        return Submissions.keyOf(submission);
    }

    NewCommunity toNewCommunity() {
        return new NewCommunity(slug, name, description, conditionServed, visibility, joinPolicy, Boolean.TRUE.equals(allowAnonymous));
    }
}

package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/** Joining by each policy, approving requests, roles, and leaving. */
abstract class MembershipContract extends HearthTest {

    @Test
    void anApprovalCommunityLetsSomeoneInOnlyWhenAModeratorSaysYes() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        String handle = unique("asker");
        Visitor asker = member(handle);
        var asked = asker.submit("/c/" + slug + "/join", AGREEING);
        assertThat(asked.text()).contains("Your request is sent").contains("You asked to join");
        assertThat(asked.text()).contains("Posts here are for members");
        assertThat(asker.get("/c/" + slug + "/new").location()).endsWith("/c/" + slug);

        Visitor ownerBrowser = moderating(owner);
        var list = ownerBrowser.get("/c/" + slug + "/members");
        assertThat(list.document().select("#requests-heading").text()).contains("(1)");
        String memberId = members.idOfHandle(handle).orElseThrow();
        ownerBrowser.submit("/c/" + slug + "/requests/" + memberId, Map.of("decision", "approve"));

        var now = asker.get("/c/" + slug);
        assertThat(now.text()).doesNotContain("Posts here are for members").contains("Start a topic");
        assertThat(ownerBrowser.get("/c/" + slug + "/members").text()).contains(handle);
    }

    @Test
    void aDeclinedRequestLeavesThePersonOutside() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        String handle = unique("declined");
        Visitor asker = member(handle);
        asker.submit("/c/" + slug + "/join", AGREEING);
        Visitor ownerBrowser = moderating(owner);
        ownerBrowser.submit("/c/" + slug + "/requests/" + members.idOfHandle(handle).orElseThrow(), Map.of("decision", "decline"));
        assertThat(asker.get("/c/" + slug).text()).contains("Posts here are for members").contains("Ask to join");
    }

    @Test
    void anInvitationCommunityCannotBeJoinedWithoutAnInvitation() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        Visitor outsider = member(unique("out"));
        var page = outsider.get("/c/" + slug);
        assertThat(page.document().select("a[href$=/join]")).isEmpty();
        var tried = outsider.submit("/c/" + slug + "/join", AGREEING);
        assertThat(tried.text()).contains("by invitation only").contains("Posts here are for members");
    }

    @Test
    void ownersAppointModeratorsAndTheLastOwnerCannotLeave() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String handle = unique("helper");
        Visitor helper = member(handle);
        helper.submit("/c/" + slug + "/join", AGREEING);
        assertThat(helper.get("/c/" + slug + "/members").status()).isEqualTo(404);

        Visitor ownerBrowser = moderating(owner);
        String helperId = members.idOfHandle(handle).orElseThrow();
        ownerBrowser.submit("/c/" + slug + "/members/" + helperId + "/role", Map.of("role", "MODERATOR"));
        assertThat(helper.get("/c/" + slug + "/members").location())
                .as("the member list is private: a new moderator sets up a second factor first")
                .endsWith("/me/second-factor?required");
        // a new moderator sets up a second factor before acting
        var asked = helper.post("/c/" + slug + "/members/" + owner.memberId() + "/role", Map.of("role", "MEMBER"));
        assertThat(asked.location()).endsWith("/me/second-factor?required");
        assertThat(helper.open(asked.location()).text()).contains("because you moderate the community");
        org.hearth.testing.Authenticator.enrol(helper, PASSWORD);
        // a moderator cannot change roles
        var refused = helper.submit("/c/" + slug + "/members/" + owner.memberId() + "/role", Map.of("role", "MEMBER"));
        assertThat(refused.text()).contains("Only owners change roles");

        var stay = ownerBrowser.submit("/c/" + slug + "/leave", Map.of("confirmed", "true"));
        assertThat(stay.text()).contains("only owner");
        assertThat(ownerBrowser.get("/c/" + slug + "/members").status()).isEqualTo(200);

        var left = helper.submit("/c/" + slug + "/leave", Map.of("confirmed", "true"));
        assertThat(left.text()).contains("You have left");
        assertThat(helper.get("/c/" + slug).document().select("a[href$=/join]")).hasSize(1);
    }
}

package org.hearth.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess.Seen;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What staff saw about a member: an entry for every reveal, readable by that member alone,
 * naming the role and never the person, in their download and erased with them.
 */
abstract class StaffAccessContract extends HearthTest {

    @Autowired
    StaffAccess staffAccess;

    @Autowired
    StaffAccessOfAMember ofAMember;

    /** A community allowing anonymous posts, with an owner, a moderator and a member. */
    record Place(String slug, Viewer owner, Viewer moderator, Viewer member) {
    }

    Place place() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, true);
        Viewer moderator = account(unique("mod"));
        Viewer member = account(unique("member"));
        join(slug, moderator);
        join(slug, member);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        return new Place(slug, owner, moderator, member);
    }

    List<Seen> seenAbout(Viewer member) {
        return staffAccess.entries(member.memberId(), 1000).stream().map(StaffAccess.Entry::seen).toList();
    }

    // ---- refusals -------------------------------------------------------------------------

    @Test
    void anotherMemberCannotSeeMyEntries() {
        Place place = place();
        moderating(place.moderator()).get("/c/" + place.slug() + "/members");
        assertThat(seenAbout(place.member())).containsExactly(Seen.READ_MEMBER_LIST);

        Viewer stranger = account(unique("stranger"));
        Document theirs = signedIn(stranger).get("/me/staff-access").document();
        assertThat(theirs.select("ul.staff-access li")).isEmpty();
        assertThat(theirs.text()).contains("Nothing yet");
        assertThat(visitor().get("/me/staff-access").location()).as("visitors are sent to sign in").contains("/sign-in");
    }

    @Test
    void aModeratorWithoutSecondFactorSeesNothingAndNothingIsWritten() {
        Place place = place();
        String topic = started(access(place.slug(), place.member()), place.member(),
                new Draft(TopicKind.QUESTION, "Quiet question", "words", null, true));
        Visitor halfSignedIn = signedIn(place.moderator());
        halfSignedIn.get("/c/" + place.slug() + "/members");
        var page = halfSignedIn.get("/c/" + place.slug() + "/t/" + topic);
        assertThat(page.text()).doesNotContain(place.member().handle());
        assertThat(seenAbout(place.member())).isEmpty();
    }

    @Test
    void aMemberReadingTheirOwnAnonymousPostWritesNothing() {
        Place place = place();
        String topic = started(access(place.slug(), place.member()), place.member(),
                new Draft(TopicKind.QUESTION, "My own", "words", null, true));
        signedIn(place.member()).get("/c/" + place.slug() + "/t/" + topic);
        assertThat(seenAbout(place.member())).isEmpty();
    }

    // ---- an entry for every reveal ----------------------------------------------------------

    @Test
    void readingTheMemberListWritesOneEntryPerListedMemberButTheReader() {
        Place place = place();
        Viewer waiting = account(unique("waiting"));
        moderating(place.moderator()).get("/c/" + place.slug() + "/members");
        assertThat(seenAbout(place.member())).containsExactly(Seen.READ_MEMBER_LIST);
        assertThat(seenAbout(place.owner())).containsExactly(Seen.READ_MEMBER_LIST);
        assertThat(seenAbout(place.moderator())).as("not about the one reading").isEmpty();
        assertThat(seenAbout(waiting)).as("not about someone not listed").isEmpty();
        assertThat(staffAccess.entries(place.member().memberId(), 10)).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo(StaffAccess.StaffRole.MODERATOR);
            assertThat(e.communityName()).isEqualTo("Community " + place.slug());
        });
    }

    @Test
    void readingEarlierVersionsWritesAnEntryForTheAuthor() {
        Place place = place();
        var access = access(place.slug(), place.member());
        String topic = started(access, place.member(), new Draft(TopicKind.QUESTION, "Edited", "first words", null, false));
        String postId = replied(access, place.member(), topic, new Draft(null, null, "before", null, false)).postId();
        edited(access, place.member(), postId, new Draft(null, null, "after", null, false));

        Visitor owner = moderating(place.owner());
        var history = owner.get("/c/" + place.slug() + "/p/" + postId + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text()).contains("before");
        assertThat(seenAbout(place.member())).containsExactly(Seen.READ_EARLIER_VERSIONS);
        assertThat(staffAccess.entries(place.member().memberId(), 10).getFirst().role()).isEqualTo(StaffAccess.StaffRole.OWNER);
    }

    @Test
    void seeingWhoWroteAnonymousPostsWritesOneEntryPerPostShown() {
        Place place = place();
        var access = access(place.slug(), place.member());
        String topic = started(access, place.member(), new Draft(TopicKind.QUESTION, "Unsigned", "opening", null, true));
        replied(access, place.member(), topic, new Draft(null, null, "unsigned reply", null, true));
        replied(access, place.member(), topic, new Draft(null, null, "signed reply", null, false));

        Visitor moderator = moderating(place.moderator());
        var page = moderator.get("/c/" + place.slug() + "/t/" + topic);
        assertThat(page.text()).contains("anonymous member (" + place.member().handle() + ")");
        assertThat(seenAbout(place.member())).as("two anonymous posts shown with their author")
                .containsExactly(Seen.REVEALED_ANONYMOUS_AUTHOR, Seen.REVEALED_ANONYMOUS_AUTHOR);

        var list = moderator.get("/c/" + place.slug());
        assertThat(list.text()).contains("anonymous member (" + place.member().handle() + ")");
        assertThat(seenAbout(place.member())).as("and the topic list named the opening post's author").hasSize(3);
    }

    // ---- the member's page, download and erasure ------------------------------------------------

    @Test
    void thePageSaysRoleCommunityWhatAndWhenButNeverWho() {
        Place place = place();
        String topic = started(access(place.slug(), place.member()), place.member(),
                new Draft(TopicKind.QUESTION, "Unsigned", "opening", null, true));
        moderating(place.moderator()).get("/c/" + place.slug() + "/t/" + topic);
        moderating(place.owner()).get("/c/" + place.slug() + "/members");

        Visitor member = signedIn(place.member());
        Document page = member.get("/me/staff-access").document();
        var items = page.select("ul.staff-access li");
        assertThat(items).hasSize(2);
        assertThat(items.eachText()).anySatisfy(t -> assertThat(t).contains("an owner of Community " + place.slug())
                .contains("the community's member list, with you on it"));
        assertThat(items.eachText()).anySatisfy(t -> assertThat(t).contains("a moderator of Community " + place.slug())
                .contains("that you wrote a post you posted anonymously"));
        assertThat(items.select("time")).hasSize(2);
        assertThat(page.text()).doesNotContain(place.moderator().handle()).doesNotContain(place.owner().handle());
        assertThat(page.html()).doesNotContain(place.moderator().memberId()).doesNotContain(place.owner().memberId());
        assertThat(member.get("/me/data").document().select("a[href=/me/staff-access]")).isNotEmpty();
    }

    @Test
    void theDownloadHoldsTheEntriesAndErasingRemovesThem() {
        Place place = place();
        moderating(place.moderator()).get("/c/" + place.slug() + "/members");
        Visitor member = signedIn(place.member());
        member.get("/me/data");
        String download = member.post("/me/data/download", Map.of()).body();
        assertThat(download).contains("\"staffAccess\"").contains("a moderator").contains("read_member_list")
                .contains("Community " + place.slug()).doesNotContain(place.moderator().handle());

        ofAMember.erase(place.member().memberId());
        assertThat(seenAbout(place.member())).isEmpty();
        assertThat(seenAbout(place.owner())).as("others' entries stay").hasSize(1);
    }
}

package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every refusal of the community use cases, each shown to change nothing and tell no one, then
 * the change itself with its event and what people see afterwards.
 */
abstract class CommunityUseCasesContract extends UseCaseContract {

    @Autowired
    private CreateCommunity createCommunity;

    @Autowired
    private JoinCommunity joinCommunity;

    @Autowired
    private WithdrawFromCommunity withdraw;

    @Autowired
    private LeaveCommunity leave;

    @Autowired
    private DecideJoinRequest decide;

    @Autowired
    private InviteMember inviteMember;

    @Autowired
    private ChangeRole changeRole;

    // ---- CreateCommunity -------------------------------------------------------------------

    @Test
    void aMemberWhoIsNotASiteAdministratorCreatesNothing() {
        Viewer member = account(unique("m"));
        var details = newCommunity();
        var outcome = act(() -> createCommunity.run(CreateCommunity.Input.by(withSecondFactor(member), details)));
        assertThat(outcome).isInstanceOf(CreateCommunity.Outcome.NotASiteAdministrator.class);
        assertThat(published()).isEmpty();
        assertThat(listed(details.slug(), member)).isFalse();
    }

    @Test
    void aSiteAdministratorWithoutASecondFactorCreatesNothing() {
        Viewer admin = members.create(unique("adm"), PASSWORD, null, true);
        var details = newCommunity();
        var outcome = act(() -> createCommunity.run(CreateCommunity.Input.by(admin, details)));
        assertThat(outcome).isInstanceOf(CreateCommunity.Outcome.NotASiteAdministrator.class);
        assertThat(published()).isEmpty();
        assertThat(listed(details.slug(), admin)).isFalse();
    }

    @Test
    void aTakenAddressLeavesTheCommunityThereAsItWas() {
        Viewer admin = withSecondFactor(members.create(unique("adm"), PASSWORD, null, true));
        String slug = community(account(unique("own")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        var before = access(slug, admin).community();
        var details = new Communities.NewCommunity(slug, "Another name", "Another", "Another",
                Visibility.HIDDEN, JoinPolicy.INVITATION, true);
        var outcome = act(() -> createCommunity.run(CreateCommunity.Input.by(admin, details)));
        assertThat(outcome).isInstanceOf(CreateCommunity.Outcome.AddressTaken.class);
        assertThat(published()).isEmpty();
        assertThat(access(slug, admin).community()).isEqualTo(before);
        assertThat(access(slug, admin).member()).isFalse();
    }

    @Test
    void aSiteAdministratorCreatesACommunityAndOwnsIt() {
        Viewer admin = withSecondFactor(members.create(unique("adm"), PASSWORD, null, true));
        var details = newCommunity();
        var outcome = act(() -> createCommunity.run(CreateCommunity.Input.by(admin, details)));
        assertThat(outcome).isInstanceOf(CreateCommunity.Outcome.Created.class);
        String id = ((CreateCommunity.Outcome.Created) outcome).community().id();
        assertThat(published()).containsExactly(new CommunityCreated(id, admin.memberId()));
        assertThat(access(details.slug(), admin).owns()).isTrue();
        assertThat(listed(details.slug(), account(unique("reader")))).isTrue();
    }

    @Test
    void theSameFormSentTwiceCreatesOneCommunityAndAnotherFormFindsTheAddressTaken() {
        Viewer admin = withSecondFactor(members.create(unique("adm"), PASSWORD, null, true));
        var details = newCommunity();
        String key = Submissions.newKey();
        var first = createCommunity.run(CreateCommunity.Input.by(admin, details, key));
        var again = act(() -> createCommunity.run(CreateCommunity.Input.by(admin, details, key)));
        var anotherForm = createCommunity.run(CreateCommunity.Input.by(admin, details, Submissions.newKey()));
        var community = ((CreateCommunity.Outcome.Created) first).community();
        assertThat(again).isEqualTo(new CreateCommunity.Outcome.AlreadySaved(community));
        assertThat(published()).isEmpty();
        assertThat(anotherForm).isInstanceOf(CreateCommunity.Outcome.AddressTaken.class);
        assertThat(access(details.slug(), admin).community().id()).isEqualTo(community.id());
    }

    // ---- JoinCommunity ---------------------------------------------------------------------

    @Test
    void aHiddenCommunityIsNotFoundBySomeoneNotInvited() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.OPEN, false);
        Viewer stranger = account(unique("stranger"));
        var before = roster(slug, owner);
        var outcome = act(() -> join(slug, stranger));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.NotFound.class)
                .as("the same answer as for an address no community has").isEqualTo(join("no-such-" + slug, stranger));
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(communities.mine(stranger)).isEmpty();
    }

    @Test
    void joiningAgainKeepsAModeratorAModerator() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = moderatorOf(slug, owner);
        var before = roster(slug, owner);
        var outcome = act(() -> join(slug, moderator));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.AlreadyMember.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, moderator).role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void askingTwiceLeavesOneRequestWaiting() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer asker = account(unique("asker"));
        assertThat(join(slug, asker)).isInstanceOf(JoinCommunity.Outcome.Requested.class);
        var before = roster(slug, owner);
        var outcome = act(() -> join(slug, asker));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.AlreadyRequested.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(before.requests()).extracting(Communities.JoinRequest::memberId).containsExactly(asker.memberId());
    }

    @Test
    void anInvitationOnlyCommunityTurnsAwaySomeoneNotInvited() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        Viewer outsider = account(unique("out"));
        var before = roster(slug, owner);
        var outcome = act(() -> join(slug, outsider));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.ByInvitationOnly.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(communities.mine(outsider)).isEmpty();
    }

    @Test
    void someoneJoinsAnOpenCommunityAndFindsItAmongTheirs() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer newcomer = account(unique("new"));
        var outcome = act(() -> join(slug, newcomer));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.Joined.class);
        assertThat(published()).containsExactly(new MemberJoined(idOf(slug), newcomer.memberId(), Role.MEMBER));
        assertThat(communities.mine(newcomer)).singleElement()
                .satisfies(a -> assertThat(a.community().slug()).isEqualTo(slug))
                .satisfies(a -> assertThat(a.role()).isEqualTo(Role.MEMBER));
    }

    @Test
    void someoneAsksToJoinAndTheModeratorsSeeTheRequest() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer asker = account(unique("asker"));
        var outcome = act(() -> join(slug, asker));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.Requested.class);
        assertThat(published()).containsExactly(new JoinRequested(idOf(slug), asker.memberId()));
        assertThat(roster(slug, owner).requests()).extracting(Communities.JoinRequest::memberId).containsExactly(asker.memberId());
        Access standing = access(slug, asker);
        assertThat(standing.requested()).isTrue();
        assertThat(standing.member()).isFalse();
        assertThat(standing.canRead()).isFalse();
    }

    @Test
    void anInvitedPersonJoinsAHiddenCommunityAndTheInvitationIsSettled() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer guest = account(unique("guest"));
        assertThat(invite(slug, owner, guest.handle())).isInstanceOf(InviteMember.Outcome.Invited.class);
        var outcome = act(() -> join(slug, guest));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.Joined.class);
        assertThat(published()).containsExactly(new MemberJoined(idOf(slug), guest.memberId(), Role.MEMBER));
        Access standing = access(slug, guest);
        assertThat(standing.role()).isEqualTo(Role.MEMBER);
        assertThat(standing.invited()).isFalse();
    }

    @Test
    void someoneWhoAskedAndWasThenInvitedAcceptsTheInvitation() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer asker = account(unique("asker"));
        assertThat(join(slug, asker)).isInstanceOf(JoinCommunity.Outcome.Requested.class);
        assertThat(invite(slug, owner, asker.handle())).isInstanceOf(InviteMember.Outcome.Invited.class);
        assertThat(access(slug, asker).canJoin()).as("their page offers to accept").isTrue();
        var outcome = act(() -> join(slug, asker));
        assertThat(outcome).isInstanceOf(JoinCommunity.Outcome.Joined.class);
        assertThat(published()).containsExactly(new MemberJoined(idOf(slug), asker.memberId(), Role.MEMBER));
        Access standing = access(slug, asker);
        assertThat(standing.member()).isTrue();
        assertThat(standing.requested()).isFalse();
        assertThat(standing.invited()).isFalse();
    }

    // ---- WithdrawFromCommunity -------------------------------------------------------------

    @Test
    void withdrawingFromAHiddenCommunityOneDoesNotKnowFindsNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer stranger = account(unique("stranger"));
        var before = roster(slug, owner);
        var outcome = act(() -> withdraw.run(new WithdrawFromCommunity.Input(slug, stranger)));
        assertThat(outcome).isInstanceOf(WithdrawFromCommunity.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void aMemberWithNothingPendingWithdrawsNothingAndStays() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        var before = roster(slug, owner);
        var outcome = act(() -> withdraw.run(new WithdrawFromCommunity.Input(slug, member)));
        assertThat(outcome).isInstanceOf(WithdrawFromCommunity.Outcome.NothingPending.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, member).member()).isTrue();
    }

    @Test
    void someoneTakesBackTheirRequestAndTheModeratorsNoLongerSeeIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer asker = account(unique("asker"));
        join(slug, asker);
        var outcome = act(() -> withdraw.run(new WithdrawFromCommunity.Input(slug, asker)));
        assertThat(outcome).isInstanceOf(WithdrawFromCommunity.Outcome.RequestWithdrawn.class);
        assertThat(published()).containsExactly(new JoinRequestWithdrawn(idOf(slug), asker.memberId()));
        assertThat(roster(slug, owner).requests()).isEmpty();
        assertThat(access(slug, asker).canRequest()).isTrue();
    }

    @Test
    void someoneDeclinesAnInvitationAndTheHiddenCommunityIsHiddenFromThemAgain() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer guest = account(unique("guest"));
        invite(slug, owner, guest.handle());
        var outcome = act(() -> withdraw.run(new WithdrawFromCommunity.Input(slug, guest)));
        assertThat(outcome).isInstanceOf(WithdrawFromCommunity.Outcome.InvitationDeclined.class);
        assertThat(published()).containsExactly(new JoinRequestWithdrawn(idOf(slug), guest.memberId()));
        assertThat(communities.visibleTo(slug, guest)).isEmpty();
        assertThat(communities.mine(guest)).isEmpty();
    }

    // ---- LeaveCommunity --------------------------------------------------------------------

    @Test
    void leavingAHiddenCommunityOneIsNotInFindsNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.OPEN, false);
        Viewer stranger = account(unique("stranger"));
        var before = roster(slug, owner);
        var outcome = act(() -> leave.run(new LeaveCommunity.Input(slug, stranger)));
        assertThat(outcome).isInstanceOf(LeaveCommunity.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void aReaderWhoNeverJoinedHasNothingToLeave() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer reader = account(unique("reader"));
        var before = roster(slug, owner);
        var outcome = act(() -> leave.run(new LeaveCommunity.Input(slug, reader)));
        assertThat(outcome).isInstanceOf(LeaveCommunity.Outcome.NotAMember.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void theOnlyOwnerCannotLeave() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        join(slug, account(unique("m")));
        var before = roster(slug, owner);
        var outcome = act(() -> leave.run(new LeaveCommunity.Input(slug, owner)));
        assertThat(outcome).isInstanceOf(LeaveCommunity.Outcome.LastOwner.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void aMemberLeavesAndTheCommunityIsNoLongerAmongTheirs() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        var outcome = act(() -> leave.run(new LeaveCommunity.Input(slug, member)));
        assertThat(outcome).isInstanceOf(LeaveCommunity.Outcome.Left.class);
        assertThat(published()).containsExactly(new MemberLeft(idOf(slug), member.memberId(), Role.MEMBER));
        assertThat(communities.mine(member)).isEmpty();
        assertThat(access(slug, member).canRead()).isFalse();
        assertThat(roster(slug, owner).members()).extracting(Communities.Membership::memberId).doesNotContain(member.memberId());
    }

    @Test
    void oneOfTwoOwnersLeavesAndTheOtherStaysResponsible() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer coOwner = account(unique("co"));
        admit(owner, slug, coOwner);
        changeRole(slug, owner, coOwner.memberId(), Role.OWNER);
        var outcome = act(() -> leave.run(new LeaveCommunity.Input(slug, owner)));
        assertThat(outcome).isInstanceOf(LeaveCommunity.Outcome.Left.class);
        assertThat(published()).containsExactly(new MemberLeft(idOf(slug), owner.memberId(), Role.OWNER));
        assertThat(roster(slug, coOwner).members()).extracting(Communities.Membership::memberId, Communities.Membership::role)
                .containsExactly(tuple(coOwner.memberId(), Role.OWNER));
    }

    // ---- DecideJoinRequest -----------------------------------------------------------------

    @Test
    void aPlainMemberCannotEvenFindTheRequests() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        Viewer asker = account(unique("asker"));
        join(slug, asker);
        var before = roster(slug, owner);
        var outcome = act(() -> decide.run(new DecideJoinRequest.Input(slug, withSecondFactor(member), asker.memberId(), true)));
        assertThat(outcome).isInstanceOf(DecideJoinRequest.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, asker).requested()).isTrue();
    }

    @Test
    void aModeratorWithoutASecondFactorDecidesNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer moderator = moderatorOf(slug, owner);
        Viewer asker = account(unique("asker"));
        join(slug, asker);
        var before = roster(slug, owner);
        var outcome = act(() -> decide.run(new DecideJoinRequest.Input(slug, moderator, asker.memberId(), true)));
        assertThat(outcome).isInstanceOf(DecideJoinRequest.Outcome.SecondFactorNeeded.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, asker).requested()).isTrue();
    }

    @Test
    void someoneWhoNeverAskedCannotBeLetIn() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer bystander = account(unique("by"));
        var before = roster(slug, owner);
        for (String memberId : new String[] {bystander.memberId(), "not an id", null}) {
            var outcome = act(() -> decide.run(new DecideJoinRequest.Input(slug, withSecondFactor(owner), memberId, true)));
            assertThat(outcome).isInstanceOf(DecideJoinRequest.Outcome.NoSuchRequest.class);
            assertThat(published()).isEmpty();
        }
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, bystander).member()).isFalse();
    }

    @Test
    void ofTwoModeratorsAnsweringTheSameRequestTheSecondFindsItAnswered() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer moderator = withSecondFactor(moderatorOf(slug, owner));
        Viewer asker = account(unique("asker"));
        join(slug, asker);
        // both saw the request on their member list
        assertThat(roster(slug, owner).requests()).hasSize(1);
        assertThat(communities.members(access(slug, moderator), moderator).orElseThrow().requests()).hasSize(1);

        assertThat(decide.run(new DecideJoinRequest.Input(slug, withSecondFactor(owner), asker.memberId(), true)))
                .isInstanceOf(DecideJoinRequest.Outcome.Approved.class);
        var before = roster(slug, owner);
        var second = act(() -> decide.run(new DecideJoinRequest.Input(slug, moderator, asker.memberId(), false)));
        assertThat(second).isInstanceOf(DecideJoinRequest.Outcome.NoSuchRequest.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, asker).role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void aModeratorLetsSomeoneInWhoAsked() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer moderator = withSecondFactor(moderatorOf(slug, owner));
        Viewer asker = account(unique("asker"));
        join(slug, asker);
        var outcome = act(() -> decide.run(new DecideJoinRequest.Input(slug, moderator, asker.memberId(), true)));
        assertThat(outcome).isEqualTo(new DecideJoinRequest.Outcome.Approved(access(slug, owner).community(), asker.memberId()));
        assertThat(published()).containsExactly(new MemberJoined(idOf(slug), asker.memberId(), Role.MEMBER));
        assertThat(roster(slug, owner).requests()).isEmpty();
        Access standing = access(slug, asker);
        assertThat(standing.role()).isEqualTo(Role.MEMBER);
        assertThat(standing.canRead()).isTrue();
    }

    @Test
    void aModeratorTurnsSomeoneDownWhoMayAskAgain() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer moderator = withSecondFactor(moderatorOf(slug, owner));
        Viewer asker = account(unique("asker"));
        join(slug, asker);
        var outcome = act(() -> decide.run(new DecideJoinRequest.Input(slug, moderator, asker.memberId(), false)));
        assertThat(outcome).isInstanceOf(DecideJoinRequest.Outcome.Declined.class);
        assertThat(published()).containsExactly(new JoinRequestDeclined(idOf(slug), asker.memberId(), moderator.memberId()));
        assertThat(roster(slug, owner).requests()).isEmpty();
        Access standing = access(slug, asker);
        assertThat(standing.member()).isFalse();
        assertThat(standing.canRequest()).isTrue();
    }

    // ---- InviteMember ----------------------------------------------------------------------

    @Test
    void aPlainMemberCannotInvite() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        Viewer friend = account(unique("friend"));
        var outcome = act(() -> inviteMember.run(new InviteMember.Input(slug, withSecondFactor(member), friend.handle())));
        assertThat(outcome).isInstanceOf(InviteMember.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(communities.visibleTo(slug, friend)).isEmpty();
    }

    @Test
    void aModeratorWithoutASecondFactorInvitesNoOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer moderator = moderatorOf(slug, owner);
        Viewer friend = account(unique("friend"));
        var outcome = act(() -> inviteMember.run(new InviteMember.Input(slug, moderator, friend.handle())));
        assertThat(outcome).isInstanceOf(InviteMember.Outcome.SecondFactorNeeded.class);
        assertThat(published()).isEmpty();
        assertThat(communities.visibleTo(slug, friend)).isEmpty();
    }

    @Test
    void anInvitationNeedsAHandle() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        for (String handle : new String[] {null, "  ", "x".repeat(31)}) {
            var outcome = act(() -> invite(slug, owner, handle));
            assertThat(outcome).isInstanceOf(InviteMember.Outcome.NoHandle.class);
            assertThat(published()).isEmpty();
        }
    }

    @Test
    void invitingAHandleNobodyUsesLooksTheSameAndTellsNoOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        String nobody = unique("nobody");
        var outcome = act(() -> invite(slug, owner, nobody));
        assertThat(outcome).isEqualTo(new InviteMember.Outcome.Invited(access(slug, owner).community(), nobody));
        assertThat(published()).isEmpty();
        // whoever takes the handle later finds no invitation waiting
        assertThat(communities.visibleTo(slug, account(nobody))).isEmpty();
    }

    @Test
    void invitingSomeoneAlreadyInLooksTheSameAndChangesNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer moderator = moderatorOf(slug, owner);
        var before = roster(slug, owner);
        var outcome = act(() -> invite(slug, owner, moderator.handle()));
        assertThat(outcome).isEqualTo(new InviteMember.Outcome.Invited(access(slug, owner).community(), moderator.handle()));
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, moderator).invited()).isFalse();
    }

    @Test
    void aModeratorInvitesSomeoneWhoThenSeesTheHiddenCommunity() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer moderator = moderatorOf(slug, owner);
        Viewer friend = account(unique("friend"));
        var outcome = act(() -> invite(slug, moderator, " " + friend.handle() + " "));
        assertThat(outcome).isEqualTo(new InviteMember.Outcome.Invited(access(slug, owner).community(), friend.handle()));
        assertThat(published()).containsExactly(new MemberInvited(idOf(slug), friend.memberId(), moderator.memberId()));
        assertThat(communities.mine(friend)).singleElement().satisfies(a -> {
            assertThat(a.community().slug()).isEqualTo(slug);
            assertThat(a.invited()).isTrue();
            assertThat(a.member()).isFalse();
            assertThat(a.canJoin()).isTrue();
        });

        var again = act(() -> invite(slug, owner, friend.handle()));
        assertThat(again).isInstanceOf(InviteMember.Outcome.Invited.class);
        assertThat(published()).as("an open invitation is not sent twice").isEmpty();
    }

    // ---- ChangeRole ------------------------------------------------------------------------

    @Test
    void aPlainMemberCannotEvenFindTheRoles() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        var before = roster(slug, owner);
        var outcome = act(() -> changeRole.run(new ChangeRole.Input(slug, withSecondFactor(member), member.memberId(), Role.OWNER)));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void anOwnerWithoutASecondFactorChangesNoRole() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        var before = roster(slug, owner);
        var outcome = act(() -> changeRole.run(new ChangeRole.Input(slug, owner, member.memberId(), Role.MODERATOR)));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.SecondFactorNeeded.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void aModeratorCannotChangeRoles() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = withSecondFactor(moderatorOf(slug, owner));
        Viewer member = account(unique("m"));
        join(slug, member);
        var before = roster(slug, owner);
        var outcome = act(() -> changeRole.run(new ChangeRole.Input(slug, moderator, member.memberId(), Role.MODERATOR)));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.NotAnOwner.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void anOwnerCannotChangeTheirOwnRole() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        var before = roster(slug, owner);
        var outcome = act(() -> changeRole(slug, owner, owner.memberId(), Role.MEMBER));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.OwnRole.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    @Test
    void onlyMembersGetARole() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer reader = account(unique("reader"));
        var before = roster(slug, owner);
        for (String memberId : new String[] {reader.memberId(), "not an id", null}) {
            var outcome = act(() -> changeRole(slug, owner, memberId, Role.MODERATOR));
            assertThat(outcome).isInstanceOf(ChangeRole.Outcome.NotAMember.class);
            assertThat(published()).isEmpty();
        }
        assertThat(roster(slug, owner)).isEqualTo(before);
        assertThat(access(slug, reader).member()).isFalse();
    }

    @Test
    void anOwnerSteppedDownByAnotherCannotStepThemDownInTurn() {
        Viewer first = account(unique("own"));
        String slug = community(first, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer second = account(unique("co"));
        admit(first, slug, second);
        changeRole(slug, first, second.memberId(), Role.OWNER);
        // both look at the member list as owners
        assertThat(access(slug, withSecondFactor(second)).canModerate()).isTrue();

        assertThat(changeRole(slug, first, second.memberId(), Role.MODERATOR)).isInstanceOf(ChangeRole.Outcome.Changed.class);
        var before = roster(slug, first);
        var outcome = act(() -> changeRole(slug, second, first.memberId(), Role.MEMBER));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.NotAnOwner.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, first)).isEqualTo(before);
        assertThat(access(slug, first).role()).isEqualTo(Role.OWNER);
    }

    @Test
    void anOwnerMakesAMemberAModeratorWhoThenSeesTheMemberList() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        assertThat(communities.members(access(slug, withSecondFactor(member)), member)).isEmpty();
        var outcome = act(() -> changeRole(slug, owner, member.memberId(), Role.MODERATOR));
        assertThat(outcome).isEqualTo(new ChangeRole.Outcome.Changed(access(slug, owner).community(), member.memberId(), Role.MODERATOR));
        assertThat(published()).containsExactly(new RoleChanged(idOf(slug), member.memberId(), Role.MEMBER, Role.MODERATOR, owner.memberId()));
        assertThat(access(slug, member).role()).isEqualTo(Role.MODERATOR);
        assertThat(communities.members(access(slug, withSecondFactor(member)), member)).isPresent();
    }

    @Test
    void anOwnerStepsAnotherOwnerDown() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer coOwner = account(unique("co"));
        admit(owner, slug, coOwner);
        changeRole(slug, owner, coOwner.memberId(), Role.OWNER);
        var outcome = act(() -> changeRole(slug, owner, coOwner.memberId(), Role.MEMBER));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.Changed.class);
        assertThat(published()).containsExactly(new RoleChanged(idOf(slug), coOwner.memberId(), Role.OWNER, Role.MEMBER, owner.memberId()));
        assertThat(access(slug, coOwner).role()).isEqualTo(Role.MEMBER);
        assertThat(communities.members(access(slug, withSecondFactor(coOwner)), coOwner)).isEmpty();
    }

    @Test
    void givingSomeoneTheRoleTheyHaveTellsNoOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = moderatorOf(slug, owner);
        var before = roster(slug, owner);
        var outcome = act(() -> changeRole(slug, owner, moderator.memberId(), Role.MODERATOR));
        assertThat(outcome).isInstanceOf(ChangeRole.Outcome.Changed.class);
        assertThat(published()).isEmpty();
        assertThat(roster(slug, owner)).isEqualTo(before);
    }

    // ---- helpers ---------------------------------------------------------------------------


    private String idOf(String slug) {
        return communities.bySlug(slug).orElseThrow().id();
    }

    private boolean listed(String slug, Viewer viewer) {
        return communities.directory(viewer).stream().anyMatch(l -> l.community().slug().equals(slug));
    }

    private static Communities.NewCommunity newCommunity() {
        String slug = unique("c-").toLowerCase();
        return new Communities.NewCommunity(slug, "Community " + slug, "About " + slug, "Condition " + slug,
                Visibility.PUBLIC, JoinPolicy.OPEN, false);
    }

    /** A new member whom the owner let in and made a moderator; signed in without a second factor. */
    private Viewer moderatorOf(String slug, Viewer owner) {
        Viewer moderator = account(unique("mod"));
        admit(owner, slug, moderator);
        assertThat(changeRole(slug, owner, moderator.memberId(), Role.MODERATOR)).isInstanceOf(ChangeRole.Outcome.Changed.class);
        return moderator;
    }

    /** Who belongs in which role and who waits, as an owner's member list shows them. */
    private Roster roster(String slug, Viewer owner) {
        var list = communities.members(access(slug, withSecondFactor(owner)), owner).orElseThrow();
        return new Roster(list.members(), list.requests());
    }

    private record Roster(List<Communities.Membership> members, List<Communities.JoinRequest> requests) {
    }
}

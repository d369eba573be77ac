package org.hearth.clinician;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's moderators mark members as expert patients, or take the mark away; its owners
 * choose whether expert patients may write evidence notes there. Off until an owner turns it on:
 * a note carries weight, and a community decides whom it trusts with it. The moderators see the
 * member list anyway, so "not a member" is said plainly.
 */
@Service
public class ManageExpertPatients {

    public enum Step {
        MARK, UNMARK, ALLOW_NOTES, STOP_NOTES
    }

    /** @param handle the member to mark or unmark; unused for the owners' choice */
    public record Input(String slug, Viewer viewer, Step step, String handle) {
        public Input {
            Objects.requireNonNull(viewer, "only a signed-in moderator marks expert patients");
            Objects.requireNonNull(step);
        }
    }

    public sealed interface Outcome {
        record Done(Access access, Step step, String handle) implements Outcome {
        }

        /** No such community where they may see it, or they do not moderate it. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /** Only owners choose whether expert patients write notes. */
        record NotAnOwner(Access access) implements Outcome {
        }

        record NotAMember(Access access, String handle) implements Outcome {
        }

        record AlreadyMarked(Access access, String handle) implements Outcome {
        }

        record NotMarked(Access access, String handle) implements Outcome {
        }
    }

    /** The moderators' page: the owners' choice and who is marked, by handle. */
    public record ExpertPatientsHere(Access access, boolean notesAllowed, List<String> handles) {
    }

    private final Communities communities;
    private final Members members;
    private final EvidenceNotes notes;

    ManageExpertPatients(Communities communities, Members members, EvidenceNotes notes) {
        this.communities = communities;
        this.members = members;
        this.notes = notes;
    }

    /** For the community's moderators with a second factor; empty for anyone else. */
    public Optional<ExpertPatientsHere> here(String slug, Viewer viewer) {
        return communities.visibleTo(slug, viewer).filter(Access::canModerate).map(access -> {
            String communityId = access.community().id();
            List<String> ids = notes.expertPatients(communityId);
            Map<String, String> handles = members.handles(ids);
            return new ExpertPatientsHere(access, notes.expertPatientsWrite(communityId),
                    ids.stream().map(id -> handles.getOrDefault(id, "a former member")).toList());
        });
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.viewer()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        if (!access.canModerate()) {
            return new Outcome.SecondFactorNeeded();
        }
        String communityId = access.community().id();
        return switch (input.step()) {
            case ALLOW_NOTES, STOP_NOTES -> {
                if (!access.owns()) {
                    yield new Outcome.NotAnOwner(access);
                }
                notes.allowExpertPatients(communityId, input.step() == Step.ALLOW_NOTES);
                yield new Outcome.Done(access, input.step(), null);
            }
            case MARK, UNMARK -> {
                String handle = input.handle() == null ? "" : input.handle().strip();
                Optional<String> member = members.idOfHandle(handle).filter(id -> communities.member(access, id).isPresent());
                if (member.isEmpty()) {
                    yield new Outcome.NotAMember(access, handle);
                }
                if (input.step() == Step.MARK) {
                    yield notes.markExpertPatient(communityId, member.get(), input.viewer().memberId())
                            ? new Outcome.Done(access, Step.MARK, handle) : new Outcome.AlreadyMarked(access, handle);
                }
                yield notes.unmarkExpertPatient(communityId, member.get())
                        ? new Outcome.Done(access, Step.UNMARK, handle) : new Outcome.NotMarked(access, handle);
            }
        };
    }
}

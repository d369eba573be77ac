package org.hearth.identity;

import java.util.Comparator;
import java.util.List;
import org.hearth.platform.Sha256;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.Viewer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The places a member is signed in: listed for them, and ended one by one or all at once.
 * Session ids never leave the server; pages name a session by a one-way digest of its id.
 */
@Service
public class MemberSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** One signed-in device as its member sees it. */
    public record SignedIn(String key, String device, long signedInAt, long lastActiveAt, boolean current) {
    }

    public List<SignedIn> of(Viewer viewer, String currentSessionId) {
        return sessions.findByPrincipalName(viewer.handle()).values().stream()
                .map(s -> new SignedIn(key(s.getId()), deviceOf(s), s.getCreationTime().toEpochMilli(),
                        s.getLastAccessedTime().toEpochMilli(), s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(SignedIn::current).reversed()
                        .thenComparing(Comparator.comparingLong(SignedIn::lastActiveAt).reversed()))
                .toList();
    }

    /** Ends the session with this key, if it is the member's. Returns whether one was ended. */
    public boolean end(Viewer viewer, String key) {
        for (String id : sessions.findByPrincipalName(viewer.handle()).keySet()) {
            if (key(id).equals(key)) {
                sessions.deleteById(id);
                return true;
            }
        }
        return false;
    }

    /** Ends every session of the member except the one given (which may be null: then all). */
    public int endAllBut(Viewer viewer, String keepSessionId) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(viewer.handle()).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private static String deviceOf(Session session) {
        Object device = session.getAttribute(SignIn.DEVICE);
        return device == null ? "Unknown device" : device.toString();
    }

    static String key(String sessionId) {
        return Sha256.hex(sessionId).substring(0, 24);
    }
}

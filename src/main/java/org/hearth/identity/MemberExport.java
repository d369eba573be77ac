package org.hearth.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.PublicAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Hearth holds about a member, as one JSON document for them to download: the format
 * and version, then one section per feature ({@link MemberData#export}). The format is
 * documented in docs/member-export.md. Its own JSON settings, not the application's, so a
 * change elsewhere never changes the format; times are ISO-8601 in UTC.
 */
@Service
public class MemberExport {

    public static final String FORMAT = "hearth-member-export";
    /** Raised when a field is renamed, removed or changes meaning; new fields and sections keep it. */
    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ObjectProvider<MemberData> features;
    private final SecurityLog log;
    private final PublicAddress address;
    private final Clock clock;

    MemberExport(ObjectProvider<MemberData> features, SecurityLog log, PublicAddress address, Clock clock) {
        this.features = features;
        this.log = log;
        this.address = address;
        this.clock = clock;
    }

    /** A member's download: the name the file is saved under, and its contents. */
    public record Download(String fileName, byte[] json) {
    }

    /**
     * The signed-in member's own data. Each feature reads its section on its own; nothing but
     * the member changes it meanwhile. The download goes into their security log, and by
     * e-mail to them: a stolen session should not take everything unnoticed.
     */
    public Download of(Viewer viewer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("exportedAt", now);
        document.put("site", address.of("/"));
        // the reverse of the erasing order: the account first, then what depends on it
        for (MemberData feature : features.orderedStream().toList().reversed()) {
            if (document.putIfAbsent(feature.section(), feature.export(viewer.memberId())) != null) {
                throw new IllegalStateException("Two parts of the download are named " + feature.section());
            }
        }
        byte[] json = JSON.writeValueAsBytes(document);
        log.record(viewer.memberId(), SecurityEvent.DATA_DOWNLOADED);
        return new Download(fileName(viewer.handle(), now), json);
    }

    /** "hearth-&lt;handle&gt;-&lt;date&gt;.json": a handle has no character a file name must avoid. */
    static String fileName(String handle, Instant at) {
        return "hearth-" + handle + "-" + LocalDate.ofInstant(at, ZoneOffset.UTC) + ".json";
    }
}

package org.hearth.notification;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The push services Hearth sends to ({@code hearth.push.services}): a browser names its push
 * service's address, and Hearth posts to it, so an address anywhere else (this server's own
 * database port, a machine inside the hospital's network) is refused rather than called. An
 * entry is an origin; {@code https://*.notify.windows.com} admits any host under that domain.
 */
@Component
class PushServices {

    /** The push services of Chrome and the browsers built on it, Firefox, Edge and Safari. */
    static final String DEFAULT = "https://fcm.googleapis.com,https://updates.push.services.mozilla.com,"
            + "https://*.notify.windows.com,https://web.push.apple.com,https://*.push.apple.com";

    private record Origin(String scheme, String host, boolean anyBelow, int port) {
    }

    private final List<Origin> allowed;

    PushServices(@Value("${hearth.push.services:" + DEFAULT + "}") String services) {
        this.allowed = Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(PushServices::origin).toList();
    }

    private static Origin origin(String entry) {
        URI uri = URI.create(entry.replace("*.", "wildcard."));
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean anyBelow = host.startsWith("wildcard.");
        return new Origin(uri.getScheme().toLowerCase(Locale.ROOT), anyBelow ? host.substring("wildcard.".length()) : host, anyBelow,
                port(uri));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether Hearth may post to this address. */
    boolean allow(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = port(uri);
            return allowed.stream().anyMatch(o -> o.scheme().equals(scheme) && o.port() == port
                    && (o.anyBelow() ? host.endsWith("." + o.host()) : host.equals(o.host())));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}

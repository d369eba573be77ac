package org.hearth.notification;

import static org.hearth.notification.schema.Tables.PUSH_SUBSCRIPTIONS;

import com.interaso.webpush.WebPush;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hearth.identity.SecretBox;
import org.hearth.platform.mail.Courier;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.web.PublicAddress;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox's web push: the payload encrypted for the browser (RFC 8291) and signed
 * with the site's VAPID key (RFC 8292) by the webpush library, posted to the browser's push
 * service. A push service that says the browser is gone (404, 410) has it forgotten, with
 * anything else waiting for it; any other failure is tried again by the outbox. A browser turned
 * off since the message was queued gets nothing.
 */
@Component
class PushCourier implements Courier {

    static final String CHANNEL = "push";
    /** A push service keeps a message a day for a browser that is offline; after that the notifications page has it. */
    private static final int KEEP_SECONDS = 24 * 3600;
    /** Messages waiting at the push service for the same browser replace each other: a phone wakes to one, not twenty. */
    private static final String REPLACES = "activity";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final SecretBox box;
    private final PushKeys keys;
    private final PushServices services;
    private final Outbox outbox;
    private final Clock clock;
    private final String contact;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile WebPush signer;

    PushCourier(DSLContext db, SecretBox box, PushKeys keys, PushServices services, @Lazy Outbox outbox, Clock clock,
            PublicAddress address, @Value("${hearth.push.contact:}") String contact,
            @Value("${hearth.mail.from:Hearth <no-reply@localhost>}") String mailFrom) {
        this.db = db;
        this.box = box;
        this.keys = keys;
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
        this.contact = contactOf(contact, address.of("/"), mailFrom);
    }

    /**
     * Whom a push service may write to about this site's messages (RFC 8292's {@code sub}): as
     * configured, else the site's address when it is https, else the address mail comes from.
     */
    static String contactOf(String configured, String siteAddress, String mailFrom) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        if (siteAddress.startsWith("https://")) {
            return siteAddress.endsWith("/") ? siteAddress.substring(0, siteAddress.length() - 1) : siteAddress;
        }
        int open = mailFrom.indexOf('<');
        int close = mailFrom.indexOf('>');
        String mailbox = open >= 0 && close > open ? mailFrom.substring(open + 1, close) : mailFrom.strip();
        return "mailto:" + mailbox;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void deliver(String browserId, String title, String text) throws IOException, InterruptedException {
        String sealed = db.select(PUSH_SUBSCRIPTIONS.SEALED).from(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ID.eq(browserId))
                .fetchOne(PUSH_SUBSCRIPTIONS.SEALED);
        if (sealed == null) {
            return; // turned off since
        }
        PushAddress address = PushAddress.open(box, browserId, sealed);
        if (!services.allow(address.endpoint())) {
            forget(browserId); // the site no longer sends to that push service
            return;
        }
        WebPush push = signer();
        byte[] payload = JSON.writeValueAsBytes(Map.of("title", title, "body", text, "url", "/me/notifications"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address.endpoint())).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(push.getBody(payload, address.p256dh(), address.auth())));
        push.getHeaders(address.endpoint(), KEEP_SECONDS, REPLACES, WebPush.Urgency.Normal).forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // throws for any other answer, and the outbox tries again later
        switch (push.getSubscriptionState(response.statusCode(), response.body())) {
            case ACTIVE -> db.update(PUSH_SUBSCRIPTIONS).set(PUSH_SUBSCRIPTIONS.LAST_SENT_AT, clock.millis())
                    .where(PUSH_SUBSCRIPTIONS.ID.eq(browserId)).execute();
            case EXPIRED -> forget(browserId);
        }
    }

    private void forget(String browserId) {
        db.deleteFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ID.eq(browserId)).execute();
        outbox.forgetRecipient(CHANNEL, browserId);
    }

    private WebPush signer() {
        WebPush known = signer;
        if (known == null) {
            known = new WebPush(contact, keys.keys());
            signer = known;
        }
        return known;
    }
}

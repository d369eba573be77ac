package org.hearth.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One server-sent event stream held open by a load run, read line by line as the lines arrive:
 * {@link #connected} when the stream says it is open, {@link #done} once the awaited event came
 * ({@link #arrived}) or the stream failed. What counts as either is the subclass's reading of
 * the lines.
 */
public abstract class StreamedLines implements Flow.Subscriber<String> {

    public final CompletableFuture<Void> connected = new CompletableFuture<>();
    /** Completes when the awaited event arrived or the stream failed. */
    public final CompletableFuture<Void> done = new CompletableFuture<>();
    /** When the awaited event arrived (nanoTime); 0 while it has not. */
    public volatile long receivedAt;
    public volatile boolean failed;
    private volatile Flow.Subscription subscription;

    public void open(HttpClient client, HttpRequest request) {
        client.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                fail();
                return HttpResponse.BodySubscribers.replacing(null);
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(this);
        }).whenComplete((response, failure) -> {
            if (failure != null) {
                fail();
            }
        });
    }

    /** The awaited event came: timed, and the stream is closed. */
    protected void arrived() {
        if (receivedAt == 0) {
            receivedAt = System.nanoTime();
            done.complete(null);
            hangUp();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onError(Throwable failure) {
        fail();
    }

    @Override
    public void onComplete() {
        if (receivedAt == 0) {
            fail(); // the server ended the stream before the event came
        }
    }

    private void fail() {
        if (receivedAt == 0) {
            failed = true;
        }
        connected.completeExceptionally(new IllegalStateException("stream failed"));
        done.complete(null);
    }

    /** Closes the stream (the run is over, or the event came). */
    public void hangUp() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}

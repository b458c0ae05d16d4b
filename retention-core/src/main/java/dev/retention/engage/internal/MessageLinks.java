package dev.retention.engage.internal;

import dev.retention.engage.SignedLinks;

/** Templates call {@code ${links.track(url)}} so every link in a message goes through the signed click redirect. */
public final class MessageLinks {

    private final SignedLinks links;
    private final String messageId;

    MessageLinks(SignedLinks links, String messageId) {
        this.links = links;
        this.messageId = messageId;
    }

    public String track(String url) {
        return links.clickUrl(messageId, url);
    }

    /** A shop path (e.g. {@code /cart}) as a tracked absolute link. */
    public String shop(String path) {
        return track(links.url(path));
    }
}

package dev.retention.engage.web;

import dev.retention.engage.EngagementTracking;
import dev.retention.engage.EngagementTracking.UnsubscribeRequest;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The links inside e-mails. Every one carries a signed token, so none needs a session: one-click unsubscribe
 * (GET from the link, POST from the mail client per RFC 8058 {@code List-Unsubscribe-Post}), the click redirect
 * (only to the URL the token signed) and the open pixel.
 */
@RestController
public class MessageLinksController {

    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EngagementTracking tracking;

    public MessageLinksController(EngagementTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping(value = "/retention/m/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        Optional<UnsubscribeRequest> done = tracking.unsubscribe(token);
        if (done.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(page("This link is not valid", "The unsubscribe link is incomplete or was altered."));
        }
        String what = "*".equals(done.get().flow()) ? "marketing e-mails" : "\"" + done.get().flow() + "\" e-mails";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body(page("You are unsubscribed", "You will no longer receive " + what + " from us."));
    }

    @PostMapping("/retention/m/u/{token}")
    public ResponseEntity<Void> unsubscribeOneClick(@PathVariable String token) {
        return tracking.unsubscribe(token).isPresent() ? ResponseEntity.ok().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/retention/m/c/{token}")
    public ResponseEntity<Void> click(@PathVariable String token) {
        Optional<URI> target = tracking.clicked(token);
        return target.<ResponseEntity<Void>>map(uri -> ResponseEntity.status(HttpStatus.FOUND).location(uri).build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/retention/m/o/{token}.gif")
    public ResponseEntity<byte[]> open(@PathVariable String token) {
        tracking.opened(token);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(title)
                + "</title></head><body style=\"font-family:sans-serif;max-width:480px;margin:60px auto\"><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p></body></html>";
    }
}

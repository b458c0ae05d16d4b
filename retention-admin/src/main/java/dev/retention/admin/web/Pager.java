package dev.retention.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Previous/next links of a paged list, keeping the request's other query parameters (search text, filters).
 *
 * @param previous link to the previous page, null on the first
 * @param next     link to the next page, null on the last
 */
public record Pager(int page, String previous, String next) {

    static Pager of(HttpServletRequest request, String parameter, int page, boolean hasNext) {
        UriComponentsBuilder here = UriComponentsBuilder.fromUriString(request.getRequestURI())
                .query(request.getQueryString());
        return new Pager(page,
                page > 0 ? here.cloneBuilder().replaceQueryParam(parameter, page - 1).build().toUriString() : null,
                hasNext ? here.cloneBuilder().replaceQueryParam(parameter, page + 1).build().toUriString() : null);
    }

    /** Whether there is more than one page to move between. */
    public boolean shown() {
        return previous != null || next != null;
    }
}

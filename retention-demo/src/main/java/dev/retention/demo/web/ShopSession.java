package dev.retention.demo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The shop's own session id, kept in the HTTP session so it survives the session-id change at sign-in; guests'
 * product views and carts are tied to it.
 */
public final class ShopSession {

    private static final String ATTRIBUTE = "shop.sessionId";

    private ShopSession() {
    }

    public static String id(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object id = session.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = "web-" + session.getId();
            session.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }
}

package dev.retention.admin;

import java.security.Principal;

/** The name recorded in the audit trail for an admin request. */
public final class AdminActor {

    private AdminActor() {
    }

    public static String of(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}

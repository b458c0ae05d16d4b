package dev.retention.storefront;

import dev.retention.support.Problems;

/** A shopper endpoint was called by a guest. Answered with 401. */
public class SignInRequiredException extends Problems.FieldException {

    public SignInRequiredException() {
        super(401, "Sign-in required", null, "Sign in to see your own loyalty, referral and preference data.");
    }
}

package dev.retention.loyalty;

import dev.retention.support.Problems;

/** The shopper has fewer points than the redemption needs (409, field {@code points}). */
public class InsufficientPointsException extends Problems.FieldException {

    public InsufficientPointsException(long needed, long balance) {
        super(409, "Not enough points", "points", "needs " + needed + " points, balance is " + balance);
    }
}

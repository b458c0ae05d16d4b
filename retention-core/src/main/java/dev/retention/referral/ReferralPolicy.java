package dev.retention.referral;

/**
 * Referral settings ({@code /admin/retention/api/settings/referrals}); reward points are in the earning rule's
 * bonuses.
 *
 * @param enabled           whether referral codes are honoured
 * @param linkBase          share link prefix; the code is appended (e.g. {@code https://shop.example/?ref=})
 * @param refuseSameEmail   refuse a friend whose e-mail equals the referrer's (ignoring case and dots/plus tags)
 * @param refuseSameAddress refuse when the friend's first order ships to an address the referrer used
 * @param refuseSamePayment refuse when the friend's first order is paid with an instrument the referrer used
 */
public record ReferralPolicy(boolean enabled, String linkBase, boolean refuseSameEmail, boolean refuseSameAddress,
        boolean refuseSamePayment) {

    public ReferralPolicy {
        if (linkBase == null || linkBase.isBlank()) {
            throw new IllegalArgumentException("linkBase: must not be blank");
        }
    }
}

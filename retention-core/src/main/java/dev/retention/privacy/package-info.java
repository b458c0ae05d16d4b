/**
 * Privacy (GDPR/LGPD): every feature registers a {@link dev.retention.privacy.PersonalDataHandler}; the
 * {@link dev.retention.privacy.PrivacyService} exports one JSON document per customer and erases by running every
 * handler. Erasure removes or pseudonymises personal fields and keeps amounts, so reports still reconcile.
 */
package dev.retention.privacy;

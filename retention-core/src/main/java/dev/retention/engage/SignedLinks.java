package dev.retention.engage;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the tokens in message links (unsubscribe, click, open, survey). A token is
 * {@code base64url(fields joined by US) + "." + base64url(HMAC-SHA256)}; a link works only for exactly the fields
 * it was signed with, so a click token redirects only to the URL it names.
 */
public class SignedLinks {

    private static final char SEPARATOR = '\u001f';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String baseUrl;

    public SignedLinks(String secret, String baseUrl) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("retention.engage.signing-secret: must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A token for these fields; the first field names the purpose ({@code u}, {@code c}, {@code o}, {@code f}). */
    public String sign(String... fields) {
        for (String field : fields) {
            if (field.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("fields: may not contain the separator");
            }
        }
        byte[] payload = String.join(String.valueOf(SEPARATOR), fields).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The signed fields when the token is intact and has the expected purpose; empty otherwise. */
    public Optional<List<String>> verify(String token, String purpose) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            List<String> fields = Arrays.asList(new String(payload, StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1));
            return fields.get(0).equals(purpose) ? Optional.of(fields) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The shop's public address joined with a path, e.g. {@code /retention/m/u/<token>}. */
    public String url(String path) {
        return baseUrl + path;
    }

    public String unsubscribeUrl(String customerId, Flow flow, String channel) {
        return url("/retention/m/u/" + sign("u", customerId, flow.key(), channel));
    }

    public String clickUrl(String messageId, String target) {
        return url("/retention/m/c/" + sign("c", messageId, target));
    }

    public String openPixelUrl(String messageId) {
        return url("/retention/m/o/" + sign("o", messageId) + ".gif");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

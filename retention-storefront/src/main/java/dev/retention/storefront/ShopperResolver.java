package dev.retention.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Maps the signed-in user of a request to the host's customer id, the same id the host puts in events. The
 * default takes the Spring Security principal's name; a host whose login name is not the customer id (an e-mail,
 * say) provides its own bean.
 */
@FunctionalInterface
public interface ShopperResolver {

    /** The signed-in shopper's customer id, or empty for a guest. */
    Optional<String> customerId(HttpServletRequest request);

    /** The signed-in shopper's id, or a 401 problem when the request is a guest's. */
    default String requireCustomerId(HttpServletRequest request) {
        return customerId(request).orElseThrow(SignInRequiredException::new);
    }
}

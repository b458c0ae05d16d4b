package dev.retention.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;

/** The default {@link ShopperResolver}: the authenticated principal's name is the customer id. */
public class PrincipalShopperResolver implements ShopperResolver {

    @Override
    public Optional<String> customerId(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || principal instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(principal.getName());
    }
}

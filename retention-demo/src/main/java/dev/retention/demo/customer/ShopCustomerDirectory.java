package dev.retention.demo.customer;

import dev.retention.host.CustomerContact;
import dev.retention.host.CustomerDirectoryPort;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link CustomerDirectoryPort} over shop_customer; erased customers are not found. */
@Component
public class ShopCustomerDirectory implements CustomerDirectoryPort {

    private final Customers customers;

    public ShopCustomerDirectory(Customers customers) {
        this.customers = customers;
    }

    @Override
    public Optional<CustomerContact> find(String customerId) {
        if (customerId == null || !customerId.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return customers.byId(Long.parseLong(customerId)).filter(c -> !c.erased())
                .map(c -> new CustomerContact(c.customerId(), c.displayName(), c.email(),
                        Locale.forLanguageTag(c.locale()), ZoneId.of(c.timeZone())));
    }
}

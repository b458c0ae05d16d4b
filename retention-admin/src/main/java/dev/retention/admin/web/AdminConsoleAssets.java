package dev.retention.admin.web;

import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves the console's scripts and the Bootstrap and Chart.js webjars under {@code /admin/retention/}, so they sit
 * behind the admin security chain and do not depend on how the host serves {@code /webjars/**}.
 */
public class AdminConsoleAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/admin/retention/assets/**")
                .addResourceLocations("classpath:/retention-admin/static/");
        registry.addResourceHandler("/admin/retention/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}

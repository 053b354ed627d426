package org.jiguan.platform.config;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code jiguan-platform.properties} as the last property source of every service: how environment
 * variables (MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS, JIGUAN_JWT_SECRET, …) map to settings, and Axon defaults.
 * A service's own application.yml and the environment override any of it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's update checker calls out to the internet, which production networks here do not allow.
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("jiguanPlatformDefaults", new ClassPathResource("jiguan-platform.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("jiguan-platform.properties missing from the platform jar", e);
        }
    }
}

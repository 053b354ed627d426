package org.jiguan.platform.config;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code jiguan-platform.properties} as the last property source of every service: how environment
 * variables (MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS, JIGUAN_JWT_SECRET, …) map to settings, and Axon defaults.
 * A service's own application.yml and the environment override any of it.
 * <p>
 * {@code jiguan.log.format} ({@code JIGUAN_LOG_FORMAT}) is the one switch for the log format: {@code json} turns on
 * Spring Boot's structured logging in the Elastic Common Schema, on the console and in a log file
 * ({@code logging.structured.format.console/file=ecs}, which, set explicitly, win); {@code plain} leaves the text.
 * Logging is set up after this runs, so the switch applies from the first line.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {
    static final String LOG_FORMAT = "jiguan.log.format";
    private static final String STRUCTURED_FORMAT = "ecs";

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
        String format = environment.getProperty(LOG_FORMAT, "plain");
        switch (format) {
            case "json" -> environment.getPropertySources().addLast(new MapPropertySource("jiguanLogFormat", Map.of(
                    "logging.structured.format.console", STRUCTURED_FORMAT,
                    "logging.structured.format.file", STRUCTURED_FORMAT)));
            case "plain" -> { }
            default -> throw new IllegalStateException(
                    "JIGUAN_LOG_FORMAT (" + LOG_FORMAT + ") must be plain or json, not " + format);
        }
    }
}

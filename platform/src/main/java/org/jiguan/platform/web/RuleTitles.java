package org.jiguan.platform.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Chinese title of each rule a service enforces, read from {@code rules/*.properties} on its classpath, so a
 * 422 problem tells an official which rule was breached in the regulation's own words.
 */
public final class RuleTitles {
    private final Map<String, String> titles;

    private RuleTitles(Map<String, String> titles) {
        this.titles = titles;
    }

    public static RuleTitles fromClasspath() {
        Map<String, String> titles = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.properties")) {
                Properties properties = new Properties();
                try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                properties.forEach((id, title) -> titles.put((String) id, (String) title));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule titles", e);
        }
        return new RuleTitles(Map.copyOf(titles));
    }

    public Optional<String> titleOf(String ruleId) {
        return Optional.ofNullable(titles.get(ruleId));
    }
}

package org.jiguan.organ;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** organ-service: committees and their working organs, recorded as events and published to {@code organ-events}. */
@SpringBootApplication
public class OrganServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrganServiceApplication.class, args);
    }
}

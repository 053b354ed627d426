package org.jiguan.oversight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** oversight-service: read models, annual-report reminders (published to {@code oversight-reminders}) and the dashboard. */
@SpringBootApplication
public class OversightServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(OversightServiceApplication.class, args);
    }
}

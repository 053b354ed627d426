package org.jiguan.meeting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** meeting-service: affairs and office meetings, their votes and decisions, published to {@code meeting-events}. */
@SpringBootApplication
public class MeetingServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(MeetingServiceApplication.class, args);
    }
}

package org.jiguan.platform.eventlog.compat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small service on the platform, with nothing of its own but one event-sourced aggregate ({@link Ledger}) and
 * one tracking projection: the platform's own wiring (serializers, event log, snapshots, token store) is what
 * writes and reads its events, exactly as in organ-service or meeting-service.
 */
@SpringBootApplication
public class LedgerService {
    enum Kind { DEPARTMENT, WORKING_BODY }

    record Approval(String approvedBy, String documentNo, LocalDate approvedOn) {
    }

    record Line(String account, int amount, LocalDate valueOn) {
    }

    record OpenLedger(String ledgerId, Kind kind, LocalDate openedOn, Approval approval, List<String> keepers,
                      String note, int limit) {
    }

    record RecordEntry(@TargetAggregateIdentifier String ledgerId, String entryId, LocalDate on, Instant recordedAt,
                       List<Line> lines) {
    }

    record LedgerOpened(String ledgerId, Kind kind, LocalDate openedOn, Approval approval, List<String> keepers,
                        String note, boolean counted, int limit) {
    }

    record EntryRecorded(String ledgerId, String entryId, LocalDate on, Instant recordedAt, List<Line> lines,
                         Kind kind) {
    }

    /** Starts the service on a random port over the given store and database; the caller closes it. */
    public static ConfigurableApplicationContext start(String mongoUri, String database) {
        // As arguments: they outrank the platform's defaults, which name the database after the service.
        return new SpringApplicationBuilder(LedgerService.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.application.name=ledger-service",
                        "--server.port=0",
                        "--server.tomcat.basedir=" + Path.of("target", "ledger-service-tomcat").toAbsolutePath(),
                        "--jiguan.mongodb.uri=" + mongoUri,
                        "--jiguan.mongodb.database=" + database,
                        "--jiguan.kafka.bootstrap-servers=127.0.0.1:1",
                        "--jiguan.security.jwt-secret=ledger-test-secret-0123456789abcdef0123456789",
                        "--jiguan.snapshot-threshold=3");
    }
}

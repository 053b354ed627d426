package org.jiguan.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jiguan.oversight.messaging.HistoryRebuild;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) rebuild the read models from the topics and follow the progress. */
@Roles(Role.ADMIN)
@RestController
@RequestMapping("/api/v1/admin/rebuild")
@Tag(name = "Administration", description = "Rebuilding the histories from Kafka (ADMIN)")
public class AdminController {
    private final HistoryRebuild rebuild;

    public AdminController(HistoryRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Re-read organ-events and meeting-records from the beginning into fresh collections, then "
            + "make them live; 202 with the progress, 409 while a rebuild runs")
    public ResponseEntity<HistoryRebuild.Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping
    @Operation(summary = "Progress of the current or last rebuild: state, events read of those to read, events/s")
    public HistoryRebuild.Status status() {
        return rebuild.status();
    }
}

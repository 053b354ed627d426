package org.jiguan.platform.messaging;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) see the events a consumer set aside and apply them again once the cause is fixed. */
@Roles(Role.ADMIN)
@RestController
@RequestMapping("/api/v1/dead-letters")
@Tag(name = "Dead letters", description = "Events from Kafka that a local view could not apply (ADMIN)")
public class DeadLetterController {
    private final DeadLetters deadLetters;
    private final EventConsumers consumers;

    public DeadLetterController(DeadLetters deadLetters, EventConsumers consumers) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
    }

    @GetMapping
    @Operation(summary = "Events set aside, oldest failure first")
    public List<DeadLetters.DeadLetter> list(@RequestParam(required = false) String consumer) {
        return deadLetters.list(consumer);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter with the record as read and its error")
    public DeadLetters.DeadLetter get(@PathVariable String id) {
        return deadLetters.get(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Apply the event again; removed when it applies, 409 with the new error when it does not")
    public Map<String, String> retry(@PathVariable String id) {
        consumers.retry(id);
        return Map.of("id", id, "status", "APPLIED");
    }
}

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
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) see the events the publisher set aside and publish them again once the cause is fixed. */
@Roles(Role.ADMIN)
@RestController
@RequestMapping("/api/v1/unpublished-events")
@Tag(name = "Unpublished events", description = "Stored events the broker refused to take (ADMIN)")
public class UnpublishedEventController {
    private final UnpublishedEvents unpublished;
    private final CloudEventPublisher publisher;

    public UnpublishedEventController(UnpublishedEvents unpublished, CloudEventPublisher publisher) {
        this.unpublished = unpublished;
        this.publisher = publisher;
    }

    @GetMapping
    @Operation(summary = "Events set aside, oldest first, with the record and the broker's error")
    public List<UnpublishedEvents.UnpublishedEvent> list() {
        return unpublished.list();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Publish the event again; removed once published, 409 with the new error when it still "
            + "cannot be, 503 while the broker does not answer")
    public Map<String, String> retry(@PathVariable String id) throws InterruptedException {
        publisher.publishAgain(id);
        return Map.of("id", id, "status", "PUBLISHED");
    }
}

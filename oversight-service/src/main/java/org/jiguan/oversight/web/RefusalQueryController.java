package org.jiguan.oversight.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jiguan.oversight.messaging.Refusal;
import org.jiguan.oversight.messaging.Refusals;
import org.jiguan.oversight.web.ReminderQueryController.Since;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.web.Limits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule breaches refused (R-AUD-1), as organ-service and meeting-service recorded them. */
@Roles({Role.COMMITTEE_OFFICE, Role.ORGAN_OFFICE, Role.OVERSIGHT_VIEWER})
@RestController
@Tag(name = "Refusals 违规拒绝", description = "Commands refused for a rule (R-AUD-1), by committee, organ and rule")
public class RefusalQueryController {
    private final Refusals refusals;

    public RefusalQueryController(Refusals refusals) {
        this.refusals = refusals;
    }

    @GetMapping("/api/v1/refusals")
    @Operation(summary = "Refusals in the caller's scope, newest first, paged (page 0-based): refusalId, service, "
            + "rule, ruleTitle, caller, command, target, committeeId, organId, businessDate, detail, refusedAt. A refusal whose "
            + "target oversight does not know yet has no committee and is shown to ADMIN only.")
    public Page<Refusal> refusals(@RequestParam(required = false) String committeeId,
                                  @RequestParam(required = false) String organId,
                                  @RequestParam(required = false) @Pattern(regexp = "R-[A-Z]+-[0-9]+") String rule,
                                  @Parameter(description = "Refused at or after: an instant (ISO-8601 with offset) "
                                          + "or a date (from its start in Beijing)",
                                          schema = @Schema(type = "string", example = "2026-02-01"))
                                  @RequestParam(required = false) Since since,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.PAGE) int page,
                                  @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        Caller caller = Caller.current();
        if (committeeId != null && !caller.seesCommittee(committeeId)) {
            return Page.of(List.of(), page, size);
        }
        List<Refusal> visible = refusals.find(committeeId, organId, rule, since == null ? null : since.instant())
                .stream().filter(r -> sees(caller, r)).toList();
        return Page.of(visible, page, size);
    }

    private static boolean sees(Caller caller, Refusal refusal) {
        if (refusal.committeeId() == null) {
            return caller.isAdmin();
        }
        return refusal.organId() == null ? caller.seesCommittee(refusal.committeeId())
                : caller.seesOrgan(refusal.committeeId(), refusal.organId());
    }
}

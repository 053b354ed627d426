package org.jiguan.oversight.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.api.WithdrawalReason;
import org.jiguan.oversight.messaging.IssuedReminders;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.OrganFold;
import org.jiguan.oversight.domain.views.OrganProfile;
import org.jiguan.oversight.domain.views.TimeSlice;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.time.BusinessCalendar;
import org.jiguan.platform.web.Limits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The annual-report reminders issued (R-SUP-2), as published on {@code oversight-reminders}. */
@Roles({Role.COMMITTEE_OFFICE, Role.ORGAN_OFFICE, Role.OVERSIGHT_VIEWER})
@RestController
@Tag(name = "Reminders 提醒", description = "Annual-report reminders issued (R-SUP-2): UPCOMING, DUE_SOON, DUE, "
        + "OVERDUE, ESCALATED, each at most once per organ and year")
public class ReminderQueryController {

    private final IssuedReminders reminders;
    private final Histories histories;

    public ReminderQueryController(IssuedReminders reminders, Histories histories) {
        this.reminders = reminders;
        this.histories = histories;
    }

    /**
     * A reminder with the organ's current name, when oversight knows the organ; {@code withdrawnAt},
     * {@code withdrawalReason} and {@code filedOn} are set once it was withdrawn (R-SUP-2).
     */
    public record ReminderRow(String reminderId, String organId, String organName, String committeeId, int year,
                              ReminderStage stage, LocalDate dueOn, Instant issuedAt, Instant withdrawnAt,
                              WithdrawalReason withdrawalReason, LocalDate filedOn) {
    }

    @GetMapping("/api/v1/reminders")
    @Operation(summary = "Reminders issued in the caller's scope, newest first, paged (page 0-based): reminderId, "
            + "organId, organName, committeeId, year, stage, dueOn, issuedAt; a reminder withdrawn since (facts "
            + "recorded later show it should not have been issued) stays listed with withdrawnAt, withdrawalReason "
            + "and filedOn, unless withdrawn=false")
    public Page<ReminderRow> reminders(@RequestParam(required = false) String committeeId,
                                       @RequestParam(required = false) ReminderStage stage,
                                       @Parameter(description = "Issued at or after: an instant (ISO-8601 with "
                                               + "offset) or a date (from its start in Beijing)",
                                               schema = @Schema(type = "string", example = "2026-02-01"))
                                       @RequestParam(required = false) Since since,
                                       @RequestParam(required = false) String organId,
                                       @RequestParam(required = false) @Min(1949) @Max(2999) Integer year,
                                       @Parameter(description = "true: only withdrawn reminders; false: only those "
                                               + "standing; absent: both")
                                       @RequestParam(required = false) Boolean withdrawn,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.PAGE) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        Caller caller = Caller.current();
        if (committeeId != null && !caller.seesCommittee(committeeId)) {
            return Page.of(List.of(), page, size);
        }
        List<IssuedReminders.Reminder> visible = reminders.find(committeeId, organId, year, stage,
                        since == null ? null : since.instant()).stream()
                .filter(r -> caller.seesOrgan(r.issued().committeeId(), r.issued().organId()))
                .filter(r -> withdrawn == null || withdrawn == (r.withdrawnAt() != null)).toList();
        Page<IssuedReminders.Reminder> issued = Page.of(visible, page, size);
        // Names only for the organs on this page: each is a history to load and fold.
        Map<String, Optional<String>> names = new HashMap<>();
        return new Page<>(issued.items().stream()
                .map(r -> row(r, names.computeIfAbsent(r.issued().organId(), this::organName).orElse(null))).toList(),
                issued.page(), issued.size(), issued.total());
    }

    private static ReminderRow row(IssuedReminders.Reminder reminder, String organName) {
        ReminderIssued r = reminder.issued();
        return new ReminderRow(r.reminderId(), r.organId(), organName, r.committeeId(), r.year(), r.stage(),
                r.dueOn(), r.issuedAt(), reminder.withdrawnAt(), reminder.withdrawalReason(), reminder.filedOn());
    }

    private Optional<String> organName(String organId) {
        return histories.live().load(AggregateKind.ORGAN, organId)
                .flatMap(h -> OrganFold.fold(h, TimeSlice.everythingKnownAt(null)))
                .map(OrganProfile::name);
    }

    /**
     * The {@code since} parameter; a value that is neither form, or out of range, is a 400 like any mistyped
     * parameter ({@link SinceInRange}).
     */
    public record Since(Instant instant) {
        public static Since valueOf(String text) {
            String given = text.trim();
            return new Since(given.length() == 10 ? BusinessCalendar.startOf(LocalDate.parse(given))
                    : OffsetDateTime.parse(given).toInstant());
        }
    }
}

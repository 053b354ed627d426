package org.jiguan.oversight.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jiguan.oversight.messaging.CommitteeDirectory;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The committees as a tree, for the dashboard's picker and drill-down (CONTRACT.md: {@code GET /committees}). */
@Roles({Role.COMMITTEE_OFFICE, Role.ORGAN_OFFICE, Role.OVERSIGHT_VIEWER})
@RestController
@Tag(name = "Committees 党委", description = "The committees the caller may see, as a tree: where to start, and the "
        + "committees below one")
public class CommitteeQueryController {
    private final CommitteeDirectory directory;

    public CommitteeQueryController(CommitteeDirectory directory) {
        this.directory = directory;
    }

    /** A committee as listed, with how many committees sit directly below it. */
    public record CommitteeRow(String committeeId, String name, String level, String parentCommitteeId,
                               int children) {
        static CommitteeRow of(CommitteeDirectory.Entry entry) {
            return new CommitteeRow(entry.committeeId(), entry.name(), entry.level(), entry.parentCommitteeId(),
                    entry.children().size());
        }
    }

    @GetMapping("/api/v1/committees")
    @Operation(summary = "Without parentId, where the caller starts: the committees of its token (for \"*\" or ADMIN "
            + "the committees without a parent); with parentId, the committees directly below it that the caller "
            + "may see. Each with name, level, parent and how many committees sit below it.")
    public List<CommitteeRow> committees(@Parameter(description = "The committee whose children are listed")
                                         @RequestParam(required = false) String parentId) {
        Caller caller = Caller.current();
        List<CommitteeDirectory.Entry> found;
        if (parentId != null) {
            found = directory.get(parentId).map(parent -> directory.all(parent.children())).orElse(List.of());
        } else if (caller.isAdmin() || caller.committees().contains(Caller.ALL)) {
            found = directory.roots();
        } else {
            found = directory.all(startingCommittees(caller));
        }
        List<CommitteeRow> rows = new ArrayList<>();
        found.stream().filter(c -> caller.seesCommittee(c.committeeId())).map(CommitteeRow::of).forEach(rows::add);
        return rows;
    }

    /** The token's committee entries as ids ({@code "<id>/**"} starts at that committee). */
    private static List<String> startingCommittees(Caller caller) {
        Set<String> ids = new LinkedHashSet<>();
        for (String entry : caller.committees()) {
            ids.add(entry.endsWith(Caller.AND_BELOW)
                    ? entry.substring(0, entry.length() - Caller.AND_BELOW.length()) : entry);
        }
        return List.copyOf(ids);
    }
}

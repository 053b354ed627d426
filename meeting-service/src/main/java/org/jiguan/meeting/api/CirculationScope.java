package org.jiguan.meeting.api;

import java.util.List;

/**
 * The circulation scope (传达范围) the issued minutes record (R-MEET-15): readers beyond the meeting's circle who may
 * read its confidential content. A reader is included when one of its roles is among {@code roles} and one of its
 * committees among {@code committees}.
 *
 * @param roles      reader roles: {@code ADMIN}, {@code COMMITTEE_OFFICE}, {@code ORGAN_OFFICE}, {@code OVERSIGHT_VIEWER}
 * @param committees committee ids
 */
public record CirculationScope(List<String> roles, List<String> committees) {
    public CirculationScope {
        roles = roles == null ? List.of() : List.copyOf(roles);
        committees = committees == null ? List.of() : List.copyOf(committees);
    }
}

package org.jiguan.oversight.domain.views;

import java.util.Set;

/**
 * Who reads, in the terms of the token (CONTRACT.md "Security"): roles ({@code ADMIN}, {@code COMMITTEE_OFFICE},
 * {@code ORGAN_OFFICE}, {@code OVERSIGHT_VIEWER}), committees ({@code "*"} for all) and, narrowing an organ office,
 * organs (empty: every organ of its committees).
 */
public record Reader(Set<String> roles, Set<String> committees, Set<String> organs) {
    public static final String ALL = "*";

    public Reader {
        roles = Set.copyOf(roles);
        committees = Set.copyOf(committees);
        organs = Set.copyOf(organs);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean inCommittee(String committeeId) {
        return has("ADMIN") || committees.contains(ALL) || committees.contains(committeeId);
    }
}

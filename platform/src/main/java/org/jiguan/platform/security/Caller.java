package org.jiguan.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who sent a request and what they may touch, from the token's claims (CONTRACT.md "Security"):
 * {@code roles}, {@code committees} ({@code "*"} for all, {@code "<id>/**"} for a committee and every committee
 * below it in the service's {@link CommitteeTree}) and, narrowing an ORGAN_OFFICE caller, {@code organs}.
 */
public record Caller(String subject, Set<Role> roles, Set<String> committees, Set<String> organs, CommitteeTree tree) {
    public static final String ALL = "*";
    public static final String AND_BELOW = "/**";
    /** Far deeper than any party committee hierarchy; ends the walk up should a tree ever loop. */
    private static final int MAX_DEPTH = 64;

    public static Caller current() {
        Object auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof CallerToken token) {
            return token.caller();
        }
        if (auth instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken(), CommitteeTree.UNKNOWN);
        }
        throw new Forbidden("No authenticated caller");
    }

    static Caller fromJwt(Jwt jwt, CommitteeTree tree) {
        return new Caller(jwt.getSubject(), Role.parse(list(jwt, "roles")), Set.copyOf(list(jwt, "committees")),
                Set.copyOf(list(jwt, "organs")), tree);
    }

    private static List<String> list(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Committees and organs are visible to anyone with a role in the committee's scope. */
    public boolean seesCommittee(String committeeId) {
        return isAdmin() || committees.contains(ALL) || committees.contains(committeeId) || coversFromAbove(committeeId);
    }

    /** Whether a scope entry {@code "<id>/**"} reaches committees the token does not list one by one. */
    public boolean reachesBelow() {
        return committees.stream().anyMatch(c -> c.endsWith(AND_BELOW));
    }

    private boolean coversFromAbove(String committeeId) {
        if (!reachesBelow()) {
            return false;
        }
        Optional<String> committee = Optional.of(committeeId);
        for (int depth = 0; committee.isPresent() && depth < MAX_DEPTH; depth++) {
            if (committees.contains(committee.get() + AND_BELOW)) {
                return true;
            }
            committee = tree.parentOf(committee.get());
        }
        return false;
    }

    public boolean seesOrgan(String committeeId, String organId) {
        if (isAdmin() || has(Role.COMMITTEE_OFFICE) || has(Role.OVERSIGHT_VIEWER)) {
            return seesCommittee(committeeId);
        }
        return seesCommittee(committeeId) && (organs.isEmpty() || organs.contains(organId));
    }

    /** Committee-office acts (organs, quotas, leaders, approvals, supervision) within the caller's committees. */
    public void requireCommitteeOffice(String committeeId) {
        if (isAdmin()) {
            return;
        }
        if (!has(Role.COMMITTEE_OFFICE)) {
            throw new Forbidden("This act needs the COMMITTEE_OFFICE role");
        }
        if (!seesCommittee(committeeId)) {
            throw new Forbidden("Committee " + committeeId + " is outside the caller's scope");
        }
    }

    /** Organ-office acts (reports, rectification, meetings) for the caller's organs. */
    public void requireOrganOffice(String committeeId, String organId) {
        if (isAdmin()) {
            return;
        }
        if (!has(Role.ORGAN_OFFICE)) {
            throw new Forbidden("This act needs the ORGAN_OFFICE role");
        }
        if (!seesCommittee(committeeId) || !(organs.isEmpty() || organs.contains(organId))) {
            throw new Forbidden("Organ " + organId + " is outside the caller's scope");
        }
    }

    public enum Role {
        ADMIN, COMMITTEE_OFFICE, ORGAN_OFFICE, OVERSIGHT_VIEWER;

        static Set<Role> parse(List<String> names) {
            return names.stream()
                    .filter(n -> Arrays.stream(values()).anyMatch(r -> r.name().equals(n)))
                    .map(Role::valueOf)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }
}

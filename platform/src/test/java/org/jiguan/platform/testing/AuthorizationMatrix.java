package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix of CONTRACT.md "Security": every operation of a service × every role × every place of
 * the caller's scope relative to the target, each with the answer the contract gives. A service's
 * {@code AuthorizationMatrixTest} implements {@link Service}: it states its operations and the roles each needs as
 * a table, arranges a target and fills paths and bodies for it; the operations come from the service's own
 * {@code /v3/api-docs}, so an endpoint without a row fails the test.
 * <p>The target is an organ ({@code O}) of committee {@code T}, whose parent is {@code P}; {@code O2} is another
 * organ of {@code T}. For an act or a single resource ({@code one}), a denied cell must answer {@code 403
 * FORBIDDEN}, never a 2xx; an allowed one anything but 401 or 403 (its rules may still refuse the act). For a list
 * or a summary ({@code list}), an allowed cell answers 200 showing the target organ, a denied one 403 or 200 without
 * it: lists never show rows outside the scope ({@code list, none here}: the fixture has no rows for it, so only the
 * second).
 */
public final class AuthorizationMatrix {
    /** Whether a caller of the operation's role, with this scope, reaches the target (the contract's table). */
    public static final String SCOPES = """
            scope                           | committees | organs | COMMITTEE_OFFICE | ORGAN_OFFICE | OVERSIGHT_VIEWER
            all committees                  | *          |        | yes              | yes          | yes
            own committee                   | T          |        | yes              | yes          | yes
            parent committee with /**       | P/**       |        | yes              | yes          | yes
            parent committee without /**    | P          |        | no               | no           | no
            another committee               | X          |        | no               | no           | no
            own committee, this organ       | T          | O      | yes              | yes          | yes
            own committee, another organ    | T          | O2     | yes              | no           | yes
            """;

    /** Roles other than ADMIN, in the order of the columns above; ADMIN may do everything, whatever its scope. */
    public static final List<String> ROLES = List.of("COMMITTEE_OFFICE", "ORGAN_OFFICE", "OVERSIGHT_VIEWER");

    private AuthorizationMatrix() {
    }

    /** Where the target lies: its committee, the committee's parent, the organ and another organ of the committee. */
    public record Target(String committee, String parent, String organ, String otherOrgan) {
        String resolve(String symbol) {
            return switch (symbol) {
                case "T" -> committee;
                case "P" -> parent;
                case "P/**" -> parent + "/**";
                case "O" -> organ;
                case "O2" -> otherOrgan;
                case "X" -> "another-committee";
                default -> symbol;
            };
        }
    }

    /** What a service's test provides; the checks are its tests. */
    public interface Service {
        String baseUrl();

        /** The service's operations: {@code operation | roles [| answer]} rows under a header (see {@link #operations}). */
        String operationTable();

        /** Creates the committees, organs and records the operations act on. */
        Target arrangeTarget();

        /** The operation's path with its placeholders filled for the target. */
        String path(String operation);

        /** A body that passes validation for a POST (none for a GET). */
        Object body(String operation);

        /** Whether a list's (or a summary's) answer shows the target organ; by default, whether it names it. */
        default boolean shows(String operation, ApiClient.Response answer, Target target) {
            return answer.raw() != null && answer.raw().contains(target.organ());
        }

        @Test
        default void every_operation_has_a_row() {
            assertThat(operations(operationTable()).keySet()).containsExactlyInAnyOrderElementsOf(documented(baseUrl()));
        }

        @Test
        default void every_role_and_scope_gets_the_contracts_answer() {
            assertThat(check(this, operations(operationTable()), arrangeTarget())).isEmpty();
        }
    }

    /** Who may call an operation (besides ADMIN; none for {@code ADMIN}) and what its answer is. */
    public record Operation(List<String> roles, String answer) {
        boolean list() {
            return answer.startsWith("list");
        }

        boolean rowsHere() {
            return !answer.endsWith("none here");
        }
    }

    /**
     * {@code "POST /api/v1/organs"} → its {@link Operation}, from a table of {@code operation | roles [| answer]}
     * rows under a header: roles separated by commas, the answer {@code one} (the default) or {@code list}.
     */
    public static Map<String, Operation> operations(String table) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        rows(table).forEach(cells -> operations.put(cells.get(0), new Operation(List.of(cells.get(1).split(",\\s*")),
                cells.size() > 2 ? cells.get(2) : "one")));
        return operations;
    }

    /** Every operation under {@code /api/} in the service's OpenAPI document, as {@code "METHOD path"}. */
    public static Set<String> documented(String baseUrl) {
        JsonNode paths = ApiClient.anonymous(baseUrl).get("/v3/api-docs").body().path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fieldNames().forEachRemaining(m -> operations.add(m.toUpperCase() + " " + path.getKey()));
            }
        }
        return operations;
    }

    /** Sends every cell; returns the cells whose answer is not the contract's, one line each. */
    public static List<String> check(Service service, Map<String, Operation> operations, Target target) {
        List<String> wrong = new ArrayList<>();
        List<List<String>> scopes = rows(SCOPES);
        for (Map.Entry<String, Operation> entry : operations.entrySet()) {
            String op = entry.getKey();
            Operation operation = entry.getValue();
            wrong.addAll(cell(service, op, operation, target, "ADMIN", List.of("*"), List.of(), true, "ADMIN"));
            for (String role : ROLES) {
                for (List<String> scope : scopes) {
                    boolean reaches = operation.roles().contains(role)
                            && "yes".equals(scope.get(3 + ROLES.indexOf(role)));
                    List<String> organs = scope.get(2).isEmpty() ? List.of() : List.of(target.resolve(scope.get(2)));
                    wrong.addAll(cell(service, op, operation, target, role, List.of(target.resolve(scope.get(1))),
                            organs, reaches, role + " / " + scope.get(0)));
                }
            }
        }
        return wrong;
    }

    private static List<String> cell(Service service, String op, Operation operation, Target target, String role,
                                     List<String> committees, List<String> organs, boolean allowed, String who) {
        ApiClient caller = ApiClient.as(service.baseUrl(), List.of(role), committees, organs);
        String path = service.path(op);
        ApiClient.Response r = op.startsWith("GET ") ? caller.get(path) : caller.post(path, service.body(op));
        boolean forbidden = r.status() == 403 && "FORBIDDEN".equals(r.code());
        boolean shows = r.status() == 200 && service.shows(op, r, target);
        boolean ok;
        String expected;
        if (!operation.list()) {
            ok = allowed ? r.status() != 401 && r.status() != 403 : forbidden;
            expected = allowed ? "allowed" : "403";
        } else if (allowed) {
            ok = r.status() == 200 && (shows || !operation.rowsHere());
            expected = "200 showing " + target.organ();
        } else {
            ok = forbidden || (r.status() == 200 && !shows);
            expected = "403 or 200 without " + target.organ();
        }
        return ok ? List.of() : List.of(op + " as " + who + ": expected " + expected + ", got " + r.status() + " "
                + abbreviate(r.raw()));
    }

    private static String abbreviate(String raw) {
        return raw == null || raw.length() <= 160 ? raw : raw.substring(0, 160) + "…";
    }

    /** The rows under a table's header line, each as its trimmed cells. */
    static List<List<String>> rows(String table) {
        return table.lines().skip(1).filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split("\\|", -1)).map(String::trim).toList()).toList();
    }
}

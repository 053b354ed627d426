package org.jiguan.organ.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;
import static org.jiguan.platform.rules.RuleViolation.requireText;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiguan.organ.api.ChangeInternalBody;
import org.jiguan.organ.api.InternalBodiesMerged;
import org.jiguan.organ.api.InternalBodyAbolished;
import org.jiguan.organ.api.InternalBodyChanged;
import org.jiguan.organ.api.InternalBodyEstablished;
import org.jiguan.organ.api.MergeInternalBodies;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.RuleViolation;

/**
 * An organ's internal bodies (内设机构, Art. 8): those in being, with their name, tasks and establishment date, and
 * every id ever used. R-ORG-5: each act is dated; a change or merger is dated not in the future and not before
 * the bodies it concerns were established. Approvals are checked by {@link ApprovalRules}.
 */
final class InternalBodies {
    private Map<String, Body> active = new LinkedHashMap<>();
    private Set<String> usedIds = new HashSet<>();

    /** An internal body in being; {@code tasks} null until a change gives them. */
    record Body(String name, String tasks, LocalDate establishedOn) {
        /** The body after a change: a new name or new tasks where given, the others kept. */
        Body changedBy(String newName, String newTasks) {
            return new Body(hasText(newName) ? newName : name, hasText(newTasks) ? newTasks : tasks, establishedOn);
        }
    }


    /** An id names one body for good, even after it ended. */
    void requireNewId(String bodyId) {
        if (usedIds.contains(bodyId)) {
            throw new Conflict("internal body " + bodyId + " already exists on this organ");
        }
    }

    Body requireActive(String bodyId) {
        Body body = active.get(bodyId);
        if (body == null) {
            throw new NotFound("no active internal body " + bodyId + " on this organ");
        }
        return body;
    }

    /** R-ORG-5: a change renames or re-tasks a body in being, dated within its life. */
    Body requireChange(ChangeInternalBody command, LocalDate on) {
        Body body = requireActive(command.bodyId());
        RuleViolation.require(hasText(command.name()) || hasText(command.tasks()), "R-ORG-5",
                "a change names the new name or the new tasks");
        requireDated(on, body, command.bodyId(), "the change date");
        return body;
    }

    /** R-ORG-5: a merger absorbs other bodies in being into one that survives, dated within all their lives. */
    void requireMerger(MergeInternalBodies command, LocalDate on) {
        Body survivor = requireActive(command.bodyId());
        List<String> absorbed = command.absorbedBodyIds() == null ? List.of() : command.absorbedBodyIds();
        RuleViolation.require(!absorbed.isEmpty(), "R-ORG-5", "a merger names the internal bodies it absorbs");
        RuleViolation.require(!absorbed.contains(command.bodyId()), "R-ORG-5",
                "internal body " + command.bodyId() + " cannot absorb itself");
        RuleViolation.require(new HashSet<>(absorbed).size() == absorbed.size(), "R-ORG-5",
                "an internal body is named twice among the absorbed");
        requireDated(on, survivor, command.bodyId(), "the merger date");
        absorbed.forEach(id -> requireDated(on, requireActive(id), id, "the merger date"));
    }

    private static void requireDated(LocalDate on, Body body, String bodyId, String what) {
        RuleViolation.requirePresent(on, "R-ORG-5", what);
        RuleViolation.require(body.establishedOn() == null || !on.isBefore(body.establishedOn()), "R-ORG-5",
                what + " " + on + " is before internal body " + bodyId + " was established on "
                        + body.establishedOn());
    }

    static void requireName(String name) {
        requireText(name, "R-ORG-5", "the internal body's name");
    }

    void established(InternalBodyEstablished event) {
        active.put(event.bodyId(), new Body(event.name(), null, event.establishedOn()));
        usedIds.add(event.bodyId());
    }

    void abolished(InternalBodyAbolished event) {
        active.remove(event.bodyId());
    }

    void changed(InternalBodyChanged event) {
        active.computeIfPresent(event.bodyId(), (id, b) -> b.changedBy(event.name(), event.tasks()));
    }

    void merged(InternalBodiesMerged event) {
        event.absorbedBodyIds().forEach(active::remove);
        active.computeIfPresent(event.bodyId(), (id, b) -> b.changedBy(event.name(), null));
    }
}

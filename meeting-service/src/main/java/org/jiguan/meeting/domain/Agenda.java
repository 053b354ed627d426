package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.platform.rules.RuleViolation;

/** R-MEET-2: an agenda names its items, each with a title and one of the categories the affairs meeting knows. */
final class Agenda {
    private Agenda() {
    }

    static List<AgendaItem> requireWellFormed(List<AgendaItem> agenda) {
        RuleViolation.require(agenda != null && !agenda.isEmpty(), "R-MEET-2", "a meeting needs an agenda");
        Set<String> ids = new HashSet<>();
        for (AgendaItem item : agenda) {
            requireItem(item);
            RuleViolation.require(ids.add(item.itemId()), "R-MEET-2",
                    "item id " + item.itemId() + " appears twice on the agenda");
        }
        return List.copyOf(agenda);
    }

    static void requireAddable(Collection<String> itemIds, AgendaItem item) {
        requireItem(item);
        RuleViolation.require(!itemIds.contains(item.itemId()), "R-MEET-2",
                "item id " + item.itemId() + " is already on the agenda");
    }

    private static void requireItem(AgendaItem item) {
        RuleViolation.require(item != null, "R-MEET-2", "an agenda item is required");
        RuleViolation.require(hasText(item.itemId()), "R-MEET-2", "every agenda item needs an id");
        RuleViolation.require(hasText(item.title()), "R-MEET-2", "item " + item.itemId() + " needs a title");
        RuleViolation.require(item.category() != null, "R-MEET-2", "item " + item.itemId() + " needs a category");
    }
}

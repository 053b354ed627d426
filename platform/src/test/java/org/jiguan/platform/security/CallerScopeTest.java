package org.jiguan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** CONTRACT.md "Security": {@code committees} entries, exact, {@code "*"} and {@code "<id>/**"}. */
class CallerScopeTest {
    /** central ← province ← city ← county; another province beside. */
    private static final CommitteeTree TREE = id -> Optional.ofNullable(Map.of(
            "province", "central", "city", "province", "county", "city", "other-province", "central").get(id));

    @Test
    void an_exact_entry_covers_that_committee_and_not_its_children() {
        Caller caller = office("province");
        assertThat(caller.seesCommittee("province")).isTrue();
        assertThat(caller.seesCommittee("city")).isFalse();
        assertThat(caller.seesCommittee("central")).isFalse();
    }

    @Test
    void a_subtree_entry_covers_the_committee_and_every_committee_below_it() {
        Caller caller = office("province/**");
        assertThat(caller.seesCommittee("province")).isTrue();
        assertThat(caller.seesCommittee("city")).isTrue();
        assertThat(caller.seesCommittee("county")).isTrue();
        assertThat(caller.seesCommittee("central")).as("not upwards").isFalse();
        assertThat(caller.seesCommittee("other-province")).as("not sideways").isFalse();
        assertThat(caller.seesCommittee("unknown")).as("a committee not known yet").isFalse();
        assertThat(caller.reachesBelow()).isTrue();
    }

    @Test
    void a_subtree_entry_governs_acts_and_organs_below() {
        Caller committee = office("city/**");
        committee.requireCommitteeOffice("county");
        assertThatThrownBy(() -> committee.requireCommitteeOffice("province")).isInstanceOf(Forbidden.class);
        Caller organs = new Caller("o", Set.of(Caller.Role.ORGAN_OFFICE), Set.of("province/**"), Set.of("organ-1"), TREE);
        organs.requireOrganOffice("county", "organ-1");
        assertThatThrownBy(() -> organs.requireOrganOffice("county", "organ-2")).isInstanceOf(Forbidden.class);
        assertThat(organs.seesOrgan("city", "organ-2")).isFalse();
    }

    @Test
    void without_a_tree_a_subtree_entry_covers_its_committee_alone() {
        Caller caller = new Caller("c", Set.of(Caller.Role.COMMITTEE_OFFICE), Set.of("province/**"), Set.of(),
                CommitteeTree.UNKNOWN);
        assertThat(caller.seesCommittee("province")).isTrue();
        assertThat(caller.seesCommittee("city")).isFalse();
    }

    @Test
    void a_tree_that_loops_ends_the_walk() {
        CommitteeTree loop = id -> Optional.of(id.equals("a") ? "b" : "a");
        Caller caller = new Caller("c", Set.of(Caller.Role.COMMITTEE_OFFICE), Set.of("x/**"), Set.of(), loop);
        assertThat(caller.seesCommittee("a")).isFalse();
    }

    @Test
    void a_remembered_tree_asks_once_per_known_committee_and_again_for_an_unknown_one() {
        int[] asked = new int[1];
        CommitteeTree tree = CommitteeTree.remembering(id -> {
            asked[0]++;
            return switch (id) {
                case "city" -> "province";
                case "province" -> "";
                default -> null;
            };
        });
        assertThat(tree.parentOf("city")).contains("province");
        assertThat(tree.parentOf("city")).contains("province");
        assertThat(tree.parentOf("province")).isEmpty();
        assertThat(tree.parentOf("province")).isEmpty();
        assertThat(asked[0]).isEqualTo(2);
        assertThat(tree.parentOf("later")).isEmpty();
        assertThat(tree.parentOf("later")).isEmpty();
        assertThat(asked[0]).isEqualTo(4);
    }

    private static Caller office(String... committees) {
        return new Caller("c", Set.of(Caller.Role.COMMITTEE_OFFICE), Set.of(committees), Set.of(), TREE);
    }
}

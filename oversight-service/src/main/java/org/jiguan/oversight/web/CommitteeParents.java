package org.jiguan.oversight.web;

import java.util.Optional;

import org.jiguan.oversight.history.Histories;
import org.jiguan.oversight.views.AggregateKind;
import org.jiguan.oversight.views.CommitteeFold;
import org.jiguan.oversight.views.CommitteeView;
import org.jiguan.oversight.views.TimeSlice;
import org.jiguan.platform.security.CommitteeTree;
import org.springframework.stereotype.Component;

/**
 * The committee tree of {@code "<id>/**"} scopes, as oversight learns it from {@code organ-events}: a committee's
 * parent from its registration in its history. A committee whose registration has not arrived yet has no parent
 * here, so a scope from above reaches it once it has.
 */
@Component
public class CommitteeParents implements CommitteeTree {
    private final CommitteeTree committees;

    public CommitteeParents(Histories histories) {
        this.committees = CommitteeTree.remembering(committeeId -> histories.live()
                .load(AggregateKind.COMMITTEE, committeeId)
                .flatMap(h -> CommitteeFold.fold(h, TimeSlice.everythingKnownAt(null)))
                .map(c -> c.parentCommitteeId() == null ? "" : c.parentCommitteeId())
                .orElse(null));
    }

    @Override
    public Optional<String> parentOf(String committeeId) {
        return committees.parentOf(committeeId);
    }
}

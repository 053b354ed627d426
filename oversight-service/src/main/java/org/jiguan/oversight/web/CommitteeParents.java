package org.jiguan.oversight.web;

import java.util.Optional;

import org.jiguan.oversight.messaging.CommitteeDirectory;
import org.jiguan.platform.security.CommitteeTree;
import org.springframework.stereotype.Component;

/**
 * The committee tree of {@code "<id>/**"} scopes, as oversight learns it from {@code organ-events}: a committee's
 * parent from its registration, read by key from the {@link CommitteeDirectory}. A committee whose registration has
 * not arrived yet has no parent here, so a scope from above reaches it once it has.
 */
@Component
public class CommitteeParents implements CommitteeTree {
    private final CommitteeTree committees;

    public CommitteeParents(CommitteeDirectory directory) {
        this.committees = CommitteeTree.remembering(committeeId -> directory.get(committeeId)
                .filter(CommitteeDirectory.Entry::registered)
                .map(c -> c.parentCommitteeId() == null ? "" : c.parentCommitteeId())
                .orElse(null));
    }

    @Override
    public Optional<String> parentOf(String committeeId) {
        return committees.parentOf(committeeId);
    }
}

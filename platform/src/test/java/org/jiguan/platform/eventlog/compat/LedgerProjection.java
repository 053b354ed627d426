package org.jiguan.platform.eventlog.compat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jiguan.platform.eventlog.compat.LedgerService.EntryRecorded;
import org.springframework.stereotype.Component;

/** A tracking processor over the log, so the store also holds a tracking token written by this version. */
@Component
@ProcessingGroup("ledger-projection")
public class LedgerProjection {
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(EntryRecorded event) {
        seen.add(event.entryId());
    }

    List<String> seen() {
        return seen;
    }
}

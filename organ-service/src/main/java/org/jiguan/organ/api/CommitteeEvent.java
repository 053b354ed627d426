package org.jiguan.organ.api;

/** An event of one party committee. */
public interface CommitteeEvent {
    String committeeId();
}

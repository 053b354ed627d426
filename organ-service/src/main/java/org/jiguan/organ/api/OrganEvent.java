package org.jiguan.organ.api;

/** An event of one organ. Carries both ids so consumers need no lookup to place it. */
public interface OrganEvent {
    String organId();

    String committeeId();
}

package org.jiguan.meeting.api;

/** An event of one decision. Carries the organ and committee ids so consumers need no lookup to place it. */
public interface DecisionEvent {
    String decisionId();

    String organId();

    String committeeId();
}

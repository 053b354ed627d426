package org.jiguan.meeting.api;

/** The tellers' count of a secret ballot (R-MEET-9): the only place a secret ballot's choices are recorded. */
public record BallotCount(int forVotes, int againstVotes, int abstentions) {
    public int total() {
        return forVotes + againstVotes + abstentions;
    }
}

package org.jiguan.meeting.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VotingMethod;

/** One agenda item within its meeting: its preparation, recusals and votes. State only; the rules judge it. */
final class MeetingItem {
    enum Stage { PENDING, VOTING, CLOSED }

    private final AgendaItem item;
    /** Each step recorded, with the earliest date it was completed on. */
    private final Map<PreparationStep, LocalDate> prepared = new EnumMap<>(PreparationStep.class);
    private final Set<String> recused = new LinkedHashSet<>();
    /** Voter to choice, in the order cast; the choice is null under a secret ballot. */
    private final Map<String, VoteChoice> votes = new LinkedHashMap<>();
    private VotingMethod method;
    private Stage stage = Stage.PENDING;

    MeetingItem(AgendaItem item) {
        this.item = item;
    }

    AgendaItem item() {
        return item;
    }

    String itemId() {
        return item.itemId();
    }

    Stage stage() {
        return stage;
    }

    VotingMethod method() {
        return method;
    }

    Map<PreparationStep, LocalDate> prepared() {
        return Collections.unmodifiableMap(prepared);
    }

    boolean isRecused(String memberId) {
        return recused.contains(memberId);
    }

    boolean hasVoted(String memberId) {
        return votes.containsKey(memberId);
    }

    int ballotsCast() {
        return votes.size();
    }

    int count(VoteChoice choice) {
        return (int) votes.values().stream().filter(c -> c == choice).count();
    }

    int presentNotRecused(Set<String> present) {
        return (int) present.stream().filter(m -> !recused.contains(m)).count();
    }

    void prepared(PreparationStep step, LocalDate completedOn) {
        prepared.merge(step, completedOn, (earlier, later) -> later.isBefore(earlier) ? later : earlier);
    }

    void recused(String memberId) {
        recused.add(memberId);
    }

    void votingOpened(VotingMethod method) {
        this.method = method;
        stage = Stage.VOTING;
    }

    void voted(String memberId, VoteChoice choice) {
        votes.put(memberId, choice);
    }

    void closed() {
        stage = Stage.CLOSED;
    }

    /** Value equality, so Axon's test fixture can tell the state built by commands from the state replayed from events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MeetingItem that
                && Objects.equals(item, that.item) && Objects.equals(prepared, that.prepared) && Objects.equals(recused, that.recused) && Objects.equals(votes, that.votes) && Objects.equals(method, that.method) && Objects.equals(stage, that.stage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(item, prepared, recused, votes, method, stage);
    }
}

package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R-SUP-5: who owed the yearly filings of a year — everyone who sat on the leadership body on any day of it — and
 * what each has filed by the profile's day. Pure: computed from an organ's profile.
 */
public final class LeaderFilings {
    /** The filings a leader owes for each year they sat on the body. */
    public enum Filing {
        /** 述责述廉. */
        INTEGRITY_STATEMENT,
        /** 个人有关事项报告. */
        PERSONAL_MATTERS_REPORT
    }

    /**
     * One member's filings for the year; a null date is a filing not made by the day.
     *
     * @param missing the filings owed and not made, in {@link Filing} order
     */
    public record MemberFilings(String memberId, String name, int year, LocalDate integrityStatementFiledOn,
                                LocalDate personalMattersReportFiledOn, List<Filing> missing) {
    }

    private LeaderFilings() {
    }

    /** One row per member who sat on the body in {@code year}, by the order they joined. */
    public static List<MemberFilings> of(OrganProfile organ, int year) {
        Map<String, String> owing = new LinkedHashMap<>();
        organ.tenures().stream().filter(t -> t.satIn(year)).forEach(t -> owing.putIfAbsent(t.memberId(), t.name()));
        List<MemberFilings> rows = new ArrayList<>();
        owing.forEach((memberId, name) -> {
            LocalDate statement = organ.integrityStatements().stream()
                    .filter(s -> s.year() == year && s.memberId().equals(memberId))
                    .map(OrganProfile.IntegrityStatement::filedOn).findFirst().orElse(null);
            LocalDate personalMatters = organ.personalMattersReports().stream()
                    .filter(r -> r.year() == year && r.memberId().equals(memberId))
                    .map(OrganProfile.PersonalMattersReport::filedOn).findFirst().orElse(null);
            List<Filing> missing = new ArrayList<>();
            if (statement == null) {
                missing.add(Filing.INTEGRITY_STATEMENT);
            }
            if (personalMatters == null) {
                missing.add(Filing.PERSONAL_MATTERS_REPORT);
            }
            rows.add(new MemberFilings(memberId, name, year, statement, personalMatters, List.copyOf(missing)));
        });
        return rows;
    }
}

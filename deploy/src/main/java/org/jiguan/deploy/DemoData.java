package org.jiguan.deploy;

import static org.jiguan.deploy.DemoAct.json;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiguan.deploy.DemoAct.Service;

/**
 * The demo data set (演示数据) as a plan of HTTP acts: a central committee (党中央), a provincial committee (江南省委),
 * two municipal (云州市委, 临江市委) and three county committees (青山县委, 清河县委, 白沙县委), with their working organs,
 * leadership bodies, internal bodies, staffing, duties, annual and special reports, inspection findings and
 * rectification, assessments, accountability, integrity statements, and meetings with decisions and tasks.
 * <p>
 * The organs come from one table of organ types ({@link #TYPES}) instantiated per committee level; everything
 * else is derived from an organ's position in the list, or comes from the small tables at the end. History
 * (establishment, appointments) has fixed dates; recent activity is dated relative to the demo year, the last year
 * whose first nine months are past, so that reports for last year are already escalated when missing. Every id
 * is fixed and readable ({@code prov-jn}, {@code jn-zzb}, {@code jn-zzb-d1}, {@code jn-zzb-bwh-202503}).
 */
final class DemoData {

    /** A party committee; {@code prefix} names its organs (江南省委组织部), {@code abbr} its documents (江编发). */
    record Committee(String id, String level, String parentId, String place, String prefix, String abbr,
                     String organPrefix, int quotaSlack) {
        char levelCode() {
            return switch (level) {
                case "CENTRAL" -> 'C';
                case "PROVINCIAL" -> 'P';
                case "MUNICIPAL" -> 'M';
                default -> 'X';
            };
        }

        String name() {
            return level.equals("CENTRAL") ? "党中央" : prefix;
        }

        String establishmentOffice() {
            return prefix + "机构编制委员会办公室";
        }
    }

    /**
     * A kind of working organ as it exists at each level. {@code where}: the levels (C, P, M, X for county) or
     * {@code @committeeId}. Name templates: {c} the committee's prefix, {p} the place, {o} 办公厅/办公室,
     * {x} 巡视/巡察, {d} 厅/局. {@code coLocated}: the code of the organ it shares offices with, or a
     * government department outside the committee. {@code units}: internal bodies, suffixed 局/处/科/股 by level.
     */
    record OrganType(String code, String kind, String where, String centralName, String localName,
                     String coordination, String field, String coLocated, boolean reform2023, String docCode,
                     List<String> units, String dutyCode, String duty) {
    }

    record Organ(String id, Committee committee, OrganType type, String name, String mode, String related,
                 LocalDate establishedOn, int staffing, int leadership, int index) {
        boolean active() {
            return !ABOLISHED.containsKey(id) && !ABSORBED.containsKey(id);
        }
    }

    /** One stretch on a leadership body; {@code until} null while it lasts. */
    record Tenure(String memberId, String name, String role, LocalDate since, LocalDate until) {
        boolean servesOn(LocalDate day) {
            return !since.isAfter(day) && (until == null || until.isAfter(day));
        }
    }

    static final List<Committee> COMMITTEES = List.of(
            new Committee("central", "CENTRAL", null, "", "中央", "中", "zy", 2),
            new Committee("prov-jn", "PROVINCIAL", "central", "江南省", "江南省委", "江", "jn", 1),
            new Committee("jn-yz", "MUNICIPAL", "prov-jn", "云州市", "云州市委", "云", "yz", 2),
            new Committee("jn-lj", "MUNICIPAL", "prov-jn", "临江市", "临江市委", "临", "lj", 1),
            new Committee("yz-qs", "COUNTY", "jn-yz", "青山县", "青山县委", "青", "qs", 0),
            new Committee("yz-qh", "COUNTY", "jn-yz", "清河县", "清河县委", "清", "qh", 1),
            new Committee("lj-bs", "COUNTY", "jn-lj", "白沙县", "白沙县委", "白", "bs", 2));

    static final List<OrganType> TYPES = List.of(
            type("bgt", "GENERAL_OFFICE", "CPMX", "中共中央办公厅", "{c}{o}", null, null, null, false, "办",
                    List.of("秘书", "综合", "督查"), "daily-operations", "协调党委机关日常运转，组织会议和文电办理"),
            type("zzb", "FUNCTIONAL_DEPARTMENT", "CPMX", "中央组织部", "{c}组织部", null, null, null, false, "组",
                    List.of("干部一", "组织", "干部监督"), "cadre-management", "干部队伍建设和管理，基层组织建设"),
            type("xcb", "FUNCTIONAL_DEPARTMENT", "CPMX", "中央宣传部", "{c}宣传部", null, null, null, false, "宣",
                    List.of("理论", "新闻", "文艺"), "publicity", "理论武装、新闻舆论和意识形态工作"),
            type("tzb", "FUNCTIONAL_DEPARTMENT", "CPMX", "中央统战部", "{c}统战部", null, null, null, false, "统",
                    List.of("党派", "民族宗教", "经济"), "united-front", "统一战线工作的统筹协调，党外代表人士队伍建设"),
            type("zfw", "FUNCTIONAL_DEPARTMENT", "CPMX", "中央政法委员会", "{c}政法委员会", null, null, null, false,
                    "政法", List.of("执法监督", "综治", "队伍建设指导"), "political-legal", "政法工作的统筹协调和执法监督"),
            type("shgzb", "FUNCTIONAL_DEPARTMENT", "CPMX", "中央社会工作部", "{c}社会工作部", null, null, null, true,
                    "社", List.of("基层治理", "社会组织"), "social-work", "统筹推进基层治理，人民信访和人民建议征集"),
            type("zys", "FUNCTIONAL_DEPARTMENT", "CPMX", "中央政策研究室", "{c}政策研究室", null, null, "X:bgt", false,
                    "研", List.of("综合研究", "经济研究"), "policy-research", "重大问题调查研究和重要文稿起草"),
            type("shb", "WORKING_BODY", "CPM", "中央全面深化改革委员会办公室", "{c}全面深化改革委员会办公室",
                    "{c}全面深化改革委员会", null, "zys", false, "改", List.of("改革督察", "综合协调"),
                    "reform", "改革任务的统筹协调和督察"),
            type("wxb", "WORKING_BODY", "CPM", "中央网络安全和信息化委员会办公室", "{c}网络安全和信息化委员会办公室",
                    "{c}网络安全和信息化委员会", null, null, false, "网", List.of("网络安全协调", "网络传播"),
                    "cyberspace", "网络内容建设管理和网络安全统筹协调"),
            type("bb", "WORKING_BODY", "CPMX", "中央机构编制委员会办公室", "{c}机构编制委员会办公室",
                    "{c}机构编制委员会", null, null, false, "编", List.of("机构编制", "监督检查"),
                    "establishment", "机构编制的统一管理和编制总量控制"),
            type("wsb", "WORKING_BODY", "CP", "中央外事工作委员会办公室", "{c}外事工作委员会办公室",
                    "{c}外事工作委员会", null, null, false, "外", List.of("政策研究", "综合"),
                    "foreign-affairs", "外事工作的统筹协调"),
            type("jrb", "WORKING_BODY", "CP", "中央金融委员会办公室", "{c}金融委员会办公室", "{c}金融委员会", null,
                    null, true, "金", List.of("综合", "风险处置"), "finance", "金融工作的统筹协调和金融风险防范化解"),
            type("jrgw", "DISPATCHED_ORGAN", "CP", "中央金融工作委员会", "{c}金融工作委员会", null, "{p}金融系统",
                    "jrb", true, "金工", List.of("组织", "宣传"), "finance-party-building", "金融系统党的建设"),
            type("jggw", "DISPATCHED_ORGAN", "CPMX", "中央和国家机关工作委员会", "{p}直属机关工作委员会", null,
                    "{p}直属机关", null, false, "机工", List.of("组织", "宣传", "纪工"), "organ-party-building",
                    "机关党的建设和机关纪检工作"),
            type("jyw", "DISPATCHED_ORGAN", "P", null, "{c}教育工作委员会", null, "{p}教育系统", "{p}教育厅", false,
                    "教", List.of("组织", "思想政治"), "education-party-building", "教育系统党的建设和学校思想政治工作"),
            type("xsb", "WORKING_BODY", "PMX", null, "{c}{x}工作领导小组办公室", "{c}{x}工作领导小组", null, null,
                    false, "巡", List.of("综合", "督查"), "inspection", "巡视巡察工作的组织协调和整改督促"),
            type("nb", "WORKING_BODY", "PMX", null, "{c}农村工作领导小组办公室", "{c}农村工作领导小组", null,
                    "{p}农业农村{d}", false, "农", List.of("综合", "改革"), "rural-work", "农村工作的统筹协调"),
            type("jmrh", "WORKING_BODY", "@jn-yz", null, "{c}军民融合发展委员会办公室", "{c}军民融合发展委员会", null,
                    null, false, "军", List.of("综合"), "civil-military", "军民融合发展的统筹协调"),
            type("lgj", "FUNCTIONAL_DEPARTMENT", "@lj-bs", null, "{c}老干部局", null, null, null, false, "老",
                    List.of("综合"), "veteran-cadres", "离退休干部服务管理"));

    /** Abolished organs, with the date (a 2024 reform) and reason. */
    static final Map<String, String> ABOLISHED = Map.of("yz-jmrh", "2024-06-28|深化机构改革，职责划入市委办公室");
    /** Absorbed organs, with the surviving organ and the merger date. */
    static final Map<String, String> ABSORBED = Map.of("bs-lgj", "bs-zzb|2024-03-15");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴";
    private static final List<String> GIVEN_NAMES = List.of("建国", "志强", "海涛", "丽华", "晓明", "卫东", "红梅",
            "振华", "文斌", "秀英", "国庆", "建华", "立新", "春燕", "俊杰", "永军", "宏伟", "晓燕", "明辉", "玉兰",
            "新民", "德胜", "凤英", "光明", "学军", "雪梅", "长江", "爱民", "静", "敏", "军", "勇", "伟", "磊", "洋",
            "杰", "娟", "涛", "斌", "超", "志刚", "海燕", "国华", "文静", "少华", "庆丰", "晓东", "建军", "丽娟",
            "永红", "云飞", "思远", "宇航", "嘉欣", "子涵", "浩然", "一鸣", "承志", "景行", "慧敏", "向东");

    private final int year;
    private final List<DemoAct> acts = new ArrayList<>();
    private final Map<String, Organ> organs = new LinkedHashMap<>();
    private final Map<String, List<Tenure>> bodies = new HashMap<>();
    private final Map<String, Integer> documentNumbers = new HashMap<>();
    private int people;
    private String phase;
    /** The lane of the next acts when it is not their group (see {@link DemoAct#lane()}). */
    private String lane;

    private DemoData(int year) {
        this.year = year;
    }

    /** The plan for a stack whose business clock reads {@code today}. */
    static List<DemoAct> plan(LocalDate today) {
        DemoData data = new DemoData(demoYear(today));
        data.build();
        return List.copyOf(data.acts);
    }

    /** The last year whose first nine months are past: meetings and filings of the demo fall in it or before. */
    static int demoYear(LocalDate today) {
        return today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1;
    }

    private void build() {
        defineOrgans();
        committees();
        organs();
        leaders();
        internalBodiesAndStaffing();
        annualReports();
        supervision();
        changes();
        meetings();
    }

    // ---------------------------------------------------------------- committees and organs

    private void defineOrgans() {
        int index = 0;
        for (Committee committee : COMMITTEES) {
            for (OrganType type : TYPES) {
                if (!existsIn(type, committee)) {
                    continue;
                }
                String id = committee.organPrefix() + "-" + type.code();
                String related = related(type, committee);
                String mode = related == null ? "STANDALONE" : "CO_LOCATED";
                int staffing = switch (committee.levelCode()) {
                    case 'C' -> 180 + 20 * (index % 5);
                    case 'P' -> 70 + 8 * (index % 6);
                    case 'M' -> 32 + 4 * (index % 5);
                    default -> 14 + 2 * (index % 4);
                };
                int leadership = switch (committee.levelCode()) {
                    case 'C' -> 8;
                    case 'P' -> type.code().equals("jggw") ? 8 : 7;
                    case 'M' -> 6;
                    default -> 5;
                };
                LocalDate establishedOn = organs.containsKey(related) // 合署办公: set up together with its partner
                        ? organs.get(related).establishedOn() : establishedOn(type, committee, index);
                organs.put(id, new Organ(id, committee, type, name(type, committee), mode, related, establishedOn,
                        staffing, leadership, index));
                index++;
            }
        }
    }

    private static boolean existsIn(OrganType type, Committee committee) {
        return type.where().startsWith("@") ? type.where().equals("@" + committee.id())
                : type.where().indexOf(committee.levelCode()) >= 0;
    }

    private String related(OrganType type, Committee committee) {
        String coLocated = type.coLocated();
        if (coLocated == null) {
            return null;
        }
        if (coLocated.startsWith("X:")) { // only in a county: 县委政研室与县委办合署办公
            return committee.levelCode() == 'X' ? committee.organPrefix() + "-" + coLocated.substring(2) : null;
        }
        boolean organCode = TYPES.stream().anyMatch(t -> t.code().equals(coLocated));
        return organCode ? committee.organPrefix() + "-" + coLocated : fill(coLocated, committee);
    }

    private static String name(OrganType type, Committee committee) {
        return committee.levelCode() == 'C' ? type.centralName() : fill(type.localName(), committee);
    }

    private static String fill(String template, Committee committee) {
        if (template == null) {
            return null;
        }
        boolean central = committee.levelCode() == 'C';
        boolean province = committee.levelCode() == 'P';
        return template.replace("{c}", committee.prefix())
                .replace("{p}", central ? "" : committee.place())
                .replace("{o}", central || province ? "办公厅" : "办公室")
                .replace("{x}", province ? "巡视" : "巡察")
                .replace("{d}", province ? "厅" : "局");
    }

    /** The 2018 central reform, local reforms in early 2019, and the 2023 reform reaching localities in 2024. */
    private static LocalDate establishedOn(OrganType type, Committee committee, int index) {
        int spread = index % 9;
        return switch (committee.levelCode()) {
            case 'C' -> type.reform2023() ? LocalDate.of(2023, 3, 16) : LocalDate.of(2018, 3, 21);
            case 'P' -> type.reform2023() ? LocalDate.of(2024, 1, 18) : LocalDate.of(2019, 1, 8).plusDays(spread);
            case 'M' -> type.reform2023() ? LocalDate.of(2024, 3, 12) : LocalDate.of(2019, 3, 4).plusDays(spread);
            default -> type.reform2023() ? LocalDate.of(2024, 4, 22) : LocalDate.of(2019, 4, 15).plusDays(spread);
        };
    }

    private void committees() {
        phase = "committees";
        lane = "committees"; // parents first
        for (Committee c : COMMITTEES) {
            int before2023 = counted(c, LocalDate.of(2023, 1, 1));
            int all = counted(c, LocalDate.MAX);
            add(c.id(), Service.ORGANS, "/api/v1/committees", json("committeeId", c.id(), "name", c.name(),
                    "level", c.level(), "parentCommitteeId", c.parentId(), "organQuota", before2023 + c.quotaSlack(),
                    "policy", json("reportDueMonthDay", "--01-31", "cutOffMonthDay", "--09-30",
                            "reminderOffsets", List.of(-30, -7, 0, 1, 30), "calendar", "CN"),
                    "reservedDuties", List.of("major-personnel-decision", "organ-establishment-decision")),
                    c.id(), true, "committees");
            if (all > before2023) { // the 2023 reform's new organs need a larger quota
                LocalDate on = c.levelCode() == 'C' ? LocalDate.of(2023, 3, 10) : LocalDate.of(2023, 12, 20);
                add(c.id() + "-quota-2023", Service.ORGANS, "/api/v1/committees/" + c.id() + "/organ-quota",
                        json("organQuota", all + c.quotaSlack(), "approval", approval(c, on)), c.id(), false,
                        "quota changes");
            }
        }
    }

    /** Organs that take a quota slot of their own, established before {@code before}. */
    private int counted(Committee committee, LocalDate before) {
        return (int) organs.values().stream().filter(o -> o.committee().equals(committee))
                .filter(o -> o.establishedOn().isBefore(before))
                .filter(o -> o.related() == null || !organs.containsKey(o.related())).count();
    }

    private void organs() {
        phase = "organs";
        for (Organ o : organs.values()) {
            lane = o.committee().id(); // one committee's organs share its quota: in order
            OrganType t = o.type();
            add(o.id(), Service.ORGANS, "/api/v1/organs", json("organId", o.id(), "committeeId",
                    o.committee().id(), "name", o.name(), "kind", t.kind(), "mode", o.mode(),
                    "establishedOn", o.establishedOn(), "staffingQuota", o.staffing(),
                    "leadershipQuota", o.leadership(), "approval", approval(o.committee(), o.establishedOn().minusDays(25)),
                    "relatedDepartment", o.related(), "coordinationBody", fill(t.coordination(), o.committee()),
                    "field", t.field() == null ? null : o.committee().levelCode() == 'C' ? centralField(t)
                            : fill(t.field(), o.committee())),
                    o.id(), true, "organs");
        }
    }

    private static String centralField(OrganType type) {
        return type.code().equals("jggw") ? "中央和国家机关" : "金融系统";
    }

    /**
     * R-ORG-2: the Party Centre approves the central committee's acts; a local committee's go to the upper-level
     * establishment committee (its parent's), proposed by the committee's own establishment office.
     */
    private Map<String, Object> approval(Committee committee, LocalDate approvedOn) {
        boolean central = committee.levelCode() == 'C';
        Committee approver = central ? committee : committee(committee.parentId());
        String key = approver.id() + approvedOn.getYear();
        int number = documentNumbers.merge(key, 1, Integer::sum) + 2;
        String documentNo = central ? "厅字〔" + approvedOn.getYear() + "〕" + number + "号"
                : approver.abbr() + "编发〔" + approvedOn.getYear() + "〕" + number + "号";
        return json("proposedBy", committee.establishmentOffice(),
                "approvedBy", central ? "PARTY_CENTRE" : "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", approver.id(), "documentNo", documentNo, "approvedOn", approvedOn);
    }

    /** R-ORG-5: internal bodies rest on the committee's own decision. */
    private Map<String, Object> ownApproval(Committee committee, LocalDate approvedOn) {
        int number = documentNumbers.merge(committee.id() + "-own" + approvedOn.getYear(), 1, Integer::sum);
        return json("proposedBy", committee.establishmentOffice(), "approvedBy", "COMMITTEE",
                "approverCommitteeId", committee.id(),
                "documentNo", committee.abbr() + "编办发〔" + approvedOn.getYear() + "〕" + number + "号",
                "approvedOn", approvedOn);
    }

    private static Committee committee(String id) {
        return COMMITTEES.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- leadership bodies

    private void leaders() {
        phase = "leaders";
        lane = null;
        for (Organ o : organs.values()) {
            List<String> roles = new ArrayList<>(List.of("PRINCIPAL", "DEPUTY", "DEPUTY"));
            if (o.committee().levelCode() != 'X') {
                roles.add("DISCIPLINE_GROUP_LEADER");
            }
            boolean executiveDeputy = o.id().equals("jn-jggw"); // 书记由省委秘书长兼任，常务副书记主持日常工作
            if (executiveDeputy) {
                roles.add(1, "EXECUTIVE_DEPUTY");
            }
            while (roles.size() < o.leadership()) {
                roles.add(roles.size() % 2 == 0 ? "MEMBER" : "DEPUTY");
            }
            int posts = o.index() % 3 == 0 ? o.leadership() : o.leadership() - 1; // a third are at 领导职数
            int deputies = 0;
            int members = 0;
            for (String role : roles.subList(0, posts)) {
                String suffix = switch (role) {
                    case "PRINCIPAL" -> "p";
                    case "EXECUTIVE_DEPUTY" -> "x";
                    case "DISCIPLINE_GROUP_LEADER" -> "jz";
                    case "DEPUTY" -> "d" + (++deputies);
                    default -> "w" + (++members);
                };
                LocalDate since = role.equals("MEMBER") ? o.establishedOn().plusDays(90) : o.establishedOn();
                appoint(o, suffix, role, since, role.equals("PRINCIPAL") && executiveDeputy);
            }
        }
        // Rotations last year (交流任职) and one principal's retirement with a successor.
        for (Organ o : organs.values()) {
            if (o.active() && o.index() % 9 == 4 && o.establishedOn().getYear() < 2023) {
                remove(o, "d1", date(1, 6, 28), "交流任职");
                appoint(o, "d9", "DEPUTY", date(1, 7, 10), false);
            }
        }
        Organ retiring = organs.get("qs-xcb");
        remove(retiring, "p", date(1, 4, 30), "到龄退休");
        appoint(retiring, "p2", "PRINCIPAL", date(1, 5, 20), false);
    }

    private void appoint(Organ organ, String suffix, String role, LocalDate since, boolean concurrent) {
        String memberId = organ.id() + "-" + suffix;
        String name = personName();
        bodies.computeIfAbsent(organ.id(), k -> new ArrayList<>()).add(new Tenure(memberId, name, role, since, null));
        add(memberId, Service.ORGANS, "/api/v1/organs/" + organ.id() + "/leaders", json("memberId", memberId,
                "name", name, "role", role, "since", since, "concurrentUpperLevelPost", concurrent ? true : null),
                organ.id(), false, "leader appointments");
    }

    private void remove(Organ organ, String suffix, LocalDate on, String reason) {
        String memberId = organ.id() + "-" + suffix;
        List<Tenure> body = bodies.get(organ.id());
        body.replaceAll(t -> t.memberId().equals(memberId) ? new Tenure(memberId, t.name(), t.role(), t.since(), on) : t);
        add(memberId + "-removal", Service.ORGANS, "/api/v1/organs/" + organ.id() + "/leaders/" + memberId + "/removal",
                json("on", on, "reason", reason), organ.id(), false, "leader removals");
    }

    private String personName() {
        int k = people++;
        return SURNAMES.charAt((k * 7) % SURNAMES.length()) + GIVEN_NAMES.get((k * 11 + k / 5) % GIVEN_NAMES.size());
    }

    private List<Tenure> bodyOn(String organId, LocalDate day) {
        return bodies.get(organId).stream().filter(t -> t.servesOn(day)).toList();
    }

    // ---------------------------------------------------------------- internal bodies, staffing, duties

    private void internalBodiesAndStaffing() {
        phase = "internal bodies";
        for (Organ o : organs.values()) {
            String unit = switch (o.committee().levelCode()) {
                case 'C' -> "局";
                case 'P' -> "处";
                case 'M' -> "科";
                default -> "股";
            };
            List<String> names = new ArrayList<>();
            names.add(o.committee().levelCode() == 'C' ? "办公厅" : "办公室");
            int units = Math.min(o.type().units().size(), switch (o.committee().levelCode()) {
                case 'X' -> 1;
                case 'M' -> 2;
                default -> 3;
            });
            o.type().units().subList(0, units).forEach(u -> names.add(u + unit));
            LocalDate approvedOn = o.establishedOn().plusDays(40);
            for (int i = 0; i < names.size(); i++) {
                String bodyId = i == 0 ? "office" : "u" + i;
                add(o.id() + "-" + bodyId, Service.ORGANS, "/api/v1/organs/" + o.id() + "/internal-bodies",
                        json("bodyId", bodyId, "name", names.get(i), "approval", ownApproval(o.committee(), approvedOn)),
                        o.id(), false, "internal bodies");
            }
        }
        Organ restructured = organs.get("jn-xcb"); // 文艺处职能并入理论处
        add("jn-xcb-u3-abolition", Service.ORGANS, "/api/v1/organs/jn-xcb/internal-bodies/u3/abolition",
                json("approval", ownApproval(restructured.committee(), date(1, 6, 20)), "on", date(1, 6, 30)),
                "jn-xcb", false, "internal bodies abolished");
        // R-ORG-5: the organization department's second unit takes on cadre supervision and absorbs the third.
        Organ reorganized = organs.get("jn-zzb");
        add("jn-zzb-u2-change", Service.ORGANS, "/api/v1/organs/jn-zzb/internal-bodies/u2/changes",
                json("name", "干部监督处", "tasks", "负责干部监督、选人用人检查和干部人事档案审核",
                        "approval", ownApproval(reorganized.committee(), date(1, 8, 10))),
                "jn-zzb", false, "internal bodies changed");
        add("jn-zzb-u3-merger", Service.ORGANS, "/api/v1/organs/jn-zzb/internal-bodies/u2/mergers",
                json("absorbedBodyIds", List.of("u3"), "approval", ownApproval(reorganized.committee(), date(1, 9, 1)),
                        "on", date(1, 9, 15)), "jn-zzb", false, "internal bodies merged");
        phase = "staffing and duties";
        for (Organ o : organs.values()) {
            int headcount = o.staffing() - (o.index() % 5 == 0 ? 0 : 1 + o.index() % 4); // some fully staffed
            add(o.id() + "-headcount", Service.ORGANS, "/api/v1/organs/" + o.id() + "/headcount",
                    json("headcount", headcount, "asOf", date(1, 12, 31)), o.id(), false, "headcount reports");
            add(o.id() + "-duty-" + o.type().dutyCode(), Service.ORGANS, "/api/v1/organs/" + o.id() + "/duties",
                    json("dutyCode", o.type().dutyCode(), "description", o.type().duty()), o.id(), false, "duties");
            add(o.id() + "-duty-self-building", Service.ORGANS, "/api/v1/organs/" + o.id() + "/duties",
                    json("dutyCode", "self-building", "description", "本机关党的建设和干部队伍建设"), o.id(), false, "duties");
        }
    }

    // ---------------------------------------------------------------- reports and supervision

    /**
     * Two years of comprehensive reports (R-SUP-1): most on time in January, some late in March, some never filed,
     * so that last year's missing reports are escalated by now.
     */
    private void annualReports() {
        phase = "annual reports";
        for (Organ o : organs.values()) {
            if (!o.active()) {
                continue;
            }
            int i = o.index();
            report(o, year - 2, i % 17 == 8 ? null : i % 9 == 2 ? date(1, 3, 5 + i % 20) : date(1, 1, 6 + i % 22));
            report(o, year - 1, i % 7 == 5 ? null : i % 8 == 3 ? date(0, 3, 3 + i % 20) : date(0, 1, 5 + i % 24));
        }
        add("jn-zzb-report-" + (year - 1) + "-supplement", Service.ORGANS, "/api/v1/organs/jn-zzb/annual-reports",
                signed("jn-zzb", date(0, 3, 20), json("year", year - 1, "filedOn", date(0, 3, 20),
                        "documentNo", "江组报〔" + year + "〕15号", "summary", "补充报告：干部监督和选人用人专项检查情况",
                        "supplement", true)),
                "jn-zzb", false, "supplementary reports");
    }

    private void report(Organ o, int reportYear, LocalDate filedOn) {
        if (filedOn == null || o.establishedOn().isAfter(LocalDate.of(reportYear, 9, 30))) {
            return; // not filed (it will show as overdue or escalated), or not owed
        }
        String documentNo = o.committee().abbr() + o.type().docCode() + "报〔" + filedOn.getYear() + "〕"
                + (1 + o.index() % 30) + "号";
        add(o.id() + "-report-" + reportYear, Service.ORGANS, "/api/v1/organs/" + o.id() + "/annual-reports",
                signed(o.id(), filedOn, json("year", reportYear, "filedOn", filedOn, "documentNo", documentNo,
                        "summary", o.name() + reportYear + "年度全面工作情况报告")),
                o.id(), false, "annual reports");
    }

    private void supervision() {
        phase = "supervision";
        String regulation = "《中国共产党工作机关条例》（2025年11月修订）";
        // The committees ask for special reports in advance (R-SUP-3): one answered on time, one late, one not yet.
        request("jn-zzb", "rq1", "贯彻落实" + regulation + "情况", date(0, 4, 20), date(0, 5, 31));
        request("yz-zzb", "rq1", "贯彻落实" + regulation + "情况", date(0, 4, 25), date(0, 5, 31));
        request("jn-xcb", "rq2", "网络意识形态安全工作情况", date(0, 3, 2), date(0, 4, 30));
        special("jn-zzb", "s1", "贯彻落实" + regulation + "情况的专题报告", date(0, 5, 12), regulation, date(0, 5, 31),
                "jn-zzb-rq1");
        special("yz-zzb", "s1", "贯彻落实" + regulation + "情况的专题报告", date(0, 6, 20), regulation, date(0, 5, 31),
                "yz-zzb-rq1");
        special("jn-xcb", "s1", "意识形态工作责任制落实情况的专题报告", date(1, 7, 15), "江南省委办公厅通知〔" + (year - 1) + "〕12号", null, null);
        special("lj-bgt", "s1", "巡视整改进展情况的专题报告", date(1, 10, 20), "省委第三巡视组反馈意见", date(1, 10, 31), null);
        special("qs-zzb", "s1", "整治形式主义为基层减负情况的专题报告", date(0, 3, 10), "云州市委部署要求", null, null);
        special("zy-bb", "s1", "机构编制执行情况的专题报告", date(1, 12, 5), "中央机构编制委员会决定", null, null);

        finding("zy-xcb", "f1", "DISCIPLINE_SUPERVISION", "个别干部违规兼职取酬", date(1, 3, 18), date(1, 9, 18),
                date(1, 9, 10), "已清理规范兼职，退缴违规所得", true);
        finding("jn-zzb", "f1", "INSPECTION_TOUR", "选人用人工作存在程序不规范问题", date(1, 4, 15), date(1, 10, 15),
                date(1, 7, 1), "已修订干部选拔任用工作规程", false);
        rectification("jn-zzb", "f1", date(1, 10, 10), "整改完成，建立选人用人全程纪实制度", true);
        finding("jn-xcb", "f1", "INSPECTION_TOUR", "意识形态工作责任制落实不到位", date(1, 4, 15), date(1, 10, 15),
                date(1, 9, 30), "已完成整改并建立定期研判机制", true);
        finding("jn-tzb", "f1", "DISCIPLINE_SUPERVISION", "公务接待管理不规范", date(1, 8, 20), date(1, 12, 31),
                date(1, 11, 30), "已修订接待管理办法，部分问题仍在整改", false);
        finding("yz-bgt", "f1", "INSPECTION_TOUR", "督查检查考核过多过频", date(1, 5, 10), date(1, 11, 30),
                date(1, 11, 25), "督查检查事项压减六成", true);
        finding("yz-zfw", "f1", "INSPECTION_TOUR", "执法监督机制不健全", date(1, 5, 10), date(0, 3, 31), null, null, false);
        finding("lj-zzb", "f1", "INSPECTION_TOUR", "软弱涣散基层党组织整顿不力", date(0, 3, 1), date(0, 9, 30),
                date(0, 6, 30), "已完成阶段性整顿", false);
        finding("lj-xcb", "f1", "DISCIPLINE_SUPERVISION", "违规发放津贴补贴", date(0, 2, 15), date(0, 8, 31),
                date(0, 8, 20), "违规资金已全部追缴", true);
        finding("qs-zzb", "f1", "CIRCUIT_INSPECTION", "干部人事档案审核不严", date(1, 9, 10), date(0, 3, 10),
                date(0, 3, 1), "完成干部人事档案专项审核", true);
        finding("qs-bgt", "f1", "CIRCUIT_INSPECTION", "文件会议精简不到位", date(1, 9, 10), date(0, 3, 10), null, null, false);
        finding("qh-tzb", "f1", "CIRCUIT_INSPECTION", "党外代表人士培养使用不足", date(0, 4, 20), date(0, 12, 31), null, null, false);
        finding("bs-zzb", "f1", "CIRCUIT_INSPECTION", "发展党员工作不规范", date(0, 5, 8), date(0, 11, 8),
                date(0, 7, 15), "建立发展党员全程纪实制度", false);
        finding("jn-wxb", "f1", "DISCIPLINE_SUPERVISION", "网络安全责任制考核流于形式", date(0, 6, 1), date(0, 12, 31), null, null, false);

        for (Organ o : organs.values()) { // the organization department's assessments (检查考核)
            if (!o.active() || o.committee().levelCode() == 'C') {
                continue;
            }
            assessment(o, year - 1, date(0, 2, 10 + o.index() % 15));
            if (o.committee().levelCode() == 'P') {
                assessment(o, year - 2, date(1, 2, 10 + o.index() % 15));
            }
        }
        accountability("jn-tzb", "a1", "d1", "TALK_REMINDER", "公务接待管理不规范，负有领导责任", date(1, 9, 5));
        accountability("yz-zfw", "a1", "d2", "CRITICISM_EDUCATION", "执法监督问题整改推进迟缓", date(0, 4, 10));
        accountability("qs-bgt", "a1", "p", "ORDERED_SELF_EXAMINATION", "文件会议精简不到位问题整改不力", date(0, 3, 20));
        accountability("lj-xcb", "a1", "d1", "ADMONISHMENT", "违规发放津贴补贴，负有直接领导责任", date(0, 3, 5));
        accountability("bs-zzb", "a1", "d2", "ORGANIZATIONAL_HANDLING", "发展党员工作严重违反程序", date(0, 8, 10));

        for (Organ o : organs.values()) { // 述责述廉: the principal's statement for last year
            if (o.active()) {
                LocalDate yearEnd = LocalDate.of(year - 1, 12, 31);
                bodyOn(o.id(), yearEnd).stream().filter(t -> t.role().equals("PRINCIPAL")).forEach(p ->
                        add(p.memberId() + "-integrity-" + (year - 1), Service.ORGANS,
                                "/api/v1/organs/" + o.id() + "/integrity-statements", json("memberId", p.memberId(),
                                        "year", year - 1, "filedOn", date(0, 1, 8 + o.index() % 20)),
                                o.id(), false, "integrity statements"));
            }
        }
        leadersYearlyFilings();
    }

    /**
     * R-SUP-5: everyone else who sat on an active organ's body last year files the statement, and everyone the
     * personal-matters report, in January — save a few, who show as not filed.
     */
    private void leadersYearlyFilings() {
        int last = year - 1;
        for (Organ o : organs.values()) {
            if (!o.active()) {
                continue;
            }
            int k = 0;
            for (Tenure t : bodies.get(o.id())) {
                k++;
                boolean sat = t.since().getYear() <= last && (t.until() == null || t.until().getYear() >= last);
                if (!sat) {
                    continue;
                }
                LocalDate filedOn = date(0, 1, 9 + (o.index() + k) % 20);
                if (!t.role().equals("PRINCIPAL") && (o.index() + k) % 7 != 3) {
                    add(t.memberId() + "-integrity-" + last, Service.ORGANS,
                            "/api/v1/organs/" + o.id() + "/integrity-statements",
                            json("memberId", t.memberId(), "year", last, "filedOn", filedOn), o.id(), false,
                            "integrity statements");
                }
                if ((o.index() + k) % 5 != 2) {
                    add(t.memberId() + "-personal-matters-" + last, Service.ORGANS,
                            "/api/v1/organs/" + o.id() + "/personal-matters-reports",
                            json("memberId", t.memberId(), "year", last, "filedOn", filedOn), o.id(), false,
                            "personal-matters reports");
                }
            }
        }
    }

    private void request(String organId, String id, String subject, LocalDate requestedOn, LocalDate dueOn) {
        String committeeId = organs.get(organId).committee().id();
        add(organId + "-" + id, Service.ORGANS, "/api/v1/committees/" + committeeId + "/special-report-requests",
                json("requestId", organId + "-" + id, "organId", organId, "subject", subject,
                        "requestedOn", requestedOn, "dueOn", dueOn), organId, false, "special-report requests");
    }

    private void special(String organId, String id, String subject, LocalDate filedOn, String relatesTo, LocalDate dueOn,
                         String requestId) {
        Organ o = organs.get(organId);
        add(organId + "-" + id, Service.ORGANS, "/api/v1/organs/" + organId + "/special-reports",
                signed(organId, filedOn, json("reportId", organId + "-" + id, "subject", subject, "filedOn", filedOn,
                        "documentNo", o.committee().abbr() + o.type().docCode() + "专报〔" + filedOn.getYear() + "〕"
                                + (2 + o.index() % 9) + "号", "relatesTo", relatesTo, "dueOn", dueOn,
                        "requestId", requestId)),
                organId, false, "special reports");
    }

    /**
     * A report in the organ's name with its signer (R-DOC-1): the principal on the filing date, or, while the post
     * is vacant, the first deputy on the committee's designation.
     */
    private Map<String, Object> signed(String organId, LocalDate filedOn, Map<String, Object> report) {
        List<Tenure> body = bodyOn(organId, filedOn);
        Map<String, Object> signedReport = new LinkedHashMap<>(report);
        body.stream().filter(t -> t.role().equals("PRINCIPAL")).findFirst().ifPresentOrElse(
                p -> signedReport.put("signedBy", p.memberId()),
                () -> {
                    Organ o = organs.get(organId);
                    String deputy = body.stream().filter(t -> t.role().equals("DEPUTY")).findFirst().orElseThrow(
                            () -> new IllegalStateException("demo data: nobody can sign for " + organId)).memberId();
                    signedReport.putAll(json("signedBy", deputy, "signingBasis", "DESIGNATED_BY_COMMITTEE",
                            "signingMandate", json("grantedBy", o.committee().id(), "documentNo",
                                    o.committee().abbr() + "委干〔" + filedOn.getYear() + "〕1号",
                                    "grantedOn", filedOn.minusDays(2))));
                });
        return signedReport;
    }

    private void finding(String organId, String id, String source, String description, LocalDate recordedOn,
                         LocalDate rectifyBy, LocalDate reportedOn, String rectification, boolean completed) {
        add(organId + "-" + id, Service.ORGANS, "/api/v1/organs/" + organId + "/findings",
                json("findingId", organId + "-" + id, "source", source, "description", description,
                        "rectifyBy", rectifyBy, "recordedOn", recordedOn), organId, false, "inspection findings");
        if (reportedOn != null) {
            rectification(organId, id, reportedOn, rectification, completed);
        }
    }

    private void rectification(String organId, String id, LocalDate reportedOn, String description, boolean completed) {
        String findingId = organId + "-" + id;
        add(findingId + "-rectification-" + reportedOn, Service.ORGANS,
                "/api/v1/organs/" + organId + "/findings/" + findingId + "/rectifications",
                json("reportedOn", reportedOn, "description", description, "completed", completed),
                organId, false, "rectification reports");
    }

    private void assessment(Organ o, int assessedYear, LocalDate assessedOn) {
        int i = o.index() + assessedYear;
        String grade = i % 20 == 7 ? "POOR" : i % 7 == 3 ? "FAIR" : i % 5 == 0 ? "EXCELLENT" : "GOOD";
        String scope = switch (o.committee().levelCode()) {
            case 'P' -> "全省通报";
            case 'M' -> "全市通报";
            default -> "全县通报";
        };
        add(o.id() + "-assessment-" + assessedYear, Service.ORGANS, "/api/v1/organs/" + o.id() + "/assessments",
                json("year", assessedYear, "grade", grade, "assessedOn", assessedOn, "circulation", scope),
                o.id(), false, "assessments");
    }

    private void accountability(String organId, String id, String member, String measure, String reason, LocalDate on) {
        add(organId + "-" + id, Service.ORGANS, "/api/v1/organs/" + organId + "/accountability",
                json("measureId", organId + "-" + id, "memberId", organId + "-" + member, "measure", measure,
                        "reason", reason, "decidedOn", on), organId, false, "accountability measures");
    }

    /** A staffing increase, the 2024 merger and abolition (R-ORG-2, R-ORG-4): last, as abolished organs take no more acts. */
    private void changes() {
        phase = "changes";
        Organ wxb = organs.get("jn-wxb");
        add("jn-wxb-change-" + (year - 1), Service.ORGANS, "/api/v1/organs/jn-wxb/changes",
                json("changedOn", date(1, 8, 1), "approval", approval(wxb.committee(), date(1, 7, 20)),
                        "staffingQuota", wxb.staffing() + 10), "jn-wxb", false, "organ changes");
        ABSORBED.forEach((absorbed, value) -> {
            String[] survivorAndDate = value.split("\\|");
            LocalDate on = LocalDate.parse(survivorAndDate[1]);
            add(absorbed + "-merger", Service.ORGANS, "/api/v1/organs/" + survivorAndDate[0] + "/mergers",
                    json("absorbedOrganIds", List.of(absorbed), "mergedOn", on,
                            "approval", approval(organs.get(absorbed).committee(), on.minusDays(20))),
                    survivorAndDate[0], false, "mergers");
        });
        ABOLISHED.forEach((organId, value) -> {
            String[] dateAndReason = value.split("\\|");
            LocalDate on = LocalDate.parse(dateAndReason[0]);
            add(organId + "-abolition", Service.ORGANS, "/api/v1/organs/" + organId + "/abolition",
                    json("abolishedOn", on, "approval", approval(organs.get(organId).committee(), on.minusDays(18)),
                            "reason", dateAndReason[1]), organId, false, "abolitions");
        });
    }

    // ---------------------------------------------------------------- meetings and decisions

    /** How an item ends: adopted with some AGAINST and ABSTAIN votes, rejected (FOR not above half), or deferred. */
    record Item(String itemId, String title, String category, boolean macroPolicy, String method, String outcome,
                int against, int abstain, List<String> recused) {
    }

    static Item adopt(String itemId, String title, String category, String method, int against, int abstain) {
        return new Item(itemId, title, category, false, method, "ADOPT", against, abstain, List.of());
    }

    private void meetings() {
        phase = "meetings";
        int last = year - 1;
        String m1 = meeting("jn-zzb", "bwh", "AFFAIRS", at(1, 3, 18), null, List.of("d2"), List.of(
                new Item("personnel", "研究干部任免事项", "PERSONNEL", false, "SECRET_BALLOT", "ADOPT", 1, 0, List.of()),
                new Item("training-plan", "审议《全省干部教育培训规划（" + last + "—" + (last + 4) + "年）》",
                        "MAJOR_DECISION", true, "SHOW_OF_HANDS", "ADOPT", 0, 1, List.of()),
                adopt("study", "传达学习党中央关于组织工作的重要指示精神", "CENTRAL_POLICY", "ORAL", 0, 0)));
        task(m1, "personnel", "t1", "干部一处", date(1, 4, 15), "办理任职手续并按规定公示", date(1, 4, 10), true);
        task(m1, "training-plan", "t1", "干部教育处", date(1, 6, 30), "制定年度培训计划", date(1, 6, 25), true);
        task(m1, "training-plan", "t2", "各市委组织部", date(1, 12, 31), "分级分类组织实施培训", date(1, 9, 30), false);

        String urgent = "jn-zzb-urgent-" + last + "07";
        add(urgent, Service.MEETINGS, "/api/v1/urgent-decisions", json("decisionId", urgent, "organId", "jn-zzb",
                "decidedBy", "jn-zzb-p", "title", "紧急选派干部支援防汛抢险一线", "category", "PERSONNEL",
                "decidedOn", date(1, 7, 22), "reason", "特大暴雨灾害，来不及召开部务会议"), urgent, true, "urgent decisions");
        String m2 = meeting("jn-zzb", "bwh", "AFFAIRS", at(1, 9, 16), null, List.of(), List.of(
                new Item("funds", "研究" + year + "年度党员教育培训经费安排", "LARGE_FUNDS", false, "ROLL_CALL", "ADOPT",
                        0, 0, List.of()),
                adopt("party-building", "部机关党建工作要点", "PARTY_BUILDING", "SHOW_OF_HANDS", 0, 0)));
        add(urgent + "-report", Service.MEETINGS, "/api/v1/urgent-decisions/" + urgent + "/report",
                json("meetingId", m2), urgent, false, "urgent decisions reported");

        String m3 = meeting("yz-bgt", "bwh", "AFFAIRS", at(1, 5, 20), null, List.of("w1"), List.of(
                adopt("funds", "市委机关办公用房维修改造资金使用", "LARGE_FUNDS", "SHOW_OF_HANDS", 0, 0),
                new Item("inspection-plan", "年度督查检查考核计划", "MAJOR_DECISION", false, "SHOW_OF_HANDS", "REJECT",
                        0, 0, List.of()),
                adopt("party-building", "机关党建工作要点", "PARTY_BUILDING", "ORAL", 0, 0)));
        task(m3, "funds", "t1", "行政科", date(1, 9, 30), "组织实施维修改造", null, false);
        task(m3, "party-building", "t1", "机关党委", date(1, 12, 31), "落实党建工作要点", date(1, 12, 20), true);
        add(m3 + "-funds-revocation", Service.MEETINGS, "/api/v1/decisions/" + m3 + "-funds/revocation",
                json("committeeId", "jn-yz", "action", "REVOKE", "reason", "未按规定履行政府采购程序，市委常委会议决定予以撤销",
                        "on", date(1, 8, 15)), m3, false, "decisions revoked by the committee");

        String m4 = meeting("yz-bgt", "bgs", "OFFICE", at(1, 6, 10), null, List.of(), List.of(
                adopt("division", "推动市委全会精神落实分工", "IMPLEMENTATION", "ORAL", 0, 0),
                adopt("streamlining", "精简文件会议专项工作安排", "IMPLEMENTATION", "ORAL", 0, 0)));
        task(m4, "division", "t1", "秘书科", date(1, 7, 31), "印发分工方案并跟踪落实", null, false);
        task(m4, "streamlining", "t1", "综合科", date(1, 8, 31), "清理规范各类文件", date(1, 8, 25), true);

        String m5 = meeting("qs-zzb", "bwh", "AFFAIRS", at(0, 4, 14), null, List.of(), List.of(
                new Item("personnel", "研究乡镇领导班子调整事项", "PERSONNEL", false, "SECRET_BALLOT", "ADOPT", 0, 0,
                        List.of("qs-zzb-d2")),
                adopt("grassroots", "基层党组织建设三年行动方案", "POLICY_MEASURES", "SHOW_OF_HANDS", 0, 0)));
        task(m5, "grassroots", "t1", "组织股", date(0, 6, 30), "制定分年度推进计划", null, false);

        String m6 = meeting("lj-xcb", "bwh", "AFFAIRS", at(0, 6, 18), "d1", List.of("p"), List.of(
                adopt("study", "传达学习党中央关于宣传思想文化工作的重要部署", "CENTRAL_POLICY", "ORAL", 0, 0),
                new Item("media-center", "全市融媒体中心二期建设项目", "MAJOR_PROJECT", false, "SHOW_OF_HANDS",
                        "REJECT", 0, 0, List.of()),
                new Item("arts-fund", "文艺精品扶持资金分配方案", "LARGE_FUNDS", false, null, "DEFER", 0, 0, List.of())));
        task(m6, "study", "t1", "理论科", date(0, 7, 31), "制定学习贯彻方案", date(0, 7, 20), true);

        String m7 = meeting("jn-wxb", "bwh", "AFFAIRS", at(0, 9, 8), null, List.of(), List.of(
                adopt("directive", "贯彻落实中央网信办“清朗”系列专项行动部署", "UPPER_LEVEL_DIRECTIVE", "SHOW_OF_HANDS", 0, 0),
                adopt("request", "向省委报送网络安全工作情况的请示", "REPORT_TO_COMMITTEE", "ORAL", 0, 0)));
        task(m7, "directive", "t1", "网络传播处", date(0, 12, 31), "开展专项整治并按月报告进展", null, false);
    }

    /**
     * One meeting from notice to issued minutes. {@code delegate}: the member the principal delegated to convene
     * (R-MEET-3), or null for the principal. Everyone on the body that day not named absent is present; those
     * present and not recused vote, the chair states a position last.
     *
     * @return the meeting id; an adopted item's decision is {@code <meetingId>-<itemId>}
     */
    private String meeting(String organId, String tag, String kind, LocalDateTime at, String delegate,
                           List<String> absent, List<Item> items) {
        phase = "meetings";
        lane = organId; // an organ's meetings and decisions in order
        Organ organ = organs.get(organId);
        String meetingId = organId + "-" + tag + "-" + at.getYear() + String.format("%02d", at.getMonthValue());
        String path = "/api/v1/meetings/" + meetingId;
        List<Tenure> body = bodyOn(organId, at.toLocalDate());
        String principal = body.stream().filter(t -> t.role().equals("PRINCIPAL")).findFirst().orElseThrow().memberId();
        String chair = delegate == null ? principal : organId + "-" + delegate;
        if (body.stream().noneMatch(t -> t.memberId().equals(chair))) {
            throw new IllegalStateException("demo data: " + chair + " is not on the body of " + organId + " on " + at);
        }
        List<String> absentIds = absent.stream().map(s -> organId + "-" + s).toList();
        List<String> present = body.stream().map(Tenure::memberId).filter(m -> !absentIds.contains(m)).toList();

        List<Map<String, Object>> agenda = items.stream().map(i -> json("itemId", i.itemId(), "title", i.title(),
                "category", i.category(), "macroPolicy", i.macroPolicy() ? true : null)).toList();
        add(meetingId, Service.MEETINGS, "/api/v1/meetings", json("meetingId", meetingId, "organId", organId,
                "kind", kind, "convenerId", chair,
                "convenerBasis", delegate == null ? "PRINCIPAL" : "DELEGATED_BY_PRINCIPAL",
                "mandate", delegate == null ? null : json("grantedBy", principal, "documentNo", null,
                        "grantedOn", at.toLocalDate().minusDays(3)),
                "scheduledAt", offset(at), "noticeGivenAt", offset(at.minusDays(3).withHour(17)),
                "recorderId", organId + "-rec", "agenda", agenda,
                "nonVotingAttendees", List.of(json("personId", organId + "-staff1", "name", "办公室负责同志"))),
                meetingId, true, "meetings");
        for (Item item : items) {
            if (isMajor(item.category()) && !item.outcome().equals("DEFER")) {
                List<String> steps = new ArrayList<>(List.of("INVESTIGATION", "CONSULTATION", "EXPERT_EVALUATION",
                        "LEGALITY_REVIEW"));
                if (item.macroPolicy()) {
                    steps.add("MACRO_POLICY_ASSESSMENT");
                }
                for (int s = 0; s < steps.size(); s++) {
                    add(meetingId + "-" + item.itemId() + "-" + steps.get(s).toLowerCase(java.util.Locale.ROOT).replace('_', '-'), Service.MEETINGS,
                            path + "/items/" + item.itemId() + "/preparation", json("step", steps.get(s),
                                    "completedOn", at.toLocalDate().minusDays(25 - 5L * s), "note", "已完成，材料存档"),
                            meetingId, false, null);
                }
            }
        }
        add(meetingId + "-opening", Service.MEETINGS, path + "/opening", json("openedAt", offset(at.plusMinutes(5)),
                "present", present, "absent", absentIds.stream().map(m -> json("memberId", m,
                        "writtenOpinion", m.endsWith("-p") || m.endsWith("-d2") ? "书面意见：同意各项议题" : null)).toList()),
                meetingId, false, null);
        for (Item item : items) {
            closeItem(meetingId, path, item, body.size(), present, chair);
        }
        add(meetingId + "-adjournment", Service.MEETINGS, path + "/adjournment", json("at", offset(at.plusMinutes(150))),
                meetingId, false, null);
        add(meetingId + "-minutes", Service.MEETINGS, path + "/minutes", json("recorderId", organId + "-rec",
                "text", organ.name() + ("OFFICE".equals(kind) ? "办公会议" : "务会议") + "纪要：会议审议了"
                        + items.size() + "项议题，形成决定如下……"), meetingId, false, null);
        add(meetingId + "-minutes-issue", Service.MEETINGS, path + "/minutes/issue", json("signedBy", chair),
                meetingId, false, "minutes issued");
        return meetingId;
    }

    private void closeItem(String meetingId, String path, Item item, int bodySize, List<String> present, String chair) {
        String itemPath = path + "/items/" + item.itemId();
        if (item.outcome().equals("DEFER")) {
            add(meetingId + "-" + item.itemId() + "-closing", Service.MEETINGS, itemPath + "/closing",
                    json("defer", true, "reason", "意见分歧较大，需进一步调研论证"), meetingId, false, "items deferred");
            return;
        }
        for (String member : item.recused()) {
            add(meetingId + "-" + item.itemId() + "-recusal-" + member, Service.MEETINGS, itemPath + "/recusals",
                    json("memberId", member, "reason", "本人亲属为考察对象，按规定回避"), meetingId, false, null);
        }
        add(meetingId + "-" + item.itemId() + "-voting", Service.MEETINGS, itemPath + "/voting",
                json("method", item.method()), meetingId, false, null);
        // The chair votes and states a position last; the others in order of the body.
        List<String> voters = new ArrayList<>(present.stream().filter(m -> !item.recused().contains(m) && !m.equals(chair)).toList());
        if (present.contains(chair)) {
            voters.add(chair);
        }
        int forVotes = item.outcome().equals("REJECT") ? bodySize / 2 : voters.size() - item.against() - item.abstain();
        int against = item.outcome().equals("REJECT") ? voters.size() - forVotes - 1 : item.against();
        int abstain = voters.size() - forVotes - against;
        boolean adopted = forVotes * 2 > bodySize;
        if (adopted != item.outcome().equals("ADOPT") || against < 0 || abstain < 0) {
            throw new IllegalStateException("demo data: item " + item.itemId() + " of " + meetingId
                    + " would not end " + item.outcome() + " with " + voters.size() + " voters of " + bodySize);
        }
        boolean secret = item.method().equals("SECRET_BALLOT");
        for (int v = 0; v < voters.size(); v++) {
            // FOR first from the chair backwards, so the chair's own vote is FOR.
            int fromEnd = voters.size() - 1 - v;
            String choice = fromEnd < forVotes ? "FOR" : fromEnd < forVotes + against ? "AGAINST" : "ABSTAIN";
            add(meetingId + "-" + item.itemId() + "-vote-" + voters.get(v), Service.MEETINGS, itemPath + "/votes",
                    json("memberId", voters.get(v), "choice", secret ? null : choice), meetingId, false, "votes");
        }
        String decisionId = meetingId + "-" + item.itemId();
        add(decisionId + "-closing", Service.MEETINGS, itemPath + "/closing", json(
                        "decisionId", adopted ? decisionId : null, "positionsOrder", voters,
                        "ballotCount", secret ? json("forVotes", forVotes, "againstVotes", against, "abstentions", abstain) : null),
                meetingId, false, adopted ? "decisions" : "items rejected");
    }

    private static boolean isMajor(String category) {
        return List.of("MAJOR_DECISION", "PERSONNEL", "MAJOR_PROJECT", "LARGE_FUNDS").contains(category);
    }

    private void task(String meetingId, String itemId, String taskId, String owner, LocalDate dueOn,
                      String description, LocalDate reportedOn, boolean done) {
        String decisionId = meetingId + "-" + itemId;
        add(decisionId + "-" + taskId, Service.MEETINGS, "/api/v1/decisions/" + decisionId + "/tasks",
                json("taskId", taskId, "owner", owner, "dueOn", dueOn, "description", description),
                meetingId, false, "decision tasks");
        if (reportedOn != null) {
            add(decisionId + "-" + taskId + "-feedback", Service.MEETINGS,
                    "/api/v1/decisions/" + decisionId + "/tasks/" + taskId + "/feedback",
                    json("reportedOn", reportedOn, "done", done, "note", done ? "已办结" : "正在推进，部分地区进度滞后"),
                    meetingId, false, "task feedback");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A date {@code yearsBack} years before the demo year. */
    private LocalDate date(int yearsBack, int month, int day) {
        return LocalDate.of(year - yearsBack, month, day);
    }

    private LocalDateTime at(int yearsBack, int month, int day) {
        return LocalDateTime.of(year - yearsBack, month, day, 9, 0);
    }

    /** Beijing time, as the organs keep it. */
    private static String offset(LocalDateTime time) {
        return time + ":00+08:00";
    }

    private void add(String id, Service service, String path, Map<String, Object> body, String group, boolean creates,
                     String counts) {
        acts.add(new DemoAct(id, service, path, body, phase, group, lane == null ? group : lane, creates, counts));
    }

    private static OrganType type(String code, String kind, String where, String centralName, String localName,
                                  String coordination, String field, String coLocated, boolean reform2023,
                                  String docCode, List<String> units, String dutyCode, String duty) {
        return new OrganType(code, kind, where, centralName, localName, coordination, field, coLocated, reform2023,
                docCode, units, dutyCode, duty);
    }
}

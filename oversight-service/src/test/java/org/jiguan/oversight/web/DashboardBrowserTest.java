package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.MutableClock;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.messaging.ReminderScheduler;
import org.jiguan.platform.security.DevTokens;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard at {@code /} in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the service on a random port, fed through the real {@code organ-events} and {@code meeting-records} topics.
 * <p>Without Chromium this test fails, so CI cannot pass by skipping it; a developer without Chromium may skip it
 * with {@code JIGUAN_SKIP_BROWSER_TESTS=1}. Screenshots go to {@code target/screenshots/}.
 */
class DashboardBrowserTest extends OversightServiceTestBase {
    @Autowired
    ReminderScheduler reminders;
    @Autowired
    MutableClock clock;

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int YEAR = 2025;
    private static final String AS_OF = "2026-02-10";

    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = executable("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = "Chromium (" + chromium.map(Path::toString).orElse("no chromium on PATH") + ") and "
                    + "chromedriver (" + chromedriver.map(Path::toString).orElse("no chromedriver on PATH") + ") "
                    + "are needed: apt-get install -y chromium chromium-driver";
            Assumptions.assumeFalse("1".equals(System.getenv("JIGUAN_SKIP_BROWSER_TESTS")),
                    missing + " (skipped: JIGUAN_SKIP_BROWSER_TESTS=1)");
            throw new AssertionError(missing + ". Set JIGUAN_SKIP_BROWSER_TESTS=1 to skip the browser tests locally.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--lang=zh-CN", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1000));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void the_overview_shows_the_committee_in_chinese_then_english_and_an_organ_page_shows_its_timeline()
            throws Exception {
        Data data = feed();
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, "dashboard-viewer", List.of("OVERSIGHT_VIEWER"),
                List.of(data.committee), List.of(), Duration.ofHours(1));

        JsonNode api = expectStatus(viewer(data.committee).get("/api/v1/annual-reports?year=" + YEAR
                + "&committeeId=" + data.committee + "&asOf=" + AS_OF + "&status=OVERDUE"), 200).body();
        assertThat(api.path("items")).hasSize(1);
        JsonNode overdueRow = api.path("items").get(0);
        assertThat(overdueRow.path("organId").asText()).isEqualTo(data.missing);
        String apiStatus = overdueRow.path("status").asText();
        assertThat(apiStatus).isEqualTo("OVERDUE");

        driver.get(baseUrl() + "/#token=" + token + "&year=" + YEAR + "&asOf=" + AS_OF);
        awaitReady("overview");

        // The token left the address bar; the page is Chinese.
        assertThat(driver.getCurrentUrl()).doesNotContain("token=").doesNotContain(token);
        assertThat(lang()).isEqualTo("zh-CN");
        String zh = text();
        assertThat(zh).contains("党委工作机关监督平台", "工作机关监督总览", "工作机关 / 机构限额", "领导职数", "编制",
                "2025 年度工作报告报送情况", "逾期与已督办机关", "巡视巡察发现问题及整改", "需关注的决策", "考核结果", "问责",
                "省委统战部", "已满额");
        WebElement overdue = driver.findElement(By.cssSelector(
                "#overdue-table tr[data-organ-id='" + data.missing + "']"));
        WebElement badge = overdue.findElement(By.cssSelector(".badge"));
        assertThat(badge.getAttribute("data-status")).isEqualTo(apiStatus);
        assertThat(badge.getText()).isEqualTo("逾期");
        assertThat(overdue.getText()).contains("省委统战部", "2026-02-02", "8");
        assertThat(driver.findElements(By.cssSelector("#overdue-table tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("[data-kpi='organs']")).getText()).contains("4", "4");
        assertThat(driver.findElement(By.cssSelector(".compliance .legend li[data-key='FILED'] .legend-value"))
                .getText()).isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector(".compliance .legend li[data-key='OVERDUE'] .legend-value"))
                .getText()).isEqualTo("1");
        assertThat(driver.findElements(By.cssSelector("#organs-table tbody tr"))).hasSize(4);
        assertThat(driver.findElement(By.cssSelector("#findings-table")).getText()).contains("整改逾期");
        assertThat(driver.findElement(By.cssSelector("#decisions-table")).getText()).contains("1 项任务逾期");
        assertThat(driver.findElement(By.cssSelector(".refusals")).getText())
                .contains("违规操作拒绝记录", "共 1 项", "R-ORG-6", "规则R-ORG-6", "省委宣传部", "2026-01-10");
        // R-DEC-1: the major decision of 2025-12-10 was due to be reported to the committee by 2025-12-24.
        assertThat(zh).contains("待向党委请示报告的决策");
        assertThat(driver.findElement(By.cssSelector("#committee-reports-table")).getText())
                .contains("议题i1", "2025-12-10", "2025-12-24", "逾期未报告");
        screenshot("dashboard-zh.png");

        // English, remembered across a reload.
        driver.findElement(By.id("lang-toggle")).click();
        wait(30).until(d -> "en".equals(lang()));
        awaitReady("overview");
        String en = text();
        assertThat(en).contains("Working organs oversight", "Working organs / organ quota", "Leadership posts",
                "Annual work reports for 2025", "Overdue and escalated organs", "Inspection findings and rectification",
                "Decisions needing attention", "At quota");
        assertThat(en).doesNotContain("工作机关监督总览");
        WebElement overdueEn = driver.findElement(By.cssSelector(
                "#overdue-table tr[data-organ-id='" + data.missing + "'] .badge"));
        assertThat(overdueEn.getText()).isEqualTo("Overdue");
        assertThat(overdueEn.getAttribute("data-status")).isEqualTo(apiStatus);
        screenshot("dashboard-en.png");
        driver.navigate().refresh();
        awaitReady("overview");
        assertThat(lang()).isEqualTo("en");
        driver.findElement(By.id("lang-toggle")).click();
        wait(30).until(d -> "zh-CN".equals(lang()));

        // The overdue organ's page, with its history as a timeline, newest first.
        driver.findElement(By.cssSelector("#overdue-table tr[data-organ-id='" + data.missing + "'] a.organ-link"))
                .click();
        awaitReady("organ");
        String organ = text();
        assertThat(organ).contains("省委统战部", "基本情况", "编制与领导职数", "领导班子", "年度工作报告", "巡视巡察发现问题及整改",
                "考核", "问责", "历史沿革", "正职空缺", "批评教育");
        assertThat(driver.findElement(By.cssSelector(".report-status")).getAttribute("data-status"))
                .isEqualTo(apiStatus);
        List<WebElement> events = driver.findElements(By.cssSelector("#timeline li.tl-item"));
        assertThat(events).hasSize(data.missingEvents);
        assertThat(events.get(0).getAttribute("data-type")).isEqualTo("AccountabilityMeasureRecorded");
        assertThat(events.get(events.size() - 1).getAttribute("data-type")).isEqualTo("OrganCreated");
        assertThat(events.get(events.size() - 1).getText()).contains("设立机关", "2020-01-01");
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("任命领导班子成员", "免去领导职务", "巡视巡察发现问题", "考核结果", "2025-12-01");
        screenshot("organ.png");

        driver.findElement(By.cssSelector("[data-action='timeline-order']")).click();
        wait(10).until(d -> "oldest".equals(d.findElement(By.id("timeline")).getAttribute("data-order")));
        assertThat(driver.findElements(By.cssSelector("#timeline li.tl-item")).get(0).getAttribute("data-type"))
                .isEqualTo("OrganCreated");

        // The organ with a decision: its meeting opens from the decisions table.
        driver.get(baseUrl() + "/#/organ/" + data.onTime);
        awaitReady("organ");
        assertThat(text()).contains("省委组织部", "决策与落实", "议题i1");
        driver.findElement(By.cssSelector("a[href^='#/meeting/']")).click();
        awaitReady("meeting");
        assertThat(text()).contains("会议详情", "部务会会议", "通过");

        assertThat(severeBrowserErrors()).isEmpty();
    }

    /** R-SUP-2: a reminder withdrawn after a late record stays listed, marked withdrawn and struck through. */
    @Test
    void R_SUP_2_a_withdrawn_reminder_is_shown_as_withdrawn() {
        String committee = uniqueId("prov");
        String organ = uniqueId("wd");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 4);
            FEED.organCreated(committee, organ, "省委政研室", day("2020-01-01"));
        }
        awaitOrganEvents(organ, 1);
        try {
            clock.setDay(day("2026-03-10"));
            assertThat(reminders.runFor(List.of(organ)).issued()).extracting(r -> r.year() + " " + r.stage())
                    .containsExactlyInAnyOrder("2024 ESCALATED", "2025 ESCALATED");
            synchronized (FEED) {
                FEED.annualReportFiled(organ, YEAR, day("2026-01-20"), false);
            }
            awaitOrganEvents(organ, 2);
            assertThat(reminders.runFor(List.of(organ)).withdrawn()).isEqualTo(1);
        } finally {
            clock.reset();
        }
        awaitGet("/api/v1/reminders?organId=" + organ + "&withdrawn=true",
                r -> r.status() == 200 && r.body().path("total").asInt() == 1);
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, "dashboard-viewer", List.of("OVERSIGHT_VIEWER"),
                List.of(committee), List.of(), Duration.ofHours(1));
        driver.manage().logs().get(LogType.BROWSER); // drops what earlier tests left in the log
        driver.get(baseUrl() + "/#token=" + token + "&year=" + YEAR + "&asOf=" + AS_OF);
        awaitReady("overview");

        List<WebElement> withdrawn = driver.findElements(By.cssSelector("#reminders-table tr.withdrawn"));
        assertThat(withdrawn).singleElement().satisfies(row -> {
            assertThat(row.getText()).contains("2025", "督办", "已撤回");
            assertThat(row.findElement(By.cssSelector(".badge-reminder-WITHDRAWN")).getAttribute("title"))
                    .contains("2026-01-20");
        });
        assertThat(driver.findElement(By.cssSelector("#reminders-table")).getText()).contains("2024");
        assertThat(severeBrowserErrors()).isEmpty();
    }

    /**
     * Issue 12: the dashboard opens on the reader's committees, by name; a committee's overview rolls up the
     * committees below it in one table (a row per child committee, with its own subtree) and charts the last five
     * years' annual-report compliance, in Chinese and in English; a row drills down to that committee, and on to an
     * organ.
     */
    @Test
    void the_dashboard_opens_on_the_readers_committees_rolls_up_those_below_charts_the_trend_and_drills_down()
            throws Exception {
        String root = uniqueId("root");
        String east = uniqueId("east");
        String west = uniqueId("west");
        String city = uniqueId("city");
        LocalDate established = LocalDate.of(2020, 3, 1);
        synchronized (FEED) {
            FEED.committeeRegistered(root, "党中央" + root, "CENTRAL", null, 30);
            FEED.committeeRegistered(east, "东省委", "PROVINCIAL", root, 20);
            FEED.committeeRegistered(west, "西省委", "PROVINCIAL", root, 20);
            FEED.committeeRegistered(city, "东省某市委", "MUNICIPAL", east, 10);
            FEED.organCreated(east, east + "-o", "东省委办公厅", established);
            FEED.organCreated(city, city + "-o", "东省某市委组织部", established);
            FEED.organCreated(west, west + "-o", "西省委宣传部", established);
            // The 2024 report: on time in the province, late in its city, never in the other province.
            FEED.annualReportFiled(east + "-o", 2024, LocalDate.of(2025, 1, 15), false);
            FEED.annualReportFiled(city + "-o", 2024, LocalDate.of(2025, 3, 20), false);
        }
        awaitGet("/api/v1/committees?parentId=" + east, r -> r.status() == 200 && r.body().size() == 1);
        awaitGet("/api/v1/committees?parentId=" + root, r -> r.status() == 200 && r.body().size() == 2);
        awaitOrganEvents(east + "-o", 2);
        awaitOrganEvents(city + "-o", 2);
        awaitOrganEvents(west + "-o", 1);
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, "tree-viewer", List.of("OVERSIGHT_VIEWER"),
                List.of(root + "/**"), List.of(), Duration.ofHours(1));
        driver.manage().logs().get(LogType.BROWSER); // drops what earlier tests left in the log
        driver.get(baseUrl() + "/#token=" + token);
        ((JavascriptExecutor) driver).executeScript("localStorage.clear(); sessionStorage.removeItem("
                + "'jiguan.dashboard.prefs');");
        driver.get(baseUrl() + "/#token=" + token);
        awaitReady("overview"); // the token's committee

        // No committee chosen: the picker lists where the reader starts, by name.
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('committee-select').value=''; document.getElementById('committee-input')"
                        + ".value=''; document.getElementById('committee-input').hidden=false;");
        driver.findElement(By.cssSelector("#filters button[type='submit']")).click();
        awaitReady("committees");
        assertThat(driver.findElement(By.id("committees-table")).getText()).contains("党中央" + root, "中央");

        driver.findElement(By.cssSelector("#committees-table tr[data-committee-id='" + root + "'] a")).click();
        awaitReady("overview");
        assertThat(driver.findElement(By.id("overview")).getAttribute("data-committee-id")).isEqualTo(root);

        // The roll-up: a row per province, the first with its city (two committees, two organs), and the total.
        WebElement rollUp = driver.findElement(By.cssSelector(".rollup #rollup-table"));
        assertThat(driver.findElement(By.cssSelector(".rollup")).getText()).contains("下级党委汇总", "合计",
                "本级及下级共 4 个党委");
        WebElement eastRow = rollUp.findElement(By.cssSelector("tr[data-committee-id='" + east + "']"));
        assertThat(eastRow.getText()).contains("东省委", "省级");
        assertThat(eastRow.findElements(By.tagName("td")).get(2).getText()).isEqualTo("2");
        assertThat(eastRow.findElements(By.tagName("td")).get(3).getText()).isEqualTo("2");
        assertThat(rollUp.findElement(By.cssSelector("tr[data-committee-id='" + west + "']")).getText())
                .contains("西省委");
        assertThat(rollUp.findElement(By.cssSelector("tr.total")).findElements(By.tagName("td")).get(3).getText())
                .isEqualTo("3");

        // The trend: five years, 2024 with one of three filed on time and one late.
        WebElement chart = driver.findElement(By.cssSelector(".trend #trend-chart"));
        List<String> years = chart.findElements(By.cssSelector("g.trend-year")).stream()
                .map(g -> g.getAttribute("data-year")).toList();
        int last = LocalDate.now(MutableClock.BEIJING).getYear() - 1;
        assertThat(years).containsExactly(String.valueOf(last - 4), String.valueOf(last - 3),
                String.valueOf(last - 2), String.valueOf(last - 1), String.valueOf(last));
        WebElement y2024 = chart.findElement(By.cssSelector("g.trend-year[data-year='2024']"));
        assertThat(y2024.getAttribute("data-owed")).isEqualTo("3");
        assertThat(y2024.getAttribute("data-on-time")).isEqualTo("1");
        assertThat(y2024.getAttribute("data-late")).isEqualTo("1");
        assertThat(y2024.getAttribute("data-missing")).isEqualTo("1");
        assertThat(y2024.findElements(By.cssSelector("rect[data-part]"))).hasSize(3);
        assertThat(y2024.getText()).contains("33%");
        assertThat(driver.findElement(By.cssSelector(".trend")).getText()).contains("近五年年度综合报告报送情况",
                "按时报送", "逾期补报", "逾期未报");
        screenshot("rollup-zh.png");

        driver.findElement(By.id("lang-toggle")).click();
        wait(30).until(d -> "en".equals(lang()));
        awaitReady("overview");
        assertThat(driver.findElement(By.cssSelector(".rollup")).getText()).contains("Committees below, rolled up",
                "Total", "Provincial");
        assertThat(driver.findElement(By.cssSelector(".trend")).getText()).contains(
                "Annual reports, the last five years", "On time", "Filed late", "Not filed");
        assertThat(driver.findElements(By.cssSelector("#trend-chart g.trend-year"))).hasSize(5);
        screenshot("rollup-en.png");
        driver.findElement(By.id("lang-toggle")).click();
        wait(30).until(d -> "zh-CN".equals(lang()));
        awaitReady("overview");

        // Drill down: the province, then its city, then the city's organ.
        driver.findElement(By.cssSelector("#rollup-table tr[data-committee-id='" + east + "'] a")).click();
        wait(30).until(d -> east.equals(d.findElement(By.id("overview")).getAttribute("data-committee-id")));
        awaitReady("overview");
        assertThat(driver.findElement(By.cssSelector(".rollup")).getText()).contains("东省某市委", "市级");
        assertThat(driver.findElement(By.id("committee-select")).getAttribute("value")).isEqualTo(east);
        driver.findElement(By.cssSelector("#rollup-table tr[data-committee-id='" + city + "'] a")).click();
        wait(30).until(d -> city.equals(d.findElement(By.id("overview")).getAttribute("data-committee-id")));
        awaitReady("overview");
        assertThat(driver.findElements(By.cssSelector(".rollup"))).as("no committee below the city").isEmpty();
        assertThat(driver.findElement(By.cssSelector("#trend-chart g.trend-year[data-year='2024']"))
                .getAttribute("data-late")).isEqualTo("1");
        driver.findElement(By.cssSelector("a.organ-link[data-organ-id='" + city + "-o']")).click();
        awaitReady("organ");
        assertThat(text()).contains("东省某市委组织部");
        assertThat(severeBrowserErrors()).isEmpty();
    }

    @Test
    void R_MEET_15_an_oversight_viewer_sees_a_meetings_outcomes_but_not_its_confidential_content() {
        String committee = uniqueId("prov");
        String organ = uniqueId("zzb");
        String meeting = uniqueId("mtg");
        Instant nine = Instant.parse("2025-12-10T01:00:00Z");
        synchronized (FEED) {
            FEED.recordedAt(null);
            FEED.committeeRegistered(committee, 4);
            FEED.organCreated(committee, organ, "省委组织部", day("2020-01-01"));
            FEED.meetingWithConfidentialContent(committee, organ, meeting, nine, "书面意见：同意任免", "亲属任职于拟任单位",
                    "会议记录全文：某同志发言认为……", uniqueId("dec"));
            FEED.minutesIssued(committee, organ, meeting, nine.plusSeconds(7200), null, null);
        }
        awaitMeetingEvents(meeting, 7);

        openMeetingAs(List.of("OVERSIGHT_VIEWER"), committee, List.of(), meeting);
        assertThat(text()).contains("会议详情", "议题i1", "通过", "1 / 0 / 0", "保密内容，不在您的查阅范围内")
                .doesNotContain("书面意见：同意任免", "亲属任职于拟任单位", "会议记录全文：", "m1：赞成");
        assertThat(driver.findElements(By.id("confidential-content"))).isEmpty();

        // The organ's own office reads it all on the same page.
        openMeetingAs(List.of("ORGAN_OFFICE"), committee, List.of(organ), meeting);
        assertThat(driver.findElement(By.id("confidential-content")).getText())
                .contains("书面意见：同意任免", "亲属任职于拟任单位", "会议记录全文：某同志发言认为……", "m1：赞成");
        assertThat(severeBrowserErrors()).isEmpty();
    }

    /** Signs in with a token of these roles and scope, then opens the meeting's page. */
    private void openMeetingAs(List<String> roles, String committee, List<String> organs, String meeting) {
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, "reader", roles, List.of(committee), organs,
                Duration.ofHours(1));
        driver.get(baseUrl() + "/#token=" + token + "&year=" + YEAR + "&asOf=" + AS_OF);
        awaitReady("overview");
        driver.get(baseUrl() + "/#/meeting/" + meeting);
        awaitReady("meeting");
    }

    @Test
    void data_is_shown_as_text_never_as_markup() {
        String committee = uniqueId("prov");
        String organ = uniqueId("xss");
        String name = "<img src=x onerror=\"window.__xss=1\">省委办公厅";
        synchronized (FEED) {
            FEED.organCreated(committee, organ, name, day("2020-01-01"));
        }
        awaitOrganEvents(organ, 1);
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, "dashboard-viewer", List.of("OVERSIGHT_VIEWER"),
                List.of(committee), List.of(), Duration.ofHours(1));
        driver.get(baseUrl() + "/#token=" + token + "&year=" + YEAR + "&asOf=" + AS_OF);
        awaitReady("overview");
        driver.get(baseUrl() + "/#/organ/" + organ);
        awaitReady("organ");
        assertThat(driver.findElement(By.cssSelector("#organ-page h1")).getText()).isEqualTo(name);
        assertThat(driver.findElements(By.cssSelector("#view img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void static_assets_need_no_token_and_a_rejected_token_brings_back_the_sign_in_panel() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String asset : List.of("/", "/index.html", "/app.js", "/i18n.js", "/app.css", "/favicon.svg")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + asset)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
        }
        HttpResponse<String> data = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/organs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(data.statusCode()).isEqualTo(401);

        // A well-formed token signed with another secret: the API answers 401, the page asks for a token again.
        String forged = DevTokens.mint("another-secret-of-at-least-32-bytes-long!", "mallory", List.of("ADMIN"),
                List.of("c1"), List.of(), Duration.ofHours(1));
        driver.get(baseUrl() + "/#token=" + forged);
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-message")));
        assertThat(driver.findElement(By.id("signin")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("signin-message")).getText()).contains("登录已失效或令牌无效");
        screenshot("signin.png");
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return sessionStorage.getItem('jiguan.dashboard.token')")).isNull();
    }

    // ---- data: one committee at its organ quota, four organs, reports on time, late, missing and not owed

    private record Data(String committee, String onTime, String late, String missing, String newcomer,
                        int missingEvents) {
    }

    private Data feed() {
        String committee = uniqueId("prov");
        String onTime = uniqueId("zzb");
        String late = uniqueId("xcb");
        String missing = uniqueId("tzb");
        String newcomer = uniqueId("zfw");
        String meeting = uniqueId("mtg");
        String decision = uniqueId("dec");
        synchronized (FEED) {
            FEED.recordedAt(null);
            FEED.committeeRegistered(committee, 4);
            FEED.organCreated(committee, onTime, "省委组织部", day("2020-01-01"));
            FEED.organCreated(committee, late, "省委宣传部", day("2020-01-01"));
            FEED.organCreated(committee, missing, "省委统战部", day("2020-01-01"));
            FEED.organCreated(committee, newcomer, "省委政法委员会", day("2025-10-08"));
            for (String organ : List.of(onTime, late, missing, newcomer)) {
                FEED.slotTaken(committee, organ, day("2020-01-01"));
            }
            FEED.leaderAppointed(onTime, "zzb-1", "PRINCIPAL", day("2021-03-01"));
            FEED.leaderAppointed(onTime, "zzb-2", "DEPUTY", day("2021-03-01"));
            FEED.leaderAppointed(onTime, "zzb-3", "DEPUTY", day("2022-07-15"));
            FEED.leaderAppointed(onTime, "zzb-4", "DISCIPLINE_GROUP_LEADER", day("2023-01-10"));
            FEED.leaderAppointed(onTime, "zzb-5", "MEMBER", day("2023-05-01"));
            FEED.headcountReported(onTime, 40, day("2025-12-31"));
            FEED.annualReportFiled(onTime, YEAR, day("2026-01-20"), false);
            FEED.assessmentRecorded(onTime, YEAR, "EXCELLENT", day("2026-01-25"));
            FEED.findingRecorded(onTime, "f-zzb-1", day("2025-11-01"), day("2026-06-30"));
            FEED.rectificationReported(onTime, "f-zzb-1", day("2026-01-05"), false);

            FEED.leaderAppointed(late, "xcb-1", "PRINCIPAL", day("2022-01-01"));
            FEED.leaderAppointed(late, "xcb-2", "DEPUTY", day("2022-01-01"));
            FEED.headcountReported(late, 31, day("2025-12-31"));
            FEED.annualReportFiled(late, YEAR, day("2026-02-06"), false);
            FEED.assessmentRecorded(late, YEAR, "GOOD", day("2026-01-25"));

            FEED.organChanged(missing, day("2023-06-01"), "省委统战部", 36, 5);
            FEED.leaderAppointed(missing, "tzb-1", "PRINCIPAL", day("2021-05-01"));
            FEED.leaderAppointed(missing, "tzb-2", "DEPUTY", day("2021-05-01"));
            FEED.headcountReported(missing, 33, day("2025-12-31"));
            FEED.findingRecorded(missing, "f-tzb-1", day("2025-06-01"), day("2025-12-31"));
            FEED.leaderRemoved(missing, "tzb-1", "PRINCIPAL", day("2025-12-01"));
            FEED.assessmentRecorded(missing, YEAR, "FAIR", day("2026-01-25"));
            FEED.accountabilityRecorded(missing, "tzb-1", "CRITICISM_EDUCATION", day("2026-01-28"));

            FEED.meetingConvened(committee, onTime, meeting, Instant.parse("2025-12-10T01:00:00Z"), "i1");
            FEED.meetingOpened(committee, onTime, meeting, Instant.parse("2025-12-10T01:05:00Z"));
            FEED.itemAdopted(committee, onTime, meeting, "i1", decision, Instant.parse("2025-12-10T02:00:00Z"));
            FEED.decisionTaken(committee, onTime, decision, meeting, "i1", day("2025-12-10"));
            FEED.taskAssigned(committee, onTime, decision, "t1", day("2026-01-31"));
        }
        int missingEvents = 9;
        awaitOrganEvents(onTime, 11);
        awaitOrganEvents(late, 6);
        awaitOrganEvents(missing, missingEvents);
        awaitOrganEvents(newcomer, 1);
        awaitMeetingEvents(meeting, 3);
        // R-AUD-1: a headcount over the quota refused, once the organ is known.
        FEED.organCommandRefused("R-ORG-6", "ReportHeadcount", late, null, late, day("2026-01-10"));
        awaitGet("/api/v1/refusals?committeeId=" + committee, r -> r.status() == 200
                && r.body().path("total").asInt() == 1);
        awaitGet("/api/v1/decisions?organId=" + onTime + "&asOf=" + AS_OF,
                r -> r.status() == 200 && r.body().path("items").size() == 1
                        && r.body().path("items").get(0).path("overdueTasks").asInt() == 1);
        awaitGet("/api/v1/committees/" + committee + "/dashboard?year=" + YEAR + "&asOf=" + AS_OF,
                r -> r.status() == 200 && r.body().path("organs").path("counted").asInt() == 4);
        return new Data(committee, onTime, late, missing, newcomer, missingEvents);
    }

    // ---- browser helpers

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Waits for the view to be drawn; fails at once when the page shows an error notice instead. */
    private static void awaitReady(String view) {
        wait(30).until(d -> {
            List<?> state = (List<?>) ((JavascriptExecutor) d).executeScript(
                    "var v = document.getElementById('view'), n = document.getElementById('notice');"
                            + "return [v.getAttribute('data-ready'), n.hidden ? '' : n.textContent];");
            if (state.get(0) == null && !String.valueOf(state.get(1)).isBlank()) {
                throw new AssertionError("the page shows a notice instead of the " + view + ": " + state.get(1));
            }
            return view.equals(state.get(0));
        });
    }

    private static String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    private static String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The whole page, beyond the 1440×1000 viewport (Chrome DevTools' capture of the full layout). */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Console errors of the page, but the 404 of the reminders endpoint while it does not exist yet. */
    private static List<String> severeBrowserErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !entry.getMessage().contains("/api/v1/reminders")) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static Optional<Path> executable(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin"
                + File.pathSeparator + "/usr/lib/chromium";
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

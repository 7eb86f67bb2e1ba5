package org.dsarflow.web.page;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.subject.SyntheticRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workbench in a real browser, headless Debian Chromium: the DPO logs in, logs a request through the
 * form (one field wrong first), finds it in the inbox, sees its place on the BPMN diagram and approves it;
 * the auditor then reads it without contact details, identifiers or subjectRefs. axe-core checks every
 * page on the way for serious and critical violations. The screenshots of the README are taken here.
 *
 * <p>Without a browser (no /usr/bin/chromium or /usr/bin/chromedriver) the test is skipped, saying so,
 * unless CI is set: .ci/run installs both, and there it must run.
 */
@QuarkusTest
class WorkbenchBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /**
     * A person of the demo catalogue's synthetic Kitbags registry: the form's identifier matches one record. A
     * social worker (categories cycle by number), so that approving needs no judgement of a child's competence;
     * among the first five, as the catalogue may have been loaded with five people a study by another test.
     */
    private static final long PERSON = 2;

    private static ChromeDriverService service;
    private static WebDriver browser;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("CI") == null) {
            assumeTrue(false, "Skipped: no headless Chromium here (apt-get install chromium chromium-driver); "
                    + "CI installs it and runs these tests");
        }
        assertThat(present).as("Chromium and chromedriver in CI (.ci/run installs them)").isTrue();
        profile = Files.createTempDirectory("dsarflow-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** Each test starts logged out. */
    @org.junit.jupiter.api.BeforeEach
    void loggedOut() {
        open("/");
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void aDpoLogsAReviewsARequestAndTheAuditorReadsItWithoutPersonalData() throws IOException {
        admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200);
        String email = SyntheticRegistry.email(PERSON);

        open("/");
        accessible("login");
        login("dpo");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench/inbox");
        accessible("inbox");

        browser.findElement(By.linkText("Log a request")).click();
        accessible("log a request");
        browser.findElement(By.cssSelector("input[name=type][value=PORTABILITY]")).click();
        date("receivedAt", "31", "2", "2025");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel"))).selectByValue("EMAIL");
        type("requester-name", "Robin Browsertest");
        type("requester-email", email);
        browser.findElement(By.id("study-kitbags")).click();
        type("identifier-email", email);
        browser.findElement(By.cssSelector("#log-request button[type=submit]")).click();

        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertThat(summary.findElement(By.cssSelector("a[href='#receivedAt']")).getText()).contains("when the request arrived");
        assertThat(browser.findElement(By.id("requester-name")).getAttribute("value")).isEqualTo("Robin Browsertest");
        accessible("log a request, with an error");
        LocalDate yesterday = LocalDate.now().minusDays(1);
        date("receivedAt", String.valueOf(yesterday.getDayOfMonth()), String.valueOf(yesterday.getMonthValue()),
                String.valueOf(yesterday.getYear()));
        browser.findElement(By.cssSelector("#log-request button[type=submit]")).click();

        wait(ExpectedConditions.urlMatches("/workbench/requests/DSAR-\\d{4}-\\d{6}$"));
        String reference = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        // Other tests' requests share the inbox: the filters (htmx, in place) narrow it to this one's kind.
        open("/workbench/inbox");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type"))).selectByValue("PORTABILITY");
        wait(ExpectedConditions.urlContains("type=PORTABILITY"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("studyKey"))).selectByValue("kitbags");
        wait(ExpectedConditions.urlContains("studyKey=kitbags"));
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox tr[data-reference='" + reference + "']")));
        assertThat(browser.findElements(By.cssSelector("#inbox tbody tr"))).allSatisfy(row ->
                assertThat(row.getText()).contains("portability"));
        screenshot("inbox");

        browser.findElement(By.linkText(reference)).click();
        wait(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
        assertThat(marker("recordDeadline")).contains("passed");
        assertThat(marker("locateSubject")).contains("passed");
        assertThat(marker("reviewDecision")).contains("current");
        assertThat(browser.findElement(By.id("match")).getText()).contains("unique");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("awaiting review");
        accessible("request");
        // Tall enough for the summary, the clock and the diagram in one picture.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
        screenshot("request");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        browser.findElement(By.id("submit-review")).click();
        wait(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("status"), "awaiting review")));
        assertThat(browser.findElement(By.id("review-outcome")).getText()).contains("Reviewed by dpo");

        browser.findElement(By.cssSelector(".dsar-logout button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        login("auditor");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench/requests");
        accessible("requests, as the auditor");
        open("/workbench/requests/" + reference);
        wait(d -> d.findElement(By.id("diagram")).getAttribute("data-ready") != null);
        String page = browser.getPageSource();
        assertThat(page).contains(reference)
                .doesNotContain(email)
                .doesNotContain("Robin Browsertest")
                .doesNotContain(SyntheticRegistry.subjectRef(PERSON))
                .doesNotContain("/review\"");
        accessible("request, as the auditor");
        open("/workbench/audit?verify=true");
        assertThat(browser.findElement(By.id("verification")).getText()).contains("intact");
        accessible("audit");
    }

    @Test
    void aDpoLogsAComplaintFindsItInTheInboxAndSeesItsProcessAndTheAuditorReadsItWithoutTheirWords()
            throws IOException {
        String about = org.dsarflow.Api.logRequest("ACCESS", LocalDate.now().minusDays(3).toString());
        open("/");
        login("dpo");
        browser.findElement(By.linkText("Complaints")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("complaint-count")));
        accessible("complaints");
        browser.findElement(By.linkText("Log a complaint")).click();
        accessible("log a complaint");
        type("receivedAt", "yesterday");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel"))).selectByValue("EMAIL");
        type("complainant-name", "Casey Browsertest");
        type("complainant-email", "casey.browsertest@example.org");
        type("about", about);
        type("summary", "My request was answered late.");
        browser.findElement(By.cssSelector("#log-complaint button[type=submit]")).click();

        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertThat(summary.findElement(By.cssSelector("a[href='#receivedAt']")).getText())
                .contains("when the complaint arrived");
        assertThat(browser.findElement(By.id("complainant-name")).getAttribute("value")).isEqualTo("Casey Browsertest");
        accessible("log a complaint, with an error");
        browser.findElement(By.id("receivedAt")).clear();
        type("receivedAt", LocalDate.now().minusDays(1).toString());
        browser.findElement(By.cssSelector("#log-complaint button[type=submit]")).click();

        wait(ExpectedConditions.urlMatches("/workbench/complaints/CMP-\\d{4}-\\d{6}$"));
        String reference = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        // Other tests' tasks share the inbox: the kind filter (htmx, in place) narrows it to complaints.
        open("/workbench/inbox");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("COMPLAINT");
        wait(ExpectedConditions.urlContains("kind=COMPLAINT"));
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox tr[data-reference='" + reference + "']")));
        assertThat(browser.findElements(By.cssSelector("#inbox tbody tr"))).allSatisfy(row ->
                assertThat(row.getText()).contains("complaint", "acknowledgement due"));
        accessible("inbox, complaints only");

        browser.findElement(By.linkText(reference)).click();
        wait(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
        assertThat(marker("recordAcknowledgementDue")).contains("passed");
        assertThat(marker("investigateComplaint")).contains("current");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("received");
        assertThat(browser.findElement(By.id("about")).getText()).contains(about);
        assertThat(browser.findElement(By.id("complainant")).getText()).contains("casey.browsertest@example.org");
        accessible("complaint");

        browser.findElement(By.id("update-note")).sendKeys("Asked the study team for the dates.");
        browser.findElement(By.id("submit-update")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table#updates")));
        assertThat(browser.findElement(By.id("updates")).getText()).contains("Asked the study team");
        screenshot("complaint");

        open("/workbench/requests/" + about);
        assertThat(browser.findElement(By.id("complaints-list")).getText()).contains(reference);
        open("/workbench/complaints/report");
        assertThat(Integer.parseInt(browser.findElement(By.id("received")).getText())).isPositive();
        accessible("complaints report");

        browser.findElement(By.cssSelector(".dsar-logout button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        login("auditor");
        open("/workbench/complaints/" + reference);
        wait(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
        assertThat(browser.getPageSource()).contains(reference)
                .doesNotContain("casey.browsertest@example.org")
                .doesNotContain("Casey Browsertest")
                .doesNotContain("answered late")
                .doesNotContain("Asked the study team")
                .doesNotContain("/updates\"");
        accessible("complaint, as the auditor");
        open("/workbench/complaints");
        accessible("complaints, as the auditor");
        open("/workbench/complaints/report");
        accessible("complaints report, as the auditor");
    }

    @Test
    void theStudiesPageIsAccessible() {
        admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200);
        open("/");
        login("admin");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench/studies");
        assertThat(browser.findElements(By.cssSelector("#studies tbody tr"))).isNotEmpty();
        accessible("studies");
        open("/workbench/calendar");
        assertThat(browser.findElement(By.id("years")).getText()).matches("\\d{4} to \\d{4}");
        accessible("bank holidays");
        browser.findElement(By.cssSelector(".dsar-logout button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
    }

    /**
     * A study registered and edited through the forms (one field left out first), and a parent's request about a
     * child of the Kitbags registry, whose page has the representative's block, the authority forms, the child's
     * judgement in the review and the redaction of the interviews: every page without a serious violation.
     */
    @Test
    void theStudyFormsAndARepresentativesRequestAreAccessible() {
        admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200);
        open("/");
        login("admin");
        browser.findElement(By.id("register-study")).click();
        accessible("register a study");
        String key = "browser-study-" + System.nanoTime() % 1_000_000;
        type("key", key);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("phase"))).selectByValue("COLLECTION");
        date("phaseSince", "1", "2", "2024");
        type("identifierSchemes", "email");
        type("holdings-0-key", "interviews");
        browser.findElement(By.cssSelector("#study-form button[type=submit]")).click();
        assertThat(browser.findElement(By.className("govuk-error-summary")).getText()).contains("name");
        accessible("register a study, with errors");
        type("name", "Browser study");
        type("holdings-0-location", "Interview recordings");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("holdings-0-custody"))).selectByValue("INTERNAL");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("holdings-0-identifiability"))).selectByValue("IDENTIFIED");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("holdings-0-source"))).selectByValue("PRIMARY");
        browser.findElement(By.cssSelector("#study-form button[type=submit]")).click();
        wait(ExpectedConditions.urlMatches("/workbench/studies$"));
        open("/workbench/studies/" + key + "/edit");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Browser study");
        accessible("edit a study");
        browser.findElement(By.cssSelector(".dsar-logout button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));

        // The request says the subject is a child, so the review asks for the DPO's judgement whoever matched.
        String email = SyntheticRegistry.email(1);
        String reference = org.dsarflow.Api.dpo().body(java.util.Map.of("type", "ACCESS",
                        "receivedAt", LocalDate.now().minusDays(1).toString(), "channel", "EMAIL",
                        "requester", java.util.Map.of("name", "Pat Parent", "email", "pat.parent@example.org"),
                        "onBehalfOf", java.util.Map.of("relationship", "PARENT_OR_GUARDIAN", "subjectCategory", "CHILD"),
                        "identifiers", java.util.Map.of("email", email), "studyKeys", List.of("kitbags")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        open("/");
        login("dpo");
        open("/workbench/requests/" + reference);
        wait(d -> "true".equals(d.findElement(By.id("diagram")).getAttribute("data-ready")));
        assertThat(browser.findElement(By.id("on-behalf-of")).getText()).contains("parent or guardian");
        assertThat(browser.findElements(By.id("authority-form"))).isNotEmpty();
        assertThat(browser.findElements(By.id("review-childJudgement"))).isNotEmpty();
        accessible("request made by a parent");
        browser.findElement(By.id("submit-review")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")));
        accessible("request made by a parent, with the review's errors");
    }

    /** Types a date into the GOV.UK date input whose id is {@code id}. */
    private static void date(String id, String day, String month, String year) {
        for (String[] field : new String[][]{{"day", day}, {"month", month}, {"year", year}}) {
            WebElement input = browser.findElement(By.id(id + "-" + field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
    }

    @Test
    void theImportPageIsAccessible() {
        String study = org.dsarflow.Studies.create("COLLECTION", "2024-01-01");
        String location = admin().contentType("text/csv").header("Prefer", "respond-async")
                .body("subjectRef,category,id.email,holdings\nB-1,SOCIAL_WORKER,b1@example.org,drive\n"
                        + "B-2,SOCIAL_WORKER,b2@example.org,laptop\n")
                .post("/api/studies/{key}/subjects", study).then().statusCode(202).extract().header("Location");
        open("/");
        login("admin");
        open(java.net.URI.create(location).getPath().replace("/api/imports/", "/workbench/imports/"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("import-rejections")));
        assertThat(browser.findElement(By.id("import-status")).getText()).isEqualTo("completed");
        accessible("registry import");
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private static void login(String account) {
        type("j_username", account);
        type("j_password", account + "-test");
        browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dsar-logout")));
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static String marker(String activityId) {
        return browser.findElement(By.cssSelector("#diagram g.djs-element[data-element-id='" + activityId + "']"))
                .getAttribute("class");
    }

    private static <T> void wait(java.util.function.Function<WebDriver, T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    }

    /** axe-core on the page as it stands: no serious or critical violation. */
    private static void accessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(WorkbenchBrowserTest::describe)
                .toList();
        assertThat(blocking).as("serious or critical accessibility violations on the %s page", page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    /** Written to docs/screenshots for the README, which shows them. */
    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("docs", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}

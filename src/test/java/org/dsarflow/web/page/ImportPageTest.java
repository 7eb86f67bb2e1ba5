package org.dsarflow.web.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * A large workbench upload is imported on a worker: the admin is sent to the import's page, which polls
 * itself every second while the import runs and then shows the report with the rejected lines.
 */
@QuarkusTest
class ImportPageTest {

    @Test
    void aLargeUploadShowsItsProgressAndThenItsRejectedLines() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String note = "n".repeat(950);
        String csv = "subjectRef,category,id.email,holdings,attr.note\n" + IntStream.rangeClosed(1, 1150)
                .mapToObj(i -> "W-" + i + ",SOCIAL_WORKER,w" + i + "@example.org," + (i == 7 ? "laptop" : "drive") + "," + note)
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(csv.length()).as("past the 1 MiB from which uploads go to a worker").isGreaterThan(1_048_576);
        Sessions admin = Sessions.login("admin");
        String location = admin.given().multiPart("csrf", admin.csrf())
                .multiPart("file", "registry.csv", csv.getBytes(), "text/csv")
                .post("/workbench/studies/{key}/registry", study)
                .then().statusCode(303).header("Location", matchesPattern(".*/workbench/imports/\\d+")).extract()
                .header("Location");
        String page = URI.create(location).getPath();

        Response shown = admin.given().get(page);
        shown.then().statusCode(200).body(containsString("id=\"import-progress\"")).body(containsString(study));
        if (shown.asString().contains(">running<")) {
            assertThat(shown.asString()).contains("hx-trigger=\"every 1s\"", "hx-select=\"#import-progress\"");
        }
        Instant giveUp = Instant.now().plusSeconds(60);
        while (shown.asString().contains(">running<")) {
            assertThat(Instant.now()).as("the import ended in time").isBefore(giveUp);
            shown = admin.given().get(page);
        }
        shown.then().statusCode(200).body(containsString(">completed<"))
                .body(containsString("1149 created, 0 updated, 1 rejected"))
                .body(containsString("id=\"import-rejections\""))
                .body(containsString("<td class=\"govuk-table__cell\">8</td>"))
                .body(containsString("the row names a holding the study does not have"))
                .body(not(containsString("hx-trigger"))).body(not(containsString("laptop")))
                .body(not(containsString("example.org")));

        Sessions auditor = Sessions.login("auditor");
        auditor.given().get(page).then().statusCode(200).body(containsString(">completed<"));
        Sessions.login("dpo").given().get(page).then().statusCode(403);
        RestAssured.given().redirects().follow(false).get(page).then().statusCode(302).header("Location", endsWith("/"));
        admin.given().get("/workbench/imports/999999999").then().statusCode(404);
    }

    @Test
    void aSmallUploadIsStillAnsweredWithItsReport() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Sessions admin = Sessions.login("admin");
        admin.given().multiPart("csrf", admin.csrf())
                .multiPart("file", "registry.csv", "subjectRef,category,id.email,holdings\nS-1,SOCIAL_WORKER,s1@example.org,drive\n".getBytes(), "text/csv")
                .post("/workbench/studies/{key}/registry", study)
                .then().statusCode(200).body(containsString("1 created, 0 updated, 0 rejected"));
    }
}

package org.dsarflow.subject;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class DemoCatalogueTest {

    @Inject
    DemoCatalogue demo;

    @Test
    void theCatalogueHoldsTheFiveStudiesOfTheNotices() {
        List<StudyDescription> studies = demo.catalogue();
        assertThat(studies).extracting(StudyDescription::key)
                .containsExactlyInAnyOrder("kitbags", "polling", "health-check", "diversity", "mod-next-generation");
        assertThat(studies).extracting(StudyDescription::phase).contains(StudyPhase.COLLECTION, StudyPhase.ANALYSIS,
                StudyPhase.ARCHIVED);
        assertThat(studies).allSatisfy(s -> assertThat(s.holdings()).isNotEmpty());
    }

    @Test
    void theKitbagsInterviewHoldingsAreLiableToHoldOtherPeoplesInformation() {
        StudyDescription kitbags = demo.catalogue().stream().filter(s -> s.key().equals("kitbags")).findFirst()
                .orElseThrow();
        assertThat(kitbags.holdings()).filteredOn(h -> Boolean.TRUE.equals(h.othersInformation()))
                .extracting(StudyDescription.HoldingDescription::key)
                .containsExactlyInAnyOrder("interview-recordings", "transcription");
    }

    @Test
    void anAdminLoadsItOnceWithInventedPeopleWhoCanBeLocated() {
        admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200);
        admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200)
                .body("registered", equalTo(List.of()))
                .body("alreadyPresent", hasItems("kitbags", "polling", "health-check", "diversity", "mod-next-generation"));
        dpo().get("/api/studies/kitbags").then().statusCode(200).body("phase", equalTo("ANALYSIS"))
                .body("holdings.find { it.key == 'interview-recordings' }.othersInformation", equalTo(true))
                .body("holdings.find { it.key == 'prize-draw' }.othersInformation", equalTo(false));

        dpo().body(Map.of("type", "CONSENT_WITHDRAWAL", "receivedAt", "2025-03-10", "channel", "EMAIL",
                        "requester", Map.of("name", "Invented Person", "email", SyntheticRegistry.email(7)),
                        "identifiers", Map.of("email", SyntheticRegistry.email(7)), "studyKeys", List.of("kitbags")))
                .post("/api/requests").then().statusCode(201)
                .body("match.status", equalTo("UNIQUE"))
                .body("match.candidates[0].subjectRef", equalTo(SyntheticRegistry.subjectRef(7)));
        dpo().post("/api/demo-catalogue").then().statusCode(403);
    }
}

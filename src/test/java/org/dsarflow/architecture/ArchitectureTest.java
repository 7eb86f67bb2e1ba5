package org.dsarflow.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import org.dsarflow.complaint.AcknowledgementDeadline;
import org.dsarflow.complaint.ProgressReminder;
import org.dsarflow.deadline.BankHolidayCalendar;
import org.dsarflow.deadline.ClockEvent;
import org.dsarflow.deadline.ClockReading;
import org.dsarflow.deadline.DeadlineCalculator;
import org.dsarflow.deadline.DeadlineCheck;
import org.dsarflow.deadline.RequestClock;
import org.dsarflow.deadline.StatutoryPeriod;
import org.dsarflow.deadline.StatutoryRegime;
import org.dsarflow.decision.ChildJudgement;
import org.dsarflow.decision.DecisionTable;
import org.dsarflow.decision.PhaseChoice;
import org.dsarflow.decision.PhaseTimeline;
import org.dsarflow.intake.ClosedRequestRetention;
import org.dsarflow.intake.Receipt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house runs one way: the capability packages form layers without a cycle, the process package is
 * the top floor that drives the engine, the read model is read only from the top, and the rules are
 * plain Java. The shape follows ddd-by-examples/library's {@code NoSpringInDomainLogicTest}.
 */
@AnalyzeClasses(packages = "org.dsarflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycle = slices().matching("org.dsarflow.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheProcessPackageUsesIt = noClasses()
            .that().resideOutsideOfPackage("org.dsarflow.process..")
            .should().dependOnClassesThat().resideInAPackage("org.dsarflow.process..");

    @ArchTest
    static final ArchRule theReadModelIsReadFromResourcesAndTheProcessOnly = noClasses()
            .that().resideOutsideOfPackages("org.dsarflow.view..", "org.dsarflow.web..", "org.dsarflow.process..")
            .should().dependOnClassesThat().resideInAPackage("org.dsarflow.view..");

    @ArchTest
    static final ArchRule nothingDependsOnTheWebPackage = noClasses()
            .that().resideOutsideOfPackage("org.dsarflow.web..")
            .should().dependOnClassesThat().resideInAPackage("org.dsarflow.web..");

    @ArchTest
    static final ArchRule resourcesLiveInTheWebPackage = classes()
            .that().areAnnotatedWith(Path.class)
            .should().resideInAPackage("org.dsarflow.web..");

    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses()
            .that().belongToAnyOf(RequestClock.class, StatutoryRegime.class, StatutoryPeriod.class, DeadlineCalculator.class,
                    DeadlineCheck.class, ClockReading.class, ClockEvent.class, BankHolidayCalendar.class, Receipt.class,
                    ClosedRequestRetention.class, DecisionTable.class, PhaseChoice.class, PhaseTimeline.class,
                    ChildJudgement.class,
                    AcknowledgementDeadline.class, ProgressReminder.class)
            .or().haveFullyQualifiedName("org.dsarflow.subject.RegistryRowCheck")
            .or().haveFullyQualifiedName("org.dsarflow.subject.StudyShape")
            .or().resideInAPackage("org.dsarflow.subject.identity..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "jakarta..", "org.camunda..", "org.hibernate..");
}

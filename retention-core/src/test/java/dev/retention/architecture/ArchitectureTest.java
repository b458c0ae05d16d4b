package dev.retention.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The module and feature boundaries of DESIGN.md §1, checked on the compiled core. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.retention");

    @Test
    void coreKnowsNothingAboutTheWeb() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..", "org.thymeleaf.spring6..",
                        "org.springframework.security.web..", "org.springframework.ui..")
                .because("retention-core must run in any host; web adapters live in storefront and admin")
                .check(CORE);
    }

    @Test
    void aFeaturesInternalPackageIsUsedOnlyByThatFeatureAndTheAutoConfiguration() {
        noClasses().should(reachIntoAnotherFeaturesInternals()).check(CORE);
    }

    @Test
    void theHostSpiDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.retention.host..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retention.ingest..",
                        "dev.retention.customer..", "dev.retention.privacy..", "dev.retention.loyalty..",
                        "dev.retention.recommend..", "dev.retention.analytics..", "dev.retention.engage..",
                        "dev.retention.feedback..", "dev.retention.referral..")
                .check(CORE);
    }

    /** A class in feature A may use feature B's root package, never {@code dev.retention.B.internal}. */
    static ArchCondition<JavaClass> reachIntoAnotherFeaturesInternals() {
        return new ArchCondition<>("depend on another feature's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String ownFeature = feature(item.getPackageName());
                if (item.getPackageName().startsWith("dev.retention.autoconfigure")) {
                    return;
                }
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("dev.retention.") && target.contains(".internal")
                            && !feature(target).equals(ownFeature)) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String feature(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}

package org.dsarflow.subject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.dsarflow.shared.DsarConfig;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled demo catalogue: the five studies of the privacy notices in shared/notices, with a
 * synthetic registry of invented people. Loaded at start in dev mode, and by an admin call anywhere.
 */
@ApplicationScoped
public class DemoCatalogue {

    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class);
    static final String RESOURCE = "demo/catalogue.json";
    static final long SEED = 20_260_101L;

    private final StudyService studies;
    private final RegistryImportService registry;
    private final ObjectMapper json;
    private final Validator validator;

    DemoCatalogue(StudyService studies, RegistryImportService registry, ObjectMapper json, Validator validator) {
        this.studies = studies;
        this.registry = registry;
        this.json = json;
        this.validator = validator;
    }

    /** What loading did: studies registered now, and those already there (left as they are). */
    public record Loaded(List<String> registered, List<String> alreadyPresent, long syntheticSubjects) {
    }

    void onStart(@Observes StartupEvent start, DsarConfig config) {
        if (config.demo().loadOnStart()) {
            Loaded loaded = load(config.demo().subjectsPerStudy(), "system");
            LOG.infof("Demo catalogue: %s registered, %s already present", loaded.registered(), loaded.alreadyPresent());
        }
    }

    public Loaded load(long subjectsPerStudy, String actor) {
        List<String> registered = new ArrayList<>();
        List<String> present = new ArrayList<>();
        long subjects = 0;
        for (StudyDescription study : catalogue()) {
            if (studies.exists(study.key())) {
                present.add(study.key());
                continue;
            }
            studies.create(study, actor);
            registered.add(study.key());
            StringWriter csv = new StringWriter();
            new SyntheticRegistry(study).writeCsv(subjectsPerStudy, SEED, csv);
            subjects += registry.importCsv(study.key(),
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), actor).created();
        }
        return new Loaded(registered, present, subjects);
    }

    List<StudyDescription> catalogue() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            // The file also names each study's privacy notice (noticeFile), for people reading it.
            List<StudyDescription> catalogue = json.readerFor(new TypeReference<List<StudyDescription>>() { })
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
            for (StudyDescription study : catalogue) {
                var violations = validator.validate(study);
                if (!violations.isEmpty()) {
                    throw new ConstraintViolationException("Demo study " + study.key() + " is not valid", violations);
                }
            }
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

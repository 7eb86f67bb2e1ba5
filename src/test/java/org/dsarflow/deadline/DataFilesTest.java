package org.dsarflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled copies must not drift from the shared originals (absent on a fresh machine: then skipped). */
class DataFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bank-holidays.json, src/main/resources/bank-holidays.json",
        "deadline-cases.csv, src/test/resources/deadline-cases.csv"
    })
    void copyIsByteIdenticalToSharedOriginal(String name, String copy) throws IOException {
        Path original = Path.of("..", "shared", "data", name);
        assumeTrue(Files.isRegularFile(original), "no shared data directory next to the project");

        assertThat(Files.readAllBytes(Path.of(copy))).isEqualTo(Files.readAllBytes(original));
    }
}

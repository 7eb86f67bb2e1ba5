package org.dsarflow.shared;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class SpreadsheetSafeCsvTest {

    /** The eight cells that came out live before: each a formula or a formula's start to a spreadsheet. */
    public static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://evil.invalid\",\"Click\")", "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=1+1", "+44 20 7946 0000");

    private static final CsvSchema COLUMNS = CsvSchema.builder().addColumn("name").addColumn("value").build().withHeader();

    @Test
    void everyDangerousCellComesOutInertAndQuoted() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        DANGEROUS.forEach(cell -> rows.add(Map.of("name", "n", "value", cell)));
        String csv = SpreadsheetSafeCsv.write(COLUMNS, rows);

        List<String> cells = values(csv);
        assertThat(cells).hasSize(DANGEROUS.size());
        for (int i = 0; i < DANGEROUS.size(); i++) {
            assertThat(cells.get(i)).isEqualTo("'" + DANGEROUS.get(i));
        }
        assertThat(csv).startsWith("name,value\n").contains("\"n\",\"'=HYPERLINK(\"\"http");
    }

    @Test
    void cellsOfAnyTypeOfRowAreNeutralised() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", 7L);
        row.put("value", "=cmd");
        String csv = SpreadsheetSafeCsv.write(COLUMNS, List.of(row));
        assertThat(csv).contains("7,\"'=cmd\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "1 High Street", "a=b", "email@example.org", "'quoted", ""})
    void harmlessCellsStayAsTheyAre(String cell) throws Exception {
        String csv = SpreadsheetSafeCsv.write(COLUMNS, List.of(Map.of("name", "n", "value", cell)));
        assertThat(values(csv)).containsExactly(cell);
    }

    private static List<String> values(String csv) throws Exception {
        List<String> values = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(COLUMNS).without(CsvParser.Feature.TRIM_SPACES).readValues(csv)) {
            while (rows.hasNext()) {
                values.add(rows.next().get("value"));
            }
        }
        return values;
    }
}

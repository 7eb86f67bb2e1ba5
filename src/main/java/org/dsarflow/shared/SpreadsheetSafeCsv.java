package org.dsarflow.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Where every CSV the service writes is written (the response package, the audit export). A text cell that
 * a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, and every text cell is quoted, as OWASP's advice on CSV injection has it. The JSON exports
 * stay exact; the CSV trades a visible apostrophe on such a cell (a negative number too) for safety.
 */
public final class SpreadsheetSafeCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .addModule(new SimpleModule("spreadsheet-safe-csv").addSerializer(String.class, new NeutralText()))
            .build();

    private SpreadsheetSafeCsv() {
    }

    /** The rows under a header line of the schema's columns, as one text. */
    public static String write(CsvSchema columns, List<?> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = rows(columns, out)) {
            writer.writeAll(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV could not be written", e);
        }
        return out.toString();
    }

    /**
     * A writer of rows under a header line of the schema's columns. The header names are the service's own
     * and stay unquoted; every text cell after them is quoted.
     */
    public static SequenceWriter rows(CsvSchema columns, Writer out) throws IOException {
        out.write(String.join(",", columns.getColumnNames()) + "\n");
        return MAPPER.writer(columns.withoutHeader()).writeValues(out);
    }

    /** The cell as a spreadsheet may safely open it. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    private static final class NeutralText extends StdScalarSerializer<String> {
        NeutralText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(neutralise(value));
        }
    }
}

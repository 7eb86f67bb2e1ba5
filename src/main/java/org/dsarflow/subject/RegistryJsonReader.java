package org.dsarflow.subject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dsarflow.shared.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a JSON registry, an array of subject objects, into draft rows numbered by their position in the
 * array. The parser streams: one element is in memory at a time.
 */
final class RegistryJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryJsonReader() {
    }

    /** @throws InvalidInputException when the body is not a JSON array: the whole file is refused */
    static void read(InputStream body, Consumer<RegistryDraftRow> rows) {
        long position = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException("body", "The registry must be a JSON array of subjects");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                JsonNode element = parser.readValueAsTree();
                rows.accept(row(++position, element));
            }
        } catch (JsonProcessingException e) {
            rows.accept(RegistryDraftRow.malformedFrom(position + 1, "JSON"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegistryDraftRow row(long position, JsonNode element) {
        if (!element.isObject()) {
            return RegistryDraftRow.unreadable(position, "is not an object");
        }
        try {
            return new RegistryDraftRow(position, text(element, "subjectRef"), text(element, "category"),
                    textMap(element, "identifiers"), textList(element, "holdings"), textMap(element, "attributes"));
        } catch (FieldProblem problem) {
            return RegistryDraftRow.unreadable(position, problem.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new FieldProblem(field + " must be text");
        }
        return value.asText();
    }

    /** Blank values are left out, as an empty CSV cell is. */
    private static Map<String, String> textMap(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new FieldProblem(field + " must be an object of names to text");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isValueNode()) {
                throw new FieldProblem(field + "." + entry.getKey() + " must be text");
            }
            if (!entry.getValue().isNull() && !entry.getValue().asText().isBlank()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return map;
    }

    private static List<String> textList(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new FieldProblem(field + " must be an array of holding keys");
        }
        List<String> list = new ArrayList<>();
        value.forEach(item -> list.add(item.asText().strip()));
        return list;
    }

    /** A field of the wrong JSON type: the element is read as unreadable, the file goes on. */
    private static final class FieldProblem extends RuntimeException {
        FieldProblem(String problem) {
            super(problem, null, false, false);
        }
    }
}

package org.dsarflow.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small descriptive lists of a study kept as JSON text: portable between H2 and PostgreSQL, and
 * never queried by their content.
 */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TypeReference<T> type;

    JsonColumn(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a study list as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String column) {
        try {
            return JSON.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored study list is not valid JSON", e);
        }
    }

    static final class Schemes extends JsonColumn<List<List<String>>> {
        Schemes() {
            super(new TypeReference<>() { });
        }
    }

    static final class LawfulBases extends JsonColumn<List<LawfulBasis>> {
        LawfulBases() {
            super(new TypeReference<>() { });
        }
    }

    static final class Texts extends JsonColumn<List<String>> {
        Texts() {
            super(new TypeReference<>() { });
        }
    }

    /** A map that may be absent: a study registered before recipients had mailboxes reads as none. */
    static final class Mailboxes extends JsonColumn<Map<String, String>> {
        Mailboxes() {
            super(new TypeReference<>() { });
        }

        @Override
        public Map<String, String> convertToEntityAttribute(String column) {
            return column == null ? new LinkedHashMap<>() : super.convertToEntityAttribute(column);
        }
    }
}

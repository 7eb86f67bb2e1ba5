package org.dsarflow.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Request bodies are read strictly: an unknown property is refused (a typo must not be lost), nesting and
 * string length are bounded (DsarConfig.Limits), no text may hold a NUL (PostgreSQL cannot store one), and
 * a date must lie in years 1 to 9999, which every database and the deadline arithmetic can hold.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    @Override
    public int priority() {
        // Last, so the date bound wraps the date deserializer Quarkus registered.
        return MINIMUM_PRIORITY;
    }

    /**
     * The mapper is built before run-time configuration can be read, so its parser limits are set once the
     * service starts, before it takes a request.
     */
    void limit(@Observes StartupEvent start, ObjectMapper mapper, DsarConfig config) {
        DsarConfig.Limits limits = config.limits();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonNestingDepth())
                .maxStringLength(limits.jsonStringLength())
                .build());
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SimpleModule strict = new SimpleModule("dsarflow-strict-input");
        strict.addDeserializer(String.class, new TextWithoutNul());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == LocalDate.class
                        ? new StorableDate((JsonDeserializer<LocalDate>) deserializer)
                        : deserializer;
            }
        });
        mapper.registerModule(strict);
    }

    /** Whether text holds a character no database column of ours may store. */
    public static boolean hasNul(CharSequence text) {
        return text != null && text.chars().anyMatch(c -> c == 0);
    }

    /** Refused input the problem mapper words itself: the exception never carries the value. */
    public static final class UnstorableValueException extends MismatchedInputException {
        private final String expectation;

        UnstorableValueException(JsonParser parser, Class<?> target, String expectation) {
            super(parser, expectation, target);
            this.expectation = expectation;
        }

        public String expectation() {
            return expectation;
        }
    }

    private static final class TextWithoutNul extends StdScalarDeserializer<String> {
        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (hasNul(text)) {
                throw new UnstorableValueException(parser, String.class, "must not contain a NUL character");
            }
            return text;
        }
    }

    private static final class StorableDate extends JsonDeserializer<LocalDate> implements ContextualDeserializer {
        private final JsonDeserializer<LocalDate> dates;

        StorableDate(JsonDeserializer<LocalDate> dates) {
            this.dates = dates;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return dates instanceof ContextualDeserializer contextual
                    ? new StorableDate((JsonDeserializer<LocalDate>) contextual.createContextual(context, property))
                    : this;
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = dates.deserialize(parser, context);
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                throw new UnstorableValueException(parser, LocalDate.class, "must lie between years 1 and 9999");
            }
            return date;
        }

        @Override
        public Class<?> handledType() {
            return LocalDate.class;
        }
    }
}

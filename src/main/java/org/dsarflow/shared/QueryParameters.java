package org.dsarflow.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Query parameters arrive as text and are parsed here, so a bad value is a 400 naming the parameter
 * (JAX-RS would answer a failed query-parameter conversion with 404).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> Optional<E> enumValue(String name, String value, Class<E> type) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isBefore(StrictJson.EARLIEST) || date.isAfter(StrictJson.LATEST)) {
                throw new InvalidInputException(name, name + " must lie between years 1 and 9999");
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be an ISO date (YYYY-MM-DD)");
        }
    }

    public static Optional<Boolean> bool(String name, String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new InvalidInputException(name, name + " must be true or false");
        };
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, like any out-of-range number
        }
        throw new InvalidInputException(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** A page number, from 0 to the configured highest. */
    public static int page(String value, DsarConfig.Limits limits) {
        return integer("page", value, 0, 0, limits.pageNumber());
    }

    /** A page size, from 1 to the configured largest. */
    public static int size(String value, int fallback, DsarConfig.Limits limits) {
        return integer("size", value, fallback, 1, limits.pageSize());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

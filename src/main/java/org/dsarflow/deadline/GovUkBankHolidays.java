package org.dsarflow.deadline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the format of https://www.gov.uk/bank-holidays.json:
 * {@code {"england-and-wales": {"division": "england-and-wales", "events": [{"title": ..., "date": "YYYY-MM-DD"}]}}}.
 * Fields the service does not use ({@code notes}, {@code bunting}) are ignored. Error messages are written here,
 * not passed through from Jackson, so that an admin uploading a calendar is told what is wrong in its own terms.
 */
public final class GovUkBankHolidays {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The widths of the columns a calendar is stored in. */
    private static final int MAX_DIVISION = 64;
    private static final int MAX_TITLE = 200;
    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private GovUkBankHolidays() {
    }

    /** Holidays by division name, in document order. */
    public static Map<String, List<BankHoliday>> parse(InputStream json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCalendarException("the bank holidays file is not valid JSON" + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new InvalidCalendarException("the bank holidays file could not be read", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidCalendarException("the bank holidays file is empty");
        }
        return parse(root);
    }

    /** Holidays by division name, in document order. */
    public static Map<String, List<BankHoliday>> parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidCalendarException("the bank holidays file must be a JSON object keyed by division");
        }
        Map<String, List<BankHoliday>> divisions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (field.getKey().length() > MAX_DIVISION || !field.getKey().matches("[a-z][a-z-]*")) {
                throw new InvalidCalendarException("a division's name must be lower-case words joined by '-', "
                        + "at most " + MAX_DIVISION + " characters");
            }
            divisions.put(field.getKey(), parseDivision(field.getKey(), field.getValue()));
        }
        return divisions;
    }

    /** Writes divisions back in the gov.uk format (division, and events with title and date). */
    public static JsonNode toJson(Map<String, List<BankHoliday>> divisions) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        divisions.forEach((name, holidays) -> {
            ObjectNode division = root.putObject(name);
            division.put("division", name);
            ArrayNode events = division.putArray("events");
            for (BankHoliday holiday : holidays) {
                events.addObject()
                        .put("title", holiday.title())
                        .put("date", holiday.date().toString());
            }
        });
        return root;
    }

    private static List<BankHoliday> parseDivision(String name, JsonNode division) {
        if (!division.isObject()) {
            throw new InvalidCalendarException("division '" + name + "' must be a JSON object");
        }
        JsonNode named = division.get("division");
        if (named != null && !named.asText().equals(name)) {
            throw new InvalidCalendarException("division '" + name + "' names itself differently: its 'division' must be '"
                    + name + "'");
        }
        JsonNode events = division.get("events");
        if (events == null || !events.isArray()) {
            throw new InvalidCalendarException("division '" + name + "' must have an 'events' array");
        }
        List<BankHoliday> holidays = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String path = name + ".events[" + i + "]";
            BankHoliday holiday = parseEvent(path, events.get(i));
            if (!seen.add(holiday.date())) {
                throw new InvalidCalendarException(path + ": " + holiday.date()
                        + " appears more than once in division '" + name + "'");
            }
            holidays.add(holiday);
        }
        return holidays;
    }

    private static BankHoliday parseEvent(String path, JsonNode event) {
        if (!event.isObject()) {
            throw new InvalidCalendarException(path + " must be a JSON object with a title and a date");
        }
        JsonNode title = event.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank()) {
            throw new InvalidCalendarException(path + " has no title");
        }
        if (title.asText().length() > MAX_TITLE || title.asText().indexOf('\u0000') >= 0) {
            throw new InvalidCalendarException(path + ": a title is at most " + MAX_TITLE
                    + " characters, without NUL");
        }
        return new BankHoliday(parseDate(path, event.get("date")), title.asText());
    }

    private static LocalDate parseDate(String path, JsonNode date) {
        if (date == null || !date.isTextual()) {
            throw new InvalidCalendarException(path + " has no date");
        }
        try {
            // ISO_LOCAL_DATE resolves strictly, so an impossible date such as 2025-02-30 is rejected, not clamped.
            LocalDate parsed = LocalDate.parse(date.asText(), DateTimeFormatter.ISO_LOCAL_DATE);
            if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
                throw new InvalidCalendarException(path + ": a date must lie between years 1 and 9999");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException(
                    path + ": '" + date.asText() + "' is not a valid date in the form YYYY-MM-DD", e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

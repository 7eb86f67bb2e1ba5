package org.dsarflow.web;

import jakarta.ws.rs.core.MediaType;
import org.dsarflow.shared.InvalidInputException;

import java.util.Locale;

/** The {@code format} of a download: JSON unless CSV is asked for. */
enum ExportFormat {
    JSON(MediaType.APPLICATION_JSON), CSV("text/csv");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static ExportFormat of(String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip();
        return switch (chosen) {
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw new InvalidInputException("format", "format must be json or csv");
        };
    }

    String mediaType() {
        return mediaType;
    }

    /** The file name a browser saves the download as. */
    String file(String name) {
        return name + "." + name().toLowerCase(Locale.ROOT);
    }

    String contentDisposition(String name) {
        return "attachment; filename=\"" + file(name) + "\"";
    }
}

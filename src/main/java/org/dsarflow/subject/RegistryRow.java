package org.dsarflow.subject;

import java.util.List;
import java.util.Map;

/**
 * One row of a registry import, JSON or CSV: {@code line} is the CSV line, or the element's position
 * in a JSON array, so a rejection can name it.
 */
record RegistryRow(long line, String subjectRef, String category, Map<String, String> identifiers,
                   List<String> holdings, Map<String, String> attributes) {
}

package org.dsarflow.web.page;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import org.dsarflow.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form's errors by field, in the order the form asks, for the GOV.UK error summary and the messages
 * beside each field. The checks are the service's own (bean validation of the API's body, then the
 * service's rules); only the words differ where a form can say it better than the API.
 */
final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Map<String, String> wording;

    FormErrors(Map<String, String> wording) {
        this.wording = wording;
    }

    FormErrors add(Set<? extends ConstraintViolation<?>> violations) {
        violations.stream()
                .map(v -> Map.entry(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> add(e.getKey(), e.getValue()));
        return this;
    }

    FormErrors add(InvalidInputException e) {
        return add(e.field() == null ? "form" : e.field(), e.getMessage());
    }

    FormErrors add(String field, String message) {
        byField.putIfAbsent(field, wording.getOrDefault(field, sentence(field, message)));
        return this;
    }

    boolean any() {
        return !byField.isEmpty();
    }

    /** By field, in the order of the form's wording (the form's order), then any other. */
    Map<String, String> byField() {
        Map<String, String> ordered = new LinkedHashMap<>();
        wording.keySet().stream().filter(byField::containsKey).forEach(f -> ordered.put(f, byField.get(f)));
        byField.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** "requester.email", "identifiers", "studyKeys": the body's field, without list indexes or map keys. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                names.add(name);
            }
        }
        return String.join(".", names);
    }

    private static String sentence(String field, String message) {
        String label = field.substring(field.lastIndexOf('.') + 1);
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + message;
    }
}

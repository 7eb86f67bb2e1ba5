package org.dsarflow.subject;

import java.util.List;

/** One page of registry imports, newest first. */
public record ImportList(List<ImportView> items, int page, int size, long total) {
}

package org.dsarflow.view;

import java.util.List;

/** One page of {@code GET /api/tasks}, ordered by deadline (stopped clocks last), then by age. */
public record TaskPage(List<InboxTask> items, int page, int size, long total) {
}

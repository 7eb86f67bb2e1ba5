package org.dsarflow.view;

import java.util.List;

/** One page of {@code GET /api/requests}, ordered by deadline (stopped clocks last). */
public record RequestPage(List<RequestView> items, int page, int size, long total) {
}

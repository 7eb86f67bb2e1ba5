package org.dsarflow.view;

import java.util.List;

/** One page of {@code GET /api/complaints}, soonest acknowledgement due first. */
public record ComplaintPage(List<ComplaintView> items, int page, int size, long total) {
}

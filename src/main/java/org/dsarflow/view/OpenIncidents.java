package org.dsarflow.view;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The steps of requests' processes (an email, say) that failed after their last retry and wait for an
 * operator. The engine answers it; the view only asks, so it needs nothing of the process package.
 */
public interface OpenIncidents {

    /** The open incidents of each of these requests, by reference; a request with none is absent. */
    Map<String, List<RequestView.Incident>> of(Collection<String> references);
}

package org.dsarflow.fulfilment;

import java.util.List;

/** What UK GDPR Arts. 13 to 15 require a response to tell the requester, beyond their data. */
final class SupplementaryInformation {

    static final List<String> RIGHTS = List.of(
            "To be informed about how your data is used",
            "To access your data (a copy, as in this response)",
            "To have inaccurate data rectified or incomplete data completed",
            "To have your data erased, in certain circumstances",
            "To restrict processing of your data, in certain circumstances",
            "To data portability: data you gave us under consent or a contract, in a machine-readable form",
            "To object to processing based on legitimate interests or a public task",
            "To withdraw consent at any time, where we rely on consent",
            "Rights in relation to automated decision making and profiling (none is carried out in this research)");

    static final Complaint COMPLAINT = new Complaint(
            "Information Commissioner's Office",
            "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF",
            "0303 123 1113",
            "https://ico.org.uk/make-a-complaint/",
            "If you are unhappy with how we have handled your request or your data, you can complain to the"
                    + " Information Commissioner's Office, the UK supervisory authority for data protection.");

    record Complaint(String authority, String address, String telephone, String website, String summary) {
    }

    private SupplementaryInformation() {
    }
}

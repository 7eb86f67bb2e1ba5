package org.dsarflow.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.Receipt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/complaints}. {@code receivedAt} is an ISO date or a date-time with offset, as for requests,
 * kept as text so a bad value is answered naming the field.
 */
@Schema(description = "A complaint as it arrived. The complainant's contact details and the summary are personal "
        + "data: auditors never see them, and no log or error holds them.")
public record LogComplaintBody(
        @Schema(description = "When it arrived: an ISO date, or a date-time with offset; the receipt date is its "
                + "Europe/London date", examples = "2026-07-01T10:15:00+01:00") @NotBlank String receivedAt,
        @NotNull Channel channel,
        @NotNull @Valid ComplainantBody complainant,
        @Schema(description = "The reference of the request the complaint is about, if it is about one",
                examples = "DSAR-2026-000042")
        @Pattern(regexp = "DSAR-\\d{4}-\\d{6}") String about,
        @Schema(description = "What the complaint is about, in a few lines") @NotBlank @Size(max = 4000) String summary) {

    @Schema(description = "Who complained, and how to reach them: at least one of email, phone or postalAddress")
    public record ComplainantBody(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone,
            @Size(max = 1000) String postalAddress) {

        boolean contactable() {
            return notBlank(email) || notBlank(phone) || notBlank(postalAddress);
        }

        Complainant toComplainant() {
            return new Complainant(name.strip(), stripped(email), stripped(phone), stripped(postalAddress));
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }

        private static String stripped(String value) {
            return notBlank(value) ? value.strip() : null;
        }
    }

    Complaint.Logging logging(Receipt receipt) {
        return new Complaint.Logging(channel, receipt, complainant.toComplainant(), about, summary.strip());
    }
}

package org.wuye;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;

/**
 * A request as the engine holds it ({@link Engine#requestGet}).
 *
 * @param details what was registered
 * @param registeredAt when it was registered
 * @param lastEventAt when its last event happened (no command may be earlier)
 * @param stage where it stands
 * @param stageDetails the stage's JSON object, with the data true in that stage:
 *     {@code department}, {@code assignee}, {@code arrived_at}, {@code reason},
 *     {@code since}, {@code closure} ({@code {"by":"satisfied","rating":5}}), …
 * @param reopenCount times reopened by an unsatisfied callback
 * @param transferCount times transferred
 * @param returnCount times returned to the centre
 * @param callbackAttempts unreachable callback attempts since the last reply
 */
public record ServiceRequest(NewRequest details, OffsetDateTime registeredAt, OffsetDateTime lastEventAt,
        Stage stage, Map<String, Object> stageDetails, int reopenCount, int transferCount, int returnCount,
        int callbackAttempts) {
    /** Freezes {@code stageDetails}. */
    public ServiceRequest {
        stageDetails = Collections.unmodifiableMap(stageDetails);
    }

    /** The request id. */
    public String id() {
        return details.id();
    }

    /** The department currently responsible, or null. */
    public String department() {
        return (String) stageDetails.get("department");
    }

    /** The worker currently assigned, or null. */
    public String assignee() {
        Object a = stageDetails.get("assignee");
        return a instanceof String ? (String) a : null;
    }

    /**
     * How a closed request was closed ({@code by}: {@code satisfied} with {@code rating},
     * {@code reply}, {@code unreachable}, {@code without_work}), or null when not closed.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> closure() {
        Object c = stageDetails.get("closure");
        return c == null ? null : Collections.unmodifiableMap((Map<String, Object>) c);
    }

    static ServiceRequest from(Object json) {
        Map<String, Object> m = Json.obj(json, "request");
        Map<String, Object> stage = Json.obj(m.get("stage"), "stage");
        return new ServiceRequest(NewRequest.from(m.get("details")), Json.instant(m, "registered_at"),
                Json.instant(m, "last_event_at"), Stage.fromWire(Json.str(stage, "stage")), stage,
                (int) Json.num(m, "reopen_count"), (int) Json.num(m, "transfer_count"),
                (int) Json.num(m, "return_count"), (int) Json.num(m, "callback_attempts"));
    }
}

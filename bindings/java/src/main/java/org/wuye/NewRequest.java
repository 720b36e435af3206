package org.wuye;

import java.util.Map;
import java.util.Objects;

/**
 * What a new request says when it is registered 受理登记.
 *
 * @param id the host's identifier (work-order number 工单号)
 * @param kind kind
 * @param priority priority
 * @param channel channel it came in through
 * @param location where
 * @param reporter who reported
 * @param description what was reported, in the reporter's words
 */
public record NewRequest(String id, RequestKind kind, Priority priority, Channel channel, Location location,
        Reporter reporter, String description) implements Json.JsonWritable {
    /** Checks the components. */
    public NewRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.quote(out, id);
        out.append(",\"kind\":\"").append(kind.wireName())
                .append("\",\"priority\":\"").append(priority.wireName())
                .append("\",\"channel\":\"").append(channel.wireName())
                .append("\",\"location\":");
        location.writeJson(out);
        out.append(",\"reporter\":");
        reporter.writeJson(out);
        out.append(",\"description\":");
        Json.quote(out, description);
        out.append('}');
    }

    static NewRequest from(Object json) {
        Map<String, Object> m = Json.obj(json, "request");
        return new NewRequest(Json.str(m, "id"), RequestKind.fromWire(Json.str(m, "kind")),
                Priority.fromWire(Json.str(m, "priority")), Channel.fromWire(Json.str(m, "channel")),
                Location.from(m.get("location")), Reporter.from(m.get("reporter")), Json.str(m, "description"));
    }
}

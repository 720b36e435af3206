package org.wuye;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a request's event log 操作日志, as the library writes it:
 * {@code {"schema":1,"request":"R1","at":"…","actor":{…},"change":{"type":"dispatched",…}}}.
 * Store events (e.g. one {@link #toJson()} per line) and give them back to
 * {@link Engine#logReplay} or {@link Engine#slaStatusFromEvents}. Written back, an event read
 * from the library is byte-identical to what the library wrote.
 *
 * @param schema schema version of the record (1)
 * @param request request id
 * @param at when it happened
 * @param actor who did it
 * @param change what happened: a JSON object whose {@code type} names the change
 *     ({@code registered}, {@code dispatched}, …, {@code escalated}); see core/src/desk/request.rs
 */
public record Event(int schema, String request, OffsetDateTime at, Actor actor, Map<String, Object> change)
        implements Json.JsonWritable {
    /** Checks the components and freezes {@code change}. */
    public Event {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        change = Collections.unmodifiableMap(Objects.requireNonNull(change, "change"));
    }

    /** The change's type, e.g. {@code dispatched}, {@code callback_rated}, {@code escalated}. */
    public String type() {
        return (String) change.get("type");
    }

    /** The event's JSON (one line of a JSON Lines log). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(160);
        writeJson(sb);
        return sb.toString();
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"schema\":").append(schema).append(",\"request\":");
        Json.quote(out, request);
        out.append(",\"at\":\"");
        Rfc3339.format(out, at);
        out.append("\",\"actor\":");
        actor.writeJson(out);
        out.append(",\"change\":");
        Json.write(out, change);
        out.append('}');
    }

    /**
     * Reads one event from its JSON.
     *
     * @throws IllegalArgumentException if the text is not JSON
     * @throws IllegalStateException if it is JSON but not shaped like an event
     */
    public static Event parse(String json) {
        return from(Json.parse(json));
    }

    static Event from(Object json) {
        Map<String, Object> m = Json.obj(json, "event");
        return new Event((int) Json.num(m, "schema"), Json.str(m, "request"), Json.instant(m, "at"),
                Actor.from(m.get("actor")), Json.obj(m.get("change"), "change"));
    }

    static List<Event> list(Object json) {
        List<Object> arr = Json.arr(json, "events");
        List<Event> out = new ArrayList<>(arr.size());
        for (Object o : arr) {
            out.add(from(o));
        }
        return Collections.unmodifiableList(out);
    }

    static void writeList(StringBuilder out, List<Event> events) {
        out.append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            events.get(i).writeJson(out);
        }
        out.append(']');
    }
}

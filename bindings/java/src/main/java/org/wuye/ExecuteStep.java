package org.wuye;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One step of {@link Engine#requestExecuteBatch}: a command on a request by an actor at an instant.
 *
 * @param id request id
 * @param command the step
 * @param actor who takes it
 * @param now when
 */
public record ExecuteStep(String id, Command command, Actor actor, OffsetDateTime now) implements Json.JsonWritable {
    /** Checks the components. */
    public ExecuteStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.quote(out, id);
        out.append(",\"command\":").append(command.toJson()).append(",\"actor\":");
        actor.writeJson(out);
        out.append(",\"now\":\"");
        Rfc3339.format(out, now);
        out.append("\"}");
    }
}

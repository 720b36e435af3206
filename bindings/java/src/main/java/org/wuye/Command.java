package org.wuye;

import java.util.Objects;

/**
 * A command on an existing request: one step of the workflow. Made by the factories,
 * e.g. {@code Command.dispatch("engineering", "w1")}, {@code Command.accept()},
 * {@code Command.hold(HoldReason.WAITING_FOR_PARTS)}, {@code Command.callbackRated(5)}.
 * Immutable; its JSON is fixed when it is made.
 */
public final class Command implements Json.JsonWritable {
    private static final Command ACCEPT = new Command("accept", "{\"step\":\"accept\"}");
    private static final Command ARRIVE = new Command("arrive", "{\"step\":\"arrive\"}");
    private static final Command RESUME = new Command("resume", "{\"step\":\"resume\"}");
    private static final Command UNREACHABLE = new Command("callback",
            "{\"step\":\"callback\",\"outcome\":\"unreachable\"}");

    private final String step;
    private final String json;

    private Command(String step, String json) {
        this.step = step;
        this.json = json;
    }

    private static final class B {
        final StringBuilder sb = new StringBuilder(64);
        final String step;

        B(String step) {
            this.step = step;
            sb.append("{\"step\":\"").append(step).append('"');
        }

        B str(String key, String value) {
            if (value != null) {
                sb.append(",\"").append(key).append("\":");
                Json.quote(sb, value);
            }
            return this;
        }

        B req(String key, String value) {
            return str(key, Objects.requireNonNull(value, key));
        }

        B raw(String key, Json.JsonWritable value) {
            sb.append(",\"").append(key).append("\":");
            value.writeJson(sb);
            return this;
        }

        Command done() {
            return new Command(step, sb.append('}').toString());
        }
    }

    /** Dispatch 派单 to a department (by code, e.g. {@code engineering}), no worker named yet. */
    public static Command dispatch(String department) {
        return dispatch(department, null);
    }

    /** Dispatch 派单 to a department and a named worker (assignee may be null). */
    public static Command dispatch(String department, String assignee) {
        return new B("dispatch").req("department", department).str("assignee", assignee).done();
    }

    /** Accept 接单: the acting worker takes the job. */
    public static Command accept() {
        return ACCEPT;
    }

    /** Arrive on site 到场. */
    public static Command arrive() {
        return ARRIVE;
    }

    /** Put on hold 暂停. */
    public static Command hold(HoldReason reason) {
        return new B("hold").raw("reason", Objects.requireNonNull(reason, "reason")).done();
    }

    /** Resume 恢复 after a hold. */
    public static Command resume() {
        return RESUME;
    }

    /** Complete 完工. */
    public static Command complete() {
        return complete(null);
    }

    /** Complete 完工, saying what was done (note may be null). */
    public static Command complete(String note) {
        return new B("complete").str("note", note).done();
    }

    /** Reply 回复 to the reporter. */
    public static Command reply() {
        return reply(null);
    }

    /** Reply 回复 to the reporter, saying what they were told (note may be null). */
    public static Command reply(String note) {
        return new B("reply").str("note", note).done();
    }

    /** A callback 回访 in which the reporter rated the service 1–5. */
    public static Command callbackRated(int rating) {
        return callbackRated(rating, null, null);
    }

    /**
     * A callback 回访 in which the reporter rated the service 1–5, with an optional comment
     * and optional per-aspect scores (each may be null).
     */
    public static Command callbackRated(int rating, String comment, Aspects aspects) {
        B b = new B("callback");
        b.sb.append(",\"outcome\":\"rated\",\"rating\":").append(rating);
        b.str("comment", comment);
        if (aspects != null) {
            b.raw("aspects", aspects);
        }
        return b.done();
    }

    /** A callback 回访 attempt in which the reporter could not be reached 联系不上. */
    public static Command callbackUnreachable() {
        return UNREACHABLE;
    }

    /** Close as unreachable after the configured number of callback attempts. */
    public static Command closeUnreachable(String reason) {
        return new B("close_unreachable").req("reason", reason).done();
    }

    /** Transfer 转单 to another department and/or worker (assignee may be null). */
    public static Command transfer(String department, String assignee, String reason) {
        return new B("transfer").req("department", department).str("assignee", assignee)
                .req("reason", reason).done();
    }

    /** Return 退单 the request to the centre (the {@code return} step). */
    public static Command returnToCentre(String reason) {
        return new B("return").req("reason", reason).done();
    }

    /** Cancel 撤销. */
    public static Command cancel(String reason) {
        return new B("cancel").req("reason", reason).done();
    }

    /** Close without work 主动结单. */
    public static Command closeWithoutWork(String reason) {
        return closeWithoutWork(reason, null);
    }

    /** Close without work 主动结单 as a duplicate of another request (may be null). */
    public static Command closeWithoutWork(String reason, String duplicateOf) {
        return new B("close_without_work").req("reason", reason).str("duplicate_of", duplicateOf).done();
    }

    /** The step's wire name, e.g. {@code dispatch}, {@code close_without_work}. */
    public String step() {
        return step;
    }

    /** The command's JSON, e.g. {@code {"step":"hold","reason":"waiting_for_parts"}}. */
    public String toJson() {
        return json;
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command && ((Command) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}

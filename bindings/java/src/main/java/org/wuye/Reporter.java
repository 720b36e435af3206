package org.wuye;

import java.util.Map;
import java.util.Objects;

/**
 * The reporter of a request 报事人.
 *
 * @param kind what kind of party reported
 * @param name name, or null (always null for anonymous reports)
 * @param phone phone number to reply to, or null (always null for anonymous reports)
 */
public record Reporter(ReporterKind kind, String name, String phone) implements Json.JsonWritable {
    /** Checks the components. */
    public Reporter {
        Objects.requireNonNull(kind, "kind");
    }

    /** An owner 业主 with name and phone. */
    public static Reporter owner(String name, String phone) {
        return new Reporter(ReporterKind.OWNER, name, phone);
    }

    /** A tenant 租户 with name and phone. */
    public static Reporter tenant(String name, String phone) {
        return new Reporter(ReporterKind.TENANT, name, phone);
    }

    /** An anonymous reporter 匿名. */
    public static Reporter anonymous() {
        return new Reporter(ReporterKind.ANONYMOUS, null, null);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"kind\":\"").append(kind.wireName()).append('"');
        if (name != null) {
            out.append(",\"name\":");
            Json.quote(out, name);
        }
        if (phone != null) {
            out.append(",\"phone\":");
            Json.quote(out, phone);
        }
        out.append('}');
    }

    static Reporter from(Object json) {
        Map<String, Object> m = Json.obj(json, "reporter");
        return new Reporter(ReporterKind.fromWire(Json.str(m, "kind")), Json.optStr(m, "name"),
                Json.optStr(m, "phone"));
    }
}

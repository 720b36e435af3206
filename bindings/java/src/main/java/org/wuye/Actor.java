package org.wuye;

import java.util.Map;
import java.util.Objects;

/**
 * Who takes a step: a role and the host's identifier for the person or system.
 *
 * @param role the role the actor acts in
 * @param id the host's identifier (staff number, owner id, system name)
 */
public record Actor(Role role, String id) implements Json.JsonWritable {
    /** Checks the components. */
    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
    }

    /** An actor with the given role and id. */
    public static Actor of(Role role, String id) {
        return new Actor(role, id);
    }

    /** A customer-service agent 客服. */
    public static Actor agent(String id) {
        return new Actor(Role.AGENT, id);
    }

    /** A dispatcher 调度. */
    public static Actor dispatcher(String id) {
        return new Actor(Role.DISPATCHER, id);
    }

    /** A worker 维修工. */
    public static Actor worker(String id) {
        return new Actor(Role.WORKER, id);
    }

    /** A supervisor 主管. */
    public static Actor supervisor(String id) {
        return new Actor(Role.SUPERVISOR, id);
    }

    /** A project manager 项目经理. */
    public static Actor projectManager(String id) {
        return new Actor(Role.PROJECT_MANAGER, id);
    }

    /** The reporter 报事人 acting for themselves. */
    public static Actor reporter(String id) {
        return new Actor(Role.REPORTER, id);
    }

    /** The host system acting on its own ({@code system}/{@code "system"}). */
    public static Actor system() {
        return new Actor(Role.SYSTEM, "system");
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"role\":\"").append(role.wireName()).append("\",\"id\":");
        Json.quote(out, id);
        out.append('}');
    }

    static Actor from(Object json) {
        Map<String, Object> m = Json.obj(json, "actor");
        return new Actor(Role.fromWire(Json.str(m, "role")), Json.str(m, "id"));
    }
}

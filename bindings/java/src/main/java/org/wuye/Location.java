package org.wuye;

import java.util.Map;
import java.util.Objects;

/**
 * Where the matter is: a unit 房屋 (by the host's unit code, e.g. {@code "3-1-502"}) or a
 * common area 公共区域 (e.g. {@code "2号楼电梯厅"}).
 *
 * @param kind unit or common area
 * @param name the unit code or the area's name
 */
public record Location(Kind kind, String name) implements Json.JsonWritable {
    /** Unit or common area. */
    public enum Kind implements WireEnum {
        /** A unit 房屋. */
        UNIT,
        /** A common area 公共区域. */
        COMMON_AREA;

        @Override
        public String wireName() {
            return WireEnum.snake(this);
        }
    }

    /** Checks the components. */
    public Location {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** A unit, e.g. {@code "3-1-502"}. */
    public static Location unit(String code) {
        return new Location(Kind.UNIT, code);
    }

    /** A common area, e.g. {@code "2号楼电梯厅"}. */
    public static Location commonArea(String name) {
        return new Location(Kind.COMMON_AREA, name);
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"").append(kind.wireName()).append("\":");
        Json.quote(out, name);
        out.append('}');
    }

    static Location from(Object json) {
        Map<String, Object> m = Json.obj(json, "location");
        if (m.size() != 1) {
            throw new IllegalStateException("location must have one key: " + m);
        }
        Map.Entry<String, Object> e = m.entrySet().iterator().next();
        return new Location(WireEnum.fromWire(Kind.class, e.getKey()), (String) e.getValue());
    }
}

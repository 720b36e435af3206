package org.wuye;

/** An enum whose constants have a snake_case name on the wire (the serde name in core). */
public interface WireEnum {
    /** The name on the wire, e.g. {@code "in_progress"}. */
    String wireName();

    /** The constant of {@code type} whose wire name is {@code name}. */
    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " \"" + name + "\"");
    }

    /** {@code FOO_BAR} → {@code foo_bar}. */
    static String snake(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}

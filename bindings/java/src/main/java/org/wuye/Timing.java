package org.wuye;

/** How a clock's time is counted. */
public enum Timing implements WireEnum {
    /** Business time on the calendar. */
    BUSINESS,
    /** Wall-clock time, around the clock. */
    AROUND_THE_CLOCK;

    private static final Timing[] VALUES = values();

    private final String wireName = WireEnum.snake(this);

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * The constant with the given wire name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Timing fromWire(String wireName) {
        for (Timing v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Timing \"" + wireName + "\"");
    }
}

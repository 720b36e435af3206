package org.wuye;

/** Priority 紧急程度, most urgent first. */
public enum Priority implements WireEnum {
    /** Emergency 紧急: clocks run around the clock in the standard policy. */
    EMERGENCY,
    /** High 高. */
    HIGH,
    /** Normal 一般. */
    NORMAL,
    /** Low 低. */
    LOW;

    private static final Priority[] VALUES = values();

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
    public static Priority fromWire(String wireName) {
        for (Priority v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Priority \"" + wireName + "\"");
    }
}

package org.wuye;

/** An SLA clock 服务时效. */
public enum ClockKind implements WireEnum {
    /** Registration or reopen → dispatched. */
    DISPATCH,
    /** First dispatch or transfer → accepted. */
    ACCEPT,
    /** Registration or reopen → arrived on site. */
    ARRIVE,
    /** Registration or reopen → completed. */
    COMPLETE,
    /** Completion (inquiry, praise: registration) → replied. */
    REPLY,
    /** Reply → rated or closed unreachable. */
    CALLBACK;

    private static final ClockKind[] VALUES = values();

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
    public static ClockKind fromWire(String wireName) {
        for (ClockKind v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ClockKind \"" + wireName + "\"");
    }
}

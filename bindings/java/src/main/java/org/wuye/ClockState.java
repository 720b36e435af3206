package org.wuye;

/** State of a clock in a status report. */
public enum ClockState implements WireEnum {
    /** Not started 未开始. */
    NOT_STARTED,
    /** Running, within target 计时中. */
    RUNNING,
    /** Paused while on hold 暂停计时. */
    PAUSED,
    /** Stopped within target 达标. */
    MET,
    /** Over target 超时 (stopped late or still running late). */
    BREACHED,
    /** Not applicable any more (cancelled, closed without work). */
    VOIDED;

    private static final ClockState[] VALUES = values();

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
    public static ClockState fromWire(String wireName) {
        for (ClockState v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ClockState \"" + wireName + "\"");
    }
}

package org.wuye;

/** Where a request stands 工单状态. */
public enum Stage implements WireEnum {
    /** Registered 受理, waiting for dispatch. */
    REGISTERED,
    /** Dispatched 派单. */
    DISPATCHED,
    /** Accepted 接单. */
    ACCEPTED,
    /** In progress 处理中 (arrived on site). */
    IN_PROGRESS,
    /** On hold 暂停. */
    ON_HOLD,
    /** Completed 完工. */
    COMPLETED,
    /** Replied 已回复, waiting for the callback. */
    REPLIED,
    /** Closed 已关闭 (terminal). */
    CLOSED,
    /** Cancelled 撤销 (terminal). */
    CANCELLED;

    private static final Stage[] VALUES = values();

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
    public static Stage fromWire(String wireName) {
        for (Stage v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Stage \"" + wireName + "\"");
    }
}

package org.wuye;

/** How {@link Engine#surveyCallbacks} breaks its figures down into groups. */
public enum GroupBy implements WireEnum {
    /** No groups: the overall figures only (the default). */
    ALL,
    /** By department code ({@code engineering} 工程部, {@code security} 安管部, …). */
    DEPARTMENT,
    /** By the worker who completed the work 处理人 (the one after a return or transfer). */
    ASSIGNEE,
    /** By request kind ({@code repair} 报修, {@code complaint} 投诉, {@code matter} 报事, …). */
    KIND,
    /** By calendar month in the calendar's offset ({@code 2026-03}). */
    MONTH;

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
    public static GroupBy fromWire(String wireName) {
        return WireEnum.fromWire(GroupBy.class, wireName);
    }
}

package org.wuye;

/** A role in the customer-service process 角色. */
public enum Role implements WireEnum {
    /** The person who reported the matter 报事人. */
    REPORTER,
    /** Customer-service agent 客服. */
    AGENT,
    /** Dispatcher 调度. */
    DISPATCHER,
    /** Worker 维修工/处理人. */
    WORKER,
    /** Supervisor 主管: first escalation level. */
    SUPERVISOR,
    /** Project manager 项目经理: second escalation level. */
    PROJECT_MANAGER,
    /** The host system itself. */
    SYSTEM;

    private static final Role[] VALUES = values();

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
    public static Role fromWire(String wireName) {
        for (Role v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Role \"" + wireName + "\"");
    }
}

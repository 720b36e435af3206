package org.wuye;

/** Kind of service request 报事类型. */
public enum RequestKind implements WireEnum {
    /** Repair 报修. */
    REPAIR,
    /** Matter 报事 (not a repair: noise, blocked passage...). */
    MATTER,
    /** Complaint 投诉. */
    COMPLAINT,
    /** Suggestion 建议. */
    SUGGESTION,
    /** Inquiry 咨询: closes when replied. */
    INQUIRY,
    /** Praise 表扬: closes when replied. */
    PRAISE;

    private static final RequestKind[] VALUES = values();

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
    public static RequestKind fromWire(String wireName) {
        for (RequestKind v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown RequestKind \"" + wireName + "\"");
    }
}

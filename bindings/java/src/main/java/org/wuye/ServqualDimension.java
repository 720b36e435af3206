package org.wuye;

/** The five SERVQUAL dimensions 服务质量维度, in the order of the reports. */
public enum ServqualDimension implements WireEnum {
    /** 有形性: facilities, equipment, staff appearance. */
    TANGIBLES,
    /** 可靠性: doing what was promised, dependably and accurately. */
    RELIABILITY,
    /** 响应性: willingness to help and prompt service. */
    RESPONSIVENESS,
    /** 保证性: knowledge and courtesy that inspire trust. */
    ASSURANCE,
    /** 移情性: caring, individual attention. */
    EMPATHY;

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
    public static ServqualDimension fromWire(String wireName) {
        return WireEnum.fromWire(ServqualDimension.class, wireName);
    }
}

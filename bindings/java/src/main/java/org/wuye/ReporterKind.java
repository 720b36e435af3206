package org.wuye;

/** Who reported the matter 报事人类型. */
public enum ReporterKind implements WireEnum {
    /** Owner 业主. */
    OWNER,
    /** Tenant 租户. */
    TENANT,
    /** Colleague 同事. */
    COLLEAGUE,
    /** Partner unit 往来单位. */
    PARTNER_UNIT,
    /** Anonymous 匿名: no name or phone is kept. */
    ANONYMOUS;

    private static final ReporterKind[] VALUES = values();

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
    public static ReporterKind fromWire(String wireName) {
        for (ReporterKind v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ReporterKind \"" + wireName + "\"");
    }
}

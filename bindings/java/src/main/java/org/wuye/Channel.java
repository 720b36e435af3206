package org.wuye;

/** Channel a request came in through 受理渠道. */
public enum Channel implements WireEnum {
    /** Phone 电话. */
    PHONE,
    /** Front desk 前台. */
    FRONT_DESK,
    /** Owner app or mini-program 业主App/小程序. */
    APP,
    /** Walk-in visit 来访. */
    WALK_IN,
    /** Found on a patrol 巡检. */
    PATROL,
    /** Any other channel. */
    OTHER;

    private static final Channel[] VALUES = values();

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
    public static Channel fromWire(String wireName) {
        for (Channel v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Channel \"" + wireName + "\"");
    }
}

package org.wuye;

/** The state of a unit 房屋状态 for fees, from a date on (see {@link FeeUnit#states()}). */
public enum UnitState implements WireEnum {
    /** Not yet handed over 未交房: by default no periodic fee (100% off). */
    NOT_HANDED_OVER,
    /** Occupied 已入住. */
    OCCUPIED,
    /** Vacant 空置: handed over, nobody lives there; often a discount. */
    VACANT,
    /** Under renovation 装修中. */
    RENOVATING;

    private static final UnitState[] VALUES = values();

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
    public static UnitState fromWire(String wireName) {
        for (UnitState v : VALUES) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown UnitState \"" + wireName + "\"");
    }
}

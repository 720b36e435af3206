package org.wuye;

/** Where the importance weights of a weighted SERVQUAL or SERVPERF figure came from. */
public enum WeightSource implements WireEnum {
    /** The fixed weights given with the survey ({@link Survey#withWeights}). */
    FIXED,
    /** The average of the respondents' own 100-point allocations ({@link SurveyResponse#withWeights}). */
    RESPONDENTS;

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
    public static WeightSource fromWire(String wireName) {
        return WireEnum.fromWire(WeightSource.class, wireName);
    }
}

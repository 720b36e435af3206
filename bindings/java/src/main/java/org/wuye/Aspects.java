package org.wuye;

/**
 * Optional per-aspect callback scores, 1–5 each (null when not asked).
 *
 * @param speed speed 及时性
 * @param attitude attitude 服务态度
 * @param quality quality 维修质量
 */
public record Aspects(Integer speed, Integer attitude, Integer quality) implements Json.JsonWritable {
    /** No aspect scores. */
    public static final Aspects NONE = new Aspects(null, null, null);

    @Override
    public void writeJson(StringBuilder out) {
        out.append('{');
        String sep = "";
        if (speed != null) {
            out.append("\"speed\":").append(speed.intValue());
            sep = ",";
        }
        if (attitude != null) {
            out.append(sep).append("\"attitude\":").append(attitude.intValue());
            sep = ",";
        }
        if (quality != null) {
            out.append(sep).append("\"quality\":").append(quality.intValue());
        }
        out.append('}');
    }
}

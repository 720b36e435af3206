package org.wuye;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One service line 服务项目 for {@link Engine#surveyValue}: what the service is worth to the
 * customer and what it costs each side, in any one unit (yuan, points). Exact decimals, none
 * negative; sent as decimal strings.
 *
 * @param line the service line, e.g. {@code 保洁 cleaning}
 * @param utility service utility 服务效用
 * @param processQuality process quality 过程质量
 * @param price the price the customer pays 价格
 * @param accessCost the customer's cost of obtaining the service 获取成本
 * @param provisionCost the company's cost of providing it 提供成本
 */
public record ServiceLine(String line, BigDecimal utility, BigDecimal processQuality, BigDecimal price,
        BigDecimal accessCost, BigDecimal provisionCost) implements Json.JsonWritable {
    /** Checks the components. */
    public ServiceLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(processQuality, "processQuality");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(accessCost, "accessCost");
        Objects.requireNonNull(provisionCost, "provisionCost");
    }

    /**
     * A line from decimal strings ({@code "60.00"}, {@code "12.5"}).
     *
     * @throws NumberFormatException if a figure is not a decimal
     */
    public static ServiceLine of(String line, String utility, String processQuality, String price, String accessCost,
            String provisionCost) {
        return new ServiceLine(line, new BigDecimal(utility), new BigDecimal(processQuality), new BigDecimal(price),
                new BigDecimal(accessCost), new BigDecimal(provisionCost));
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"line\":");
        Json.quote(out, line);
        out.append(",\"utility\":");
        Json.decimal(out, utility);
        out.append(",\"process_quality\":");
        Json.decimal(out, processQuality);
        out.append(",\"price\":");
        Json.decimal(out, price);
        out.append(",\"access_cost\":");
        Json.decimal(out, accessCost);
        out.append(",\"provision_cost\":");
        Json.decimal(out, provisionCost);
        out.append('}');
    }
}

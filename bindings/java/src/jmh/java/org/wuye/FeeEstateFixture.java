package org.wuye;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The estate of the Rust fee benchmark (benches/src/lib.rs: fee_schedule, fee_units,
 * fee_inputs), built in Java: five unit types with a high-rise rate change on 2026-09-16,
 * property fee by area (vacant 30% off), rubbish removal, parking rent for subscribers, water
 * in annual tiers, lift power shared by building area. {@code n} units give 5n lines a month.
 */
final class FeeEstateFixture {
    private FeeEstateFixture() {}

    static final String PERIOD = "2026-09";

    static final FeeSchedule SCHEDULE = FeeSchedule.fromJson("{"
            + "\"unit_types\":[{\"code\":\"high_rise\",\"name\":\"高层\"},{\"code\":\"multi_storey\",\"name\":\"多层\"},"
            + "{\"code\":\"villa\",\"name\":\"别墅\"},{\"code\":\"shop\",\"name\":\"商铺\"},{\"code\":\"office\",\"name\":\"写字楼\"}],"
            + "\"items\":["
            + "{\"code\":\"property_fee\",\"name\":\"物业服务费\",\"formula\":{\"kind\":\"area\"},\"state_discounts\":{\"vacant\":\"30\"}},"
            + "{\"code\":\"rubbish\",\"name\":\"垃圾清运费\",\"formula\":{\"kind\":\"fixed\"}},"
            + "{\"code\":\"parking_rent\",\"name\":\"车位租金\",\"formula\":{\"kind\":\"fixed\",\"applies\":\"subscribers\"}},"
            + "{\"code\":\"water\",\"name\":\"水费\",\"formula\":{\"kind\":\"metered\",\"tier_bounds\":\"annual\"}},"
            + "{\"code\":\"lift_power\",\"name\":\"电梯电费公摊\",\"formula\":{\"kind\":\"shared\"}}],"
            + "\"rates\":["
            + "{\"item\":\"property_fee\",\"unit_types\":[\"high_rise\"],\"from\":\"2024-01-01\",\"to\":\"2026-09-15\",\"price\":\"2.35\"},"
            + "{\"item\":\"property_fee\",\"unit_types\":[\"high_rise\"],\"from\":\"2026-09-16\",\"price\":\"2.60\"},"
            + "{\"item\":\"property_fee\",\"unit_types\":[\"multi_storey\"],\"from\":\"2024-01-01\",\"price\":\"1.80\"},"
            + "{\"item\":\"property_fee\",\"unit_types\":[\"villa\"],\"from\":\"2024-01-01\",\"price\":\"4.80\"},"
            + "{\"item\":\"property_fee\",\"unit_types\":[\"shop\",\"office\"],\"from\":\"2024-01-01\",\"price\":\"6.50\"},"
            + "{\"item\":\"rubbish\",\"from\":\"2024-01-01\",\"price\":\"15.00\"},"
            + "{\"item\":\"parking_rent\",\"from\":\"2024-01-01\",\"price\":\"300.00\"},"
            + "{\"item\":\"water\",\"from\":\"2024-01-01\",\"tiers\":["
            + "{\"up_to\":\"180\",\"price\":\"5.00\"},{\"up_to\":\"260\",\"price\":\"7.00\"},{\"price\":\"9.00\"}]}],"
            + "\"billing\":{\"collection\":\"prepaid\",\"due_days\":15}}");

    private static final String[] TYPES = {"high_rise", "multi_storey", "villa", "shop", "office"};

    /** {@code n} units: types in turn, areas 60.00–149.99 m², one in 20 vacant, one in 50 moving in on 2026-09-12. */
    static List<FeeUnit> units(int n) {
        List<FeeUnit> out = new ArrayList<>(n);
        LocalDate vacantFrom = LocalDate.parse("2024-01-01");
        LocalDate moveIn = LocalDate.parse("2026-09-12");
        for (int i = 0; i < n; i++) {
            String id = (i / 4000 + 1) + "-" + (i / 400 % 10 + 1) + "-" + String.format("%04d", i % 400);
            FeeUnit u = FeeUnit.of(id, TYPES[i % TYPES.length], BigDecimal.valueOf(6000 + (i * 37L) % 9000, 2));
            if (i % 20 == 7) {
                u = u.withState(vacantFrom, UnitState.VACANT);
            } else if (i % 50 == 3) {
                u = u.withState(moveIn, UnitState.OCCUPIED);
            }
            out.add(u.withSubscription("parking_rent"));
        }
        return out;
    }

    /** A water reading per unit (5–44 m³, after 0–299 m³ earlier in the year), dated 2026-09-30. */
    static List<MeterReading> readings(List<FeeUnit> units) {
        List<MeterReading> out = new ArrayList<>(units.size());
        LocalDate date = LocalDate.parse("2026-09-30");
        for (int i = 0; i < units.size(); i++) {
            long prev = 1000 + i % 500;
            out.add(new MeterReading(units.get(i).id(), "water", date, BigDecimal.valueOf(prev),
                    BigDecimal.valueOf(prev + 5 + i % 40), null, null, BigDecimal.valueOf(i % 300)));
        }
        return out;
    }

    /** The month's inputs: the readings and 1,234,567.89 of lift power to share. */
    static BillInputs inputs(List<FeeUnit> units) {
        return BillInputs.readings(readings(units))
                .withShared(List.of(SharedCost.of("lift_power", Money.parse("1234567.89"))));
    }
}

package org.wuye;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BigDecimal baseline of the JMH fee benchmark (src/jmh/java: BigDecimalBilling) gives the
 * same amounts as the library, line for line, on the benchmark's generated estate.
 */
class BigDecimalBillingTest {
    static final int UNITS = 20_000;

    static long[] fen(BigDecimal[] amounts) {
        long[] out = new long[amounts.length];
        for (int k = 0; k < amounts.length; k++) {
            out[k] = Money.of(amounts[k]).fen();
        }
        return out;
    }

    @Test
    void theBaselineBillsTheGeneratedEstateLikeTheLibrary() {
        List<FeeUnit> units = FeeEstateFixture.units(UNITS);
        BillInputs inputs = FeeEstateFixture.inputs(units);
        BigDecimalBilling vendor = new BigDecimalBilling(FeeEstateFixture.SCHEDULE, units);
        BigDecimalBilling.Lines mine = vendor.bill(YearMonth.parse(FeeEstateFixture.PERIOD), inputs);
        try (Engine e = Engine.standard()) {
            e.feeLoadEstate(FeeEstateFixture.SCHEDULE, units);
            EstateLines lib = e.feeBillEstate(FeeEstateFixture.PERIOD, inputs);
            assertEquals(5 * UNITS, lib.size());
            assertArrayEquals(lib.units(), mine.unit());
            assertArrayEquals(lib.items(), mine.item());
            long[] mineFen = fen(mine.amount());
            for (int k = 0; k < lib.size(); k++) {
                assertEquals(lib.fen(k), mineFen[k], "line " + k + ": unit " + units.get(lib.unit(k)).id() + ", item "
                        + lib.item(k));
            }
            assertEquals(lib.total(), Money.of(mine.total()));
            // The readings as rows (the general form) give the same response, byte for byte.
            byte[] rows = e.callBytes(FeeTest.rowsRequest(FeeEstateFixture.PERIOD, inputs));
            ByteJson columns = Engine.billEstateRequest(FeeEstateFixture.PERIOD, inputs);
            assertArrayEquals(rows, e.callBytes(columns.array(), columns.size()));
            // The lift power is shared exactly: its lines add up to 1,234,567.89.
            long lift = 0;
            for (int k = 0; k < lib.size(); k++) {
                lift += lib.item(k) == 4 ? lib.fen(k) : 0;
            }
            assertEquals(123456789L, lift);
        }
        // A few lines worked by hand (items: property fee, rubbish, parking rent, water, lift power).
        // Unit 0 (1-1-0000): high-rise, 60.00 m², occupied. Rate 2.35 to 15 September, 2.60 from
        // the 16th: 60 × (2.35 × 15 + 2.60 × 15) / 30 = 60 × 2.475 = 148.50; rubbish 15.00;
        // parking 300.00; water 1005 − 1000 = 5 m³ after 0 m³ this year: 5 × 5.00 = 25.00.
        assertLines(mine, 0, "148.50", "15.00", "300.00", "25.00");
        // Unit 3: a shop of 61.11 m² handed over on 12 September (19 of 30 days):
        // 61.11 × 6.50 × 19/30 = 251.5695 → 251.57; rubbish 15 × 19/30 = 9.50; parking 300 ×
        // 19/30 = 190.00; water 1011 − 1003 = 8 m³ after 3 m³: 8 × 5.00 = 40.00.
        assertLines(mine, 3, "251.57", "9.50", "190.00", "40.00");
        // Unit 7: a vacant villa of 62.59 m² (30% off the property fee only): 62.59 × 4.80 =
        // 300.432 × 70% = 210.3024 → 210.30; water 1019 − 1007 = 12 m³ after 7: 12 × 5.00 = 60.00.
        assertLines(mine, 7, "210.30", "15.00", "300.00", "60.00");
        // Unit 179: an office (179 mod 5 = 4) of 60 + (179 × 37 mod 9000)/100 = 126.23 m²:
        // 126.23 × 6.50 = 820.495 → 820.50 (half up); water 1203 − 1179 = 24 m³ after 179 m³
        // this year: 1 m³ at 5.00 (to 180), 23 at 7.00 = 5.00 + 161.00 = 166.00.
        assertLines(mine, 179, "820.50", "15.00", "300.00", "166.00");
    }

    static void assertLines(BigDecimalBilling.Lines lines, int unit, String... amounts) {
        for (int i = 0; i < amounts.length; i++) {
            assertEquals(new BigDecimal(amounts[i]), lines.amount()[unit * 5 + i], "unit " + unit + ", item " + i);
        }
    }
}

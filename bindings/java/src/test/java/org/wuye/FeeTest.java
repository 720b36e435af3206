package org.wuye;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wuye.ErrorsTest.fails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fee operations through their typed methods. Every expected figure is worked out by
 * hand in the comments (the examples of docs/contract.md, "Fees 收费").
 */
class FeeTest {
    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    static Money m(String s) {
        return Money.parse(s);
    }

    static final FeeSchedule HIGH_RISE = FeeSchedule.fromJson("{\"unit_types\":[{\"code\":\"high_rise\",\"name\":\"高层\"}],"
            + "\"items\":[{\"code\":\"property_fee\",\"name\":\"物业服务费\",\"formula\":{\"kind\":\"area\"}}],"
            + "\"rates\":[{\"item\":\"property_fee\",\"from\":\"2020-01-01\",\"price\":\"2.35\"}],"
            + "\"billing\":{\"collection\":\"prepaid\",\"due_days\":15}}");

    /** The estate of fee.load_estate: two high-rise flats (one vacant, 30% off) and a villa; water in two tiers. */
    static final FeeSchedule ESTATE = FeeSchedule.fromJson("{\"unit_types\":[{\"code\":\"high_rise\",\"name\":\"高层\"},"
            + "{\"code\":\"villa\",\"name\":\"别墅\"}],"
            + "\"items\":[{\"code\":\"property_fee\",\"name\":\"物业服务费\",\"formula\":{\"kind\":\"area\"},"
            + "\"state_discounts\":{\"vacant\":\"30\"}},{\"code\":\"water\",\"name\":\"水费\",\"formula\":{\"kind\":\"metered\"}}],"
            + "\"rates\":[{\"item\":\"property_fee\",\"unit_types\":[\"high_rise\"],\"from\":\"2020-01-01\",\"price\":\"2.35\"},"
            + "{\"item\":\"property_fee\",\"unit_types\":[\"villa\"],\"from\":\"2020-01-01\",\"price\":\"4.80\"},"
            + "{\"item\":\"water\",\"from\":\"2020-01-01\",\"tiers\":[{\"up_to\":\"15\",\"price\":\"3.50\"},{\"price\":\"4.90\"}]}]}");

    static final List<FeeUnit> ESTATE_UNITS = List.of(
            FeeUnit.of("1-101", "high_rise", dec("98.76")),
            FeeUnit.of("1-102", "high_rise", dec("120.50")).withState(d("2025-06-01"), UnitState.VACANT),
            FeeUnit.of("V-01", "villa", dec("210")));

    static MeterReading water(String unit, String previous, String current) {
        return MeterReading.of(unit, "water", d("2026-09-30"), dec(previous), dec(current));
    }

    Engine e;

    @BeforeEach
    void open() {
        e = Engine.standard();
    }

    @AfterEach
    void close() {
        e.close();
    }

    // ---------------------------------------------------------------- Money

    @Test
    void moneyIsExactFenParsedFromTheWireString() {
        assertEquals(23209, m("232.09").fen());
        assertEquals(-7, m("-0.07").fen());
        assertEquals(123450, m("1234.5").fen());
        assertEquals(300, m("3").fen());
        assertEquals("1234.50", m("1234.5").toString());
        assertEquals("-0.07", Money.ofFen(-7).toString());
        assertEquals(new BigDecimal("232.09"), m("232.09").toBigDecimal());
        assertEquals(2, m("1000").toBigDecimal().scale());
        assertEquals(m("1000.00"), Money.of(new BigDecimal("1000")));
        assertEquals(m("0.10"), Money.of(new BigDecimal("0.100")));
        assertEquals(m("1631.51"), m("232.09").plus(m("67.20")).plus(m("198.22")).plus(m("1008.00")).plus(m("126.00")));
    }

    @Test
    void aBadAmountStringIsRefusedNeverRounded() {
        for (String bad : new String[] {"12.345", "1,000.00", "", "-", "1.", ".5", "+1.00", "1e3", " 1.00", "¥1.00",
                "abc", "99999999999999999999.00"}) {
            assertThrows(IllegalArgumentException.class, () -> Money.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("0.001")));
        // The library refuses it too when it arrives as a string on the wire.
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "invalid_value",
                () -> e.callJson("{\"v\":1,\"op\":\"fee.apportion\",\"args\":{\"amount\":\"12.345\",\"weights\":[\"1\"]}}"));
        fails(InvalidRequestException.class, Status.INVALID_REQUEST, "invalid_value",
                () -> e.callJson("{\"v\":1,\"op\":\"fee.apportion\",\"args\":{\"amount\":\"1,000.00\",\"weights\":[\"1\"]}}"));
        // A bad rate in a schedule is named by its place.
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "invalid_fee_input",
                () -> e.feeBill("2026-09", FeeSchedule.fromJson(HIGH_RISE.json().replace("\"2.35\"", "\"-2.35\"")),
                        List.of(FeeUnit.of("1-101", "high_rise", dec("98.76"))), BillInputs.NONE));
        assertTrue(x.getMessage().contains("rates[0].price"), x.getMessage());
    }

    // ---------------------------------------------------------------- fee.bill

    @Test
    void billProratesAMidMonthHandOver() {
        // 3-1-502 is handed over on 2026-09-16: 1–15 September not handed over (100% off),
        // 16–30 occupied. September has 30 days: 98.76 × 2.35 × 15/30 = 116.043 → 116.04.
        // Prepaid, due 15 days after the period's first day: 2026-09-16.
        FeeUnit unit = FeeUnit.of("3-1-502", "high_rise", dec("98.76")).withState(d("2026-09-16"), UnitState.OCCUPIED);
        Bills bills = e.feeBill("2026-09", HIGH_RISE, List.of(unit), BillInputs.NONE);
        assertEquals(m("116.04"), bills.total());
        Bill b = bills.bills().get(0);
        assertEquals("3-1-502", b.unit());
        assertEquals("2026-09", b.period());
        assertEquals(m("116.04"), b.total());
        Bill.Line l = b.lines().get(0);
        assertEquals("property_fee", l.item());
        assertEquals("物业服务费", l.name());
        assertEquals(m("116.04"), l.amount());
        assertEquals(d("2026-09-16"), l.due());
        assertTrue(l.lateFee());
        Bill.Trace t = l.trace();
        assertEquals("98.76", t.inputs().get("building_area"));
        assertEquals(2, t.segments().size());
        Bill.Segment s1 = t.segments().get(0);
        assertEquals(UnitState.NOT_HANDED_OVER, s1.state());
        assertEquals(15, s1.days());
        assertEquals(0, new BigDecimal("100").compareTo(s1.discount()));
        assertEquals("0", s1.amount());
        Bill.Segment s2 = t.segments().get(1);
        assertEquals(d("2026-09-16"), s2.from());
        assertEquals(d("2026-09-30"), s2.to());
        assertEquals(30, s2.monthDays());
        assertEquals(UnitState.OCCUPIED, s2.state());
        assertEquals(new BigDecimal("2.35"), s2.rate());
        assertEquals("116.043", s2.amount());
        assertEquals("half_up", t.rounding().mode());
        assertEquals("fen", t.rounding().unit());
        assertEquals("per_month", t.rounding().point());
        assertEquals(new Bill.RoundingStep("2026-09", "116.043", m("116.04")), t.rounding().steps().get(0));
        assertEquals(List.of("building area 建筑面积 98.76 m²",
                "2026-09-01..2026-09-15 not_handed_over 未交房: 98.76 × 2.35 × 15/30 × (100% − 100%) = 0",
                "2026-09-16..2026-09-30 occupied 已入住: 98.76 × 2.35 × 15/30 = 116.043",
                "2026-09: 116.043 → 116.04 (half_up 四舍五入 to the fen 分, per month 按月)"), t.text());
    }

    @Test
    void roundingOncePerLineOrOncePerMonth() {
        // 98.76 m² × 2.35 = 232.086 a month. For the year 2026:
        //   per month: 232.086 → 232.09, × 12 = 2785.08
        //   per line:  232.086 × 12 = 2785.032 → 2785.03
        FeeSchedule s = FeeSchedule.fromJson("{\"unit_types\":[{\"code\":\"high_rise\",\"name\":\"高层\"}],"
                + "\"items\":[{\"code\":\"monthly\",\"name\":\"按月舍入\",\"formula\":{\"kind\":\"area\"}},"
                + "{\"code\":\"once\",\"name\":\"整笔舍入\",\"formula\":{\"kind\":\"area\"},\"rounding_point\":\"per_line\"}],"
                + "\"rates\":[{\"item\":\"monthly\",\"from\":\"2020-01-01\",\"price\":\"2.35\"},"
                + "{\"item\":\"once\",\"from\":\"2020-01-01\",\"price\":\"2.35\"}]}");
        Bill b = e.feeBill("2026", s, List.of(FeeUnit.of("1-101", "high_rise", dec("98.76"))), BillInputs.NONE).bills().get(0);
        assertEquals(m("2785.08"), b.lines().get(0).amount());
        assertEquals(12, b.lines().get(0).trace().rounding().steps().size());
        assertEquals(m("2785.03"), b.lines().get(1).amount());
        assertEquals(new Bill.RoundingStep("line", "2785.032", m("2785.03")), b.lines().get(1).trace().rounding().steps().get(0));
        assertEquals(m("5570.11"), b.total()); // 2785.08 + 2785.03
        // Postpaid by default, due on the period's last day.
        assertEquals(d("2026-12-31"), b.lines().get(0).due());
    }

    @Test
    void overlappingRatesAreRefused() {
        FeeSchedule s = FeeSchedule.fromJson(HIGH_RISE.json().replace(
                "\"price\":\"2.35\"}]", "\"price\":\"2.35\"},{\"item\":\"property_fee\",\"from\":\"2026-09-01\",\"price\":\"2.60\"}]"));
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "overlapping_rates",
                () -> e.feeBill("2026-09", s, List.of(), BillInputs.NONE));
        assertEquals("item property_fee, unit type high_rise: rates 2020-01-01.. and 2026-09-01.. overlap", x.getMessage());
        // Loading such an estate is refused the same way, and nothing is loaded.
        fails(RefusedException.class, Status.REFUSED, "overlapping_rates", () -> e.feeLoadEstate(s, List.of()));
        fails(RefusedException.class, Status.REFUSED, "no_estate", () -> e.feeBillEstate("2026-09", BillInputs.NONE));
    }

    @Test
    void aScheduleMustBeOneJsonObject() {
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.fromJson("{\"unit_types\":[]},\"only\":[]"));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.fromJson("[]"));
    }

    // ---------------------------------------------------------------- fee.load_estate, fee.bill_estate

    @Test
    void loadEstateThenBillEveryLineCompactly() {
        LoadedEstate loaded = e.feeLoadEstate(ESTATE, ESTATE_UNITS);
        assertEquals(3, loaded.units());
        assertEquals(List.of("property_fee", "water"), loaded.items());
        // 1-101: 98.76 × 2.35 = 232.086 → 232.09; water 118 − 100 = 18 m³: 15 × 3.50 + 3 × 4.90 = 52.50 + 14.70 = 67.20.
        // 1-102, vacant (30% off): 120.50 × 2.35 = 283.175 × 70% = 198.2225 → 198.22; no reading.
        // V-01: 210 × 4.80 = 1008.00; water 30 m³: 52.50 + 15 × 4.90 = 52.50 + 73.50 = 126.00.
        // Total 232.09 + 67.20 + 198.22 + 1008.00 + 126.00 = 1631.51.
        EstateLines lines = e.feeBillEstate(YearMonth.of(2026, 9),
                BillInputs.readings(List.of(water("1-101", "100", "118"), water("V-01", "500", "530"))));
        assertEquals("2026-09", lines.period());
        assertEquals(5, lines.size());
        assertArrayEquals(new int[] {0, 0, 1, 2, 2}, lines.units());
        assertArrayEquals(new int[] {0, 1, 0, 0, 1}, lines.items());
        assertArrayEquals(new long[] {23209, 6720, 19822, 100800, 12600}, lines.fens());
        assertEquals(m("198.22"), lines.amount(2));
        assertEquals(m("1631.51"), lines.total());

        // Traces on demand for one unit of the loaded estate: the same amount as its compact line.
        Bills one = e.feeBill("2026-09", BillInputs.NONE, List.of("1-102"));
        Bill.Line l = one.bills().get(0).lines().get(0);
        assertEquals(m("198.22"), l.amount());
        assertEquals(UnitState.VACANT, l.trace().segments().get(0).state());
        assertEquals(0, new BigDecimal("30").compareTo(l.trace().segments().get(0).discount()));
        // The segment's exact amount is after the state discount: 283.175 × 70% = 198.2225.
        assertEquals("198.2225", l.trace().segments().get(0).amount());
        assertEquals("198.2225", l.trace().rounding().steps().get(0).exact());
    }

    @Test
    void aReadingGoingBackwardsIsAnErrorAndNoLineIsReturned() {
        e.feeLoadEstate(ESTATE, ESTATE_UNITS);
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "reading_backwards",
                () -> e.feeBillEstate("2026-09", BillInputs.readings(List.of(water("1-101", "118", "100")))));
        assertEquals("unit 1-101, item water: reading of 2026-09-30 goes backwards (118 → 100) without a meter "
                + "replacement or rollover", x.getMessage());
        // A rollover is not backwards: a four-digit meter from 9990 to 0008 is 18 m³ → 67.20.
        EstateLines rolled = e.feeBillEstate("2026-09",
                BillInputs.readings(List.of(water("1-101", "9990", "8").withWrapsAt(dec("10000")))));
        assertEquals(6720, rolled.fen(1));
        // Nor is a replacement: old meter 100 → 110 (10), new meter 0 → 8 (8): 18 m³ → 67.20.
        EstateLines replaced = e.feeBillEstate("2026-09",
                BillInputs.readings(List.of(water("1-101", "100", "8").withReplacement(dec("110"), dec("0")))));
        assertEquals(6720, replaced.fen(1));
    }

    @Test
    void inputsNamingUnknownUnitsOrItemsOfTheWrongKind() {
        e.feeLoadEstate(ESTATE, ESTATE_UNITS);
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "unknown_code",
                () -> e.feeBillEstate("2026-09", BillInputs.readings(List.of(water("9-999", "1", "2")))));
        assertTrue(x.getMessage().contains("9-999"), x.getMessage());
        fails(RefusedException.class, Status.REFUSED, "wrong_item_kind", () -> e.feeBillEstate("2026-09",
                BillInputs.readings(List.of(MeterReading.of("1-101", "property_fee", d("2026-09-30"), dec("1"), dec("2"))))));
    }

    @Test
    void sharedCostsSumExactlyToTheAmount() {
        // 1000.00 of lift power shared by building area over the three units (all handed over):
        // 98.76 + 120.50 + 210 = 429.26; exact shares 230.0703…, 280.7157…, 489.2139…; floors
        // 230.07 + 280.71 + 489.21 = 999.99; the fen left goes to the largest remainder (0.57…) → 280.72.
        FeeSchedule s = FeeSchedule.fromJson(ESTATE.json().replace("\"formula\":{\"kind\":\"metered\"}}]",
                "\"formula\":{\"kind\":\"metered\"}},{\"code\":\"lift\",\"name\":\"电梯电费公摊\",\"formula\":{\"kind\":\"shared\"}}]"));
        e.feeLoadEstate(s, ESTATE_UNITS);
        EstateLines lines = e.feeBillEstate("2026-09", BillInputs.NONE.withShared(List.of(SharedCost.of("lift", m("1000.00")))));
        assertArrayEquals(new int[] {0, 2, 0, 2, 0, 2}, lines.items());
        assertArrayEquals(new long[] {23209, 23007, 19822, 28072, 100800, 48921}, lines.fens());
        assertEquals(m("2438.31"), lines.total()); // 232.09 + 198.22 + 1008.00 + 1000.00
    }

    @Test
    void theBulkDecoderAndTheGeneralReaderAgree() {
        e.feeLoadEstate(ESTATE, ESTATE_UNITS);
        byte[] body = e.callBytes(("{\"v\":1,\"op\":\"fee.bill_estate\",\"args\":{\"period\":\"2026-09\",\"readings\":["
                + "{\"unit\":\"1-101\",\"item\":\"water\",\"date\":\"2026-09-30\",\"previous\":\"100\",\"current\":\"118\"}]}}")
                .getBytes(StandardCharsets.UTF_8));
        EstateLines fast = EstateLines.decode(body);
        EstateLines slow = EstateLines.decodeTree(body);
        assertArrayEquals(slow.units(), fast.units());
        assertArrayEquals(slow.items(), fast.items());
        assertArrayEquals(slow.fens(), fast.fens());
        assertEquals(slow.total(), fast.total());
        // A response reformatted on its way still decodes (through the general reader).
        String spaced = new String(body, StandardCharsets.UTF_8).replace(",", ", ");
        EstateLines respaced = EstateLines.decode(spaced.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(fast.fens(), respaced.fens());
        // Lines that do not add up to the total (232.09 + 67.20 + 198.22 + 1008.00 = 1505.51) are refused.
        String wrong = new String(body, StandardCharsets.UTF_8).replace("\"total\":\"1505.51\"", "\"total\":\"1505.52\"");
        assertTrue(!wrong.equals(new String(body, StandardCharsets.UTF_8)), wrong);
        assertThrows(IllegalStateException.class, () -> EstateLines.decode(wrong.getBytes(StandardCharsets.UTF_8)));
        // An empty estate has empty columns.
        e.feeLoadEstate(ESTATE, List.of());
        EstateLines none = e.feeBillEstate("2026-09", BillInputs.NONE);
        assertEquals(0, none.size());
        assertEquals(Money.ZERO, none.total());
    }

    /** The request of {@code fee.bill_estate} with the readings as rows (what the binding sent before columns). */
    static byte[] rowsRequest(String period, BillInputs inputs) {
        StringBuilder sb = new StringBuilder("{\"v\":1,\"op\":\"fee.bill_estate\",\"args\":{\"period\":");
        Json.quote(sb, period);
        inputs.writeFields(sb);
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The columns {@link Engine#feeBillEstate} sends, and the rows they stand for, give the same response bytes. */
    static void sameAsRows(Engine e, BillInputs inputs) {
        ByteJson columns = Engine.billEstateRequest("2026-09", inputs);
        byte[] req = java.util.Arrays.copyOf(columns.array(), columns.size());
        String text = new String(req, StandardCharsets.UTF_8);
        assertTrue(inputs.readings().isEmpty() || text.contains("\"readings\":{\"unit\":["), text);
        String viaColumns;
        String viaRows;
        try {
            viaColumns = new String(e.callBytes(req), StandardCharsets.UTF_8);
        } catch (WuyeException x) {
            viaColumns = x.response();
        }
        try {
            viaRows = new String(e.callBytes(rowsRequest("2026-09", inputs)), StandardCharsets.UTF_8);
        } catch (WuyeException x) {
            viaRows = x.response();
        }
        assertEquals(viaRows, viaColumns, text);
    }

    @Test
    void readingsGoAsColumnsAndBillAsRows() {
        // Ids to escape or in Chinese, items and dates that differ, decimals, rollovers,
        // replacements and year-to-date consumption on some readings only.
        FeeSchedule s = FeeSchedule.fromJson(ESTATE.json().replace("\"formula\":{\"kind\":\"metered\"}}]",
                "\"formula\":{\"kind\":\"metered\"}},{\"code\":\"power\",\"name\":\"电费\",\"formula\":{\"kind\":\"metered\",\"tier_bounds\":\"annual\"}}]")
                .replace("]}]}", "]},{\"item\":\"power\",\"from\":\"2020-01-01\",\"tiers\":[{\"up_to\":\"2000\",\"price\":\"0.5883\"},{\"price\":\"0.8883\"}]}]}"));
        List<FeeUnit> units = List.of(FeeUnit.of("1-\"101\"", "high_rise", dec("98.76")),
                FeeUnit.of("别墅\\01", "villa", dec("210")), FeeUnit.of("1-103", "high_rise", dec("77.7")));
        e.feeLoadEstate(s, units);
        BillInputs mixed = BillInputs.readings(List.of(
                water("1-\"101\"", "100.5", "118.125"),
                MeterReading.of("别墅\\01", "power", d("2026-09-28"), dec("1500"), dec("1812.5")).withYearToDate(dec("1900")),
                water("别墅\\01", "9990", "8").withWrapsAt(dec("10000")),
                water("1-103", "100", "8").withReplacement(dec("110.001"), dec("0")),
                MeterReading.of("1-103", "power", d("2026-09-30"), dec("12345678901234567890"), dec("12345678901234567891"))
                        .withYearToDate(dec("0"))));
        sameAsRows(e, mixed);
        EstateLines lines = e.feeBillEstate("2026-09", mixed);
        // 1-"101": water 118.125 − 100.5 = 17.625 m³: 15 × 3.50 + 2.625 × 4.90 = 52.50 + 12.8625 = 65.3625 → 65.36.
        assertEquals(6536, lines.fen(1));
        // 别墅\01, power 312.5 kWh after 1900 this year: 100 × 0.5883 + 212.5 × 0.8883 = 58.83 + 188.76375 = 247.59375 → 247.59;
        // water rolled over: 10000 − 9990 + 8 = 18 m³ → 67.20.
        assertArrayEquals(new long[] {6720, 24759}, java.util.Arrays.copyOfRange(lines.fens(), 3, 5));
        // One item and date for all; whole readings as integers; the errors are the rows' errors.
        sameAsRows(e, BillInputs.readings(List.of(water("1-103", "5", "6"), water("1-\"101\"", "118", "100"))));
        sameAsRows(e, BillInputs.readings(List.of(water("9-999", "1", "2"))));
        sameAsRows(e, BillInputs.readings(List.of(water("1-103", "1.0001", "2"))));
        sameAsRows(e, BillInputs.readings(List.of(water("1-103", "-1", "2"))));
        sameAsRows(e, BillInputs.NONE.withShared(List.of(SharedCost.of("water", m("1.00")))));
        RefusedException x = fails(RefusedException.class, Status.REFUSED, "reading_backwards",
                () -> e.feeBillEstate("2026-09", BillInputs.readings(List.of(water("1-\"101\"", "118", "100")))));
        assertEquals("unit 1-\"101\", item water: reading of 2026-09-30 goes backwards (118 → 100) without a meter "
                + "replacement or rollover", x.getMessage());
    }

    // ---------------------------------------------------------------- fee.parking

    @Test
    void parkingIsCutPer24HoursFromEntry() {
        // 08:00 to 10:30 the next day is 1590 min: one full day (first 60 min 5.00 + ⌈1380/30⌉
        // = 46 increments × 2.00 = 97.00, capped at 30.00), then 150 min: 5.00 + ⌈90/30⌉ = 3 ×
        // 2.00 = 11.00; total 41.00.
        ParkingTariff tariff = new ParkingTariff(30, 60, m("5.00"), 30, m("2.00"), m("30.00"));
        ParkingCharge c = e.feeParking(tariff, OffsetDateTime.parse("2026-09-12T08:00:00+08:00"),
                OffsetDateTime.parse("2026-09-13T10:30:00+08:00"));
        assertEquals(1590, c.minutes());
        assertEquals(false, c.free());
        assertEquals(1, c.fullDays());
        assertEquals(new ParkingCharge.Block(1440, 46, m("97.00"), m("30.00")), c.fullDay());
        assertEquals(new ParkingCharge.Block(150, 3, m("11.00"), m("11.00")), c.rest());
        assertEquals(m("41.00"), c.amount());
        assertEquals("total 41.00", c.text().get(c.text().size() - 1));
        // 25 minutes is within the 30 free minutes.
        ParkingCharge free = e.feeParking(tariff, OffsetDateTime.parse("2026-09-12T08:00:00+08:00"),
                OffsetDateTime.parse("2026-09-12T08:25:00+08:00"));
        assertTrue(free.free());
        assertEquals(Money.ZERO, free.amount());
    }

    // ---------------------------------------------------------------- fee.apportion

    @Test
    void apportionByLargestRemainder() {
        // 1000.00 over 98.76, 120.50, 143.20 (sum 362.46): exact shares 272.4714…, 332.4505…,
        // 395.0780…; floors 272.47 + 332.45 + 395.07 = 999.99; the fen left goes to the largest
        // remainder (0.780…) → 395.08.
        List<Money> parts = e.feeApportion(m("1000.00"), List.of(dec("98.76"), dec("120.50"), dec("143.20")));
        assertEquals(List.of(m("272.47"), m("332.45"), m("395.08")), parts);
        // 100.00 over three equal shares: 33.33 each and the fen left to the first (ties → earlier).
        assertEquals(List.of(m("33.34"), m("33.33"), m("33.33")), e.feeApportion(m("100.00"), List.of(dec("1"), dec("1"), dec("1"))));
        fails(RefusedException.class, Status.REFUSED, "bad_weights", () -> e.feeApportion(m("1.00"), List.of(dec("0"), dec("0"))));
        fails(RefusedException.class, Status.REFUSED, "bad_weights", () -> e.feeApportion(m("1.00"), List.of(dec("-1"), dec("2"))));
    }

    // ---------------------------------------------------------------- accounts

    static final LocalDate AUG1 = d("2026-08-01");
    static final LocalDate AUG16 = d("2026-08-16");
    static final LocalDate SEP25 = d("2026-09-25");
    static final LocalDate OCT15 = d("2026-10-15");

    /** August's property fee (232.09, due 2026-08-16) posted, then 100.00 paid on 2026-09-25. */
    Account paidInPart() {
        Account a = Account.open("1-101", LateFeeRule.daily("0.0003"));
        AccountResult posted = e.feeAccountExecute(a, AccountCommand.postCharges(AUG1,
                List.of(NewCharge.of("B2608-1", "property_fee", AUG16, m("232.09")))));
        assertEquals("charges_posted", posted.events().get(0).type());
        AccountResult paid = e.feeAccountExecute(posted.account(), AccountCommand.pay("R001", SEP25, m("100.00")));
        AccountEvent ev = paid.events().get(0);
        assertEquals("payment_received", ev.type());
        assertEquals(SEP25, ev.date());
        assertEquals(m("100.00"), ev.amount());
        return paid.account();
    }

    @Test
    void aPaymentGoesToThePrincipalFirst() {
        // Principal before late fee, oldest due first: all of the 100.00 goes to the principal,
        // which leaves 232.09 − 100.00 = 132.09.
        Account a = paidInPart();
        Account.Charge c = a.charges().get(0);
        assertEquals("B2608-1", c.id());
        assertEquals(m("232.09"), c.amount());
        assertEquals(m("132.09"), c.outstanding());
        assertEquals(m("132.09"), a.outstanding());
        assertEquals(Money.ZERO, a.prepaid());
        assertEquals(SEP25, a.lastDate());
        assertEquals(new Account.Receipt("R001", SEP25, m("100.00"), Money.ZERO, Money.ZERO), a.receipts().get(0));
        // The account the host stores reads back to the same account.
        assertEquals(a, Account.fromJson(a.toJson()));
    }

    @Test
    void accountExecuteGivesTheDocumentedAccountByteForByte() {
        Account a = Account.fromJson("{\"id\":\"1-101\",\"policy\":{\"late_fee\":{\"daily_rate\":\"0.0003\"}},"
                + "\"charges\":[{\"id\":\"B2608-1\",\"item\":\"property_fee\",\"due\":\"2026-08-16\",\"amount\":\"232.09\"}],"
                + "\"last_date\":\"2026-08-01\"}");
        AccountResult r = e.feeAccountExecute(a, AccountCommand.pay("R001", SEP25, m("100.00")));
        assertEquals("{\"id\":\"1-101\",\"policy\":{\"allocation\":{\"order\":\"oldest_due_first\",\"late_fees\":\"principal_first\"},"
                + "\"late_fee\":{\"daily_rate\":\"0.0003\",\"grace_days\":0,\"rounding\":{\"mode\":\"half_up\",\"unit\":\"fen\"}},"
                + "\"auto_deduct\":true},\"prepaid\":\"0.00\",\"charges\":[{\"id\":\"B2608-1\",\"item\":\"property_fee\","
                + "\"due\":\"2026-08-16\",\"amount\":\"232.09\",\"late_fee\":true,\"credited\":\"0.00\",\"settlements\":["
                + "{\"date\":\"2026-09-25\",\"by\":{\"receipt\":\"R001\"},\"principal\":\"100.00\",\"late_fee\":\"0.00\"}],"
                + "\"late_fee_waived\":\"0.00\"}],\"receipts\":[{\"number\":\"R001\",\"date\":\"2026-09-25\",\"amount\":\"100.00\","
                + "\"allocations\":[{\"charge\":\"B2608-1\",\"part\":\"principal\",\"amount\":\"100.00\"}],\"to_prepaid\":\"0.00\","
                + "\"refunded\":\"0.00\",\"refunded_from_prepaid\":\"0.00\"}],\"last_date\":\"2026-09-25\"}", r.account().toJson());
        assertEquals("{\"type\":\"payment_received\",\"receipt\":\"R001\",\"date\":\"2026-09-25\",\"amount\":\"100.00\","
                + "\"allocations\":[{\"charge\":\"B2608-1\",\"part\":\"principal\",\"amount\":\"100.00\"}],\"to_prepaid\":\"0.00\"}",
                r.events().get(0).toJson());
    }

    @Test
    void lateFeesDayByDayOnThePrincipalStillUnpaid() {
        // A payment dated d lowers the principal from d + 1. As of 2026-10-15: 17 Aug–25 Sep is
        // 40 days on 232.09 (× 0.0003 = 2.78508), 26 Sep–15 Oct is 20 days on 132.09 (0.79254);
        // 3.57762 → 3.58.
        LateFees lf = e.feeAccountLateFees(paidInPart(), OCT15);
        assertEquals(m("3.58"), lf.outstanding());
        LateFees.Line l = lf.lines().get(0);
        assertEquals("B2608-1", l.charge());
        assertEquals(d("2026-08-17"), l.accruesFrom());
        assertEquals(List.of(new LateFees.Period(d("2026-08-17"), SEP25, 40, m("232.09"), "2.78508"),
                new LateFees.Period(d("2026-09-26"), OCT15, 20, m("132.09"), "0.79254")), l.periods());
        assertEquals("3.57762", l.exact());
        assertNull(l.cap());
        assertEquals(m("3.58"), l.accrued());
        assertEquals(Money.ZERO, l.paid());
        assertEquals(Money.ZERO, l.waived());
        assertEquals(List.of("2026-08-17..2026-09-25: 232.09 × 40 days × 0.0003 = 2.78508",
                "2026-09-26..2026-10-15: 132.09 × 20 days × 0.0003 = 0.79254", "3.57762 → 3.58"), l.text());
    }

    @Test
    void arrearsAgeing() {
        // 2026-08-16 to 2026-10-15 is 60 days overdue: bucket 31–90, with the 132.09 unpaid and
        // the 3.58 late fee.
        Ageing g = e.feeAccountArrears(paidInPart(), OCT15);
        assertEquals("1-101", g.account());
        assertEquals(OCT15, g.asOf());
        assertEquals(List.of("0-30", "31-90", "91-180", "181-365", "over 365"),
                g.buckets().stream().map(Ageing.Bucket::label).toList());
        assertEquals(new Ageing.Bucket("31-90", 31, 90, m("132.09"), m("3.58"), 1), g.buckets().get(1));
        assertEquals(new Ageing.Bucket("over 365", 366, null, Money.ZERO, Money.ZERO, 0), g.buckets().get(4));
        assertEquals(m("132.09"), g.overduePrincipal());
        assertEquals(m("3.58"), g.overdueLateFee());
        assertEquals(Money.ZERO, g.notDue());
        assertEquals(new Ageing.Line("B2608-1", "property_fee", AUG16, 60, "31-90", m("132.09"), m("3.58")),
                g.lines().get(0));
        // Buckets of the host's own: 0–60 and over 60.
        Ageing two = e.feeAccountArrears(paidInPart(), OCT15, 60);
        assertEquals(new Ageing.Bucket("0-60", 0, 60, m("132.09"), m("3.58"), 1), two.buckets().get(0));
        fails(RefusedException.class, Status.REFUSED, "invalid_field", () -> e.feeAccountArrears(paidInPart(), OCT15, 90, 30));
    }

    @Test
    void refundsWaiversAndTheirErrors() {
        Account a = paidInPart();
        // A full refund of R001 leaves the charge as posted: 232.09 outstanding again.
        Account refunded = e.feeAccountExecute(a, AccountCommand.refund("F001", "R001", d("2026-09-26"), m("100.00"))).account();
        assertEquals(m("232.09"), refunded.outstanding());
        // The late fee as of 15 October (3.58) waived with a reason.
        AccountResult w = e.feeAccountExecute(a, AccountCommand.waiveLateFee("B2608-1", OCT15, "业主困难 hardship"));
        assertEquals("late_fee_waived", w.events().get(0).type());
        assertEquals(m("3.58"), w.events().get(0).amount());
        assertEquals(Money.ZERO, e.feeAccountLateFees(w.account(), OCT15).outstanding());
        // Errors: the receipt number again, an unknown receipt, a date before the last event,
        // more than the receipt to refund.
        fails(ConflictException.class, Status.CONFLICT, "duplicate_number",
                () -> e.feeAccountExecute(a, AccountCommand.pay("R001", OCT15, m("1.00"))));
        fails(NotFoundException.class, Status.NOT_FOUND, "unknown_reference",
                () -> e.feeAccountExecute(a, AccountCommand.refund("F001", "R999", OCT15, m("1.00"))));
        fails(RefusedException.class, Status.REFUSED, "out_of_order",
                () -> e.feeAccountExecute(a, AccountCommand.pay("R002", AUG16, m("1.00"))));
        fails(RefusedException.class, Status.REFUSED, "exceeds_available",
                () -> e.feeAccountExecute(a, AccountCommand.refund("F001", "R001", OCT15, m("100.01"))));
        // A deposit of 200.00: auto-deduction pays what is open at once, the 132.09 principal and
        // the 3.58 late fee accrued by that day: 200.00 − 132.09 − 3.58 = 64.33 left.
        Account dep = e.feeAccountExecute(a, AccountCommand.deposit("R002", OCT15, m("200.00"))).account();
        assertEquals(Money.ZERO, dep.outstanding());
        assertEquals(m("64.33"), dep.prepaid());
        // And the credit note: 32.09 off the charge leaves 100.00 to pay.
        Account cn = e.feeAccountExecute(a, AccountCommand.creditNote("C001", "B2608-1", OCT15, m("32.09"), "面积更正")).account();
        assertEquals(m("32.09"), cn.charges().get(0).credited());
        assertEquals(m("100.00"), cn.outstanding()); // 232.09 − 100.00 paid − 32.09 credited
    }
}

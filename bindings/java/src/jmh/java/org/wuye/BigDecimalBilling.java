package org.wuye;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a vendor has today: a straightforward {@link BigDecimal} implementation of the
 * same fee rules, in plain Java, no native code.
 *
 * <ul>
 *   <li>area × rate per m² per month by unit type (property fee 物业服务费), fixed monthly
 *       items for every unit (rubbish removal) or for subscribers (parking rent);
 *   <li>proration by actual days: each run of days with one rate and one unit state adds
 *       {@code quantity × rate × days × (100 − discount)}, and the month is
 *       {@code Σ ÷ (days in month × 100)}, rounded half-up to the fen
 *       ({@link RoundingMode#HALF_UP}, scale 2) once per month;
 *   <li>unit states with dates: not handed over (100% off), occupied, vacant (the item's
 *       vacancy discount), under renovation;
 *   <li>metered water with tiered prices, monthly or annual bounds (year-to-date consumption
 *       given with the reading), rounded half-up per line;
 *   <li>shared costs by building area over the units handed over on the period's last day,
 *       by exact largest remainder: each unit gets the fen floor of its exact share, and the
 *       fen left go one each to the largest remainders (ties to the earlier unit).
 * </ul>
 *
 * It reads the same schedule JSON as the library (at load, like a vendor reading its
 * configuration) and refuses what it does not implement (other rounding rules, prepayment
 * discounts, usage and parking items) rather than computing something else.
 */
final class BigDecimalBilling {
    enum Kind {
        AREA, FIXED_EVERY, FIXED_SUBSCRIBERS, METERED_MONTHLY, METERED_ANNUAL, SHARED
    }

    static final class Item {
        final String code;
        final Kind kind;
        /** 100 − discount, per {@link UnitState} ordinal. */
        final BigDecimal[] pay = new BigDecimal[UnitState.values().length];

        Item(String code, Kind kind) {
            this.code = code;
            this.kind = kind;
        }
    }

    record Tier(BigDecimal upTo, BigDecimal price) {}

    record Rate(LocalDate from, LocalDate to, BigDecimal price, List<Tier> tiers) {}

    /** The lines of a run: parallel columns, like {@link EstateLines}. */
    record Lines(int[] unit, int[] item, BigDecimal[] amount, BigDecimal total) {
        int size() {
            return unit.length;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FEN = new BigDecimal("0.01");

    final List<Item> items = new ArrayList<>();
    final List<FeeUnit> units;
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final Map<String, Integer> unitIndex = new HashMap<>();
    /** [item][type] → rates by date. */
    private final List<Rate>[][] rates;
    private final int[] unitType;

    @SuppressWarnings("unchecked")
    BigDecimalBilling(FeeSchedule schedule, List<FeeUnit> units) {
        Map<String, Object> s = Json.obj(Json.parse(schedule.json()), "schedule");
        for (Object o : Json.arr(s.get("unit_types"), "unit_types")) {
            typeIndex.put(Json.str(Json.obj(o, "unit type"), "code"), typeIndex.size());
        }
        if (!Bill.opt(s.get("prepayment_discounts")).isEmpty()) {
            throw new UnsupportedOperationException("prepayment discounts");
        }
        for (Object o : Json.arr(s.get("items"), "items")) {
            Map<String, Object> it = Json.obj(o, "item");
            if (it.get("rounding") != null || it.get("rounding_point") != null) {
                throw new UnsupportedOperationException("rounding other than half-up per month");
            }
            Map<String, Object> f = Json.obj(it.get("formula"), "formula");
            String kind = Json.str(f, "kind");
            Kind k = switch (kind) {
                case "area" -> {
                    if (f.get("basis") != null && !"building".equals(f.get("basis"))) {
                        throw new UnsupportedOperationException("inner area");
                    }
                    yield Kind.AREA;
                }
                case "fixed" -> "subscribers".equals(f.get("applies")) ? Kind.FIXED_SUBSCRIBERS : Kind.FIXED_EVERY;
                case "metered" -> "annual".equals(f.get("tier_bounds")) ? Kind.METERED_ANNUAL : Kind.METERED_MONTHLY;
                case "shared" -> {
                    if (f.get("basis") != null && !"building_area".equals(f.get("basis"))) {
                        throw new UnsupportedOperationException("shares other than building area");
                    }
                    yield Kind.SHARED;
                }
                default -> throw new UnsupportedOperationException(kind + " items");
            };
            Item item = new Item(Json.str(it, "code"), k);
            Map<String, Object> disc = it.get("state_discounts") == null ? Map.of()
                    : Json.obj(it.get("state_discounts"), "state_discounts");
            for (UnitState st : UnitState.values()) {
                Object d = disc.get(st.wireName());
                BigDecimal percent = d != null ? new BigDecimal((String) d)
                        : st == UnitState.NOT_HANDED_OVER ? HUNDRED : BigDecimal.ZERO;
                item.pay[st.ordinal()] = HUNDRED.subtract(percent);
            }
            items.add(item);
        }
        rates = new List[items.size()][typeIndex.size()];
        for (List<Rate>[] row : rates) {
            for (int t = 0; t < row.length; t++) {
                row[t] = new ArrayList<>();
            }
        }
        for (Object o : Bill.opt(s.get("rates"))) {
            Map<String, Object> r = Json.obj(o, "rate");
            int i = itemIndex(Json.str(r, "item"));
            List<Tier> tiers = new ArrayList<>();
            for (Object t : Bill.opt(r.get("tiers"))) {
                Map<String, Object> tm = Json.obj(t, "tier");
                tiers.add(new Tier(tm.get("up_to") == null ? null : Bill.dec(tm, "up_to"), Bill.dec(tm, "price")));
            }
            Rate rate = new Rate(LocalDate.parse(Json.str(r, "from")),
                    r.get("to") == null ? LocalDate.MAX : LocalDate.parse(Json.str(r, "to")),
                    r.get("price") == null ? null : Bill.dec(r, "price"), tiers);
            List<Object> types = Bill.opt(r.get("unit_types"));
            for (int t = 0; t < typeIndex.size(); t++) {
                if (types.isEmpty()) {
                    rates[i][t].add(rate);
                }
            }
            for (Object t : types) {
                rates[i][typeIndex.get((String) t)].add(rate);
            }
        }
        for (List<Rate>[] row : rates) {
            for (List<Rate> l : row) {
                l.sort((a, b) -> a.from().compareTo(b.from()));
            }
        }
        this.units = List.copyOf(units);
        unitType = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            unitIndex.put(units.get(u).id(), u);
            unitType[u] = typeIndex.get(units.get(u).unitType());
        }
    }

    private int itemIndex(String code) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).code.equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown item " + code);
    }

    private Rate rateOn(int i, int type, LocalDate day, String unit) {
        for (Rate r : rates[i][type]) {
            if (!day.isBefore(r.from()) && !day.isAfter(r.to())) {
                return r;
            }
        }
        throw new IllegalStateException("unit " + unit + ", item " + items.get(i).code + ": no rate on " + day);
    }

    static UnitState stateOn(FeeUnit u, LocalDate day) {
        if (u.states().isEmpty()) {
            return UnitState.OCCUPIED;
        }
        UnitState st = UnitState.NOT_HANDED_OVER;
        for (FeeUnit.StateChange c : u.states()) {
            if (c.from().isAfter(day)) {
                break;
            }
            st = c.state();
        }
        return st;
    }

    /** The first day after {@code day} on which the unit's state changes, or null. */
    private static LocalDate nextChange(FeeUnit u, LocalDate day) {
        for (FeeUnit.StateChange c : u.states()) {
            if (c.from().isAfter(day)) {
                return c.from();
            }
        }
        return null;
    }

    /** A periodic line over {@code [from, to]}: each month rounded half-up to the fen, then added. */
    private BigDecimal periodic(int u, int i, BigDecimal qty, LocalDate from, LocalDate to) {
        FeeUnit unit = units.get(u);
        Item item = items.get(i);
        BigDecimal total = BigDecimal.ZERO;
        YearMonth m = YearMonth.from(from);
        while (!m.atDay(1).isAfter(to)) {
            LocalDate first = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            BigDecimal sum = BigDecimal.ZERO;
            LocalDate day = first;
            while (!day.isAfter(last)) {
                Rate r = rateOn(i, unitType[u], day, unit.id());
                LocalDate end = r.to().isBefore(last) ? r.to() : last;
                LocalDate change = nextChange(unit, day);
                if (change != null && !change.isAfter(end)) {
                    end = change.minusDays(1);
                }
                long days = end.toEpochDay() - day.toEpochDay() + 1;
                BigDecimal pay = item.pay[stateOn(unit, day).ordinal()];
                sum = sum.add(qty.multiply(r.price()).multiply(BigDecimal.valueOf(days)).multiply(pay));
                day = end.plusDays(1);
            }
            total = total.add(sum.divide(BigDecimal.valueOf(m.lengthOfMonth() * 100L), 2, RoundingMode.HALF_UP));
            m = m.plusMonths(1);
        }
        return total;
    }

    /** Consumption × price, split at the tier bounds (from the year-to-date consumption for annual bounds). */
    private BigDecimal metered(int u, int i, MeterReading r) {
        BigDecimal qty = r.current().subtract(r.previous());
        if (qty.signum() < 0) {
            throw new IllegalStateException("unit " + r.unit() + ", item " + r.item() + ": reading goes backwards");
        }
        Rate rate = rateOn(i, unitType[u], r.date(), r.unit());
        if (rate.tiers().isEmpty()) {
            return qty.multiply(rate.price()).setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal prior = items.get(i).kind == Kind.METERED_ANNUAL ? r.yearToDate() : BigDecimal.ZERO;
        BigDecimal upTo = prior.add(qty);
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        for (Tier t : rate.tiers()) {
            BigDecimal hi = t.upTo();
            BigDecimal a = prior.max(lo);
            BigDecimal b = hi == null ? upTo : upTo.min(hi);
            if (b.compareTo(a) > 0) {
                amount = amount.add(b.subtract(a).multiply(t.price()));
            }
            if (hi == null || upTo.compareTo(hi) <= 0) {
                break;
            }
            lo = hi;
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Each unit's part of a shared cost (null: not sharing), by exact largest remainder. */
    private BigDecimal[] shared(SharedCost cost, LocalDate periodEnd) {
        int n = units.size();
        BigDecimal[] weight = new BigDecimal[n];
        BigDecimal sum = BigDecimal.ZERO;
        for (int u = 0; u < n; u++) {
            if (stateOn(units.get(u), periodEnd) != UnitState.NOT_HANDED_OVER) {
                weight[u] = units.get(u).buildingArea();
                sum = sum.add(weight[u]);
            }
        }
        BigDecimal amount = cost.amount().toBigDecimal();
        BigDecimal[] part = new BigDecimal[n];
        BigDecimal[] rem = new BigDecimal[n];
        BigDecimal given = BigDecimal.ZERO;
        List<Integer> withRemainder = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (weight[u] == null) {
                continue;
            }
            BigDecimal exact = amount.multiply(weight[u]);
            part[u] = exact.divide(sum, 2, RoundingMode.DOWN);
            rem[u] = exact.subtract(part[u].multiply(sum));
            given = given.add(part[u]);
            if (rem[u].signum() != 0) {
                withRemainder.add(u);
            }
        }
        int left = amount.subtract(given).movePointRight(2).intValueExact();
        withRemainder.sort((a, b) -> {
            int c = rem[b].compareTo(rem[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            int u = withRemainder.get(k);
            part[u] = part[u].add(FEN);
        }
        return part;
    }

    /** Every line of every unit for a month, in unit order then item order. */
    Lines bill(YearMonth month, BillInputs inputs) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        int n = units.size();
        // Readings grouped by unit.
        int[] readingCount = new int[n + 1];
        int[] readingUnit = new int[inputs.readings().size()];
        for (int j = 0; j < readingUnit.length; j++) {
            Integer u = unitIndex.get(inputs.readings().get(j).unit());
            if (u == null) {
                throw new IllegalArgumentException("unknown unit " + inputs.readings().get(j).unit());
            }
            readingUnit[j] = u;
            readingCount[u + 1]++;
        }
        for (int u = 0; u < n; u++) {
            readingCount[u + 1] += readingCount[u];
        }
        int[] byUnit = new int[readingUnit.length];
        int[] cursor = Arrays.copyOf(readingCount, n);
        for (int j = 0; j < readingUnit.length; j++) {
            byUnit[cursor[readingUnit[j]]++] = j;
        }
        List<BigDecimal[]> sharedParts = new ArrayList<>();
        List<Integer> sharedItem = new ArrayList<>();
        for (SharedCost c : inputs.shared()) {
            sharedItem.add(itemIndex(c.item()));
            sharedParts.add(shared(c, to));
        }

        int cap = n * items.size() + 16;
        int[] lu = new int[cap];
        int[] li = new int[cap];
        BigDecimal[] la = new BigDecimal[cap];
        int k = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int u = 0; u < n; u++) {
            FeeUnit unit = units.get(u);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                switch (item.kind) {
                    case AREA, FIXED_EVERY -> {
                        if (rates[i][unitType[u]].isEmpty()) {
                            continue;
                        }
                        BigDecimal q = item.kind == Kind.AREA ? unit.buildingArea() : BigDecimal.ONE;
                        BigDecimal a = periodic(u, i, q, from, to);
                        if (k == cap) {
                            cap *= 2;
                            lu = Arrays.copyOf(lu, cap);
                            li = Arrays.copyOf(li, cap);
                            la = Arrays.copyOf(la, cap);
                        }
                        lu[k] = u;
                        li[k] = i;
                        la[k++] = a;
                        total = total.add(a);
                    }
                    case FIXED_SUBSCRIBERS -> {
                        for (FeeUnit.Subscription s : unit.subscriptions()) {
                            if (!s.item().equals(item.code)) {
                                continue;
                            }
                            LocalDate a0 = s.from() != null && s.from().isAfter(from) ? s.from() : from;
                            LocalDate b0 = s.to() != null && s.to().isBefore(to) ? s.to() : to;
                            if (a0.isAfter(b0)) {
                                continue;
                            }
                            BigDecimal a = periodic(u, i, BigDecimal.valueOf(s.quantity()), a0, b0);
                            if (k == cap) {
                                cap *= 2;
                                lu = Arrays.copyOf(lu, cap);
                                li = Arrays.copyOf(li, cap);
                                la = Arrays.copyOf(la, cap);
                            }
                            lu[k] = u;
                            li[k] = i;
                            la[k++] = a;
                            total = total.add(a);
                        }
                    }
                    case METERED_MONTHLY, METERED_ANNUAL -> {
                        for (int p = readingCount[u]; p < readingCount[u + 1]; p++) {
                            MeterReading r = inputs.readings().get(byUnit[p]);
                            if (!r.item().equals(item.code)) {
                                continue;
                            }
                            BigDecimal a = metered(u, i, r);
                            if (k == cap) {
                                cap *= 2;
                                lu = Arrays.copyOf(lu, cap);
                                li = Arrays.copyOf(li, cap);
                                la = Arrays.copyOf(la, cap);
                            }
                            lu[k] = u;
                            li[k] = i;
                            la[k++] = a;
                            total = total.add(a);
                        }
                    }
                    case SHARED -> {
                        for (int c = 0; c < sharedParts.size(); c++) {
                            BigDecimal a = sharedItem.get(c) == i ? sharedParts.get(c)[u] : null;
                            if (a == null) {
                                continue;
                            }
                            if (k == cap) {
                                cap *= 2;
                                lu = Arrays.copyOf(lu, cap);
                                li = Arrays.copyOf(li, cap);
                                la = Arrays.copyOf(la, cap);
                            }
                            lu[k] = u;
                            li[k] = i;
                            la[k++] = a;
                            total = total.add(a);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        return new Lines(Arrays.copyOf(lu, k), Arrays.copyOf(li, k), Arrays.copyOf(la, k), total);
    }
}

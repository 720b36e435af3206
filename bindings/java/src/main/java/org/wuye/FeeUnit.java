package org.wuye;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit 房屋 as the fee engine sees it: its type, areas, effective-dated states and
 * subscriptions to fixed items (a rented parking space…). Areas are exact decimals (at most
 * 4 decimals).
 *
 * <pre>{@code
 * FeeUnit.of("3-1-502", "high_rise", new BigDecimal("98.76"))
 *        .withState(LocalDate.parse("2026-09-16"), UnitState.OCCUPIED)   // handed over on the 16th
 *        .withSubscription("parking_rent");
 * }</pre>
 *
 * <p>With no state listed a unit is occupied throughout; once any is listed, the days before
 * the first one are not handed over 未交房.
 *
 * @param id the host's unit code, e.g. {@code 3-1-502}
 * @param unitType unit type code (one of the schedule's)
 * @param buildingArea building area 建筑面积 in m²
 * @param innerArea inner area 套内面积 in m², or null
 * @param share share 分摊系数 in costs apportioned by share, or null
 * @param states state changes, in date order
 * @param subscriptions subscriptions to fixed items that apply to subscribers only
 */
public record FeeUnit(String id, String unitType, BigDecimal buildingArea, BigDecimal innerArea, BigDecimal share,
        List<StateChange> states, List<Subscription> subscriptions) implements Json.JsonWritable {

    /** Checks the required components and freezes the lists. */
    public FeeUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitType, "unitType");
        Objects.requireNonNull(buildingArea, "buildingArea");
        states = List.copyOf(states);
        subscriptions = List.copyOf(subscriptions);
    }

    /** A unit occupied throughout, with no subscriptions. */
    public static FeeUnit of(String id, String unitType, BigDecimal buildingArea) {
        return new FeeUnit(id, unitType, buildingArea, null, null, List.of(), List.of());
    }

    /** This unit with a state from {@code from} on (appended: give them in date order). */
    public FeeUnit withState(LocalDate from, UnitState state) {
        List<StateChange> s = new ArrayList<>(states);
        s.add(new StateChange(from, state));
        return new FeeUnit(id, unitType, buildingArea, innerArea, share, s, subscriptions);
    }

    /** This unit subscribed once to {@code item}, since ever and open-ended. */
    public FeeUnit withSubscription(String item) {
        return withSubscription(new Subscription(item, 1, null, null, null));
    }

    /** This unit with a subscription. */
    public FeeUnit withSubscription(Subscription sub) {
        List<Subscription> s = new ArrayList<>(subscriptions);
        s.add(sub);
        return new FeeUnit(id, unitType, buildingArea, innerArea, share, states, s);
    }

    /** This unit with an inner area 套内面积. */
    public FeeUnit withInnerArea(BigDecimal area) {
        return new FeeUnit(id, unitType, buildingArea, area, share, states, subscriptions);
    }

    /** This unit with a share 分摊系数. */
    public FeeUnit withShare(BigDecimal s) {
        return new FeeUnit(id, unitType, buildingArea, innerArea, s, states, subscriptions);
    }

    /**
     * A unit's state from a date on.
     *
     * @param from first day in the state
     * @param state the state
     */
    public record StateChange(LocalDate from, UnitState state) {
        /** Checks the components. */
        public StateChange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A subscription to a fixed item 订购 (a parking space 车位, a clubhouse membership).
     *
     * @param item the item's code
     * @param quantity how many (parking spaces…)
     * @param from first day, or null (since ever)
     * @param to last day, or null (open-ended)
     * @param note what it is, for the trace (e.g. {@code 车位 B2-017}), or null
     */
    public record Subscription(String item, int quantity, LocalDate from, LocalDate to, String note) {
        /** Checks the components. */
        public Subscription {
            Objects.requireNonNull(item, "item");
        }
    }

    @Override
    public void writeJson(StringBuilder out) {
        out.append("{\"id\":");
        Json.quote(out, id);
        out.append(",\"unit_type\":");
        Json.quote(out, unitType);
        out.append(",\"building_area\":\"").append(buildingArea.toPlainString()).append('"');
        if (innerArea != null) {
            out.append(",\"inner_area\":\"").append(innerArea.toPlainString()).append('"');
        }
        if (share != null) {
            out.append(",\"share\":\"").append(share.toPlainString()).append('"');
        }
        if (!states.isEmpty()) {
            out.append(",\"states\":[");
            for (int i = 0; i < states.size(); i++) {
                StateChange s = states.get(i);
                out.append(i == 0 ? "" : ",").append("{\"from\":\"").append(s.from()).append("\",\"state\":\"")
                        .append(s.state().wireName()).append("\"}");
            }
            out.append(']');
        }
        if (!subscriptions.isEmpty()) {
            out.append(",\"subscriptions\":[");
            for (int i = 0; i < subscriptions.size(); i++) {
                Subscription s = subscriptions.get(i);
                out.append(i == 0 ? "" : ",").append("{\"item\":");
                Json.quote(out, s.item());
                out.append(",\"quantity\":").append(s.quantity());
                if (s.from() != null) {
                    out.append(",\"from\":\"").append(s.from()).append('"');
                }
                if (s.to() != null) {
                    out.append(",\"to\":\"").append(s.to()).append('"');
                }
                if (s.note() != null) {
                    out.append(",\"note\":");
                    Json.quote(out, s.note());
                }
                out.append('}');
            }
            out.append(']');
        }
        out.append('}');
    }
}

package org.wuye;

import java.util.Map;

/**
 * Callback coverage 回访覆盖率 for a period: each reply to a request that needs a callback
 * opens a callback round; the rounds due in the period are those replied in it, and as of
 * the period's end each is reached (rated), closed unreachable or pending.
 *
 * @param due rounds replied in the period
 * @param reached of those, rated by the period's end
 * @param closedUnreachable of those, closed unreachable 联系不上结单
 * @param pending of those, neither yet
 * @param rate reached ÷ due (percent and interval null when nothing was due)
 */
public record Coverage(long due, long reached, long closedUnreachable, long pending, Proportion rate) {
    static Coverage from(Object json) {
        Map<String, Object> m = Json.obj(json, "coverage");
        return new Coverage(Json.num(m, "due"), Json.num(m, "reached"), Json.num(m, "closed_unreachable"),
                Json.num(m, "pending"), Proportion.from(m.get("rate")));
    }
}

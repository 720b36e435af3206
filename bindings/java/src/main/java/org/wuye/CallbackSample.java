package org.wuye;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reproducible callback sample 回访抽样, from {@link Engine#surveySample} or
 * {@link Engine#surveySample}: the same seed and ids always select the same requests.
 *
 * @param considered how many ids were drawn from
 * @param selected the selected ids, in id order
 */
public record CallbackSample(long considered, List<String> selected) {
    /** Freezes {@code selected}. */
    public CallbackSample {
        selected = List.copyOf(selected);
    }

    static CallbackSample from(Map<String, Object> m) {
        List<String> ids = new ArrayList<>();
        for (Object o : Json.arr(m.get("selected"), "selected")) {
            ids.add((String) o);
        }
        return new CallbackSample(Json.num(m, "considered"), ids);
    }
}

import org.wuye.Engine;
import org.wuye.Wuye;

/**
 * A consumer of org.wuye:wuye: one short scenario through the JSON contract
 * ({@link Engine#callJson}), its figures checked against the shared vectors.
 */
public final class Scenario {
    private static int failures = 0;

    private Scenario() {}

    /** Sends one request; checks that the response is ok and holds each expected text. */
    private static void call(Engine engine, String what, String request, String... expected) {
        String response = engine.callJson(request);
        boolean ok = response.startsWith("{\"v\":1,\"ok\":true,");
        for (String e : expected) {
            if (!response.contains(e)) {
                System.err.println(what + ": expected " + e);
                ok = false;
            }
        }
        if (ok) {
            System.out.println("ok   " + what);
        } else {
            System.err.println("FAIL " + what + ": " + response);
            failures++;
        }
    }

    public static void main(String[] args) {
        Wuye.load();
        System.out.println("libwuye loaded from " + Wuye.libraryPath());
        try (Engine engine = Engine.standard()) {
            // tests/vectors/repair-lifecycle.json step 0
            call(engine, "request.register",
                    "{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":{\"id\":\"R-0930\",\"kind\":\"repair\","
                    + "\"priority\":\"normal\",\"channel\":\"phone\",\"location\":{\"unit\":\"5-2-1101\"},"
                    + "\"reporter\":{\"kind\":\"owner\",\"name\":\"李先生\",\"phone\":\"13912345678\"},"
                    + "\"description\":\"卫生间天花板漏水，楼上疑似水管渗漏\"},\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},"
                    + "\"now\":\"2026-09-30T16:00:00+08:00\"}}",
                    "\"change\":{\"type\":\"registered\"", "\"name\":\"李先生\"");
            // tests/vectors/repair-lifecycle.json step 2
            call(engine, "request.execute dispatch",
                    "{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"R-0930\",\"command\":{\"step\":\"dispatch\","
                    + "\"department\":\"engineering\",\"assignee\":\"w01\"},\"actor\":{\"role\":\"dispatcher\",\"id\":\"dd01\"},"
                    + "\"now\":\"2026-09-30T16:10:00+08:00\"}}",
                    "\"change\":{\"type\":\"dispatched\",\"department\":\"engineering\",\"assignee\":\"w01\"}");
            // The dispatch clock as in repair-lifecycle.json step 7 (stopped by the 16:10
            // dispatch: met, 600 s of 1800); the complete clock's deadline as in step 1.
            call(engine, "sla.status",
                    "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"as_of\":\"2026-09-30T16:10:00+08:00\",\"id\":\"R-0930\"}}",
                    "{\"clock\":\"dispatch\",\"timing\":\"business\",\"target_seconds\":1800,\"state\":\"met\","
                    + "\"started_at\":\"2026-09-30T16:00:00+08:00\",\"stopped_at\":\"2026-09-30T16:10:00+08:00\","
                    + "\"elapsed_seconds\":600,\"remaining_seconds\":1200,\"overdue_seconds\":null,"
                    + "\"deadline\":\"2026-09-30T16:30:00+08:00\"}",
                    "\"deadline\":\"2026-10-09T17:00:00+08:00\"");
            // tests/vectors/fee-billing.json step 0: 98.76 × 2.35 × 15/30 = 116.043 → 116.04
            call(engine, "fee.bill",
                    "{\"v\":1,\"op\":\"fee.bill\",\"args\":{\"period\":\"2026-09\",\"schedule\":{\"billing\":{\"collection\":\"prepaid\","
                    + "\"due_days\":15},\"items\":[{\"code\":\"property_fee\",\"formula\":{\"kind\":\"area\"},\"name\":\"物业服务费\"}],"
                    + "\"rates\":[{\"from\":\"2020-01-01\",\"item\":\"property_fee\",\"price\":\"2.35\"}],"
                    + "\"unit_types\":[{\"code\":\"high_rise\",\"name\":\"高层\"}]},\"units\":[{\"building_area\":\"98.76\","
                    + "\"id\":\"3-1-502\",\"states\":[{\"from\":\"2026-09-16\",\"state\":\"occupied\"}],\"unit_type\":\"high_rise\"}]}}",
                    "\"amount\":\"116.04\",\"due\":\"2026-09-16\"", "\"total\":\"116.04\"}],\"total\":\"116.04\"}",
                    "\"name\":\"物业服务费\"");
            // tests/vectors/survey-scores.json step 8: NPS 25.00, SE 18.54, interval −11.34 … 61.34
            call(engine, "survey.nps",
                    "{\"v\":1,\"op\":\"survey.nps\",\"args\":{\"answers\":[10,9,9,8,7,7,6,5,10,10,9,3,0,8,9,10,6,7,9,10]}}",
                    "\"nps\":\"25.00\",\"standard_error\":\"18.54\",\"margin\":\"36.34\","
                    + "\"interval\":{\"low\":\"-11.34\",\"high\":\"61.34\"}");
        }
        if (failures > 0) {
            System.err.println(failures + " check(s) failed");
            System.exit(1);
        }
        System.out.println("java consumer: all checks passed");
    }
}

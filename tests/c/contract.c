/* The C ABI end to end: every operation of the contract and every status a C caller can
 * meet, through wuye.h and libwuye. Expected values are worked out by hand from the domain
 * (the State Council holiday notices, the standard SLA policy, the default office hours
 * 08:30-12:00 and 13:30-17:30 Monday to Friday, Beijing time) and written next to each check.
 *
 * JSON in this file is written with single quotes (see J() in check.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "operations.h"
#include "wuye.h"

#define CFG "{\"v\":1}"
/* 2026-03-02 is a Monday, an ordinary working day. */
#define AT(hhmm) "2026-03-02T" hhmm ":00+08:00"

/* ------------------------------------------------------------------------------------ */
/* Requests and the events they produce                                                  */

/* The repair of the core contract test: reported by phone by 王女士, in Chinese. */
#define R1_DETAILS                                                                            \
    "{'id':'R1','kind':'repair','priority':'normal','channel':'phone',"                       \
    "'location':{'unit':'3-1-502'},"                                                          \
    "'reporter':{'kind':'owner','name':'王女士','phone':'13800000000'},"                      \
    "'description':'厨房水龙头漏水'}"

/* An anonymous complaint about a lift in a common area. */
#define R2_DETAILS                                                                            \
    "{'id':'R2','kind':'complaint','priority':'normal','channel':'app',"                      \
    "'location':{'common_area':'2号楼电梯厅'},'reporter':{'kind':'anonymous'},"               \
    "'description':'电梯异响'}"

/* A burst pipe on a Saturday night: an emergency, measured around the clock. */
#define R3_DETAILS                                                                            \
    "{'id':'R3','kind':'repair','priority':'emergency','channel':'phone',"                    \
    "'location':{'unit':'5-2-1101'},'reporter':{'kind':'tenant','name':'李先生'},"             \
    "'description':'水管爆裂'}"

static const char *register_req(const char *details, const char *role, const char *actor,
                                const char *now) {
    return JF("{'v':1,'op':'request.register','args':{'request':%s,"
              "'actor':{'role':'%s','id':'%s'},'now':'%s'}}",
              details, role, actor, now);
}

static const char *step_args(const char *id, const char *command, const char *role,
                             const char *actor, const char *now) {
    return JF("{'id':'%s','command':%s,'actor':{'role':'%s','id':'%s'},'now':'%s'}", id,
              command, role, actor, now);
}

static const char *execute_req(const char *id, const char *command, const char *role,
                               const char *actor, const char *now) {
    return JF("{'v':1,'op':'request.execute','args':%s}",
              step_args(id, command, role, actor, now));
}

static const char *event(const char *id, const char *at, const char *role, const char *actor,
                         const char *change) {
    return JF("{'schema':1,'request':'%s','at':'%s','actor':{'role':'%s','id':'%s'},"
              "'change':%s}",
              id, at, role, actor, change);
}

static const char *events_ok(const char *events) {
    return JF("{'v':1,'ok':true,'result':{'events':[%s]}}", events);
}

/* The life of R1: each step, who takes it and when, and the event it produces. */
typedef struct {
    const char *command;
    const char *role;
    const char *actor;
    const char *at;
    const char *change;
} Step;

static const Step r1_steps[] = {
    {"{'step':'dispatch','department':'engineering','assignee':'w1'}", "dispatcher", "dd01",
     AT("09:05"), "{'type':'dispatched','department':'engineering','assignee':'w1'}"},
    {"{'step':'accept'}", "worker", "w1", AT("09:10"), "{'type':'accepted','assignee':'w1'}"},
    {"{'step':'arrive'}", "worker", "w1", AT("09:30"), "{'type':'arrived'}"},
    {"{'step':'hold','reason':'waiting_for_parts'}", "worker", "w1", AT("09:40"),
     "{'type':'held','reason':'waiting_for_parts'}"},
    {"{'step':'resume'}", "worker", "w1", AT("10:00"), "{'type':'resumed'}"},
    {"{'step':'complete','note':'换阀芯'}", "worker", "w1", AT("10:30"),
     "{'type':'completed','note':'换阀芯'}"},
    {"{'step':'reply'}", "agent", "kf01", AT("11:00"), "{'type':'replied'}"},
    {"{'step':'callback','outcome':'rated','rating':5,'aspects':{'speed':5}}", "agent", "kf01",
     AT("11:30"), "{'type':'callback_rated','rating':5,'aspects':{'speed':5},'satisfied':true}"},
};
#define R1_STEPS (sizeof r1_steps / sizeof r1_steps[0])

/* The event log of R1 (registration and every step), as a JSON array body. */
static const char *r1_log(void) {
    const char *log = event("R1", AT("09:00"), "agent", "kf01",
                            JF("{'type':'registered','request':%s}", R1_DETAILS));
    size_t i;
    for (i = 0; i < R1_STEPS; i++) {
        const Step *s = &r1_steps[i];
        log = JF("%s,%s", log, event("R1", s->at, s->role, s->actor, s->change));
    }
    return log;
}

/* One clock of a status report. NULL instants are JSON null; remaining/overdue < 0 null. */
static const char *clock(const char *clock, const char *timing, long target, const char *state,
                         const char *started, const char *stopped, long elapsed, long remaining,
                         long overdue, const char *deadline) {
#define Q(s) ((s) ? JF("'%s'", (s)) : "null")
#define N(n) ((n) >= 0 ? JF("%ld", (long)(n)) : "null")
    return JF("{'clock':'%s','timing':'%s','target_seconds':%ld,'state':'%s','started_at':%s,"
              "'stopped_at':%s,'elapsed_seconds':%ld,'remaining_seconds':%s,"
              "'overdue_seconds':%s,'deadline':%s}",
              clock, timing, target, state, Q(started), Q(stopped), elapsed, N(remaining),
              N(overdue), Q(deadline));
#undef Q
#undef N
}

static const char *status_result(const char *id, const char *as_of, const char *started,
                                 const char *clocks) {
    return JF("{'request':'%s','as_of':'%s','cycles':[{'cycle':0,'started_at':'%s',"
              "'clocks':[%s]}]}",
              id, as_of, started, clocks);
}

static const char *ok(const char *result) {
    return JF("{'v':1,'ok':true,'result':%s}", result);
}

/* R1 as of 12:00, closed at 11:30. A normal repair: dispatch and accept 30 min, arrive 2 h,
 * complete 16 h, reply 4 h, callback 16 h, all in business time, paused on hold.
 * - dispatch 09:00-09:05: 300 s, met; deadline 09:00 + 30 min = 09:30.
 * - accept   09:05-09:10: 300 s, met; deadline 09:35.
 * - arrive   09:00-09:30: 1800 s, met; deadline 11:00.
 * - complete 09:00-09:40 (2400 s), on hold 09:40-10:00, 10:00-10:30 (1800 s): 4200 s, met.
 *   Deadline recomputed at the resume: 55200 s (15 h 20 min) left from Mon 10:00 = Mon 6 h
 *   (10:00-12:00, 13:30-17:30) + Tue 7.5 h + Wed 1 h 50 min -> Wed 2026-03-04 10:20.
 * - reply    10:30-11:00: 1800 s of 4 h; deadline 10:30 + 1.5 h (to 12:00) + 2.5 h from
 *   13:30 = 16:00.
 * - callback 11:00-11:30: 1800 s of 16 h; deadline Mon 5 h + Tue 7.5 h + Wed 3.5 h: the
 *   whole morning window, so the earliest instant is Wed 12:00. */
static const char *r1_status_1200(void) {
    const char *c = JF(
        "%s,%s,%s,%s,%s,%s",
        clock("dispatch", "business", 1800, "met", AT("09:00"), AT("09:05"), 300, 1500, -1,
              AT("09:30")),
        clock("accept", "business", 1800, "met", AT("09:05"), AT("09:10"), 300, 1500, -1,
              AT("09:35")),
        clock("arrive", "business", 7200, "met", AT("09:00"), AT("09:30"), 1800, 5400, -1,
              AT("11:00")),
        clock("complete", "business", 57600, "met", AT("09:00"), AT("10:30"), 4200, 53400, -1,
              "2026-03-04T10:20:00+08:00"),
        clock("reply", "business", 14400, "met", AT("10:30"), AT("11:00"), 1800, 12600, -1,
              AT("16:00")),
        clock("callback", "business", 57600, "met", AT("11:00"), AT("11:30"), 1800, 55800, -1,
              "2026-03-04T12:00:00+08:00"));
    return status_result("R1", AT("12:00"), AT("09:00"), c);
}

/* R1 as of 09:35 from its events alone (later events ignored): arrive met at 09:30; complete
 * running for 35 min = 2100 s, 55500 s left, deadline 16 h from Mon 09:00 = Mon 7 h + Tue
 * 7.5 h + Wed 1.5 h -> Wed 10:00; reply and callback not started. */
static const char *r1_status_0935(void) {
    const char *c = JF(
        "%s,%s,%s,%s,%s,%s",
        clock("dispatch", "business", 1800, "met", AT("09:00"), AT("09:05"), 300, 1500, -1,
              AT("09:30")),
        clock("accept", "business", 1800, "met", AT("09:05"), AT("09:10"), 300, 1500, -1,
              AT("09:35")),
        clock("arrive", "business", 7200, "met", AT("09:00"), AT("09:30"), 1800, 5400, -1,
              AT("11:00")),
        clock("complete", "business", 57600, "running", AT("09:00"), NULL, 2100, 55500, -1,
              "2026-03-04T10:00:00+08:00"),
        clock("reply", "business", 14400, "not_started", NULL, NULL, 0, 14400, -1, NULL),
        clock("callback", "business", 57600, "not_started", NULL, NULL, 0, 57600, -1, NULL));
    return status_result("R1", AT("09:35"), AT("09:00"), c);
}

/* R1 as of 09:50, on hold since 09:40: complete paused at 2400 s, no deadline while paused. */
static const char *r1_status_0950(void) {
    const char *c = JF(
        "%s,%s,%s,%s,%s,%s",
        clock("dispatch", "business", 1800, "met", AT("09:00"), AT("09:05"), 300, 1500, -1,
              AT("09:30")),
        clock("accept", "business", 1800, "met", AT("09:05"), AT("09:10"), 300, 1500, -1,
              AT("09:35")),
        clock("arrive", "business", 7200, "met", AT("09:00"), AT("09:30"), 1800, 5400, -1,
              AT("11:00")),
        clock("complete", "business", 57600, "paused", AT("09:00"), NULL, 2400, 55200, -1, NULL),
        clock("reply", "business", 14400, "not_started", NULL, NULL, 0, 14400, -1, NULL),
        clock("callback", "business", 57600, "not_started", NULL, NULL, 0, 57600, -1, NULL));
    return status_result("R1", AT("09:50"), AT("09:00"), c);
}

/* R2, registered Mon 09:00 and untouched, as of 10:00: the 30-min dispatch clock is 1800 s
 * over; arrive has 1 h of its 2 h left; complete's deadline is Wed 10:00 (see above). */
static const char *r2_status_1000(void) {
    const char *c = JF(
        "%s,%s,%s,%s,%s,%s",
        clock("dispatch", "business", 1800, "breached", AT("09:00"), NULL, 3600, -1, 1800,
              AT("09:30")),
        clock("accept", "business", 1800, "not_started", NULL, NULL, 0, 1800, -1, NULL),
        clock("arrive", "business", 7200, "running", AT("09:00"), NULL, 3600, 3600, -1,
              AT("11:00")),
        clock("complete", "business", 57600, "running", AT("09:00"), NULL, 3600, 54000, -1,
              "2026-03-04T10:00:00+08:00"),
        clock("reply", "business", 14400, "not_started", NULL, NULL, 0, 14400, -1, NULL),
        clock("callback", "business", 57600, "not_started", NULL, NULL, 0, 57600, -1, NULL));
    return status_result("R2", AT("10:00"), AT("09:00"), c);
}

/* R3, an emergency registered Sat 2026-03-07 23:00, as of Sun 00:00: wall-clock targets
 * dispatch 10 min (3000 s over), accept 5 min, arrive 30 min (1800 s over), complete 4 h
 * (deadline Sun 03:00), reply 1 h, callback 24 h. */
static const char *r3_status_0000(void) {
    const char *reg = "2026-03-07T23:00:00+08:00";
    const char *c = JF(
        "%s,%s,%s,%s,%s,%s",
        clock("dispatch", "around_the_clock", 600, "breached", reg, NULL, 3600, -1, 3000,
              "2026-03-07T23:10:00+08:00"),
        clock("accept", "around_the_clock", 300, "not_started", NULL, NULL, 0, 300, -1, NULL),
        clock("arrive", "around_the_clock", 1800, "breached", reg, NULL, 3600, -1, 1800,
              "2026-03-07T23:30:00+08:00"),
        clock("complete", "around_the_clock", 14400, "running", reg, NULL, 3600, 10800, -1,
              "2026-03-08T03:00:00+08:00"),
        clock("reply", "around_the_clock", 3600, "not_started", NULL, NULL, 0, 3600, -1, NULL),
        clock("callback", "around_the_clock", 86400, "not_started", NULL, NULL, 0, 86400, -1,
              NULL));
    return status_result("R3", "2026-03-08T00:00:00+08:00", reg, c);
}

/* Checks that a refused call changed nothing: engine.export before and after byte-equal. */
#define EXPECT_UNCHANGED(engine, json, status, code)                                          \
    do {                                                                                      \
        char *before_ = export_of(engine);                                                    \
        char *after_;                                                                         \
        EXPECT_ERROR((engine), (json), (status), (code));                                     \
        after_ = export_of(engine);                                                           \
        check_true(strcmp(before_, after_) == 0, "engine.export unchanged by the refusal",    \
                   __FILE__, __LINE__);                                                       \
        free(before_);                                                                        \
        free(after_);                                                                         \
    } while (0)

/* ------------------------------------------------------------------------------------ */

static void test_versions_and_names(void) {
    static const char *const names[] = {
        "ok",         "null_argument",  "invalid_utf8",  "malformed_json",
        "unsupported_version", "unknown_operation", "invalid_request", "refused",
        "not_found",  "conflict",       "calendar",      "invalid_config",
        "invalid_event", "invalid_handle", "panic"};
    uint32_t i;
    section("versions and status names");
    CHECK(wuye_abi_version() == 1);
    CHECK(wuye_contract_version() == 1);
    CHECK(WUYE_ABI_VERSION == 1);
    for (i = 0; i < 15; i++) {
        CHECK_STR(wuye_status_name(i), names[i]);
    }
    CHECK_STR(wuye_status_name(15), "unknown");
    CHECK_STR(wuye_status_name(UINT32_MAX), "unknown");
    CHECK(WUYE_STATUS_OK == 0 && WUYE_STATUS_NULL_ARGUMENT == 1 &&
          WUYE_STATUS_INVALID_UTF8 == 2 && WUYE_STATUS_MALFORMED_JSON == 3 &&
          WUYE_STATUS_UNSUPPORTED_VERSION == 4 && WUYE_STATUS_UNKNOWN_OPERATION == 5 &&
          WUYE_STATUS_INVALID_REQUEST == 6 && WUYE_STATUS_REFUSED == 7 &&
          WUYE_STATUS_NOT_FOUND == 8 && WUYE_STATUS_CONFLICT == 9 &&
          WUYE_STATUS_CALENDAR == 10 && WUYE_STATUS_INVALID_CONFIG == 11 &&
          WUYE_STATUS_INVALID_EVENT == 12 && WUYE_STATUS_INVALID_HANDLE == 13 &&
          WUYE_STATUS_PANIC == 14);
}

/* wuye_engine_new with a config that must fail with `status` and `code`. */
static void engine_new_fails(const char *config, size_t len, WuyeStatus status,
                             const char *code, int line) {
    int dummy = 0;
    WuyeEngine *e = (WuyeEngine *)(void *)&dummy; /* must be overwritten with NULL */
    WuyeBuffer err = {NULL, 0};
    Reply r;
    r.status = wuye_engine_new((const uint8_t *)config, len, &e, &err);
    check_true(e == NULL, "out_engine is NULL after a failure", __FILE__, line);
    r.len = err.len;
    r.body = malloc(err.len + 1);
    if (r.body != NULL) {
        if (err.len > 0) {
            memcpy(r.body, err.ptr, err.len);
        }
        r.body[err.len] = '\0';
        check_error(&r, status, code, __FILE__, line);
    }
    reply_free(&r);
    wuye_buffer_free(&err);
    /* The same failure with no error buffer: nothing to free, nothing leaked. */
    e = (WuyeEngine *)(void *)&dummy;
    check_true(wuye_engine_new((const uint8_t *)config, len, &e, NULL) == status,
               "same status without out_error", __FILE__, line);
    check_true(e == NULL, "out_engine NULL without out_error", __FILE__, line);
}
#define ENGINE_NEW_FAILS(config, status, code)                                                \
    engine_new_fails((config), strlen(config), (status), (code), __LINE__)

/* A calendar whose Monday windows overlap (11:00-12:00 is in both). */
#define OVERLAPPING_CALENDAR                                                                  \
    "{'v':1,'calendar':{'week':{'mon':['08:30-12:00','11:00-17:30'],'tue':[],'wed':[],"       \
    "'thu':[],'fri':[],'sat':[],'sun':[]},"                                                   \
    "'years':[{'year':2026,'holidays':[],'makeup_workdays':[]}]}}"

/* A service desk open 08:00-20:00 every day, with 2026 only and 1-3 October off. */
#define SEVEN_DAY_CALENDAR                                                                    \
    "{'v':1,'calendar':{'utc_offset':'+08:00','week':{'mon':['08:00-20:00'],"                 \
    "'tue':['08:00-20:00'],'wed':['08:00-20:00'],'thu':['08:00-20:00'],"                      \
    "'fri':['08:00-20:00'],'sat':['08:00-20:00'],'sun':['08:00-20:00']},"                     \
    "'years':[{'year':2026,'holidays':['2026-10-01..2026-10-03'],'makeup_workdays':[]}]}}"

static void test_engine_new(void) {
    WuyeEngine *e = NULL;
    WuyeBuffer err = {NULL, 12345};
    WuyeStatus s;
    char *state;
    section("wuye_engine_new: configs and their failures");

    /* Success leaves out_error untouched. */
    s = wuye_engine_new((const uint8_t *)CFG, strlen(CFG), &e, &err);
    CHECK(s == WUYE_STATUS_OK);
    CHECK(e != NULL);
    CHECK(err.ptr == NULL && err.len == 12345);
    wuye_engine_free(e);

    /* NULL pointers. */
    err.len = 0;
    s = wuye_engine_new((const uint8_t *)CFG, strlen(CFG), NULL, &err);
    CHECK(s == WUYE_STATUS_NULL_ARGUMENT);
    {
        Reply r;
        r.status = s;
        r.len = err.len;
        r.body = malloc(err.len + 1);
        if (r.body != NULL) {
            memcpy(r.body, err.ptr, err.len);
            r.body[err.len] = '\0';
            CHECK_REPLY(r, WUYE_STATUS_NULL_ARGUMENT,
                        J("{'v':1,'ok':false,'error':{'status':1,'code':'null_argument',"
                          "'message':'out_engine is NULL'}}"));
        }
        reply_free(&r);
    }
    wuye_buffer_free(&err);
    CHECK(wuye_engine_new((const uint8_t *)CFG, strlen(CFG), NULL, NULL) ==
          WUYE_STATUS_NULL_ARGUMENT);
    engine_new_fails(NULL, 7, WUYE_STATUS_NULL_ARGUMENT, "null_argument", __LINE__);
    /* NULL with length 0 reads as empty input: not JSON. */
    engine_new_fails(NULL, 0, WUYE_STATUS_MALFORMED_JSON, "malformed_json", __LINE__);

    /* Bytes, JSON, version and fields of the config itself. */
    engine_new_fails("{\"v\":1,\"x\":\"\xff\"}", 14, WUYE_STATUS_INVALID_UTF8, "invalid_utf8",
                     __LINE__);
    ENGINE_NEW_FAILS(J("{'v':1"), WUYE_STATUS_MALFORMED_JSON, "malformed_json");
    ENGINE_NEW_FAILS(J("{'v':2}"), WUYE_STATUS_UNSUPPORTED_VERSION, "unsupported_version");
    ENGINE_NEW_FAILS(J("{'v':1,'colour':'red'}"), WUYE_STATUS_INVALID_REQUEST, "unknown_field");
    ENGINE_NEW_FAILS(J("{'v':'1'}"), WUYE_STATUS_INVALID_REQUEST, "wrong_type");
    ENGINE_NEW_FAILS(J("{'v':1,'state':{}}"), WUYE_STATUS_INVALID_REQUEST, "missing_field");

    /* Invalid configuration: overlapping windows, a satisfied threshold outside 1-5, a
     * zero-second SLA target, a saved state mixed with a config. */
    ENGINE_NEW_FAILS(J(OVERLAPPING_CALENDAR), WUYE_STATUS_INVALID_CONFIG, "invalid_calendar");
    ENGINE_NEW_FAILS(J("{'v':1,'config':{'satisfied_threshold':9}}"),
                     WUYE_STATUS_INVALID_CONFIG, "invalid_config");
    ENGINE_NEW_FAILS(J("{'v':1,'policy':{'rules':[{'kinds':['repair'],'priorities':['normal'],"
                       "'targets':[{'clock':'dispatch','seconds':0,'timing':'business'}]}]}}"),
                     WUYE_STATUS_INVALID_CONFIG, "invalid_policy");
    e = ENGINE(CFG);
    {
        char *exported = export_of(e);
        state = result_of(exported);
        free(exported);
    }
    wuye_engine_free(e);
    if (CHECK(state != NULL)) {
        /* state is {"state":{...}}: strip the wrapper to get the desk. */
        const char *desk = JF("%.*s", (int)(strlen(state) - 10), state + 9);
        ENGINE_NEW_FAILS(JF("{'v':1,'config':{},'state':%s}", desk), WUYE_STATUS_INVALID_CONFIG,
                         "invalid_config");
    }
    free(state);

    /* The same config errors through wuye_call_once. */
    {
        Reply r = call_once(J(OVERLAPPING_CALENDAR), J("{'v':1,'op':'engine.info'}"));
        CHECK_ERROR(r, WUYE_STATUS_INVALID_CONFIG, "invalid_calendar");
        reply_free(&r);
    }
}

static void test_custom_calendar(void) {
    WuyeEngine *e = ENGINE(J(SEVEN_DAY_CALENDAR));
    section("engine with its own calendar (08:00-20:00 every day, 1-3 Oct 2026 off)");
    /* 2026-10-11 is a Sunday: open on this calendar. */
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-11'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':true}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-02'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':false}}"));
    /* Only 2026 is covered. */
    EXPECT_ERROR(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2025-12-31'}}"),
                 WUYE_STATUS_CALENDAR, "year_not_covered");
    /* 07:00-21:00 on a Sunday holds the 12 h window 08:00-20:00. */
    EXPECT(e,
           J("{'v':1,'op':'calendar.between','args':{'from':'2026-10-11T07:00:00+08:00',"
             "'to':'2026-10-11T21:00:00+08:00'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'seconds':43200}}"));
    /* Wed 30 Sep 19:00 + 2 h: 1 h to 20:00, 1-3 Oct off, Sun 4 Oct 08:00 + 1 h. */
    EXPECT(e,
           J("{'v':1,'op':'calendar.add','args':{'start':'2026-09-30T19:00:00+08:00',"
             "'seconds':7200}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'2026-10-04T09:00:00+08:00'}}"));
    wuye_engine_free(e);
}

static void test_envelope_errors(WuyeEngine *e) {
    Reply r;
    section("request bytes, JSON, version, operation and arguments");
    /* NULL request with a length; NULL with length 0 is an empty request. */
    r = call_bytes(e, NULL, 5);
    CHECK_REPLY(r, WUYE_STATUS_NULL_ARGUMENT,
                J("{'v':1,'ok':false,'error':{'status':1,'code':'null_argument',"
                  "'message':'request is NULL'}}"));
    reply_free(&r);
    r = call_bytes(e, NULL, 0);
    CHECK_ERROR(r, WUYE_STATUS_MALFORMED_JSON, "malformed_json");
    reply_free(&r);
    /* Not UTF-8: a lone 0xFF byte, and a 3-byte character cut after 2 bytes. */
    EXPECT_UNCHANGED(e, "{\"v\":1,\"op\":\"engine.info\",\"args\":{\"x\":\"\xff\"}}",
                     WUYE_STATUS_INVALID_UTF8, "invalid_utf8");
    EXPECT_UNCHANGED(e, "{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"\xe5\x8e\"}}",
                     WUYE_STATUS_INVALID_UTF8, "invalid_utf8");
    /* Truncated and malformed JSON. */
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'engine.info'"), WUYE_STATUS_MALFORMED_JSON,
                     "malformed_json");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'request.register','args':{'request':{'id':'R9'"),
                     WUYE_STATUS_MALFORMED_JSON, "malformed_json");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'engine.info'}}"), WUYE_STATUS_MALFORMED_JSON,
                     "malformed_json");
    EXPECT_UNCHANGED(e, "engine.info", WUYE_STATUS_MALFORMED_JSON, "malformed_json");
    /* Versions other than 1; the version is checked before the operation. */
    EXPECT_UNCHANGED(e, J("{'v':2,'op':'engine.info'}"), WUYE_STATUS_UNSUPPORTED_VERSION,
                     "unsupported_version");
    EXPECT_UNCHANGED(e, J("{'v':0,'op':'no.such.op'}"), WUYE_STATUS_UNSUPPORTED_VERSION,
                     "unsupported_version");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'engine.explode'}"), WUYE_STATUS_UNKNOWN_OPERATION,
                     "unknown_operation");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'Engine.Info'}"), WUYE_STATUS_UNKNOWN_OPERATION,
                     "unknown_operation");
    /* Unknown fields are refused, in the envelope and in the arguments. */
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'engine.info','extra':1}"), WUYE_STATUS_INVALID_REQUEST,
                     "unknown_field");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'engine.info','args':{'verbose':true}}"),
                     WUYE_STATUS_INVALID_REQUEST, "unknown_field");
    EXPECT_UNCHANGED(e,
                     J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-10',"
                       "'region':'CN'}}"),
                     WUYE_STATUS_INVALID_REQUEST, "unknown_field");
    EXPECT_UNCHANGED(e,
                     register_req("{'id':'R9','kind':'repair','priority':'normal','channel':"
                                  "'phone','location':{'unit':'1-1-101'},'reporter':{'kind':"
                                  "'owner'},'description':'漏水','urgent':true}",
                                  "agent", "kf01", AT("09:00")),
                     WUYE_STATUS_INVALID_REQUEST, "unknown_field");
    /* Wrong types and missing fields. */
    EXPECT_UNCHANGED(e,
                     J("{'v':1,'op':'calendar.add','args':{'start':'2026-03-02T09:00:00+08:00',"
                       "'seconds':'3600'}}"),
                     WUYE_STATUS_INVALID_REQUEST, "wrong_type");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'request.get','args':{'id':1}}"),
                     WUYE_STATUS_INVALID_REQUEST, "wrong_type");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'sla.tick','args':{'now':true}}"),
                     WUYE_STATUS_INVALID_REQUEST, "wrong_type");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'request.get'}"), WUYE_STATUS_INVALID_REQUEST,
                     "missing_field");
    /* Values that are not what the field means: no 30 February, no kind "leak". */
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-02-30'}}"),
                     WUYE_STATUS_INVALID_REQUEST, "invalid_value");
    EXPECT_UNCHANGED(e,
                     register_req("{'id':'R9','kind':'leak','priority':'normal','channel':"
                                  "'phone','location':{'unit':'1-1-101'},'reporter':{'kind':"
                                  "'owner'},'description':'漏水'}",
                                  "agent", "kf01", AT("09:00")),
                     WUYE_STATUS_INVALID_REQUEST, "invalid_value");
}

static void test_handles(void) {
    static const char info[] = "{\"v\":1,\"op\":\"engine.info\"}";
    const char *want = J("{'v':1,'ok':false,'error':{'status':13,'code':'invalid_handle',"
                         "'message':'the engine handle is NULL, freed or not created by "
                         "wuye_engine_new'}}");
    long on_the_stack[8] = {0};
    WuyeEngine *fake = (WuyeEngine *)(void *)on_the_stack;
    WuyeEngine *freed = ENGINE(CFG);
    Reply r;
    section("engine handles: NULL, freed, foreign");
    wuye_engine_free(freed);
    r = call(NULL, info);
    CHECK_REPLY(r, WUYE_STATUS_INVALID_HANDLE, want);
    reply_free(&r);
    r = call(freed, info);
    CHECK_REPLY(r, WUYE_STATUS_INVALID_HANDLE, want);
    reply_free(&r);
    r = call(fake, info);
    CHECK_REPLY(r, WUYE_STATUS_INVALID_HANDLE, want);
    reply_free(&r);
    /* The handle is checked first, even when the request is also NULL. */
    r = call_bytes(NULL, NULL, 3);
    CHECK_REPLY(r, WUYE_STATUS_INVALID_HANDLE, want);
    reply_free(&r);
    /* And without a response buffer. */
    CHECK(wuye_engine_call(freed, (const uint8_t *)info, strlen(info), NULL) ==
          WUYE_STATUS_INVALID_HANDLE);
    /* Freeing NULL, a freed handle again, or a foreign pointer is ignored. */
    wuye_engine_free(NULL);
    wuye_engine_free(freed);
    wuye_engine_free(fake);
    CHECK(on_the_stack[0] == 0 && on_the_stack[7] == 0);
}

static void test_buffers(WuyeEngine *e) {
    static const char req[] = "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":"
                              "{\"date\":\"2026-10-10\"}}";
    static const char bad[] = "{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"nope\"}}";
    static const char want[] = "{\"v\":1,\"ok\":true,\"result\":{\"working\":true}}";
    WuyeBuffer out = {NULL, 0};
    WuyeBuffer zero = {NULL, 0};
    section("response buffers");
    CHECK(wuye_engine_call(e, (const uint8_t *)req, strlen(req), &out) == WUYE_STATUS_OK);
    /* ptr[0..len] is the JSON, not NUL-terminated. */
    CHECK(out.ptr != NULL && out.len == strlen(want) && memcmp(out.ptr, want, out.len) == 0);
    wuye_buffer_free(&out);
    CHECK(out.ptr == NULL && out.len == 0);
    wuye_buffer_free(&out); /* twice: a no-op */
    CHECK(out.ptr == NULL && out.len == 0);
    wuye_buffer_free(&zero);
    wuye_buffer_free(NULL);
    /* No response buffer: the status still comes back, and nothing leaks (valgrind). */
    CHECK(wuye_engine_call(e, (const uint8_t *)req, strlen(req), NULL) == WUYE_STATUS_OK);
    CHECK(wuye_engine_call(e, (const uint8_t *)bad, strlen(bad), NULL) ==
          WUYE_STATUS_NOT_FOUND);
    CHECK(wuye_call_once((const uint8_t *)CFG, strlen(CFG), (const uint8_t *)req, strlen(req),
                         NULL) == WUYE_STATUS_OK);
    /* wuye_call_once: NULL spans. */
    CHECK(wuye_call_once(NULL, 7, (const uint8_t *)req, strlen(req), &out) ==
          WUYE_STATUS_NULL_ARGUMENT);
    CHECK(out.ptr != NULL && out.len > 0);
    wuye_buffer_free(&out);
    CHECK(wuye_call_once((const uint8_t *)CFG, strlen(CFG), NULL, 9, &out) ==
          WUYE_STATUS_NULL_ARGUMENT);
    wuye_buffer_free(&out);
}

static void test_calendar(WuyeEngine *e) {
    Reply r;
    section("calendar.* (mainland China 2026, office hours)");
    /* is_working_day: Sat 10 Oct is a make-up working day 调休; Thu 1 Oct is National Day;
     * Sun 11 Oct is a weekend; Thu 8 Oct is the first day back; Sat 14 Feb is the make-up
     * day before the Spring Festival; 2027 has no data yet. */
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-10'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':true}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-01'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':false}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-11'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':false}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-10-08'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':true}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2026-02-14'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'working':true}}"));
    EXPECT_ERROR(e, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2027-01-04'}}"),
                 WUYE_STATUS_CALENDAR, "year_not_covered");

    /* working_days: October 2026 = 8, 9 Oct (2) + Sat 10 Oct (1) + 12-16, 19-23, 26-30 Oct
     * (15) = 18. February 2026 = 2-6, 9-13 (10) + 24-27 (4; 15-23 off) + Sat 14 and 28 (2)
     * = 16. */
    EXPECT(e,
           J("{'v':1,'op':'calendar.working_days','args':{'from':'2026-10-01','to':'2026-10-31'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'days':18}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.working_days','args':{'from':'2026-02-01','to':'2026-02-28'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'days':16}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.working_days','args':{'from':'2026-10-10','to':'2026-10-10'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'days':1}}"));
    EXPECT_ERROR(
        e, J("{'v':1,'op':'calendar.working_days','args':{'from':'2026-10-31','to':'2026-10-01'}}"),
        WUYE_STATUS_CALENDAR, "reversed_range");
    EXPECT_ERROR(
        e, J("{'v':1,'op':'calendar.working_days','args':{'from':'2026-12-01','to':'2027-01-31'}}"),
        WUYE_STATUS_CALENDAR, "year_not_covered");

    /* add: Wed 30 Sep 17:00 + 1 h = 30 min to 17:30, 1-7 Oct off, Thu 8 Oct 08:30 + 30 min.
     * A deadline reached at the end of a window is that end (12:00), not 13:30. An instant
     * in UTC comes back in Beijing time. */
    EXPECT(e,
           J("{'v':1,'op':'calendar.add','args':{'start':'2026-09-30T17:00:00+08:00',"
             "'seconds':3600}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'2026-10-08T09:00:00+08:00'}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.add','args':{'start':'" AT("11:00") "','seconds':3600}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'" AT("12:00") "'}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.add','args':{'start':'2026-03-02T01:00:00Z','seconds':3600}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'" AT("10:00") "'}}"));
    EXPECT_ERROR(e, J("{'v':1,'op':'calendar.add','args':{'start':'" AT("09:00") "','seconds':0}}"),
                 WUYE_STATUS_CALENDAR, "invalid_duration");
    EXPECT_ERROR(e,
                 J("{'v':1,'op':'calendar.add','args':{'start':'" AT("09:00") "','seconds':-60}}"),
                 WUYE_STATUS_CALENDAR, "invalid_duration");
    /* Thu 31 Dec 17:00 + 1 h runs into 2027, which has no data. */
    EXPECT_ERROR(e,
                 J("{'v':1,'op':'calendar.add','args':{'start':'2026-12-31T17:00:00+08:00',"
                   "'seconds':3600}}"),
                 WUYE_STATUS_CALENDAR, "year_not_covered");

    /* between: the inverse of the add above; a whole office day 08:00-18:00 = 3.5 h + 4 h;
     * Fri 17:00 to Mon 09:00 = 30 min + 30 min. */
    EXPECT(e,
           J("{'v':1,'op':'calendar.between','args':{'from':'2026-09-30T17:00:00+08:00',"
             "'to':'2026-10-08T09:00:00+08:00'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'seconds':3600}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.between','args':{'from':'" AT("08:00") "','to':'" AT(
               "18:00") "'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'seconds':27000}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.between','args':{'from':'2026-03-06T17:00:00+08:00',"
             "'to':'2026-03-09T09:00:00+08:00'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'seconds':3600}}"));
    EXPECT_ERROR(e,
                 J("{'v':1,'op':'calendar.between','args':{'from':'" AT("18:00") "','to':'" AT(
                     "08:00") "'}}"),
                 WUYE_STATUS_CALENDAR, "reversed_range");

    /* next_working_instant: after hours on the eve of National Day -> Thu 8 Oct 08:30; in
     * the lunch break -> 13:30; inside a window -> itself; exactly 12:00 (04:00Z) is outside
     * [08:30, 12:00) -> 13:30; Fri 9 Oct evening -> the make-up Saturday 08:30. */
    EXPECT(e,
           J("{'v':1,'op':'calendar.next_working_instant','args':{'at':"
             "'2026-09-30T18:00:00+08:00'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'2026-10-08T08:30:00+08:00'}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.next_working_instant','args':{'at':'" AT("12:30") "'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'" AT("13:30") "'}}"));
    EXPECT(e, J("{'v':1,'op':'calendar.next_working_instant','args':{'at':'" AT("10:00") "'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'" AT("10:00") "'}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.next_working_instant','args':{'at':'2026-03-02T04:00:00Z'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'" AT("13:30") "'}}"));
    EXPECT(e,
           J("{'v':1,'op':'calendar.next_working_instant','args':{'at':"
             "'2026-10-09T18:00:00+08:00'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'instant':'2026-10-10T08:30:00+08:00'}}"));
    EXPECT_ERROR(e,
                 J("{'v':1,'op':'calendar.next_working_instant','args':{'at':"
                   "'2026-12-31T18:00:00+08:00'}}"),
                 WUYE_STATUS_CALENDAR, "year_not_covered");

    /* The same through wuye_call_once. */
    r = call_once(CFG, J("{'v':1,'op':'calendar.working_days','args':{'from':'2026-10-01',"
                         "'to':'2026-10-31'}}"));
    CHECK_REPLY(r, WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'days':18}}"));
    reply_free(&r);
    r = call_once(CFG, J("{'v':1,'op':'calendar.is_working_day','args':{'date':'2027-01-04'}}"));
    CHECK_ERROR(r, WUYE_STATUS_CALENDAR, "year_not_covered");
    reply_free(&r);
}

/* request.get of R1 in a given stage, with its last event time. */
static const char *r1_get(const char *last, const char *stage) {
    return JF("{'v':1,'ok':true,'result':{'request':{'details':%s,'registered_at':'%s',"
              "'last_event_at':'%s','stage':%s,'reopen_count':0,'transfer_count':0,"
              "'return_count':0,'callback_attempts':0}}}",
              J(R1_DETAILS), AT("09:00"), last, stage);
}

static void test_requests(WuyeEngine *e) {
    size_t i;
    Reply r;
    section("request.register, request.execute, request.get");

    /* Register R1: one `registered` event echoing the request, Chinese text unchanged. */
    EXPECT(e, register_req(J(R1_DETAILS), "agent", "kf01", AT("09:00")), WUYE_STATUS_OK,
           events_ok(event("R1", AT("09:00"), "agent", "kf01",
                           JF("{'type':'registered','request':%s}", J(R1_DETAILS)))));
    r = call(e, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"));
    CHECK_REPLY(r, WUYE_STATUS_OK, r1_get(AT("09:00"), J("{'stage':'registered'}")));
    /* The UTF-8 bytes of 厨房水龙头漏水 and 王女士, byte for byte. */
    CHECK_HAS(r.body, "\"description\":\"\xe5\x8e\xa8\xe6\x88\xbf\xe6\xb0\xb4\xe9\xbe\x99\xe5"
                      "\xa4\xb4\xe6\xbc\x8f\xe6\xb0\xb4\"");
    CHECK_HAS(r.body, "\"name\":\"\xe7\x8e\x8b\xe5\xa5\xb3\xe5\xa3\xab\"");
    reply_free(&r);

    /* Conflict: the id exists. Refusals of the registration itself: a project manager does
     * not register; the description may not be blank; an anonymous report keeps no name. */
    EXPECT_UNCHANGED(e, register_req(J(R1_DETAILS), "agent", "kf02", AT("09:01")),
                     WUYE_STATUS_CONFLICT, "duplicate_request");
    EXPECT(e, register_req(J(R1_DETAILS), "agent", "kf02", AT("09:01")), WUYE_STATUS_CONFLICT,
           J("{'v':1,'ok':false,'error':{'status':9,'code':'duplicate_request',"
             "'message':'request R1 already exists'}}"));
    EXPECT_UNCHANGED(e,
                     register_req("{'id':'R9','kind':'repair','priority':'normal','channel':"
                                  "'phone','location':{'unit':'1-1-101'},'reporter':{'kind':"
                                  "'owner'},'description':'漏水'}",
                                  "project_manager", "pm01", AT("09:00")),
                     WUYE_STATUS_REFUSED, "role_not_allowed");
    EXPECT_UNCHANGED(e,
                     register_req("{'id':'R9','kind':'repair','priority':'normal','channel':"
                                  "'phone','location':{'unit':'1-1-101'},'reporter':{'kind':"
                                  "'owner'},'description':'  '}",
                                  "agent", "kf01", AT("09:00")),
                     WUYE_STATUS_REFUSED, "invalid_field");
    EXPECT_UNCHANGED(e,
                     register_req("{'id':'R9','kind':'matter','priority':'low','channel':"
                                  "'app','location':{'unit':'1-1-101'},'reporter':{'kind':"
                                  "'anonymous','name':'张三'},'description':'噪音'}",
                                  "agent", "kf01", AT("09:00")),
                     WUYE_STATUS_REFUSED, "invalid_field");

    /* Refused steps on the registered R1, each leaving the engine unchanged. */
    EXPECT(e, execute_req("R1", "{'step':'dispatch','department':'engineering'}", "worker", "w1",
                          AT("09:01")),
           WUYE_STATUS_REFUSED,
           J("{'v':1,'ok':false,'error':{'status':7,'code':'role_not_allowed',"
             "'message':'request R1: role worker may not dispatch'}}"));
    EXPECT_UNCHANGED(e,
                     execute_req("R1", "{'step':'dispatch','department':'engineering'}",
                                 "worker", "w1", AT("09:01")),
                     WUYE_STATUS_REFUSED, "role_not_allowed");
    EXPECT(e, execute_req("R1", "{'step':'accept'}", "worker", "w1", AT("09:01")),
           WUYE_STATUS_REFUSED,
           J("{'v':1,'ok':false,'error':{'status':7,'code':'illegal_step',"
             "'message':'request R1: cannot accept a request that is registered'}}"));
    EXPECT_UNCHANGED(e, execute_req("R1", "{'step':'accept'}", "worker", "w1", AT("09:01")),
                     WUYE_STATUS_REFUSED, "illegal_step");
    /* 08:59 is earlier than the registration at 09:00. */
    EXPECT(e,
           execute_req("R1", "{'step':'dispatch','department':'engineering'}", "dispatcher",
                       "dd01", AT("08:59")),
           WUYE_STATUS_REFUSED,
           J("{'v':1,'ok':false,'error':{'status':7,'code':'out_of_order','message':'request R1: "
             "dispatch at " AT("08:59") " is earlier than the last event at " AT("09:00") "'}}"));
    EXPECT_UNCHANGED(e,
                     execute_req("R1", "{'step':'dispatch','department':'engineering'}",
                                 "dispatcher", "dd01", AT("08:59")),
                     WUYE_STATUS_REFUSED, "out_of_order");
    EXPECT_UNCHANGED(e,
                     execute_req("R1", "{'step':'dispatch','department':'plumbing'}",
                                 "dispatcher", "dd01", AT("09:02")),
                     WUYE_STATUS_REFUSED, "unknown_department");
    /* Not found, with the (Chinese) id in the message. */
    EXPECT(e, execute_req("报修-999", "{'step':'accept'}", "worker", "w1", AT("09:01")),
           WUYE_STATUS_NOT_FOUND,
           J("{'v':1,'ok':false,'error':{'status':8,'code':'unknown_request',"
             "'message':'unknown request 报修-999'}}"));
    EXPECT_UNCHANGED(e, execute_req("报修-999", "{'step':'accept'}", "worker", "w1", AT("09:01")),
                     WUYE_STATUS_NOT_FOUND, "unknown_request");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'request.get','args':{'id':'报修-999'}}"),
                     WUYE_STATUS_NOT_FOUND, "unknown_request");

    /* The whole life of R1, each step answering with its one event. */
    for (i = 0; i < R1_STEPS; i++) {
        const Step *s = &r1_steps[i];
        EXPECT(e, execute_req("R1", s->command, s->role, s->actor, s->at), WUYE_STATUS_OK,
               events_ok(event("R1", s->at, s->role, s->actor, s->change)));
        if (i == 0) {
            /* Dispatched to w1: another worker may not accept it. */
            EXPECT_UNCHANGED(e, execute_req("R1", "{'step':'accept'}", "worker", "w2", AT("09:06")),
                             WUYE_STATUS_REFUSED, "not_assignee");
            EXPECT(e, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"), WUYE_STATUS_OK,
                   r1_get(AT("09:05"), J("{'stage':'dispatched','department':'engineering',"
                                         "'assignee':'w1'}")));
        }
        if (i == 3) {
            EXPECT(e, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"), WUYE_STATUS_OK,
                   r1_get(AT("09:40"),
                          J("{'stage':'on_hold','department':'engineering','assignee':'w1',"
                            "'arrived_at':'" AT("09:30") "','reason':'waiting_for_parts',"
                            "'since':'" AT("09:40") "'}")));
        }
    }
    EXPECT(e, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"), WUYE_STATUS_OK,
           r1_get(AT("11:30"), J("{'stage':'closed','closure':{'by':'satisfied','rating':5}}")));
    /* Closed is terminal. */
    EXPECT_UNCHANGED(e, execute_req("R1", "{'step':'reply'}", "agent", "kf01", AT("12:00")),
                     WUYE_STATUS_REFUSED, "illegal_step");

    /* R2 and R3 for the SLA tests. */
    EXPECT(e, register_req(J(R2_DETAILS), "agent", "kf01", AT("09:00")), WUYE_STATUS_OK,
           events_ok(event("R2", AT("09:00"), "agent", "kf01",
                           JF("{'type':'registered','request':%s}", J(R2_DETAILS)))));
    EXPECT(e, register_req(J(R3_DETAILS), "agent", "kf03", "2026-03-07T23:00:00+08:00"),
           WUYE_STATUS_OK,
           events_ok(event("R3", "2026-03-07T23:00:00+08:00", "agent", "kf03",
                           JF("{'type':'registered','request':%s}", J(R3_DETAILS)))));

    /* JSON \u escapes in, raw UTF-8 out. */
    EXPECT(e,
           register_req("{'id':'R4','kind':'inquiry','priority':'low','channel':'walk_in',"
                        "'location':{'unit':'3-1-502'},'reporter':{'kind':'owner'},"
                        "'description':'\\u53a8\\u623f\\u6c34\\u9f99\\u5934\\u6f0f\\u6c34'}",
                        "agent", "kf01", AT("09:00")),
           WUYE_STATUS_OK,
           events_ok(event("R4", AT("09:00"), "agent", "kf01",
                           "{'type':'registered','request':{'id':'R4','kind':'inquiry',"
                           "'priority':'low','channel':'walk_in','location':{'unit':'3-1-502'},"
                           "'reporter':{'kind':'owner'},'description':'厨房水龙头漏水'}}")));
}

static void test_execute_batch(WuyeEngine *e) {
    const char *steps = JF(
        "%s,%s,%s,%s,%s",
        step_args("R2", "{'step':'dispatch','department':'engineering','assignee':'w2'}",
                  "dispatcher", "dd01", AT("10:00")),
        step_args("R2", "{'step':'accept'}", "worker", "w9", AT("10:05")),
        step_args("R2", "{'step':'accept'}", "worker", "w2", AT("10:05")),
        step_args("R404", "{'step':'arrive'}", "worker", "w2", AT("10:06")),
        step_args("R2", "{'step':'reply'}", "agent", "kf01", AT("10:06")));
    section("request.execute_batch");
    /* Each step stands alone: refused steps change nothing and the next one runs. */
    EXPECT(e, JF("{'v':1,'op':'request.execute_batch','args':{'steps':[%s]}}", steps),
           WUYE_STATUS_OK,
           JF("{'v':1,'ok':true,'result':{'results':["
              "{'ok':true,'result':{'events':[%s]}},"
              "{'ok':false,'error':{'status':7,'code':'not_assignee','message':"
              "'request R2: worker w9 is not the assignee (w2) and may not accept'}},"
              "{'ok':true,'result':{'events':[%s]}},"
              "{'ok':false,'error':{'status':8,'code':'unknown_request','message':"
              "'unknown request R404'}},"
              "{'ok':false,'error':{'status':7,'code':'illegal_step','message':"
              "'request R2: cannot reply a request that is accepted'}}]}}",
              event("R2", AT("10:00"), "dispatcher", "dd01",
                    "{'type':'dispatched','department':'engineering','assignee':'w2'}"),
              event("R2", AT("10:05"), "worker", "w2", "{'type':'accepted','assignee':'w2'}")));
    EXPECT(e, J("{'v':1,'op':'request.execute_batch','args':{'steps':[]}}"), WUYE_STATUS_OK,
           J("{'v':1,'ok':true,'result':{'results':[]}}"));
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'request.execute_batch','args':{'steps':{}}}"),
                     WUYE_STATUS_INVALID_REQUEST, "wrong_type");
    {
        Reply r = call(e, J("{'v':1,'op':'request.get','args':{'id':'R2'}}"));
        CHECK_HAS(r.body, J("'stage':{'stage':'accepted','department':'engineering',"
                            "'assignee':'w2'}"));
        CHECK_HAS(r.body, J("'last_event_at':'" AT("10:05") "'"));
        reply_free(&r);
    }
}

static const char *status_req(const char *id, const char *as_of) {
    return JF("{'v':1,'op':'sla.status','args':{'id':'%s','as_of':'%s'}}", id, as_of);
}

static void test_sla_status(WuyeEngine *e) {
    const char *r1_2027;
    section("sla.status");
    EXPECT(e, status_req("R1", AT("12:00")), WUYE_STATUS_OK, ok(r1_status_1200()));
    EXPECT(e, status_req("R2", AT("10:00")), WUYE_STATUS_OK, ok(r2_status_1000()));
    EXPECT(e, status_req("R3", "2026-03-08T00:00:00+08:00"), WUYE_STATUS_OK, ok(r3_status_0000()));
    /* A closed request's clocks have all stopped: its status needs no calendar, even as of
     * a day in 2027. An open one's running business clocks do. */
    r1_2027 = r1_status_1200();
    r1_2027 = JF("%.*s2027-01-04T09:00:00+08:00%s", (int)(strstr(r1_2027, AT("12:00")) - r1_2027),
                 r1_2027, strstr(r1_2027, AT("12:00")) + strlen(AT("12:00")));
    EXPECT(e, status_req("R1", "2027-01-04T09:00:00+08:00"), WUYE_STATUS_OK, ok(r1_2027));
    EXPECT_UNCHANGED(e, status_req("R2", "2027-01-04T09:00:00+08:00"), WUYE_STATUS_CALENDAR,
                     "year_not_covered");
    /* As of a time before the last event (R1 closed at 11:30). */
    EXPECT(e, status_req("R1", AT("11:00")), WUYE_STATUS_REFUSED,
           J("{'v':1,'ok':false,'error':{'status':7,'code':'as_of_before_last_event','message':"
             "'request R1: status as of " AT("11:00") " is before its last event at " AT(
                 "11:30") "'}}"));
    EXPECT_UNCHANGED(e, status_req("报修-404", AT("12:00")), WUYE_STATUS_NOT_FOUND,
                     "unknown_request");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'sla.status','args':{'id':'R1','as_of':'2026-03-02 12:00'}}"),
                     WUYE_STATUS_INVALID_REQUEST, "invalid_value");
}

/* The SLA status of R2 as of Sun 2026-03-08 00:00, after the batch (dispatched 10:00 to w2,
 * accepted 10:05): dispatch stopped an hour after registration, 1800 s late; accept took
 * 300 s; arrive and complete still run: Mon 09:00-17:30 (7 h) + Tue-Fri 4 x 7.5 h = 37 h =
 * 133200 s, the weekend adding nothing. */
static const char *r2_status_sunday(void) {
    const char *c = JF(
        "%s,%s,%s,%s,%s,%s",
        clock("dispatch", "business", 1800, "breached", AT("09:00"), AT("10:00"), 3600, -1, 1800,
              AT("09:30")),
        clock("accept", "business", 1800, "met", AT("10:00"), AT("10:05"), 300, 1500, -1,
              AT("10:30")),
        clock("arrive", "business", 7200, "breached", AT("09:00"), NULL, 133200, -1, 126000,
              AT("11:00")),
        clock("complete", "business", 57600, "breached", AT("09:00"), NULL, 133200, -1, 75600,
              "2026-03-04T10:00:00+08:00"),
        clock("reply", "business", 14400, "not_started", NULL, NULL, 0, 14400, -1, NULL),
        clock("callback", "business", 57600, "not_started", NULL, NULL, 0, 57600, -1, NULL));
    return status_result("R2", "2026-03-08T00:00:00+08:00", AT("09:00"), c);
}

/* R4, an inquiry: only a 2 h reply clock, running since Mon 09:00; by Sunday 133200 s. */
static const char *r4_status_sunday(void) {
    return status_result("R4", "2026-03-08T00:00:00+08:00", AT("09:00"),
                         clock("reply", "business", 7200, "breached", AT("09:00"), NULL, 133200,
                               -1, 126000, AT("11:00")));
}

static void test_status_batch(WuyeEngine *e) {
    const char *sunday = "2026-03-08T00:00:00+08:00";
    const char *r1_sunday;
    const char *single[4];
    const char *ids[4] = {"R1", "R2", "R3", "R4"};
    size_t i;
    section("sla.status_batch");
    for (i = 0; i < 4; i++) {
        Reply r = call(e, status_req(ids[i], sunday));
        char *res = result_of(r.body);
        CHECK(r.status == WUYE_STATUS_OK && res != NULL);
        single[i] = J(res ? res : "");
        free(res);
        reply_free(&r);
    }
    r1_sunday = r1_status_1200();
    r1_sunday = JF("%.*s%s%s", (int)(strstr(r1_sunday, AT("12:00")) - r1_sunday), r1_sunday,
                   sunday, strstr(r1_sunday, AT("12:00")) + strlen(AT("12:00")));
    CHECK_STR(single[0], r1_sunday);
    CHECK_STR(single[1], r2_status_sunday());
    CHECK_STR(single[3], r4_status_sunday());
    /* Every request, in id order, each item equal to its single status. */
    EXPECT(e, JF("{'v':1,'op':'sla.status_batch','args':{'as_of':'%s'}}", sunday), WUYE_STATUS_OK,
           JF("{'v':1,'ok':true,'result':{'statuses':[{'ok':true,'result':%s},{'ok':true,"
              "'result':%s},{'ok':true,'result':%s},{'ok':true,'result':%s}]}}",
              single[0], single[1], single[2], single[3]));
    /* Chosen ids, in the order given; an unknown id fails in place. */
    EXPECT(e,
           JF("{'v':1,'op':'sla.status_batch','args':{'ids':['R3','报修-404','R1'],'as_of':'%s'}}",
              sunday),
           WUYE_STATUS_OK,
           JF("{'v':1,'ok':true,'result':{'statuses':[{'ok':true,'result':%s},{'ok':false,"
              "'error':{'status':8,'code':'unknown_request','message':'unknown request "
              "报修-404'}},{'ok':true,'result':%s}]}}",
              single[2], single[0]));
    /* As of Sat 12:00, R3 (registered Sat 23:00) has not happened yet: refused in place. */
    {
        Reply r = call(e, J("{'v':1,'op':'sla.status_batch','args':{'as_of':"
                            "'2026-03-07T12:00:00+08:00'}}"));
        CHECK(r.status == WUYE_STATUS_OK);
        CHECK(count_of(r.body, "{\"ok\":true,\"result\":{\"request\":") == 3);
        CHECK_HAS(r.body, J("{'ok':false,'error':{'status':7,'code':'as_of_before_last_event',"
                            "'message':'request R3: status as of 2026-03-07T12:00:00+08:00 is "
                            "before its last event at 2026-03-07T23:00:00+08:00'}}"));
        reply_free(&r);
    }
    EXPECT(e, J("{'v':1,'op':'sla.status_batch','args':{'ids':[],'as_of':'" AT("12:00") "'}}"),
           WUYE_STATUS_OK, J("{'v':1,'ok':true,'result':{'statuses':[]}}"));
    /* A year the calendar lacks: R2's running clocks fail in place, R1's stopped ones not. */
    {
        Reply r = call(e, J("{'v':1,'op':'sla.status_batch','args':{'ids':['R1','R2'],"
                            "'as_of':'2027-01-04T09:00:00+08:00'}}"));
        CHECK(r.status == WUYE_STATUS_OK);
        CHECK_HAS(r.body, "{\"ok\":true,\"result\":{\"request\":\"R1\"");
        CHECK_HAS(r.body, J("{'ok':false,'error':{'status':10,'code':'year_not_covered'"));
        reply_free(&r);
    }
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'sla.status_batch','args':{'ids':'R1','as_of':'" AT(
                            "12:00") "'}}"),
                     WUYE_STATUS_INVALID_REQUEST, "wrong_type");
}

static const char *escalated(const char *id, const char *at, const char *clock, int percent,
                             const char *notify, const char *due) {
    return event(id, at, "system", "system",
                 JF("{'type':'escalated','cycle':0,'clock':'%s','percent':%d,'notify':'%s',"
                    "'due_at':'%s'}",
                    clock, percent, notify, due));
}

static void test_tick(void) {
    WuyeEngine *e = ENGINE(CFG);
    section("sla.tick");
    EXPECT(e, register_req(J(R1_DETAILS), "agent", "kf01", AT("09:00")), WUYE_STATUS_OK, NULL);
    /* Nothing due at 09:20: the dispatch clock's 80% (24 of 30 min) falls at 09:24. */
    EXPECT(e, J("{'v':1,'op':'sla.tick','args':{'now':'" AT("09:20") "'}}"), WUYE_STATUS_OK,
           J("{'v':1,'ok':true,'result':{'events':[]}}"));
    /* At 09:30 both dispatch thresholds are due: 80% -> supervisor, 100% -> project manager. */
    EXPECT(e, J("{'v':1,'op':'sla.tick','args':{'now':'" AT("09:30") "'}}"), WUYE_STATUS_OK,
           events_ok(JF("%s,%s",
                        escalated("R1", AT("09:30"), "dispatch", 80, "supervisor", AT("09:24")),
                        escalated("R1", AT("09:30"), "dispatch", 100, "project_manager",
                                  AT("09:30")))));
    /* Each escalation is recorded once, however often the host ticks. */
    EXPECT(e, J("{'v':1,'op':'sla.tick','args':{'now':'" AT("09:30") "'}}"), WUYE_STATUS_OK,
           J("{'v':1,'ok':true,'result':{'events':[]}}"));
    /* The arrive clock's 80% of 2 h = 96 min after 09:00 = 10:36. */
    EXPECT(e, J("{'v':1,'op':'sla.tick','args':{'now':'" AT("10:40") "'}}"), WUYE_STATUS_OK,
           events_ok(escalated("R1", AT("10:40"), "arrive", 80, "supervisor", AT("10:36"))));
    /* Escalations change no stage and do not move the time of the last step. */
    EXPECT(e, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"), WUYE_STATUS_OK,
           r1_get(AT("09:00"), J("{'stage':'registered'}")));
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'sla.tick','args':{}}"), WUYE_STATUS_INVALID_REQUEST,
                     "missing_field");
    wuye_engine_free(e);
}

static const char *replay_req(const char *events) {
    return JF("{'v':1,'op':'log.replay','args':{'events':[%s]}}", events);
}

static const char *registered(const char *id, const char *details_id) {
    return event(id, AT("09:00"), "agent", "kf01",
                 JF("{'type':'registered','request':{'id':'%s','kind':'repair','priority':"
                    "'normal','channel':'phone','location':{'unit':'1-1-101'},'reporter':"
                    "{'kind':'owner'},'description':'漏水'}}",
                    details_id));
}

static void test_replay(WuyeEngine *live) {
    WuyeEngine *e = ENGINE(CFG);
    Reply a, b;
    section("log.replay");
    EXPECT(e, replay_req(r1_log()), WUYE_STATUS_OK,
           J("{'v':1,'ok':true,'result':{'applied':9,'requests':1}}"));
    /* The replayed request equals the live one, byte for byte, clocks included. */
    a = call(e, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"));
    b = call(live, J("{'v':1,'op':'request.get','args':{'id':'R1'}}"));
    CHECK_REPLY(a, WUYE_STATUS_OK,
                r1_get(AT("11:30"), J("{'stage':'closed','closure':{'by':'satisfied','rating':5}}")));
    CHECK_STR(a.body, b.body);
    reply_free(&a);
    reply_free(&b);
    EXPECT(e, status_req("R1", AT("12:00")), WUYE_STATUS_OK, ok(r1_status_1200()));

    /* All or nothing: R9's registration is valid, its second event is not, so neither is
     * kept. */
    EXPECT(e,
           replay_req(JF("%s,{'schema':9,'request':'R9','at':'" AT("09:10") "','actor':{'role':"
                         "'worker','id':'w1'},'change':{'type':'arrived'}}",
                         registered("R9", "R9"))),
           WUYE_STATUS_INVALID_EVENT,
           J("{'v':1,'ok':false,'error':{'status':12,'code':'unsupported_schema','message':"
             "'event 1: event of request R9 has schema 9; this library reads schema 1'}}"));
    EXPECT_UNCHANGED(e,
                     replay_req(JF("%s,{'schema':9,'request':'R9','at':'" AT(
                                       "09:10") "','actor':{'role':'worker','id':'w1'},"
                                                "'change':{'type':'arrived'}}",
                                   registered("R9", "R9"))),
                     WUYE_STATUS_INVALID_EVENT, "unsupported_schema");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'request.get','args':{'id':'R9'}}"), WUYE_STATUS_NOT_FOUND,
                     "unknown_request");
    /* Arrival before anyone accepted: the event does not fit the stage. */
    EXPECT(e,
           replay_req(JF("%s,%s", registered("R8", "R8"),
                         event("R8", AT("09:10"), "worker", "w1", "{'type':'arrived'}"))),
           WUYE_STATUS_INVALID_EVENT,
           J("{'v':1,'ok':false,'error':{'status':12,'code':'event_mismatch','message':"
             "'event 1: request R8: event arrived does not apply to a request that is "
             "registered'}}"));
    EXPECT_UNCHANGED(e,
                     replay_req(JF("%s,%s", registered("R8", "R8"),
                                   event("R8", AT("09:10"), "worker", "w1", "{'type':'arrived'}"))),
                     WUYE_STATUS_INVALID_EVENT, "event_mismatch");
    /* A registration filed under another request's id. */
    EXPECT_UNCHANGED(e, replay_req(registered("R6", "R5")), WUYE_STATUS_INVALID_EVENT,
                     "event_mismatch");
    /* R1 is already there; R7 never was: in a log, both are entries that do not apply. */
    EXPECT_UNCHANGED(e, replay_req(registered("R1", "R1")), WUYE_STATUS_INVALID_EVENT,
                     "duplicate_request");
    EXPECT_UNCHANGED(e, replay_req(event("R7", AT("09:10"), "worker", "w1", "{'type':'arrived'}")),
                     WUYE_STATUS_INVALID_EVENT, "unknown_request");
    /* An event with a field the schema does not have. */
    EXPECT_UNCHANGED(e,
                     replay_req("{'schema':1,'request':'R7','at':'" AT("09:00") "','actor':{"
                                "'role':'agent','id':'kf01'},'change':{'type':'arrived'},"
                                "'source':'import'}"),
                     WUYE_STATUS_INVALID_REQUEST, "unknown_field");
    EXPECT(e, replay_req(""), WUYE_STATUS_OK,
           J("{'v':1,'ok':true,'result':{'applied':0,'requests':1}}"));
    wuye_engine_free(e);
}

static const char *from_events_req(const char *events, const char *as_of) {
    return JF("{'v':1,'op':'sla.status_from_events','args':{'events':[%s],'as_of':'%s'}}",
              events, as_of);
}

static void test_status_from_events(WuyeEngine *e) {
    section("sla.status_from_events");
    EXPECT(e, from_events_req(r1_log(), AT("12:00")), WUYE_STATUS_OK, ok(r1_status_1200()));
    /* Events after as_of are ignored: at 09:35 R1 had just been reached; at 09:50 it was on
     * hold. */
    EXPECT(e, from_events_req(r1_log(), AT("09:35")), WUYE_STATUS_OK, ok(r1_status_0935()));
    EXPECT(e, from_events_req(r1_log(), AT("09:50")), WUYE_STATUS_OK, ok(r1_status_0950()));
    EXPECT(e, from_events_req("", AT("12:00")), WUYE_STATUS_INVALID_EVENT,
           J("{'v':1,'ok':false,'error':{'status':12,'code':'bad_events','message':"
             "'SLA status needs the events of one request, starting with its registration: "
             "no events'}}"));
    EXPECT_UNCHANGED(e,
                     from_events_req(event("R1", AT("09:10"), "worker", "w1", "{'type':'arrived'}"),
                                     AT("12:00")),
                     WUYE_STATUS_INVALID_EVENT, "bad_events");
    EXPECT_UNCHANGED(e,
                     from_events_req(JF("%s,%s", registered("R5", "R5"),
                                        event("R6", AT("09:10"), "worker", "w1",
                                              "{'type':'arrived'}")),
                                     AT("12:00")),
                     WUYE_STATUS_INVALID_EVENT, "bad_events");
    /* Events of a schema this library does not read are refused, as by log.replay. */
    EXPECT(e,
           from_events_req(JF("%s,{'schema':9,'request':'R5','at':'" AT("09:10") "','actor':{"
                              "'role':'worker','id':'w1'},'change':{'type':'arrived'}}",
                              registered("R5", "R5")),
                           AT("12:00")),
           WUYE_STATUS_INVALID_EVENT,
           J("{'v':1,'ok':false,'error':{'status':12,'code':'unsupported_schema','message':"
             "'event 1: event of request R5 has schema 9; this library reads schema 1'}}"));
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'sla.status_from_events','args':{'events':[]}}"),
                     WUYE_STATUS_INVALID_REQUEST, "missing_field");
}

static const char *const operations = WUYE_TEST_OPERATIONS;

static void test_info(WuyeEngine *fresh, WuyeEngine *busy) {
    section("engine.info");
    EXPECT(fresh, J("{'v':1,'op':'engine.info'}"), WUYE_STATUS_OK,
           JF("{'v':1,'ok':true,'result':{'contract_version':1,'library_version':'0.1.0',"
              "'requests':0,'operations':%s}}",
              J(operations)));
    EXPECT(busy, J("{'v':1,'op':'engine.info','args':{}}"), WUYE_STATUS_OK,
           JF("{'v':1,'ok':true,'result':{'contract_version':1,'library_version':'0.1.0',"
              "'requests':4,'operations':%s}}",
              J(operations)));
}

static void test_export(WuyeEngine *e) {
    char *exported = export_of(e);
    char *state = result_of(exported);
    WuyeEngine *copy = NULL;
    section("engine.export and an engine from a saved state");
    CHECK_HAS(exported, "{\"v\":1,\"ok\":true,\"result\":{\"state\":{\"config\":");
    CHECK_HAS(exported, "\"requests\":{\"R1\":");
    CHECK_HAS(exported, "厨房水龙头漏水");
    EXPECT_UNCHANGED(e, J("{'v':1,'op':'engine.export','args':{'pretty':true}}"),
                     WUYE_STATUS_INVALID_REQUEST, "unknown_field");
    if (CHECK(state != NULL)) {
        /* {"state":{...}} -> {"v":1,"state":{...}} */
        const char *config = JF("{\"v\":1,%s", state + 1);
        char *again;
        Reply a, b;
        copy = ENGINE(config);
        again = export_of(copy);
        CHECK_STR(again, exported);
        free(again);
        a = call(copy, status_req("R2", "2026-03-08T00:00:00+08:00"));
        CHECK_REPLY(a, WUYE_STATUS_OK, ok(r2_status_sunday()));
        reply_free(&a);
        /* The copy is independent: a step on it leaves the original as it was. */
        a = call(copy, execute_req("R2", "{'step':'arrive'}", "worker", "w2", AT("10:30")));
        CHECK(a.status == WUYE_STATUS_OK);
        reply_free(&a);
        b = call(e, J("{'v':1,'op':'engine.export'}"));
        CHECK_STR(b.body, exported);
        reply_free(&b);
        wuye_engine_free(copy);
    }
    free(state);
    free(exported);
    /* A saved state cut short, and one missing its parts. */
    ENGINE_NEW_FAILS(J("{'v':1,'state':{'config':"), WUYE_STATUS_MALFORMED_JSON, "malformed_json");
    ENGINE_NEW_FAILS(J("{'v':1,'state':{'config':{}}}"), WUYE_STATUS_INVALID_REQUEST,
                     "missing_field");
}

int main(void) {
    WuyeEngine *fresh;
    WuyeEngine *desk;
    test_versions_and_names();
    test_engine_new();
    test_custom_calendar();
    test_handles();

    fresh = ENGINE(CFG);
    desk = ENGINE(CFG);
    if (fresh == NULL || desk == NULL) {
        return check_exit_code();
    }
    test_envelope_errors(desk);
    test_buffers(desk);
    test_calendar(desk);
    test_requests(desk);
    test_sla_status(desk);
    test_execute_batch(desk);
    test_status_batch(desk);
    test_tick();
    test_replay(desk);
    test_status_from_events(desk);
    test_info(fresh, desk);
    test_export(desk);
    wuye_engine_free(fresh);
    wuye_engine_free(desk);
    return check_exit_code();
}

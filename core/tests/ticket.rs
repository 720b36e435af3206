//! Service-request workflow: each transition, each role refusal, each error.

mod common;
use common::*;
use wuye_core::desk::request::{
    CallbackOutcome, Change, Closure, Command, HoldReason, Location, Priority, RequestError,
    RequestKind, ServiceRequest, Stage, Step,
};
use wuye_core::{Actor, DeskConfig, Role};

fn cfg() -> DeskConfig {
    DeskConfig::default()
}

fn registered(kind: RequestKind) -> ServiceRequest {
    let (r, events) = ServiceRequest::register(
        new_request("R1", kind, Priority::Normal),
        &agent(),
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].change.name(), "registered");
    r
}

fn run(r: &mut ServiceRequest, cmd: Command, actor: &Actor, at: &str) -> Vec<Change> {
    r.execute(&cmd, actor, t(at), &cfg())
        .unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"))
        .into_iter()
        .map(|e| e.change)
        .collect()
}

fn dispatch(dept: &str, who: Option<&str>) -> Command {
    Command::Dispatch {
        department: dept.into(),
        assignee: who.map(Into::into),
    }
}

fn in_progress() -> ServiceRequest {
    let mut r = registered(RequestKind::Repair);
    run(
        &mut r,
        dispatch("engineering", Some("w1")),
        &dispatcher(),
        "2026-03-02T09:05:00+08:00",
    );
    run(
        &mut r,
        Command::Accept,
        &worker("w1"),
        "2026-03-02T09:10:00+08:00",
    );
    run(
        &mut r,
        Command::Arrive,
        &worker("w1"),
        "2026-03-02T09:30:00+08:00",
    );
    r
}

fn replied() -> ServiceRequest {
    let mut r = in_progress();
    run(
        &mut r,
        Command::Complete {
            note: Some("换了阀芯".into()),
        },
        &worker("w1"),
        "2026-03-02T10:30:00+08:00",
    );
    run(
        &mut r,
        Command::Reply { note: None },
        &agent(),
        "2026-03-02T11:00:00+08:00",
    );
    r
}

#[test]
fn happy_path_reaches_satisfied_close() {
    let mut r = replied();
    assert_eq!(
        r.stage,
        Stage::Replied {
            department: "engineering".into()
        }
    );
    let changes = run(
        &mut r,
        Command::Callback(CallbackOutcome::Rated {
            rating: 5,
            comment: Some("师傅很快".into()),
            aspects: Default::default(),
        }),
        &agent(),
        "2026-03-03T10:00:00+08:00",
    );
    assert_eq!(changes.len(), 1);
    assert_eq!(
        r.stage,
        Stage::Closed {
            closure: Closure::Satisfied {
                rating: 5,
                comment: Some("师傅很快".into())
            }
        }
    );
    assert!(r.stage.is_terminal());
}

#[test]
fn each_stage_carries_its_data() {
    let mut r = registered(RequestKind::Repair);
    run(
        &mut r,
        dispatch("engineering", None),
        &dispatcher(),
        "2026-03-02T09:05:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::Dispatched {
            department: "engineering".into(),
            assignee: None
        }
    );
    // Without a named assignee, the accepting worker becomes the assignee.
    run(
        &mut r,
        Command::Accept,
        &worker("w7"),
        "2026-03-02T09:06:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::Accepted {
            department: "engineering".into(),
            assignee: "w7".into()
        }
    );
    run(
        &mut r,
        Command::Arrive,
        &worker("w7"),
        "2026-03-02T09:20:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::InProgress {
            department: "engineering".into(),
            assignee: "w7".into(),
            arrived_at: t("2026-03-02T09:20:00+08:00")
        }
    );
}

#[test]
fn hold_and_resume_return_to_where_work_was() {
    let mut r = in_progress();
    run(
        &mut r,
        Command::Hold {
            reason: HoldReason::WaitingForParts,
        },
        &worker("w1"),
        "2026-03-02T10:00:00+08:00",
    );
    assert_eq!(r.stage.name(), "on_hold");
    run(
        &mut r,
        Command::Resume,
        &worker("w1"),
        "2026-03-03T09:00:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::InProgress {
            department: "engineering".into(),
            assignee: "w1".into(),
            arrived_at: t("2026-03-02T09:30:00+08:00")
        }
    );
    // A hold before arrival resumes to accepted.
    let mut r = registered(RequestKind::Repair);
    run(
        &mut r,
        dispatch("engineering", Some("w1")),
        &dispatcher(),
        "2026-03-02T09:05:00+08:00",
    );
    run(
        &mut r,
        Command::Accept,
        &worker("w1"),
        "2026-03-02T09:10:00+08:00",
    );
    run(
        &mut r,
        Command::Hold {
            reason: HoldReason::WaitingForOwner,
        },
        &supervisor(),
        "2026-03-02T09:11:00+08:00",
    );
    run(
        &mut r,
        Command::Resume,
        &worker("w1"),
        "2026-03-02T14:00:00+08:00",
    );
    assert_eq!(r.stage.name(), "accepted");
}

#[test]
fn unsatisfied_callback_reopens_back_to_dispatch() {
    let mut r = replied();
    let changes = run(
        &mut r,
        Command::Callback(CallbackOutcome::Rated {
            rating: 3,
            comment: Some("还在滴水".into()),
            aspects: Default::default(),
        }),
        &agent(),
        "2026-03-03T10:00:00+08:00",
    );
    assert!(matches!(
        changes[0],
        Change::CallbackRated {
            rating: 3,
            satisfied: false,
            ..
        }
    ));
    assert_eq!(changes[1], Change::Reopened { count: 1 });
    assert_eq!(r.stage, Stage::Registered);
    assert_eq!(r.reopen_count, 1);
}

#[test]
fn satisfied_threshold_is_configuration() {
    let mut r = replied();
    let strict = DeskConfig {
        satisfied_threshold: 5,
        ..DeskConfig::default()
    };
    let events = r
        .execute(
            &Command::Callback(CallbackOutcome::Rated {
                rating: 4,
                comment: None,
                aspects: Default::default(),
            }),
            &agent(),
            t("2026-03-03T10:00:00+08:00"),
            &strict,
        )
        .unwrap();
    assert_eq!(events.len(), 2, "4 is below a threshold of 5: reopened");
    assert_eq!(r.stage, Stage::Registered);
}

#[test]
fn unreachable_callbacks_then_close_after_configured_attempts() {
    let mut r = replied();
    let close = Command::CloseUnreachable {
        reason: "三次电话未接".into(),
    };
    for i in 1..=3 {
        let err = r
            .execute(&close, &agent(), t("2026-03-03T10:00:00+08:00"), &cfg())
            .unwrap_err();
        assert_eq!(
            err,
            RequestError::CallbackAttemptsRemaining {
                request: "R1".into(),
                attempts: i - 1,
                required: 3
            }
        );
        let ch = run(
            &mut r,
            Command::Callback(CallbackOutcome::Unreachable),
            &agent(),
            "2026-03-03T10:00:00+08:00",
        );
        assert_eq!(ch, vec![Change::CallbackUnreachable { attempt: i }]);
    }
    run(&mut r, close, &agent(), "2026-03-04T10:00:00+08:00");
    assert_eq!(
        r.stage,
        Stage::Closed {
            closure: Closure::Unreachable {
                reason: "三次电话未接".into()
            }
        }
    );
}

#[test]
fn transfer_and_return() {
    let mut r = in_progress();
    run(
        &mut r,
        Command::Transfer {
            department: "cleaning".into(),
            assignee: None,
            reason: "不是维修问题，是清洁".into(),
        },
        &dispatcher(),
        "2026-03-02T09:40:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::Dispatched {
            department: "cleaning".into(),
            assignee: None
        }
    );
    assert_eq!(r.transfer_count, 1);
    run(
        &mut r,
        Command::Accept,
        &worker("c1"),
        "2026-03-02T09:45:00+08:00",
    );
    run(
        &mut r,
        Command::Return {
            reason: "需业主确认".into(),
        },
        &worker("c1"),
        "2026-03-02T09:50:00+08:00",
    );
    assert_eq!(r.stage, Stage::Registered);
    assert_eq!(r.return_count, 1);
}

#[test]
fn transfer_to_same_place_is_refused() {
    let mut r = in_progress();
    let err = r
        .execute(
            &Command::Transfer {
                department: "engineering".into(),
                assignee: Some("w1".into()),
                reason: "x".into(),
            },
            &dispatcher(),
            t("2026-03-02T09:40:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        RequestError::InvalidField {
            field: "department",
            ..
        }
    ));
}

#[test]
fn cancel_and_close_without_work_are_terminal() {
    let mut r = registered(RequestKind::Matter);
    run(
        &mut r,
        Command::Cancel {
            reason: "业主自行处理".into(),
        },
        &owner(),
        "2026-03-02T09:01:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::Cancelled {
            reason: "业主自行处理".into()
        }
    );

    let mut d = registered(RequestKind::Repair);
    run(
        &mut d,
        Command::CloseWithoutWork {
            reason: "重复报事".into(),
            duplicate_of: Some("R0".into()),
        },
        &agent(),
        "2026-03-02T09:01:00+08:00",
    );
    assert_eq!(
        d.stage,
        Stage::Closed {
            closure: Closure::WithoutWork {
                reason: "重复报事".into(),
                duplicate_of: Some("R0".into())
            }
        }
    );
    // Nothing leaves a terminal stage.
    for term in [r, d] {
        for cmd in all_commands() {
            for role in ALL_ROLES {
                let mut x = term.clone();
                let res = x.execute(
                    &cmd,
                    &Actor::new(role, "w1"),
                    t("2026-03-05T09:00:00+08:00"),
                    &cfg(),
                );
                assert!(res.is_err(), "{cmd:?} by {role} left {}", term.stage.name());
                assert_eq!(x, term);
            }
        }
    }
}

#[test]
fn a_request_cannot_duplicate_itself() {
    let mut r = registered(RequestKind::Repair);
    let err = r
        .execute(
            &Command::CloseWithoutWork {
                reason: "dup".into(),
                duplicate_of: Some("R1".into()),
            },
            &agent(),
            t("2026-03-02T09:01:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        RequestError::InvalidField {
            field: "duplicate_of",
            ..
        }
    ));
}

#[test]
fn inquiries_and_praise_close_at_reply() {
    for kind in [RequestKind::Inquiry, RequestKind::Praise] {
        let mut r = registered(kind);
        run(
            &mut r,
            Command::Reply {
                note: Some("物业费可在App缴纳".into()),
            },
            &agent(),
            "2026-03-02T09:10:00+08:00",
        );
        assert_eq!(
            r.stage,
            Stage::Closed {
                closure: Closure::Reply
            }
        );
    }
    // A repair cannot be "replied" straight from registration.
    let mut r = registered(RequestKind::Repair);
    let err = r
        .execute(
            &Command::Reply { note: None },
            &agent(),
            t("2026-03-02T09:10:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        RequestError::IllegalStep {
            request: "R1".into(),
            step: Step::Reply,
            stage: "registered"
        }
    );
}

const ALL_ROLES: [Role; 7] = [
    Role::Reporter,
    Role::Agent,
    Role::Dispatcher,
    Role::Worker,
    Role::Supervisor,
    Role::ProjectManager,
    Role::System,
];

fn all_commands() -> Vec<Command> {
    vec![
        dispatch("engineering", None),
        Command::Accept,
        Command::Arrive,
        Command::Hold {
            reason: HoldReason::WaitingForParts,
        },
        Command::Resume,
        Command::Complete { note: None },
        Command::Reply { note: None },
        Command::Callback(CallbackOutcome::Rated {
            rating: 5,
            comment: None,
            aspects: Default::default(),
        }),
        Command::Callback(CallbackOutcome::Unreachable),
        Command::CloseUnreachable { reason: "r".into() },
        Command::Transfer {
            department: "cleaning".into(),
            assignee: None,
            reason: "r".into(),
        },
        Command::Return { reason: "r".into() },
        Command::Cancel { reason: "r".into() },
        Command::CloseWithoutWork {
            reason: "r".into(),
            duplicate_of: None,
        },
    ]
}

#[test]
fn every_step_refuses_roles_outside_its_table() {
    // The table, written out independently of Step::allowed_roles.
    use Role::*;
    let table: &[(Step, &[Role])] = &[
        (
            Step::Dispatch,
            &[Agent, Dispatcher, Supervisor, ProjectManager, System],
        ),
        (Step::Accept, &[Worker, Supervisor]),
        (Step::Arrive, &[Worker, Supervisor]),
        (Step::Hold, &[Worker, Supervisor]),
        (Step::Resume, &[Worker, Supervisor]),
        (Step::Complete, &[Worker, Supervisor]),
        (Step::Reply, &[Agent, Supervisor, ProjectManager]),
        (Step::Callback, &[Agent, Supervisor, ProjectManager]),
        (Step::CloseUnreachable, &[Agent, Supervisor, ProjectManager]),
        (Step::Transfer, &[Dispatcher, Supervisor, ProjectManager]),
        (Step::Return, &[Worker, Supervisor]),
        (Step::Cancel, &[Reporter, Agent, Supervisor, ProjectManager]),
        (Step::CloseWithoutWork, &[Agent, Supervisor, ProjectManager]),
    ];
    let r = in_progress();
    for cmd in all_commands() {
        let step = cmd.step();
        let allowed = table.iter().find(|(s, _)| *s == step).unwrap().1;
        for role in ALL_ROLES {
            let mut x = r.clone();
            let res = x.execute(
                &cmd,
                &Actor::new(role, "w1"),
                t("2026-03-02T12:00:00+08:00"),
                &cfg(),
            );
            if !allowed.contains(&role) {
                assert_eq!(
                    res.unwrap_err(),
                    RequestError::RoleNotAllowed {
                        request: "R1".into(),
                        step,
                        role
                    },
                    "{step} by {role}"
                );
                assert_eq!(x, r, "refusal changed the request");
            }
        }
    }
    // Registration: a project manager does not take calls.
    let err = ServiceRequest::register(
        new_request("R2", RequestKind::Repair, Priority::Low),
        &Actor::new(ProjectManager, "pm"),
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        RequestError::RoleNotAllowed {
            step: Step::Register,
            role: ProjectManager,
            ..
        }
    ));
}

#[test]
fn a_worker_acts_only_on_own_jobs() {
    let mut r = registered(RequestKind::Repair);
    run(
        &mut r,
        dispatch("engineering", Some("w1")),
        &dispatcher(),
        "2026-03-02T09:05:00+08:00",
    );
    let before = r.clone();
    let err = r
        .execute(
            &Command::Accept,
            &worker("w2"),
            t("2026-03-02T09:06:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        RequestError::NotAssignee {
            request: "R1".into(),
            step: Step::Accept,
            actor: "w2".into(),
            assignee: "w1".into()
        }
    );
    assert_eq!(r, before);
    // A supervisor may accept on the assignee's behalf.
    run(
        &mut r,
        Command::Accept,
        &supervisor(),
        "2026-03-02T09:06:00+08:00",
    );
    assert_eq!(r.stage.assignee(), Some("w1"));
}

#[test]
fn commands_before_the_last_event_are_refused() {
    let mut r = in_progress();
    let before = r.clone();
    let err = r
        .execute(
            &Command::Complete { note: None },
            &worker("w1"),
            t("2026-03-02T09:29:59+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::OutOfOrder {
                step: Step::Complete,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("2026-03-02T09:30:00+08:00"),
        "{err}"
    );
    assert_eq!(r, before);
    // The same instant is fine.
    run(
        &mut r,
        Command::Complete { note: None },
        &worker("w1"),
        "2026-03-02T09:30:00+08:00",
    );
}

#[test]
fn unknown_department_is_refused() {
    let mut r = registered(RequestKind::Repair);
    let err = r
        .execute(
            &dispatch("plumbing", None),
            &dispatcher(),
            t("2026-03-02T09:05:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        RequestError::UnknownDepartment {
            request: "R1".into(),
            department: "plumbing".into()
        }
    );
    assert_eq!(err.code(), "unknown_department");
    assert_eq!(r.stage, Stage::Registered);
}

#[test]
fn invalid_fields_are_named() {
    let mut r = replied();
    let err = r
        .execute(
            &Command::Callback(CallbackOutcome::Rated {
                rating: 6,
                comment: None,
                aspects: Default::default(),
            }),
            &agent(),
            t("2026-03-03T10:00:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::InvalidField {
                field: "rating",
                ..
            }
        ),
        "{err}"
    );
    let aspects = wuye_core::desk::request::AspectScores {
        quality: Some(0),
        ..Default::default()
    };
    let err = r
        .execute(
            &Command::Callback(CallbackOutcome::Rated {
                rating: 4,
                comment: None,
                aspects,
            }),
            &agent(),
            t("2026-03-03T10:00:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::InvalidField {
                field: "aspects.quality",
                ..
            }
        ),
        "{err}"
    );

    let mut x = registered(RequestKind::Matter);
    let err = x
        .execute(
            &Command::Cancel {
                reason: "  ".into(),
            },
            &agent(),
            t("2026-03-02T10:00:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        RequestError::InvalidField {
            field: "reason",
            step: Step::Cancel,
            ..
        }
    ));

    let mut bad = new_request("R9", RequestKind::Repair, Priority::Low);
    bad.location = Location::CommonArea(String::new());
    assert!(ServiceRequest::register(bad, &agent(), t("2026-03-02T09:00:00+08:00")).is_err());
    let mut anon = new_request("R9", RequestKind::Complaint, Priority::Low);
    anon.reporter.kind = wuye_core::desk::request::ReporterKind::Anonymous;
    let err = ServiceRequest::register(anon, &agent(), t("2026-03-02T09:00:00+08:00")).unwrap_err();
    assert!(matches!(
        err,
        RequestError::InvalidField {
            field: "reporter",
            ..
        }
    ));
}

#[test]
fn events_serialize_with_schema_and_refuse_unknown_fields() {
    let mut r = registered(RequestKind::Repair);
    let ev = r
        .execute(
            &dispatch("engineering", Some("张师傅")),
            &dispatcher(),
            t("2026-03-02T09:05:00+08:00"),
            &cfg(),
        )
        .unwrap();
    let json = serde_json::to_string(&ev[0]).unwrap();
    assert_eq!(
        json,
        r#"{"schema":1,"request":"R1","at":"2026-03-02T09:05:00+08:00","actor":{"role":"dispatcher","id":"dd01"},"change":{"type":"dispatched","department":"engineering","assignee":"张师傅"}}"#
    );
    let typo = json.replace("\"assignee\"", "\"assigne\"");
    assert!(serde_json::from_str::<wuye_core::Event>(&typo).is_err());
    let extra = json.replace("\"schema\":1,", "\"schema\":1,\"extra\":true,");
    assert!(serde_json::from_str::<wuye_core::Event>(&extra).is_err());
}

#[test]
fn stage_error_messages_name_request_step_and_stage() {
    let mut r = registered(RequestKind::Repair);
    let err = r
        .execute(
            &Command::Complete { note: None },
            &worker("w1"),
            t("2026-03-02T10:00:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "request R1: cannot complete a request that is registered"
    );
    let err = r
        .execute(
            &Command::Accept,
            &agent(),
            t("2026-03-02T10:00:00+08:00"),
            &cfg(),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "request R1: role agent may not accept");
}

#[test]
fn an_anonymous_request_closes_unreachable_without_attempts() {
    let mut new = new_request("A1", RequestKind::Complaint, Priority::Normal);
    new.reporter = wuye_core::desk::request::Reporter {
        kind: wuye_core::desk::request::ReporterKind::Anonymous,
        name: None,
        phone: None,
    };
    let (mut r, _) =
        ServiceRequest::register(new, &agent(), t("2026-03-02T09:00:00+08:00")).unwrap();
    run(
        &mut r,
        dispatch("security", None),
        &dispatcher(),
        "2026-03-02T09:05:00+08:00",
    );
    run(
        &mut r,
        Command::Accept,
        &worker("s1"),
        "2026-03-02T09:06:00+08:00",
    );
    run(
        &mut r,
        Command::Arrive,
        &worker("s1"),
        "2026-03-02T09:20:00+08:00",
    );
    run(
        &mut r,
        Command::Complete { note: None },
        &worker("s1"),
        "2026-03-02T09:40:00+08:00",
    );
    run(
        &mut r,
        Command::Reply {
            note: Some("已在公告栏回复".into()),
        },
        &agent(),
        "2026-03-02T10:00:00+08:00",
    );
    run(
        &mut r,
        Command::CloseUnreachable {
            reason: "匿名投诉，无法回访".into(),
        },
        &agent(),
        "2026-03-02T10:01:00+08:00",
    );
    assert_eq!(
        r.stage,
        Stage::Closed {
            closure: Closure::Unreachable {
                reason: "匿名投诉，无法回访".into()
            }
        }
    );
}

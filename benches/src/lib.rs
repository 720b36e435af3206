//! Shared fixtures for the benchmarks: a busy estate's worth of service requests.

use chrono::Duration;
use wuye_core::desk::request::{
    CallbackOutcome, Channel, Command, Location, NewRequest, Priority, Reporter, ReporterKind,
    RequestKind,
};
use wuye_core::{Actor, Desk, Instant, Role};

/// Parses a fixture instant.
pub fn t(s: &str) -> Instant {
    Instant::parse(s).expect("valid RFC 3339 in bench fixture")
}

/// A new request with id `R{i}`, kind and priority varied by `i`.
pub fn new_request(i: usize) -> NewRequest {
    let kinds = [
        RequestKind::Repair,
        RequestKind::Repair,
        RequestKind::Matter,
        RequestKind::Complaint,
        RequestKind::Suggestion,
    ];
    let priorities = [
        Priority::Normal,
        Priority::Normal,
        Priority::High,
        Priority::Low,
        Priority::Emergency,
    ];
    NewRequest {
        id: format!("R{i:06}"),
        kind: kinds[i % kinds.len()],
        priority: priorities[(i / 5) % priorities.len()],
        channel: Channel::Phone,
        location: Location::Unit(format!("{}-{}-{}", i % 20 + 1, i % 3 + 1, 100 + i % 30)),
        reporter: Reporter {
            kind: ReporterKind::Owner,
            name: None,
            phone: None,
        },
        description: "卫生间漏水".into(),
    }
}

/// The steps of a full repair after registration, with the actor of each.
pub fn lifecycle() -> Vec<(Command, Actor)> {
    let w = Actor::new(Role::Worker, "w1");
    let agent = Actor::new(Role::Agent, "kf01");
    vec![
        (
            Command::Dispatch {
                department: "engineering".into(),
                assignee: Some("w1".into()),
            },
            Actor::new(Role::Dispatcher, "dd01"),
        ),
        (Command::Accept, w.clone()),
        (Command::Arrive, w.clone()),
        (Command::Complete { note: None }, w),
        (Command::Reply { note: None }, agent.clone()),
        (
            Command::Callback(CallbackOutcome::Rated {
                rating: 5,
                comment: None,
                aspects: Default::default(),
            }),
            agent,
        ),
    ]
}

/// A desk with `n` requests registered across March 2026 working hours, each advanced a
/// different number of lifecycle steps (so every stage and clock state occurs).
pub fn busy_desk(n: usize) -> Desk {
    let mut desk = Desk::standard();
    let agent = Actor::new(Role::Agent, "kf01");
    let steps = lifecycle();
    let base = t("2026-03-02T08:30:00+08:00");
    for i in 0..n {
        let at = base + Duration::minutes((i % 480) as i64) + Duration::days((i / 480 % 4) as i64);
        desk.register(new_request(i), &agent, at)
            .expect("fixture registers");
        for (k, (cmd, actor)) in steps.iter().take(i % 5).enumerate() {
            let now = at + Duration::minutes(10 * (k as i64 + 1));
            desk.execute(&format!("R{i:06}"), cmd, actor, now)
                .expect("fixture step");
        }
    }
    desk
}

/// A fee schedule for the estate benchmark: five unit types; property fee by building area
/// (high-rise rate changes on 2026-09-16), rubbish removal per unit, parking-space rent for
/// subscribers, water in annual tiers, lift power shared by area.
pub fn fee_schedule() -> wuye_core::fee::Schedule {
    serde_json::from_str(
        r#"{
        "unit_types": [
            {"code": "high_rise", "name": "高层"}, {"code": "multi_storey", "name": "多层"},
            {"code": "villa", "name": "别墅"}, {"code": "shop", "name": "商铺"}, {"code": "office", "name": "写字楼"}],
        "items": [
            {"code": "property_fee", "name": "物业服务费", "formula": {"kind": "area"}, "state_discounts": {"vacant": "30"}},
            {"code": "rubbish", "name": "垃圾清运费", "formula": {"kind": "fixed"}},
            {"code": "parking_rent", "name": "车位租金", "formula": {"kind": "fixed", "applies": "subscribers"}},
            {"code": "water", "name": "水费", "formula": {"kind": "metered", "tier_bounds": "annual"}},
            {"code": "lift_power", "name": "电梯电费公摊", "formula": {"kind": "shared"}}],
        "rates": [
            {"item": "property_fee", "unit_types": ["high_rise"], "from": "2024-01-01", "to": "2026-09-15", "price": "2.35"},
            {"item": "property_fee", "unit_types": ["high_rise"], "from": "2026-09-16", "price": "2.60"},
            {"item": "property_fee", "unit_types": ["multi_storey"], "from": "2024-01-01", "price": "1.80"},
            {"item": "property_fee", "unit_types": ["villa"], "from": "2024-01-01", "price": "4.80"},
            {"item": "property_fee", "unit_types": ["shop", "office"], "from": "2024-01-01", "price": "6.50"},
            {"item": "rubbish", "from": "2024-01-01", "price": "15.00"},
            {"item": "parking_rent", "from": "2024-01-01", "price": "300.00"},
            {"item": "water", "from": "2024-01-01", "tiers": [
                {"up_to": "180", "price": "5.00"}, {"up_to": "260", "price": "7.00"}, {"price": "9.00"}]}],
        "billing": {"collection": "prepaid", "due_days": 15}
    }"#,
    )
    .expect("bench schedule")
}

/// `n` units: types in turn, areas 60.00–149.99 m², one in 20 vacant, one in 50 moving in
/// mid-month, every one renting a parking space.
pub fn fee_units(n: usize) -> Vec<wuye_core::fee::Unit> {
    use wuye_core::fee::unit::{StateChange, Subscription};
    use wuye_core::fee::UnitState;
    use wuye_core::money::Decimal;
    let types = ["high_rise", "multi_storey", "villa", "shop", "office"];
    let d = |s: &str| s.parse().expect("fixture date");
    (0..n)
        .map(|i| wuye_core::fee::Unit {
            id: format!("{}-{}-{:04}", i / 4000 + 1, i / 400 % 10 + 1, i % 400),
            unit_type: types[i % types.len()].to_owned(),
            building_area: Decimal::new(6000 + (i as i128 * 37) % 9000, 2).expect("area"),
            inner_area: None,
            share: None,
            states: if i % 20 == 7 {
                vec![StateChange {
                    from: d("2024-01-01"),
                    state: UnitState::Vacant,
                }]
            } else if i % 50 == 3 {
                vec![StateChange {
                    from: d("2026-09-12"),
                    state: UnitState::Occupied,
                }]
            } else {
                Vec::new()
            },
            subscriptions: vec![Subscription {
                item: "parking_rent".into(),
                quantity: 1,
                from: None,
                to: None,
                note: None,
            }],
        })
        .collect()
}

/// A month's inputs for [`fee_units`]: a water reading per unit and the lift power to share.
pub fn fee_inputs(units: &[wuye_core::fee::Unit]) -> wuye_core::fee::BillInputs {
    use wuye_core::fee::meter::Reading;
    use wuye_core::money::Decimal;
    let date = "2026-09-30".parse().expect("fixture date");
    wuye_core::fee::BillInputs {
        readings: units
            .iter()
            .enumerate()
            .map(|(i, u)| Reading {
                unit: u.id.clone(),
                item: "water".into(),
                date,
                previous: Decimal::from_int(1000 + i as i64 % 500),
                current: Decimal::from_int(1000 + i as i64 % 500 + 5 + i as i64 % 40),
                wraps_at: None,
                replaced: None,
                year_to_date: Some(Decimal::from_int(i as i64 % 300)),
            })
            .collect(),
        shared: vec![wuye_core::fee::bill::SharedCost {
            item: "lift_power".into(),
            amount: "1234567.89".parse().expect("amount"),
            units: None,
            note: None,
        }],
        ..Default::default()
    }
}

//! Estate profile 小区概况: the reference data front-desk staff answer from (name, address,
//! areas, plot ratio 容积率, households, parking, building types), the departments 部门 the
//! desk dispatches to, and the staff 员工 who act in the scenario, with their roles.
//!
//! Areas are whole square metres and the plot ratio is a decimal string, so no floating
//! point is involved; [`Estate::validate`] checks the stated plot ratio against the areas.

use serde::{Deserialize, Serialize};
use wuye_core::desk::config::{Department, DeskConfig};
use wuye_core::desk::role::{Actor, Role};

/// A kind of building 建筑类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuildingKind {
    /// High-rise residential 高层住宅.
    HighRise,
    /// Mid-rise residential 多层住宅.
    MidRise,
    /// Villa / townhouse 别墅.
    Villa,
    /// Shops 商铺 (not households).
    Shop,
}

impl BuildingKind {
    /// English and Chinese name.
    pub const fn name(self) -> &'static str {
        match self {
            BuildingKind::HighRise => "high-rise 高层",
            BuildingKind::MidRise => "mid-rise 多层",
            BuildingKind::Villa => "villa 别墅",
            BuildingKind::Shop => "shops 商铺",
        }
    }

    /// Whether units of this kind are households 住户.
    pub const fn residential(self) -> bool {
        !matches!(self, BuildingKind::Shop)
    }
}

/// Buildings of one kind in the estate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildingGroup {
    /// What kind.
    pub kind: BuildingKind,
    /// How many buildings 栋数.
    pub buildings: u32,
    /// Units 套数 (households for residential kinds, shops otherwise).
    pub units: u32,
}

/// A member of staff 员工 who takes steps in the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// Staff number 工号, used as the actor id.
    pub id: String,
    /// Name 姓名.
    pub name: String,
    /// Role in the customer-service process.
    pub role: Role,
    /// Department code (one of the estate's departments).
    pub department: String,
    /// Job title 职务, e.g. `客服专员`.
    pub title: String,
}

/// The estate profile 小区概况.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estate {
    /// Name 小区名称, e.g. `翠湖花园`.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Address 地址.
    pub address: String,
    /// 24-hour service phone 服务热线.
    pub service_phone: String,
    /// Land area 占地面积, m².
    pub land_area_m2: u64,
    /// Building area 建筑面积, m².
    pub building_area_m2: u64,
    /// Plot ratio 容积率 as stated in the planning permit, e.g. `"2.50"` (two decimals);
    /// must equal building area / land area rounded half up to two decimals.
    pub plot_ratio: String,
    /// Households 总户数.
    pub households: u32,
    /// Parking spaces 车位.
    pub parking_spaces: u32,
    /// Building types 建筑类型.
    pub building_types: Vec<BuildingGroup>,
    /// Departments 部门 the desk dispatches to.
    pub departments: Vec<Department>,
    /// Staff 员工.
    pub staff: Vec<Staff>,
}

/// The bundled sample estate, `data/sample-estate/estate.json`.
pub const SAMPLE_ESTATE_JSON: &str = include_str!("../data/sample-estate/estate.json");

/// Plot ratio in hundredths from areas, rounded half up: `215_000 / 86_000` → `250`.
pub fn plot_ratio_hundredths(building_area_m2: u64, land_area_m2: u64) -> Option<u64> {
    if land_area_m2 == 0 {
        return None;
    }
    let num = u128::from(building_area_m2) * 200 + u128::from(land_area_m2);
    u64::try_from(num / (2 * u128::from(land_area_m2))).ok()
}

/// Parses a decimal with exactly two fraction digits (`"2.50"`) into hundredths.
fn parse_hundredths(s: &str) -> Option<u64> {
    let (int, frac) = s.split_once('.')?;
    if int.is_empty()
        || frac.len() != 2
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    int.parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(frac.parse().ok()?)
}

impl Estate {
    /// Parses and validates an estate profile from JSON.
    pub fn from_json(text: &str) -> Result<Estate, String> {
        let estate: Estate = serde_json::from_str(text).map_err(|e| e.to_string())?;
        estate.validate()?;
        Ok(estate)
    }

    /// The bundled sample estate 翠湖花园.
    pub fn sample() -> Result<Estate, String> {
        Estate::from_json(SAMPLE_ESTATE_JSON).map_err(|e| format!("bundled estate.json: {e}"))
    }

    /// Checks the profile: positive areas, the plot ratio agrees with the areas, residential
    /// units add up to the households, departments valid for a desk, staff ids unique, each
    /// staff member in a known department and in a staff role (not reporter or system).
    pub fn validate(&self) -> Result<(), String> {
        for (field, v) in [("name", &self.name), ("address", &self.address)] {
            if v.trim().is_empty() {
                return Err(format!("{field} must not be empty"));
            }
        }
        if self.land_area_m2 == 0 || self.building_area_m2 == 0 {
            return Err("land_area_m2 and building_area_m2 must be positive".into());
        }
        let stated = parse_hundredths(&self.plot_ratio).ok_or_else(|| {
            format!(
                "plot_ratio {:?} is not a decimal with two digits after the point",
                self.plot_ratio
            )
        })?;
        let computed = plot_ratio_hundredths(self.building_area_m2, self.land_area_m2)
            .ok_or("land_area_m2 must be positive")?;
        if stated != computed {
            return Err(format!(
                "plot_ratio {} does not match building area / land area = {}.{:02}",
                self.plot_ratio,
                computed / 100,
                computed % 100
            ));
        }
        let residential: u64 = self
            .building_types
            .iter()
            .filter(|g| g.kind.residential())
            .map(|g| u64::from(g.units))
            .sum();
        if residential != u64::from(self.households) {
            return Err(format!(
                "residential units of building_types add up to {residential}, not households {}",
                self.households
            ));
        }
        self.desk_config()
            .validate()
            .map_err(|e| format!("departments: {e}"))?;
        for (i, s) in self.staff.iter().enumerate() {
            if s.id.trim().is_empty() || s.name.trim().is_empty() {
                return Err(format!("staff #{i}: id and name must not be empty"));
            }
            if self.staff[..i].iter().any(|t| t.id == s.id) {
                return Err(format!("staff id {} appears twice", s.id));
            }
            if matches!(s.role, Role::Reporter | Role::System) {
                return Err(format!(
                    "staff {}: role {} is not a staff role",
                    s.id, s.role
                ));
            }
            if self.department(&s.department).is_none() {
                return Err(format!(
                    "staff {}: unknown department {:?}",
                    s.id, s.department
                ));
            }
        }
        Ok(())
    }

    /// The desk configuration of this estate: its departments, default thresholds.
    pub fn desk_config(&self) -> DeskConfig {
        DeskConfig {
            departments: self.departments.clone(),
            ..DeskConfig::default()
        }
    }

    /// A department by code.
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    /// A staff member by id.
    pub fn staff_member(&self, id: &str) -> Option<&Staff> {
        self.staff.iter().find(|s| s.id == id)
    }

    /// Checks that an actor of the scenario is plausible: staff roles must name a staff
    /// member holding that role; reporters and the system may have any non-empty id.
    pub fn check_actor(&self, actor: &Actor) -> Result<(), String> {
        if actor.id.trim().is_empty() {
            return Err("actor id must not be empty".into());
        }
        match actor.role {
            Role::Reporter | Role::System => Ok(()),
            role => match self.staff_member(&actor.id) {
                Some(s) if s.role == role => Ok(()),
                Some(s) => Err(format!(
                    "actor {} acts as {role} but is a {} in estate.json",
                    actor.id, s.role
                )),
                None => Err(format!(
                    "actor {} ({role}) is not on the staff list",
                    actor.id
                )),
            },
        }
    }

    /// A readable name for an actor: `客服 林晓 (A01)`, `报事人 owner 3-1-502`.
    pub fn actor_name(&self, actor: &Actor) -> String {
        let role = crate::text::role_zh(actor.role);
        match self.staff_member(&actor.id) {
            Some(s) if s.role == actor.role => format!("{role} {} ({})", s.name, s.id),
            _ => format!("{role} {}", actor.id),
        }
    }

    /// A readable name for a worker id: `王建国 (E01)` or the id itself.
    pub fn person(&self, id: &str) -> String {
        match self.staff_member(id) {
            Some(s) => format!("{} ({})", s.name, s.id),
            None => id.to_owned(),
        }
    }

    /// A readable name for a department code: `工程部 engineering` or the code itself.
    pub fn department_name(&self, code: &str) -> String {
        match self.department(code) {
            Some(d) => format!("{} {}", d.name, d.code),
            None => code.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plot_ratio_rounds_half_up() {
        assert_eq!(plot_ratio_hundredths(215_000, 86_000), Some(250));
        assert_eq!(plot_ratio_hundredths(1_005, 1_000), Some(101)); // 1.005 → 1.01
        assert_eq!(plot_ratio_hundredths(1_004, 1_000), Some(100));
        assert_eq!(plot_ratio_hundredths(1, 0), None);
        assert_eq!(parse_hundredths("2.50"), Some(250));
        assert_eq!(parse_hundredths("2.5"), None);
        assert_eq!(parse_hundredths(".50"), None);
        assert_eq!(parse_hundredths("2,50"), None);
    }

    #[test]
    fn sample_estate_is_valid_and_uses_the_default_departments() {
        let e = Estate::sample().unwrap();
        assert_eq!(e.name, "翠湖花园");
        // The demo's log must replay on a standard desk, so the departments are the defaults.
        assert_eq!(e.desk_config(), DeskConfig::default());
    }

    #[test]
    fn wrong_plot_ratio_is_refused() {
        let mut e = Estate::sample().unwrap();
        e.plot_ratio = "3.00".into();
        let err = e.validate().unwrap_err();
        assert!(err.contains("plot_ratio 3.00"), "{err}");
    }

    #[test]
    fn actors_are_checked_against_the_staff_list() {
        let e = Estate::sample().unwrap();
        let agent = e.staff.iter().find(|s| s.role == Role::Agent).unwrap();
        assert!(e.check_actor(&Actor::new(Role::Agent, &agent.id)).is_ok());
        assert!(e.check_actor(&Actor::new(Role::Worker, &agent.id)).is_err());
        assert!(e.check_actor(&Actor::new(Role::Agent, "nobody")).is_err());
        assert!(e
            .check_actor(&Actor::new(Role::Reporter, "owner-1"))
            .is_ok());
    }
}

//! Desk configuration 服务中心配置: departments, the satisfied threshold for callbacks and the
//! number of unreachable callback attempts before a request may be closed unreachable.

use serde::{Deserialize, Serialize};

/// A department 部门 that handles dispatched requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable code used in commands and events, e.g. `engineering`.
    pub code: String,
    /// Display name, e.g. `工程部`.
    pub name: String,
}

impl Department {
    /// A department with a code and a display name.
    pub fn new(code: impl Into<String>, name: impl Into<String>) -> Self {
        Department {
            code: code.into(),
            name: name.into(),
        }
    }
}

/// Configuration of a customer-service centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct DeskConfig {
    /// Departments requests may be dispatched or transferred to.
    pub departments: Vec<Department>,
    /// Callback ratings at or above this (1–5) are satisfied 满意 and close the request;
    /// below it the request reopens. Default 4.
    pub satisfied_threshold: u8,
    /// Unreachable callback attempts 联系不上 needed before the centre may close a request
    /// as unreachable. Default 3.
    pub max_callback_attempts: u32,
}

impl Default for DeskConfig {
    fn default() -> Self {
        DeskConfig {
            departments: vec![
                Department::new("engineering", "工程部"),
                Department::new("cleaning", "保洁部"),
                Department::new("security", "安管部"),
                Department::new("greening", "绿化部"),
                Department::new("office", "办公室"),
                Department::new("customer_service", "客服部"),
            ],
            satisfied_threshold: 4,
            max_callback_attempts: 3,
        }
    }
}

impl DeskConfig {
    /// The department with this code, if configured.
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    /// Checks the configuration itself: threshold within 1–5, department codes unique and
    /// non-empty. Returns a readable reason on failure.
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=5).contains(&self.satisfied_threshold) {
            return Err(format!(
                "satisfied_threshold must be 1–5, got {}",
                self.satisfied_threshold
            ));
        }
        for (i, d) in self.departments.iter().enumerate() {
            if d.code.trim().is_empty() {
                return Err(format!("department #{i} has an empty code"));
            }
            if self.departments[..i].iter().any(|e| e.code == d.code) {
                return Err(format!("department code {} appears twice", d.code));
            }
        }
        Ok(())
    }
}

//! Roles 角色 and actors: who takes a step. Each step of a service request names the roles
//! that may take it (see [`crate::desk::request::Step::allowed_roles`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A role in the customer-service process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The person who reported the matter 报事人 (owner, tenant, ...), acting for themselves.
    Reporter,
    /// Customer-service agent 客服 at the customer-service centre 客户服务中心.
    Agent,
    /// Dispatcher 调度 who sends requests to departments.
    Dispatcher,
    /// Worker 维修工/处理人 in a department who does the job.
    Worker,
    /// Supervisor 主管: first escalation level; may act on a worker's behalf.
    Supervisor,
    /// Project manager 项目经理: second escalation level.
    ProjectManager,
    /// The host system itself (automatic dispatch, timers).
    System,
}
crate::wire::unit_enum_deserialize!(Role {
    Reporter = "reporter",
    Agent = "agent",
    Dispatcher = "dispatcher",
    Worker = "worker",
    Supervisor = "supervisor",
    ProjectManager = "project_manager",
    System = "system",
});
crate::wire::read_by_deserialize!(Role);

impl Role {
    /// Stable snake_case name, as on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Agent => "agent",
            Role::Dispatcher => "dispatcher",
            Role::Worker => "worker",
            Role::Supervisor => "supervisor",
            Role::ProjectManager => "project_manager",
            Role::System => "system",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who takes a step: a role and the host's identifier for the person or system.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The role the actor acts in.
    pub role: Role,
    /// The host's identifier of the person (staff number, owner id) or system.
    pub id: String,
}

impl Actor {
    /// An actor with the given role and id.
    pub fn new(role: Role, id: impl Into<String>) -> Self {
        Actor {
            role,
            id: id.into(),
        }
    }

    /// The host system acting on its own (timers, escalation).
    pub fn system() -> Self {
        Actor::new(Role::System, "system")
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.role, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(Role::ALL);
    }
}

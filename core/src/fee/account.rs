//! stub
use serde::{Deserialize, Serialize};
/// Policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPolicy {}
impl AccountPolicy {
    /// Validate.
    pub fn validate(&self) -> Result<(), crate::fee::FeeError> {
        Ok(())
    }
}
/// x
pub struct Account;
/// x
pub struct AccountCommand;
/// x
pub struct AccountError;
/// x
pub struct AccountEvent;

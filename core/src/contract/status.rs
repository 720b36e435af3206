//! Status codes 状态码 and failures: the one table of statuses every binding shows, and how
//! each domain error becomes a failure (status, code, message).

use crate::calendar::CalendarError;
use crate::desk::sla::SlaError;
use crate::desk::DeskError;
use crate::fee::account::AccountError;
use crate::fee::FeeError;
use crate::report::kpi::KpiError;
use crate::survey::SurveyError;
use serde::{Deserialize, Serialize};
use std::ffi::CStr;

/// Declares the statuses once: variant, value, wire name and meaning. From it: the enum,
/// [`Status::c_name`], [`Status::summary`] and [`Status::ALL`].
macro_rules! statuses {
    ($($variant:ident = $value:literal, $name:literal, $doc:literal;)*) => {
        /// Stable status codes 状态码. Values are never reused; new ones are only added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[repr(u32)]
        pub enum Status {
            $(#[doc = $doc] $variant = $value,)*
        }

        impl Status {
            /// Stable snake_case name, NUL-terminated for the C ABI (`wuye_status_name`).
            pub const fn c_name(self) -> &'static CStr {
                match self {
                    $(Status::$variant => {
                        // The names are literals without NUL.
                        match CStr::from_bytes_with_nul(concat!($name, "\0").as_bytes()) {
                            Ok(c) => c,
                            Err(_) => c"unknown",
                        }
                    })*
                }
            }

            /// What the status means (the text of its documentation).
            pub const fn summary(self) -> &'static str {
                match self {
                    $(Status::$variant => $doc,)*
                }
            }

            /// Every status, in value order.
            pub const ALL: &'static [Status] = &[$(Status::$variant),*];
        }
    };
}

statuses! {
    Ok = 0, "ok", "Success.";
    NullArgument = 1, "null_argument", "A required pointer argument was NULL (C ABI only).";
    InvalidUtf8 = 2, "invalid_utf8", "The request bytes are not UTF-8.";
    MalformedJson = 3, "malformed_json", "The request is not well-formed JSON (or is truncated).";
    UnsupportedVersion = 4, "unsupported_version", "The request's contract version `v` is not one this library speaks.";
    UnknownOperation = 5, "unknown_operation", "No such operation.";
    InvalidRequest = 6, "invalid_request", "The JSON is well formed but does not fit the operation: unknown field, missing field, wrong type, bad date.";
    Refused = 7, "refused", "The domain refused: a role may not take a step, a step illegal in the current stage, a command before the last event, an invalid field value...";
    NotFound = 8, "not_found", "No request with the given id.";
    Conflict = 9, "conflict", "The id already exists.";
    Calendar = 10, "calendar", "The calendar cannot answer (a year without data, a zero duration, a reversed range).";
    InvalidConfig = 11, "invalid_config", "Engine configuration, SLA policy or calendar data is invalid.";
    InvalidEvent = 12, "invalid_event", "An event log entry does not apply (wrong schema, does not fit the state).";
    InvalidHandle = 13, "invalid_handle", "The engine handle is NULL, freed or foreign (C ABI only, where detectable).";
    Panic = 14, "panic", "A panic was caught at the boundary; the engine is unchanged. Please report it.";
}

impl Status {
    /// The numeric value, as in the C header.
    pub const fn value(self) -> u32 {
        self as u32
    }

    /// Stable snake_case name.
    pub fn as_str(self) -> &'static str {
        // The names are ASCII literals; the fallback cannot be reached.
        self.c_name().to_str().unwrap_or("unknown")
    }
}

/// A failed call: status, a finer machine-readable code, and a readable message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Failure {
    /// Status value (see [`Status`]).
    pub status: u32,
    /// Fine-grained code, e.g. `role_not_allowed`, `year_not_covered`, `unknown_field`.
    pub code: String,
    /// What went wrong, naming the request, step, field or line.
    pub message: String,
}

impl Failure {
    /// A failure with a status, code and message.
    pub fn new(status: Status, code: impl Into<String>, message: impl Into<String>) -> Self {
        Failure {
            status: status.value(),
            code: code.into(),
            message: message.into(),
        }
    }

    /// The status as an enum (unknown values read as [`Status::Panic`], which cannot happen
    /// for failures made by this library).
    pub fn status(&self) -> Status {
        Status::ALL
            .iter()
            .copied()
            .find(|s| s.value() == self.status)
            .unwrap_or(Status::Panic)
    }
}

impl From<CalendarError> for Failure {
    fn from(e: CalendarError) -> Self {
        let code = match e {
            CalendarError::YearNotCovered { .. } => "year_not_covered",
            CalendarError::InvalidDuration { .. } => "invalid_duration",
            CalendarError::ReversedRange { .. } => "reversed_range",
            CalendarError::InvalidSpec { .. } => "invalid_calendar",
        };
        let status = if code == "invalid_calendar" {
            Status::InvalidConfig
        } else {
            Status::Calendar
        };
        Failure::new(status, code, e.to_string())
    }
}

impl From<DeskError> for Failure {
    fn from(e: DeskError) -> Self {
        let status = match &e {
            DeskError::Request(_) => Status::Refused,
            DeskError::Sla(SlaError::Calendar { .. }) => Status::Calendar,
            DeskError::Sla(SlaError::InvalidPolicy { .. }) | DeskError::InvalidConfig { .. } => {
                Status::InvalidConfig
            }
            DeskError::Sla(SlaError::AsOfBeforeLastEvent { .. }) => Status::Refused,
            DeskError::Sla(SlaError::BadEvents { .. })
            | DeskError::UnsupportedSchema { .. }
            | DeskError::EventMismatch(_) => Status::InvalidEvent,
            DeskError::UnknownRequest { .. } => Status::NotFound,
            DeskError::DuplicateRequest { .. } => Status::Conflict,
        };
        let code = match &e {
            DeskError::Sla(SlaError::Calendar { source, .. }) => Failure::from(source.clone()).code,
            other => other.code().to_owned(),
        };
        Failure::new(status, code, e.to_string())
    }
}

impl From<SlaError> for Failure {
    fn from(e: SlaError) -> Self {
        DeskError::from(e).into()
    }
}

impl From<FeeError> for Failure {
    fn from(e: FeeError) -> Self {
        Failure::new(Status::Refused, e.code(), e.to_string())
    }
}

impl From<AccountError> for Failure {
    fn from(e: AccountError) -> Self {
        let status = match &e {
            AccountError::Duplicate { .. } => Status::Conflict,
            AccountError::Unknown { .. } => Status::NotFound,
            AccountError::EventMismatch { .. } => Status::InvalidEvent,
            _ => Status::Refused,
        };
        Failure::new(status, e.code(), e.to_string())
    }
}

impl From<SurveyError> for Failure {
    fn from(e: SurveyError) -> Self {
        Failure::new(Status::Refused, e.code(), e.to_string())
    }
}

impl From<KpiError> for Failure {
    fn from(e: KpiError) -> Self {
        match e {
            KpiError::Survey(e) => e.into(),
            KpiError::Calendar { ref source, .. } => {
                let mut f = Failure::from(source.clone());
                f.message = e.to_string();
                f
            }
        }
    }
}

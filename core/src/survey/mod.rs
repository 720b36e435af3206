//! Satisfaction and service quality 满意度与服务质量 scores, pure functions of survey answers:
//! SERVQUAL gaps 服务质量差距, CSAT, NPS, a 0–100 index, customer value 顾客价值. (Figures over
//! the desk's requests — 回访满意率, KPIs, callback sampling — are [`crate::report`].)
//!
//! Satisfaction is the gap between what the customer perceives and what the customer
//! expected (perception − expectation). Every figure here is exact: integers and fixed-point
//! decimals, no floating point, so PHP, Java, C and the browser get the same digits: the
//! figures, fractions and roots of [`crate::num`].
//!
//! - [`proportion`]: a share with its Wilson score interval 置信区间 (95%).
//! - [`scale`]: answer scales 量表 (reverse coding) and CSAT (the top boxes' share).
//! - [`nps`]: the Net Promoter Score 净推荐值 with its standard error and 95% interval.
//! - [`mod@servqual`]: SERVQUAL gaps 服务质量差距 per item, dimension and overall, importance
//!   weights; SERVPERF (perceptions only); the standard 22-item questionnaire.
//! - [`index`]: a 0–100 satisfaction index 满意度指数 (ACSI-style, weighted items).
//! - [`value`]: customer value 顾客价值 and potential profit 公司潜在利润 per service line.
//!
//! A share over zero answers is "no data" (`None`, `null` in JSON), never a number.

pub mod index;
pub mod nps;
pub mod proportion;
pub mod scale;
pub mod servqual;
pub mod value;

pub use index::{IndexInput, IndexReport};
pub use nps::{Nps, NpsInput};
pub use proportion::{Interval, Proportion};
pub use scale::{Csat, CsatInput, Scale};
pub use servqual::{
    servperf, servqual, Dimension, ServperfReport, ServqualReport, SurveyInput, Weights,
};
pub use value::{ValueInput, ValueReport};

/// An error of the survey rules, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurveyError {
    /// An input is outside what the rule accepts (an answer outside the scale, weights that
    /// do not sum to 100, an item mapped to no dimension...). `at` names the field.
    #[error("{at}: {reason}")]
    Invalid {
        /// Where: the field, response or item.
        at: String,
        /// What is wrong.
        reason: String,
    },
    /// A count or sum too large for exact arithmetic.
    #[error("{at}: too large for exact arithmetic")]
    Overflow {
        /// Where.
        at: String,
    },
}

impl SurveyError {
    /// Stable code: `invalid_survey` or `overflow`.
    pub fn code(&self) -> &'static str {
        match self {
            SurveyError::Invalid { .. } => "invalid_survey",
            SurveyError::Overflow { .. } => "overflow",
        }
    }

    /// An [`SurveyError::Invalid`].
    pub fn invalid(at: impl Into<String>, reason: impl Into<String>) -> SurveyError {
        SurveyError::Invalid {
            at: at.into(),
            reason: reason.into(),
        }
    }

    /// An [`SurveyError::Overflow`].
    pub fn overflow(at: impl Into<String>) -> SurveyError {
        SurveyError::Overflow { at: at.into() }
    }
}

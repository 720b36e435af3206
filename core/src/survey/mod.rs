//! Satisfaction and service quality 满意度与服务质量: callback ratings 回访满意率, SERVQUAL
//! gaps 服务质量差距, CSAT, NPS, a 0–100 index, customer value 顾客价值, KPIs from request
//! event logs, and reproducible callback sampling 回访抽样.
//!
//! Satisfaction is the gap between what the customer perceives and what the customer
//! expected (perception − expectation). Every figure here is exact: integers and fixed-point
//! decimals, no floating point, so PHP, Java, C and the browser get the same digits.
//!
//! - [`exact`]: fixed-point figures, the places each kind of figure is given to, integer
//!   square roots, and how every rounding is done.
//! - [`proportion`]: a share with its Wilson score interval 置信区间 (95%).
//!
//! A share over zero answers is "no data" (`None`, `null` in JSON), never a number.

pub mod exact;
pub mod proportion;

pub use exact::{Figure, SurveyError};
pub use proportion::{Interval, Proportion};

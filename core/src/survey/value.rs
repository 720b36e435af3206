//! Customer value 顾客价值 and the company's potential profit 公司潜在利润, per service line
//! 服务项目, from figures the host supplies (decimal strings, e.g. yuan per household per
//! month):
//!
//! ```text
//! customer value   顾客价值     = (service utility 服务效用 + process quality 过程质量)
//!                               − (price 价格 + the customer's cost of obtaining it 获取成本)
//! potential profit 公司潜在利润 = value of the service to the customer − cost of provision 提供成本
//! ```
//!
//! "Value of the service to the customer" is read as the gross value the service creates,
//! `utility + process quality` (`gross_value`): the most the company could capture, before
//! the price divides it between the customer (customer value) and the company. All figures
//! are exact decimal sums and differences — nothing is rounded — and a negative figure is
//! reported as it is (a customer value below zero: the service costs the customer more than
//! it gives). Inputs may not be negative.

use super::SurveyError;
use crate::money::Decimal;
use serde::{Deserialize, Serialize};

/// One service line's figures: `{"line":"保洁 cleaning","utility":"60.00",
/// "process_quality":"15.00","price":"45.00","access_cost":"5.00","provision_cost":"38.00"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceLine {
    /// The service line 服务项目 (a name, for the result).
    pub line: String,
    /// Service utility created for the customer 服务效用.
    pub utility: Decimal,
    /// Process quality 服务过程质量: what the way of serving adds.
    pub process_quality: Decimal,
    /// Price of the service 服务价格.
    pub price: Decimal,
    /// The customer's cost of obtaining the service 获取服务的成本 (time, travel, effort).
    pub access_cost: Decimal,
    /// The company's cost of providing it 提供服务的成本.
    pub provision_cost: Decimal,
}

/// What customer value 顾客价值 is computed from: `{"lines":[…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValueInput {
    /// The service lines.
    pub lines: Vec<ServiceLine>,
}

/// One line's value figures 服务项目价值.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineValue {
    /// The service line.
    pub line: String,
    /// `utility + process_quality`: the value of the service to the customer.
    pub gross_value: Decimal,
    /// 顾客价值: `gross_value − (price + access_cost)`.
    pub customer_value: Decimal,
    /// 公司潜在利润: `gross_value − provision_cost`.
    pub potential_profit: Decimal,
    /// The two formulas with the figures, for reading out.
    pub text: Vec<String>,
}

/// The sums over all lines 合计.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueTotals {
    /// Σ gross value.
    pub gross_value: Decimal,
    /// Σ customer value.
    pub customer_value: Decimal,
    /// Σ potential profit.
    pub potential_profit: Decimal,
}

/// Customer value 顾客价值 and potential profit 公司潜在利润 per line, and their totals (`null` without lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueReport {
    /// Per line, in input order.
    pub lines: Vec<LineValue>,
    /// The totals; `null` when there are no lines.
    pub total: Option<ValueTotals>,
}

impl ValueReport {
    /// Computes every line 逐项计算. Refused: a negative input (named `lines[i] (LINE)` and the
    /// field); overflow.
    pub fn compute(input: &ValueInput) -> Result<ValueReport, SurveyError> {
        let mut lines = Vec::with_capacity(input.lines.len());
        let mut total: Option<ValueTotals> = None;
        for (i, l) in input.lines.iter().enumerate() {
            let at = format!("lines[{i}] ({})", l.line);
            for (name, v) in [
                ("utility", l.utility),
                ("process_quality", l.process_quality),
                ("price", l.price),
                ("access_cost", l.access_cost),
                ("provision_cost", l.provision_cost),
            ] {
                if v.is_negative() {
                    return Err(SurveyError::invalid(
                        at,
                        format!("{name} is negative ({v})"),
                    ));
                }
            }
            let of = |_| SurveyError::overflow(at.clone());
            let gross = l.utility.checked_add(l.process_quality).map_err(of)?;
            let paid = l.price.checked_add(l.access_cost).map_err(of)?;
            let customer_value = gross.checked_sub(paid).map_err(of)?;
            let potential_profit = gross.checked_sub(l.provision_cost).map_err(of)?;
            let text = vec![
                format!(
                    "顾客价值 customer value = ({} + {}) − ({} + {}) = {gross} − {paid} = {customer_value}",
                    l.utility, l.process_quality, l.price, l.access_cost
                ),
                format!(
                    "公司潜在利润 potential profit = {gross} − {} = {potential_profit}",
                    l.provision_cost
                ),
            ];
            total = Some(match total {
                None => ValueTotals {
                    gross_value: gross,
                    customer_value,
                    potential_profit,
                },
                Some(t) => ValueTotals {
                    gross_value: t.gross_value.checked_add(gross).map_err(of)?,
                    customer_value: t.customer_value.checked_add(customer_value).map_err(of)?,
                    potential_profit: t
                        .potential_profit
                        .checked_add(potential_profit)
                        .map_err(of)?,
                },
            });
            lines.push(LineValue {
                line: l.line.clone(),
                gross_value: gross,
                customer_value,
                potential_profit,
                text,
            });
        }
        Ok(ValueReport { lines, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn line(name: &str, u: &str, q: &str, p: &str, a: &str, c: &str) -> ServiceLine {
        ServiceLine {
            line: name.into(),
            utility: d(u),
            process_quality: d(q),
            price: d(p),
            access_cost: d(a),
            provision_cost: d(c),
        }
    }

    #[test]
    fn two_lines_by_hand() {
        // 保洁: gross 60.00 + 15.00 = 75.00; paid 45.00 + 5.00 = 50.00; value 25.00;
        //       profit 75.00 − 38.00 = 37.00.
        // 维修: gross 80 + 12.5 = 92.5; paid 95 + 10 = 105; value −12.5; profit 92.5 − 70 = 22.5.
        // Totals: gross 167.50, value 12.50, profit 59.50.
        let r = ValueReport::compute(&ValueInput {
            lines: vec![
                line("保洁 cleaning", "60.00", "15.00", "45.00", "5.00", "38.00"),
                line("维修 repairs", "80", "12.5", "95", "10", "70"),
            ],
        })
        .expect("valid");
        let l = &r.lines[0];
        assert_eq!(
            (
                l.gross_value.to_string(),
                l.customer_value.to_string(),
                l.potential_profit.to_string()
            ),
            ("75.00".into(), "25.00".into(), "37.00".into())
        );
        assert_eq!(
            l.text,
            vec![
                "顾客价值 customer value = (60.00 + 15.00) − (45.00 + 5.00) = 75.00 − 50.00 = 25.00",
                "公司潜在利润 potential profit = 75.00 − 38.00 = 37.00",
            ]
        );
        let l = &r.lines[1];
        assert_eq!(
            (
                l.gross_value.to_string(),
                l.customer_value.to_string(),
                l.potential_profit.to_string()
            ),
            ("92.5".into(), "-12.5".into(), "22.5".into())
        );
        let t = r.total.expect("lines");
        assert_eq!(
            (
                t.gross_value.to_string(),
                t.customer_value.to_string(),
                t.potential_profit.to_string()
            ),
            ("167.50".into(), "12.50".into(), "59.50".into())
        );
    }

    #[test]
    fn no_lines_and_negative_inputs() {
        let r = ValueReport::compute(&ValueInput { lines: vec![] }).expect("valid");
        assert_eq!(r.total, None);
        let e = ValueReport::compute(&ValueInput {
            lines: vec![line("绿化", "1", "1", "-1", "0", "0")],
        })
        .expect_err("negative price");
        assert_eq!(e.to_string(), "lines[0] (绿化): price is negative (-1)");
    }
}

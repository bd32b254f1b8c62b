//! Incoterms 2020 and what each one puts into the invoice price beyond FOB.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The eleven Incoterms 2020 rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum Incoterm {
    Exw,
    Fca,
    Fas,
    Fob,
    Cfr,
    Cif,
    Cpt,
    Cip,
    Dap,
    Dpu,
    Ddp,
}

impl Incoterm {
    pub const ALL: [Incoterm; 11] = [
        Incoterm::Exw,
        Incoterm::Fca,
        Incoterm::Fas,
        Incoterm::Fob,
        Incoterm::Cfr,
        Incoterm::Cif,
        Incoterm::Cpt,
        Incoterm::Cip,
        Incoterm::Dap,
        Incoterm::Dpu,
        Incoterm::Ddp,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Incoterm::Exw => "EXW",
            Incoterm::Fca => "FCA",
            Incoterm::Fas => "FAS",
            Incoterm::Fob => "FOB",
            Incoterm::Cfr => "CFR",
            Incoterm::Cif => "CIF",
            Incoterm::Cpt => "CPT",
            Incoterm::Cip => "CIP",
            Incoterm::Dap => "DAP",
            Incoterm::Dpu => "DPU",
            Incoterm::Ddp => "DDP",
        }
    }

    pub fn parse(input: &str) -> Result<Incoterm, Problem> {
        let code = input.trim().to_ascii_uppercase();
        Incoterm::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .ok_or_else(|| {
                Problem::new(
                    "incoterm.unknown",
                    format!("'{}'은(는) Incoterms 2020 조건이 아닙니다. EXW, FCA, FAS, FOB, CFR, CIF, CPT, CIP, DAP, DPU, DDP 중에서 고르세요.", input.trim()),
                    format!("'{}' is not an Incoterms 2020 rule. Choose one of EXW, FCA, FAS, FOB, CFR, CIF, CPT, CIP, DAP, DPU, DDP.", input.trim()),
                )
                .at("incoterm")
                .with("value", input.trim())
            })
    }

    /// Whether the seller's price includes the main international carriage, which has to be
    /// taken out to reach the FOB value.
    pub fn includes_main_carriage(self) -> bool {
        matches!(
            self,
            Incoterm::Cfr
                | Incoterm::Cif
                | Incoterm::Cpt
                | Incoterm::Cip
                | Incoterm::Dap
                | Incoterm::Dpu
                | Incoterm::Ddp
        )
    }

    /// Whether the seller's price includes cargo insurance (CIF, CIP).
    pub fn includes_insurance(self) -> bool {
        matches!(self, Incoterm::Cif | Incoterm::Cip)
    }
}

impl fmt::Display for Incoterm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_cost_split() {
        assert_eq!(Incoterm::parse(" dap ").unwrap(), Incoterm::Dap);
        assert_eq!(Incoterm::parse("FOB").unwrap().to_string(), "FOB");
        assert_eq!(Incoterm::parse("FOX").unwrap_err().code, "incoterm.unknown");
        assert!(!Incoterm::Fob.includes_main_carriage());
        assert!(!Incoterm::Exw.includes_main_carriage());
        assert!(Incoterm::Ddp.includes_main_carriage());
        assert!(Incoterm::Cif.includes_insurance() && !Incoterm::Cfr.includes_insurance());
    }
}

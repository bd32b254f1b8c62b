//! What an order's status column says about whether it may be declared.
//!
//! Marketplaces write the state of an order in their own words and languages: Shopify's
//! `Financial Status` (`paid`, `partially_refunded`, `refunded`, `voided`, `pending`), Amazon's
//! `order-status` (`Shipped`, `Pending`, `Canceled`), Shopee's `Order Status` (`Completed`,
//! `Cancelled`, `Unpaid`; localised in each market), Cafe24's `주문 상태` (`배송완료`, `취소완료`,
//! `환불완료`, `입금전`), Qoo10's `配送状態` (`配送完了`, `キャンセル`). Only three things matter
//! for a customs declaration: the goods were **not sold** (cancelled, voided, fully refunded), the
//! buyer **has not paid yet** (the price may still change or vanish), or the sale stands —
//! possibly with part of it refunded, which the seller has to look at.
//!
//! Words are matched loosely (case, spaces, `_` and `-` ignored) and by containment, so
//! `Cancelled - by buyer`, `canceled` and `취소완료` all read as cancelled. A status that matches
//! nothing counts as a sale that stands: the file is imported and nothing is guessed away.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

/// How a status bears on the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// The sale stands (paid, shipped, completed, or a status this reader does not know).
    Stands,
    /// Part of the order was refunded: imported with a warning.
    PartlyRefunded,
    /// Cancelled or voided: not imported.
    Cancelled,
    /// Refunded in full: not imported.
    Refunded,
    /// Not paid yet: not imported until it is.
    Unpaid,
}

impl StatusKind {
    /// Whether an order in this state is left out of the import.
    pub fn leaves_out(self) -> bool {
        matches!(
            self,
            StatusKind::Cancelled | StatusKind::Refunded | StatusKind::Unpaid
        )
    }

    /// Short Korean label for the summary ("not imported: cancelled").
    pub fn label_ko(self) -> &'static str {
        match self {
            StatusKind::Stands => "정상",
            StatusKind::PartlyRefunded => "부분 환불",
            StatusKind::Cancelled => "취소",
            StatusKind::Refunded => "환불",
            StatusKind::Unpaid => "미결제",
        }
    }

    /// Short English label.
    pub fn label_en(self) -> &'static str {
        match self {
            StatusKind::Stands => "stands",
            StatusKind::PartlyRefunded => "partly refunded",
            StatusKind::Cancelled => "cancelled",
            StatusKind::Refunded => "refunded",
            StatusKind::Unpaid => "unpaid",
        }
    }
}

/// Words, in their loose form, for each kind; checked in this order (a partial refund before a
/// refund, since `partiallyrefunded` contains `refunded`).
const WORDS: &[(StatusKind, &[&str])] = &[
    (
        StatusKind::PartlyRefunded,
        &[
            "partiallyrefunded",
            "partialrefund",
            "partlyrefunded",
            "부분환불",
            "부분취소",
            "一部返金",
            "一部キャンセル",
        ],
    ),
    (
        StatusKind::Cancelled,
        &[
            "cancel",
            "voided",
            "void",
            "취소",
            "キャンセル",
            "取消",
            "batal",
            "dibatalkan",
            "đãhủy",
            "hủy",
            "ยกเลิก",
        ],
    ),
    (
        StatusKind::Refunded,
        &[
            "refunded",
            "refund",
            "환불",
            "返金",
            "退款",
            "pengembaliandana",
            "hoàntiền",
        ],
    ),
    (
        StatusKind::Unpaid,
        &[
            "unpaid",
            "pending",
            "awaitingpayment",
            "partiallypaid",
            "topay",
            "notpaid",
            "입금전",
            "입금대기",
            "결제대기",
            "미결제",
            "未入金",
            "入金待ち",
            "belumbayar",
            "chờthanhtoán",
            "รอชำระเงิน",
        ],
    ),
];

/// Lower case, letters and digits only.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Read a status cell. An empty cell is `None` (the order's status, if any, applies).
pub fn classify(raw: &str) -> Option<StatusKind> {
    static LOOSE: OnceLock<Vec<(StatusKind, Vec<String>)>> = OnceLock::new();
    let words = LOOSE.get_or_init(|| {
        WORDS
            .iter()
            .map(|(k, ws)| (*k, ws.iter().map(|w| loose(w)).collect()))
            .collect()
    });
    let key = loose(raw);
    if key.is_empty() {
        return None;
    }
    for (kind, ws) in words {
        if ws.iter().any(|w| key.contains(w.as_str())) {
            return Some(*kind);
        }
    }
    Some(StatusKind::Stands)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_of_each_marketplace() {
        use StatusKind::*;
        for (raw, want) in [
            // Shopify Financial Status
            ("paid", Stands),
            ("partially_refunded", PartlyRefunded),
            ("refunded", Refunded),
            ("voided", Cancelled),
            ("pending", Unpaid),
            ("authorized", Stands),
            ("partially_paid", Unpaid),
            // Amazon order-status
            ("Shipped", Stands),
            ("Canceled", Cancelled),
            ("Pending", Unpaid),
            // Amazon All Orders: the order's and the line's status joined; they can disagree.
            ("Shipped / Cancelled", Cancelled),
            ("Shipped / Shipped", Stands),
            // Shopee
            ("Completed", Stands),
            ("Cancelled", Cancelled),
            ("Unpaid", Unpaid),
            ("To ship", Stands),
            ("Batal", Cancelled),
            ("Belum Bayar", Unpaid),
            // Cafe24
            ("배송완료", Stands),
            ("취소완료", Cancelled),
            ("환불완료", Refunded),
            ("입금전", Unpaid),
            ("부분환불", PartlyRefunded),
            // Qoo10
            ("配送完了", Stands),
            ("キャンセル", Cancelled),
            ("未入金", Unpaid),
        ] {
            assert_eq!(classify(raw), Some(want), "{raw}");
        }
        assert_eq!(classify(""), None);
        assert_eq!(classify("  "), None);
        assert!(Cancelled.leaves_out() && Refunded.leaves_out() && Unpaid.leaves_out());
        assert!(!Stands.leaves_out() && !PartlyRefunded.leaves_out());
    }
}

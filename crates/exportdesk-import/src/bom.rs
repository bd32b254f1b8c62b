//! Bills of materials (자재명세서) read from a CSV/XLSX file: the same reader as order files
//! ([`read_table`]), columns found by their header names (Korean or English), each row checked
//! as a BOM line. Pure: bytes and the known supplier declarations in, lines or every problem out
//! (each naming its row and column); all rows or none.

use crate::plan::RowProblem;
use crate::table::{read_table, ReadOptions};
use exportdesk_rules::bom::{BomLine, BomLineDraft, SupplierDeclaration};
use exportdesk_rules::money::Currency;
use exportdesk_rules::{Problem, Problems};
use std::sync::atomic::AtomicBool;

/// The BOM columns a file may have, with the header names recognised for each.
const BOM_COLUMNS: &[(&str, &[&str])] = &[
    (
        "description",
        &[
            "재료명",
            "자재명",
            "원재료명",
            "품명",
            "재료",
            "material",
            "description",
            "name",
            "material name",
        ],
    ),
    (
        "hs_code",
        &[
            "hs",
            "hs코드",
            "hs code",
            "hscode",
            "세번",
            "세번부호",
            "hs부호",
        ],
    ),
    (
        "origin_country",
        &[
            "원산지",
            "원산국",
            "origin",
            "country of origin",
            "origin country",
            "coo",
        ],
    ),
    ("quantity", &["수량", "소요량", "사용량", "qty", "quantity"]),
    ("unit", &["단위", "unit", "uom"]),
    (
        "unit_value",
        &[
            "단가",
            "재료단가",
            "가격",
            "unit price",
            "unit value",
            "price",
            "value",
        ],
    ),
    ("currency", &["통화", "currency"]),
    (
        "supplier",
        &["공급자", "공급업체", "공급처", "supplier", "vendor"],
    ),
    (
        "weight_kg",
        &["중량", "중량(kg)", "weight", "weight (kg)", "weight_kg"],
    ),
];

fn key(s: &str) -> String {
    s.trim().to_lowercase().replace(['_', '-'], " ")
}

/// Words in the origin column that mean "originating, under the supplier's declaration".
fn means_declared(s: &str) -> bool {
    let k = key(s);
    [
        "원산지확인서",
        "확인서",
        "역내산",
        "originating",
        "declared",
        "supplier declaration",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// Read the BOM lines of a CSV/XLSX file. `declarations` are the supplier declarations on file
/// (an origin cell such as `원산지확인서` links the row to its supplier's latest one);
/// `currency` is the BOM's (KRW when `None`), used for lines that name none. Any problem in any
/// row rejects the whole file, with every problem listed.
pub fn read_bom(
    bytes: &[u8],
    declarations: &[SupplierDeclaration],
    currency: Option<Currency>,
) -> Result<Vec<BomLine>, Problems> {
    let table = read_table(bytes, &ReadOptions::default(), &AtomicBool::new(false))
        .map_err(|e| {
            let p = e.to_problem();
            // The table reader speaks of marketplace orders; an empty BOM file is a BOM matter.
            if p.code == "import.empty" {
                Problems::from(Problem::new(
                    "bom.empty",
                    "파일이 비어 있습니다. 재료명, HS코드, 원산지, 수량, 단가 열이 있는 자재명세서 파일(CSV 또는 XLSX)을 고르세요.",
                    "The file is empty. Choose a bill-of-materials file (CSV or XLSX) with material, HS code, origin, quantity and unit price columns.",
                ))
            } else {
                Problems::from(p)
            }
        })?;
    let mut found: Vec<(&str, usize)> = Vec::new();
    for (field, names) in BOM_COLUMNS {
        if let Some(i) = table
            .headers
            .iter()
            .position(|h| names.iter().any(|n| key(h) == key(n)))
        {
            found.push((field, i));
        }
    }
    let col = |f: &str| found.iter().find(|(k, _)| *k == f).map(|(_, i)| *i);
    let missing: Vec<&str> = ["description", "hs_code", "quantity", "unit_value"]
        .into_iter()
        .filter(|f| col(f).is_none())
        .collect();
    if !missing.is_empty() {
        let headers = table.headers.join(", ");
        let list = missing.join(", ");
        return Err(Problem::new(
            "bom.columns_missing",
            format!("자재명세서 파일에 필요한 열이 없습니다: {list}. 첫 줄에 재료명, HS코드, 원산지, 수량, 단위, 단가, 통화, 공급자 열 이름을 넣으세요. 지금 있는 열: {headers}"),
            format!("The BOM file lacks columns: {list}. Put column names in the first row: material, HS code, origin, quantity, unit, unit price, currency, supplier. Columns found: {headers}"),
        )
        .with("missing", list)
        .into());
    }
    let mut problems: Vec<RowProblem> = table.problems.clone();
    let mut drafts: Vec<(u32, BomLineDraft)> = Vec::new();
    for row in &table.rows {
        let get = |f: &str| col(f).map(|i| row.cell(i).to_string()).unwrap_or_default();
        let mut draft = BomLineDraft {
            description: get("description"),
            hs_code: get("hs_code"),
            origin_country: get("origin_country"),
            supplier_declaration_id: None,
            quantity: get("quantity"),
            unit: get("unit"),
            unit_value: get("unit_value"),
            currency: get("currency"),
            supplier: get("supplier"),
            weight_kg: get("weight_kg"),
        };
        if means_declared(&draft.origin_country) {
            let supplier = draft.supplier.trim().to_lowercase();
            match declarations
                .iter()
                .filter(|d| d.supplier.trim().to_lowercase() == supplier)
                .max_by_key(|d| d.valid_until)
            {
                Some(d) => {
                    draft.supplier_declaration_id = Some(d.id);
                    draft.origin_country.clear();
                }
                None => problems.push(RowProblem {
                    row: row.row,
                    column: col("origin_country").and_then(|i| table.headers.get(i).cloned()),
                    value: draft.origin_country.clone(),
                    problem: Problem::new(
                        "bom.no_declaration_for_supplier",
                        format!("공급자 '{}'의 원산지확인서가 없습니다. 원산지확인서를 먼저 등록하거나 원산지 나라를 적으세요.", draft.supplier.trim()),
                        format!("There is no supplier declaration from '{}'; add it first or write the country of origin.", draft.supplier.trim()),
                    ),
                }),
            }
        }
        drafts.push((row.row, draft));
    }
    let known: Vec<i64> = declarations.iter().map(|d| d.id).collect();
    let mut lines = Vec::with_capacity(drafts.len());
    for (i, (row, d)) in drafts.iter().enumerate() {
        match d.validate(i, Some(currency.unwrap_or(Currency::KRW)), &|id| {
            known.contains(&id)
        }) {
            Ok(l) => lines.push(l),
            Err(found) => {
                for p in found.0 {
                    let field = p
                        .field
                        .as_deref()
                        .and_then(|f| f.rsplit('.').next())
                        .unwrap_or_default()
                        .to_string();
                    let column = col(&field).and_then(|c| table.headers.get(c).cloned());
                    let value = col(&field).map(|c| {
                        table
                            .rows
                            .iter()
                            .find(|r| r.row == *row)
                            .map(|r| r.cell(c).to_string())
                            .unwrap_or_default()
                    });
                    problems.push(RowProblem {
                        row: *row,
                        column,
                        value: value.unwrap_or_default(),
                        problem: p,
                    });
                }
            }
        }
    }
    if lines.is_empty() && problems.is_empty() {
        return Err(Problem::new(
            "bom.no_lines",
            "파일에 재료 줄이 없습니다.",
            "The file has no material rows.",
        )
        .into());
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.row);
        let n = problems.len();
        let mut out = Problems(vec![Problem::new(
            "bom.import_problems",
            format!("파일에 고칠 곳이 {n}군데 있어 자재명세서를 바꾸지 않았습니다."),
            format!("The file has {n} problems, so the BOM was not changed."),
        )
        .with("count", n)]);
        out.0.extend(problems.iter().map(|r| {
            let mut p = r.problem.clone();
            let place_ko = match &r.column {
                Some(c) => format!("{}행 '{c}' 열", r.row),
                None => format!("{}행", r.row),
            };
            let place_en = match &r.column {
                Some(c) => format!("row {}, column '{c}'", r.row),
                None => format!("row {}", r.row),
            };
            p.message_ko = format!("{place_ko}: {}", p.message_ko);
            p.message_en = format!("{place_en}: {}", p.message_en);
            p.with("row", r.row)
        }));
        return Err(out);
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_named_as_a_bom_file() {
        let err = read_bom(b"", &[], None).unwrap_err();
        let p = &err.0[0];
        assert_eq!(p.code, "bom.empty");
        assert!(p.message_ko.contains("자재명세서"), "{}", p.message_ko);
        assert!(!p.message_ko.contains("주문"), "{}", p.message_ko);
    }
}

//! From table rows to an import plan: orders grouped, values read, every order validated.
//!
//! Decisions:
//! - **An order is identified by marketplace + order number.** Rows with the same order number
//!   form one order wherever they are in the file (exports sort by date, not by order).
//! - **Order-level values come from the first row that has them** (Shopify and Cafe24 print them
//!   on the first line only); a different non-empty value on a later row of the same order is a
//!   problem, because one order has one currency, one buyer and one destination. Shipping follows
//!   the profile's [`ShippingRule`]: first line, or the sum of the lines (Amazon).
//! - **A row is an order line when it names an item** (SKU or description). A row without one
//!   but with a quantity or price is an order summary row (eBay prints one above the items of a
//!   multi-item order) and is ignored when the order has item rows; when it does not, it becomes
//!   a line so that validation says what is missing. Rows with none of the mapped values (blank
//!   rows, eBay's "record(s) downloaded" trailer) are skipped.
//! - **Unit price or line amount**: a line amount with a quantity gives the unit price when the
//!   file has no unit price (Amazon's item-price is the line total). When both are there and
//!   disagree, the line amount — what the buyer paid — is used and a warning says so.
//! - **The currency** is the currency column, else an unambiguous symbol on the amounts
//!   (`€`, `US $`, `₩`), else a code in brackets in a header (`(SGD)`), else the profile's default,
//!   else a `$`/`¥` symbol read as USD/JPY with a warning; and a symbol that contradicts the
//!   column is a problem.
//! - **Every order is validated with `OrderDraft::validate`** (and its buyer with
//!   `BuyerDraft::validate`), and every problem gets the file row and column it came from, with
//!   the row and column written into its message too, so a message stands on its own in the CLI
//!   and in the saved error list. A value this module could not read is reported once, not again
//!   by validation.
//! - **All or nothing.** The plan always lists every order and every problem; it never drops an
//!   order quietly. [`ImportPlan::is_clean`] says whether it may be committed as a whole.

use crate::encoding::Encoding;
use crate::formula::{escape_cell, is_formula_like};
use crate::profile::{DecimalStyle, Field, Profile, Resolved, ShippingRule};
use crate::status::{classify, StatusKind};
use crate::table::{FileFormat, Table, TableRow};
use crate::values::{parse_country, parse_currency, parse_local_date, parse_money, parse_quantity};
use crate::ImportError;
use exportdesk_rules::incoterm::Incoterm;
use exportdesk_rules::money::Currency;
use exportdesk_rules::records::{BuyerDraft, Order, OrderDraft, OrderLineDraft};
use exportdesk_rules::Problem;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

/// A problem at a place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowProblem {
    /// 1-based file row, as a spreadsheet shows it.
    pub row: u32,
    /// The header of the column, when the problem is in one cell.
    pub column: Option<String>,
    /// The cell's value as read (empty when the value is missing).
    pub value: String,
    /// What is wrong and how to fix it, in Korean and English.
    pub problem: Problem,
}

impl RowProblem {
    pub(crate) fn file_level(row: u32, problem: Problem) -> RowProblem {
        RowProblem {
            row,
            column: None,
            value: String::new(),
            problem,
        }
    }
}

/// One order of the file, ready for the caller to match buyers and products and store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlannedOrder {
    /// The profile's marketplace.
    pub marketplace: String,
    /// The order number as in the file (the order's identity with the marketplace).
    pub order_no: String,
    /// The order as read, values normalised (ISO dates, plain decimals, ISO codes).
    pub draft: OrderDraft,
    /// The buyer's facts, when the file names the buyer.
    pub buyer: Option<BuyerDraft>,
    /// Every file row of the order.
    pub rows: Vec<u32>,
    /// The file row of each line of `draft.lines`.
    pub line_rows: Vec<u32>,
    /// The validated order (id 0), when the order has no problems.
    pub order: Option<Order>,
    /// The order's status as the file writes it, when it has one.
    pub status: Option<String>,
}

/// An order of the file that is not imported because of its status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkippedOrder {
    /// The order number as in the file.
    pub order_no: String,
    /// Every file row of the order.
    pub rows: Vec<u32>,
    /// Why: cancelled, refunded or unpaid.
    pub kind: StatusKind,
    /// The status as the file writes it (`voided`, `취소완료`, or the `Cancelled at` value).
    pub status: String,
}

/// The result of reading a file: everything the import summary shows before committing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPlan {
    /// The text encoding of a delimited file; `None` for a workbook.
    pub encoding: Option<Encoding>,
    /// What kind of file it was.
    pub format: FileFormat,
    /// The profile the file was read with (detected or given).
    pub profile: Profile,
    /// Row number of the header row.
    pub header_row: u32,
    /// Data rows read (below the header, blank rows not counted).
    pub rows_read: u32,
    /// Every order of the file that may be imported, in the order of their first rows.
    pub orders: Vec<PlannedOrder>,
    /// Orders left out because the file says they were cancelled, refunded or not paid.
    pub skipped: Vec<SkippedOrder>,
    /// Problems that stop the import; the file is imported only when this is empty.
    pub row_problems: Vec<RowProblem>,
    /// Things the user should know that do not stop the import.
    pub warnings: Vec<RowProblem>,
    /// Every SKU of the file, to check against the catalogue.
    pub skus: BTreeSet<String>,
}

impl ImportPlan {
    /// Whether the whole file can be committed.
    pub fn is_clean(&self) -> bool {
        self.row_problems.is_empty()
    }

    /// The row problems as CSV (see [`problems_csv`]).
    pub fn problems_csv(&self) -> Vec<u8> {
        problems_csv(&self.row_problems)
    }
}

/// Row problems as a CSV file a spreadsheet opens (UTF-8 with byte-order mark, so Excel shows
/// Korean correctly): row, column, value, problem in Korean, problem in English. Every cell goes
/// through [`escape_cell`], so a formula-looking value from the file is never exported live.
pub fn problems_csv(problems: &[RowProblem]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().from_writer(&mut out);
        let header = [
            "행 row",
            "열 column",
            "값 value",
            "문제 (한국어)",
            "problem (English)",
        ];
        // Writing into a Vec cannot fail.
        let _ = w.write_record(header);
        for p in problems {
            let row = p.row.to_string();
            let column = p.column.clone().unwrap_or_default();
            let cells = [
                row.as_str(),
                column.as_str(),
                p.value.as_str(),
                p.problem.message_ko.as_str(),
                p.problem.message_en.as_str(),
            ];
            let _ = w.write_record(cells.iter().map(|c| escape_cell(c).into_owned()));
        }
        let _ = w.flush();
    }
    out
}

/// A value read from one cell: where it came from and what it says.
#[derive(Debug, Clone)]
struct Fact {
    row: u32,
    col: Option<usize>,
    raw: String,
    value: String,
}

/// The order-level values of an order, one slot per field.
#[derive(Debug, Default)]
struct Facts([Option<Fact>; Field::ALL.len()]);

impl Facts {
    fn get(&self, field: &Field) -> Option<&Fact> {
        self.0[*field as usize].as_ref()
    }

    fn contains_key(&self, field: &Field) -> bool {
        self.get(field).is_some()
    }

    fn insert(&mut self, field: Field, fact: Fact) {
        self.0[field as usize] = Some(fact);
    }

    fn remove(&mut self, field: &Field) {
        self.0[*field as usize] = None;
    }
}

#[derive(Debug, Default)]
struct LineBuilder {
    row: u32,
    sku: String,
    description: String,
    quantity: Option<Decimal>,
    quantity_raw: String,
    unit_price: Option<Decimal>,
    unit_raw: String,
    amount: Option<Decimal>,
    amount_raw: String,
    discount: Option<Decimal>,
    /// The row's own status cell.
    status: Option<String>,
    /// Units the file says came back.
    returned: Option<(Decimal, Option<usize>, String)>,
    summary: bool,
}

#[derive(Debug, Default)]
struct OrderBuilder {
    order_no: String,
    rows: Vec<u32>,
    facts: Facts,
    shipping_sum: Option<(Decimal, Fact)>,
    symbol: Option<(Currency, Fact)>,
    ambiguous_symbol: Option<(Currency, Fact)>,
    lines: Vec<LineBuilder>,
    /// The first status cell of the order (Shopify prints it on the first row only).
    status: Option<String>,
}

/// What became of one order of the file.
enum Finished {
    Planned(Box<PlannedOrder>),
    Skipped(SkippedOrder),
}

struct Planner<'a> {
    table: &'a Table,
    profile: &'a Profile,
    resolved: &'a Resolved,
    offset_minutes: i32,
    problems: Vec<RowProblem>,
    warnings: Vec<RowProblem>,
    reported: HashSet<(u32, Field)>,
    countries: HashMap<String, Result<String, Problem>>,
}

/// Plan the import of a table with a profile whose columns were resolved against its headers.
pub fn plan_table(
    table: &Table,
    profile: &Profile,
    resolved: &Resolved,
    offset_minutes: i32,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<ImportPlan, ImportError> {
    let mut planner = Planner {
        table,
        profile,
        resolved,
        offset_minutes,
        problems: table.problems.clone(),
        warnings: table.notes.clone(),
        reported: HashSet::new(),
        countries: HashMap::new(),
    };
    // Rows the reader could not split into cells (broken quotes, extra cells) are reported
    // already; reading their shifted cells as values would only add confusing problems.
    let unreadable: HashSet<u32> = table.problems.iter().map(|p| p.row).collect();
    let total = table.rows.len() as u64;
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut orders: Vec<OrderBuilder> = Vec::new();
    progress(0, total);
    for (n, row) in table.rows.iter().enumerate() {
        if n % 1000 == 0 {
            if cancel.load(Ordering::Relaxed) {
                return Err(ImportError::Cancelled);
            }
            if n > 0 {
                progress(n as u64, total);
            }
        }
        if !unreadable.contains(&row.row) {
            planner.read_row(row, &mut index, &mut orders);
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(ImportError::Cancelled);
    }
    let mut planned = Vec::with_capacity(orders.len());
    let mut skipped = Vec::new();
    let mut skus = BTreeSet::new();
    let mut assumed_currency: Option<(Currency, u32)> = None;
    for o in orders {
        match planner.finish_order(o, &mut assumed_currency) {
            Finished::Planned(p) => {
                skus.extend(
                    p.draft
                        .lines
                        .iter()
                        .map(|l| l.sku.trim().to_string())
                        .filter(|s| !s.is_empty()),
                );
                planned.push(*p);
            }
            Finished::Skipped(s) => skipped.push(s),
        }
    }
    // A cancelled, refunded or unpaid order is not imported, so what is wrong on its rows does
    // not stop the file.
    let skipped_rows: HashSet<u32> = skipped
        .iter()
        .flat_map(|s| s.rows.iter().copied())
        .collect();
    planner.problems.retain(|p| !skipped_rows.contains(&p.row));
    planner.warnings.retain(|p| !skipped_rows.contains(&p.row));
    if let Some((c, row)) = assumed_currency {
        planner.warnings.push(RowProblem::file_level(
            row,
            Problem::new(
                "import.currency_assumed",
                format!("파일에 통화가 적혀 있지 않아 금액 기호를 {}({})로 읽었습니다. 다른 통화라면 프로필의 기본 통화를 바꾸세요.", c.code(), c.name_ko()),
                format!("The file names no currency, so the amount symbol was read as {} ({}). If that is wrong, set the profile's default currency.", c.code(), c.name_en()),
            )
            .with("currency", c.code()),
        ));
    }
    // An order with a problem on any of its rows (a read error, a conflict) is not valid.
    let problem_rows: HashSet<u32> = planner.problems.iter().map(|p| p.row).collect();
    for p in &mut planned {
        if p.rows.iter().any(|r| problem_rows.contains(r)) {
            p.order = None;
        }
    }
    progress(total, total);
    let Planner {
        mut problems,
        mut warnings,
        ..
    } = planner;
    problems.sort_by(|a, b| a.row.cmp(&b.row).then_with(|| a.column.cmp(&b.column)));
    warnings.sort_by_key(|w| w.row);
    Ok(ImportPlan {
        encoding: table.encoding,
        format: table.format.clone(),
        profile: profile.clone(),
        header_row: table.header_row,
        rows_read: table.rows.len().min(u32::MAX as usize) as u32,
        orders: planned,
        skipped,
        row_problems: problems,
        warnings,
        skus,
    })
}

impl Planner<'_> {
    fn header(&self, col: Option<usize>) -> Option<String> {
        col.and_then(|c| self.table.headers.get(c).cloned())
    }

    /// The cell of a field in a row, with its column (address parts joined).
    fn get<'r>(&self, row: &'r TableRow, field: Field) -> Option<(Cow<'r, str>, Option<usize>)> {
        let col = self.resolved.column(field)?;
        if field.joins_columns() {
            let parts: Vec<&str> = col
                .indices
                .iter()
                .map(|i| row.cell(*i))
                .filter(|c| !c.is_empty())
                .collect();
            let sep = if field == Field::Status { " / " } else { ", " };
            return match parts.len() {
                0 => None,
                1 => Some((Cow::Borrowed(parts[0]), col.indices.first().copied())),
                _ => Some((Cow::Owned(parts.join(sep)), col.indices.first().copied())),
            };
        }
        let i = *col.indices.first()?;
        let v = row.cell(i);
        (!v.is_empty()).then_some((Cow::Borrowed(v), Some(i)))
    }

    /// A country code, remembered per spelling: a file names the same few countries thousands
    /// of times.
    fn country(&mut self, raw: &str) -> Result<String, Problem> {
        if let Some(known) = self.countries.get(raw) {
            return known.clone();
        }
        let found = parse_country(raw).map(|c| c.code().to_string());
        self.countries.insert(raw.to_string(), found.clone());
        found
    }

    fn decimal(&self, field: Field) -> DecimalStyle {
        self.resolved
            .column(field)
            .map_or(self.profile.decimal, |c| c.decimal)
    }

    fn problem(
        &mut self,
        row: u32,
        field: Field,
        col: Option<usize>,
        value: &str,
        problem: Problem,
    ) {
        self.reported.insert((row, field));
        let column = self.header(col);
        self.problems.push(locate(row, column, value, problem));
    }

    fn warn(&mut self, row: u32, col: Option<usize>, value: &str, problem: Problem) {
        let column = self.header(col);
        self.warnings.push(locate(row, column, value, problem));
    }

    fn read_row(
        &mut self,
        row: &TableRow,
        index: &mut HashMap<String, usize>,
        orders: &mut Vec<OrderBuilder>,
    ) {
        let mut values: [Option<(Cow<str>, Option<usize>)>; Field::ALL.len()] = Default::default();
        let mut present = 0;
        for field in Field::ALL {
            if let Some(v) = self.get(row, field) {
                values[field as usize] = Some(v);
                present += 1;
            }
        }
        if present == 0 {
            return;
        }
        if let (1, Some((v, c))) = (present, &values[Field::OrderNo as usize]) {
            // A continuation row of a known order (Amazon splits long promotions over rows)
            // belongs to it and adds nothing; anything else is a stray line such as eBay's
            // "record(s) downloaded" trailer.
            if let Some(&slot) = index.get(v.as_ref()) {
                orders[slot].rows.push(row.row);
                return;
            }
            self.warn(row.row, *c, v, Problem::new(
                "import.row_skipped",
                "이 행에는 주문번호 칸에 적힌 글자 말고는 아무 값이 없어 건너뛰었습니다 (파일 끝의 요약 줄 등).",
                "This row has nothing but text in the order number column and was skipped (a summary line at the end of the file, for example).",
            ));
            return;
        }
        for (v, c) in values.iter().flatten() {
            if looks_like_formula(v) {
                self.warn(row.row, *c, v, Problem::new(
                    "import.formula_text",
                    "수식처럼 보이는 값입니다. 계산하지 않고 글자 그대로 가져옵니다.",
                    "This value looks like a spreadsheet formula. It is imported as plain text and never calculated.",
                ));
            }
        }
        let value = |f: Field| values[f as usize].as_ref().map(|(v, c)| (v.as_ref(), *c));
        let Some((order_no, order_col)) = value(Field::OrderNo) else {
            let col = self
                .resolved
                .column(Field::OrderNo)
                .and_then(|c| c.indices.first().copied());
            self.problem(row.row, Field::OrderNo, col, "", Problem::new(
                "order_no.empty",
                "주문번호가 비어 있습니다. 어느 주문의 행인지 알 수 있도록 주문번호를 입력하세요.",
                "The order number is empty. Enter it so the row can be put into its order.",
            ).at("order_no"));
            return;
        };
        if is_scientific(order_no) {
            self.problem(row.row, Field::OrderNo, order_col, order_no, Problem::new(
                "order_no.scientific",
                "주문번호가 Excel에서 지수 표기(예: 1.23E+15)로 바뀌어 원래 번호를 알 수 없습니다. 마켓에서 파일을 다시 내려받아 Excel에서 열어 저장하지 말고 바로 가져오세요.",
                "Excel has turned the order number into scientific notation (e.g. 1.23E+15), which loses the real number. Download the file again and import it without saving it in Excel.",
            ).at("order_no"));
        }
        let slot = match index.get(order_no) {
            Some(&slot) => slot,
            None => {
                orders.push(OrderBuilder {
                    order_no: order_no.to_string(),
                    ..Default::default()
                });
                index.insert(order_no.to_string(), orders.len() - 1);
                orders.len() - 1
            }
        };
        let order = &mut orders[slot];
        order.rows.push(row.row);
        for field in Field::ALL {
            if field.is_order_level() && field != Field::OrderNo {
                if let Some((raw, col)) = value(field) {
                    self.order_fact(order, row.row, field, raw, col);
                }
            }
        }
        let row_status = value(Field::Status).map(|(v, _)| v.to_string());
        if order.status.is_none() {
            order.status.clone_from(&row_status);
        }
        // The line.
        let sku = value(Field::Sku)
            .map(|v| v.0.to_string())
            .unwrap_or_default();
        let description = value(Field::Description)
            .map(|v| v.0.to_string())
            .unwrap_or_default();
        let quantity = value(Field::Quantity);
        let unit = value(Field::UnitPrice);
        let amount = value(Field::LineAmount);
        if sku.is_empty()
            && description.is_empty()
            && quantity.is_none()
            && unit.is_none()
            && amount.is_none()
        {
            return;
        }
        let mut line = LineBuilder {
            row: row.row,
            sku,
            description,
            status: row_status,
            summary: false,
            ..Default::default()
        };
        if let Some((raw, col)) = value(Field::LineDiscount) {
            match parse_money(raw, self.decimal(Field::LineDiscount), "discount") {
                // Some reports write a discount as a negative amount; it is a reduction either way.
                Ok(m) => line.discount = Some(m.amount.abs()),
                Err(p) => self.problem(row.row, Field::LineDiscount, col, raw, p),
            }
        }
        if let Some((raw, col)) = value(Field::ReturnedQuantity) {
            match parse_quantity(raw, "returned_quantity") {
                Ok(q) if !q.is_zero() => line.returned = Some((q, col, raw.to_string())),
                Ok(_) => {}
                Err(p) => self.problem(row.row, Field::ReturnedQuantity, col, raw, p),
            }
        }
        line.summary = line.sku.is_empty() && line.description.is_empty();
        if let Some((q, col)) = quantity {
            match parse_quantity(q, "quantity") {
                Ok(v) => line.quantity = Some(v),
                Err(p) if !line.summary => self.problem(row.row, Field::Quantity, col, q, p),
                Err(_) => {}
            }
            line.quantity_raw = q.to_string();
        }
        for (field, found) in [(Field::UnitPrice, unit), (Field::LineAmount, amount)] {
            let Some((raw, col)) = found else { continue };
            let name = if field == Field::UnitPrice {
                "unit_price"
            } else {
                "line_amount"
            };
            match parse_money(raw, self.decimal(field), name) {
                Ok(m) => {
                    if field == Field::UnitPrice {
                        line.unit_price = Some(m.amount);
                    } else {
                        line.amount = Some(m.amount);
                    }
                    if !line.summary {
                        note_symbol(order, &m, row.row, col, raw);
                    }
                }
                Err(p) if !line.summary => self.problem(row.row, field, col, raw, p),
                Err(_) => {}
            }
            if field == Field::UnitPrice {
                line.unit_raw = raw.to_string();
            } else {
                line.amount_raw = raw.to_string();
            }
        }
        order.lines.push(line);
    }

    fn order_fact(
        &mut self,
        order: &mut OrderBuilder,
        row: u32,
        field: Field,
        raw: &str,
        col: Option<usize>,
    ) {
        // The same text as the value already taken (the usual case on an order's later rows)
        // needs no second reading.
        let summed = field == Field::ShippingFee && self.profile.shipping == ShippingRule::Sum;
        if !summed && order.facts.get(&field).is_some_and(|f| f.raw == raw) {
            return;
        }
        let normalised: Result<String, Problem> = match field {
            Field::OrderDate => parse_local_date(
                raw,
                self.profile.date_order,
                self.offset_minutes,
                "order_date",
            )
            .map(|d| d.to_string()),
            Field::Currency => parse_currency(raw)
                .map(|c| c.code().to_string())
                .map_err(|p| p.at("currency")),
            Field::DestinationCountry => self.country(raw).map_err(|p| p.at("destination_country")),
            Field::BuyerCountry => self.country(raw),
            Field::Incoterm => Incoterm::parse(raw).map(|i| i.code().to_string()),
            Field::OrderDiscount | Field::Refunded => {
                let name = if field == Field::Refunded {
                    "refunded"
                } else {
                    "order_discount"
                };
                parse_money(raw, self.decimal(field), name)
                    .map(|m| m.amount.abs().normalize().to_string())
            }
            Field::ShippingFee => match parse_money(raw, self.decimal(field), "shipping_fee") {
                Ok(m) => {
                    note_symbol(order, &m, row, col, raw);
                    if self.profile.shipping == ShippingRule::Sum {
                        let fact = Fact {
                            row,
                            col,
                            raw: raw.to_string(),
                            value: String::new(),
                        };
                        let total =
                            order.shipping_sum.as_ref().map_or(Decimal::ZERO, |s| s.0) + m.amount;
                        let first = order.shipping_sum.take().map_or(fact, |s| s.1);
                        order.shipping_sum = Some((total, first));
                        return;
                    }
                    // First line: the first fee that is not zero; zeros on other lines are
                    // "not on this line", as exports that print the fee once write them.
                    if m.amount.is_zero() && order.facts.contains_key(&field) {
                        return;
                    }
                    if !m.amount.is_zero()
                        && order.facts.get(&field).is_some_and(|f| f.value == "0")
                    {
                        order.facts.remove(&field);
                    }
                    Ok(m.amount.normalize().to_string())
                }
                Err(p) => Err(p),
            },
            _ => Ok(raw.to_string()),
        };
        let value = match normalised {
            Ok(v) => v,
            Err(p) => {
                self.problem(row, field, col, raw, p);
                return;
            }
        };
        match order.facts.get(&field) {
            None => {
                order.facts.insert(
                    field,
                    Fact {
                        row,
                        col,
                        raw: raw.to_string(),
                        value,
                    },
                );
            }
            Some(first) if first.value != value => {
                let (first_row, first_raw) = (first.row, first.raw.clone());
                let no = order.order_no.clone();
                self.problem(row, field, col, raw, Problem::new(
                    "import.conflict",
                    format!("주문 {no}의 {}이(가) {first_row}행에서는 '{first_raw}'인데 이 행에서는 '{raw}'입니다. 한 주문에는 값이 하나뿐이니 틀린 쪽을 고치세요.", field.label_ko()),
                    format!("Order {no} has the {} '{first_raw}' on row {first_row} but '{raw}' on this row. An order has one; correct the wrong one.", field.label_en()),
                ).with("first_row", first_row));
            }
            Some(_) => {}
        }
    }

    fn finish_order(
        &mut self,
        mut o: OrderBuilder,
        assumed: &mut Option<(Currency, u32)>,
    ) -> Finished {
        let first_row = o.rows.first().copied().unwrap_or(0);
        let has_items = o.lines.iter().any(|l| !l.summary);
        if has_items {
            o.lines.retain(|l| !l.summary);
        }
        if let Some(skipped) = self.leave_out_by_status(&mut o) {
            return Finished::Skipped(skipped);
        }
        let currency = self.order_currency(&o, first_row, assumed);
        if currency.is_some_and(|c| matches!(c.code(), "IDR" | "VND")) {
            self.dots_as_thousands(&mut o);
        }
        let fact = |f: Field| o.facts.get(&f).cloned();
        let order_date = fact(Field::OrderDate).map(|f| f.value).unwrap_or_default();
        let destination = fact(Field::DestinationCountry)
            .or_else(|| fact(Field::BuyerCountry))
            .map(|f| f.value)
            .or_else(|| self.profile.default_country.clone())
            .unwrap_or_default();
        let incoterm = fact(Field::Incoterm)
            .map(|f| f.value)
            .unwrap_or_else(|| self.profile.default_incoterm.clone());
        let shipping = match self.profile.shipping {
            ShippingRule::Sum => o
                .shipping_sum
                .as_ref()
                .map(|s| s.0.normalize().to_string())
                .unwrap_or_default(),
            ShippingRule::FirstLine => fact(Field::ShippingFee)
                .map(|f| f.value)
                .unwrap_or_default(),
        };
        let mut lines = Vec::new();
        let mut line_rows = Vec::new();
        for l in &o.lines {
            let unit_price = self.unit_price(l, currency);
            lines.push(OrderLineDraft {
                product_id: None,
                sku: l.sku.clone(),
                description: l.description.clone(),
                quantity: l
                    .quantity
                    .map_or_else(|| l.quantity_raw.clone(), |q| q.normalize().to_string()),
                unit_price,
                discount: l
                    .discount
                    .filter(|d| !d.is_zero())
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default(),
            });
            line_rows.push(l.row);
        }
        // The order's discount is its total: what the lines carry already is not taken twice.
        let line_discounts: Decimal = o.lines.iter().filter_map(|l| l.discount).sum();
        let order_discount = fact(Field::OrderDiscount)
            .and_then(|f| f.value.parse::<Decimal>().ok())
            .map(|d| d - line_discounts)
            .filter(|d| *d > Decimal::ZERO)
            .map(|d| d.normalize().to_string())
            .unwrap_or_default();
        self.note_refunds_and_returns(&o);
        let draft = OrderDraft {
            marketplace: self.profile.marketplace.clone(),
            order_no: o.order_no.clone(),
            buyer_id: None,
            order_date,
            currency: currency.map(|c| c.code().to_string()).unwrap_or_default(),
            shipping_fee: shipping,
            incoterm,
            destination_country: destination,
            lines,
            order_discount,
            shipping_separate: self.profile.shipping_separate,
        };
        let order = match draft.validate(0) {
            Ok(order) => Some(order),
            Err(found) => {
                for p in found.0 {
                    self.place_validation_problem(&o, &line_rows, first_row, p);
                }
                None
            }
        };
        let buyer = self.buyer(&o, &draft, first_row);
        Finished::Planned(Box::new(PlannedOrder {
            marketplace: draft.marketplace.clone(),
            order_no: o.order_no.clone(),
            buyer,
            rows: o.rows.clone(),
            line_rows,
            order,
            draft,
            status: o.status.clone(),
        }))
    }

    /// Rupiah and dong amounts are written with `.` between thousands (`150.000`); read with a
    /// decimal point they would be a thousand times too small. A value whose dots all sit before
    /// groups of three digits is read as whole units, with a warning.
    fn dots_as_thousands(&mut self, o: &mut OrderBuilder) {
        fn grouped(raw: &str) -> Option<Decimal> {
            let t = raw.trim();
            let mut parts = t.split('.');
            let head = parts.next()?;
            let rest: Vec<&str> = parts.collect();
            let ok = !rest.is_empty()
                && (1..=3).contains(&head.len())
                && head.chars().all(|c| c.is_ascii_digit())
                && rest
                    .iter()
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
            ok.then(|| t.replace('.', "").parse().ok()).flatten()
        }
        let mut changed = None;
        for l in &mut o.lines {
            // `1.250.000` was reported as a decimal comma while the currency was not known yet.
            let row = l.row;
            if grouped(&l.unit_raw).is_some() || grouped(&l.amount_raw).is_some() {
                self.problems
                    .retain(|p| !(p.row == row && p.problem.code == "amount.decimal_comma"));
            }
            if let Some(v) = grouped(&l.unit_raw) {
                l.unit_price = Some(v);
                changed.get_or_insert((l.row, l.unit_raw.clone()));
            }
            if let Some(v) = grouped(&l.amount_raw) {
                l.amount = Some(v);
                changed.get_or_insert((l.row, l.amount_raw.clone()));
            }
        }
        if let Some((row, raw)) = changed {
            let no = o.order_no.clone();
            self.warn(row, None, &raw, Problem::new(
                "import.thousands_dots",
                format!("주문 {no}의 금액 '{raw}'의 점(.)을 천 단위 구분으로 읽었습니다 (루피아·동 금액). 소수점이라면 프로필의 소수점 형식을 바꾸세요."),
                format!("The dots in order {no}'s amount '{raw}' were read as thousands separators (rupiah and dong amounts). If they are decimal points, change the profile's decimal style."),
            ));
        }
    }

    /// Leave the whole order out when the file says it was cancelled, refunded or not paid, or
    /// drop the lines that were (with a warning) when others stand.
    fn leave_out_by_status(&mut self, o: &mut OrderBuilder) -> Option<SkippedOrder> {
        let skip = |kind: StatusKind, status: &str| SkippedOrder {
            order_no: o.order_no.clone(),
            rows: o.rows.clone(),
            kind,
            status: status.to_string(),
        };
        if let Some(c) = o.facts.get(&Field::Cancelled) {
            // The status and when (or why) it was cancelled, as the file writes them.
            let when = match self.header(c.col) {
                Some(h) => format!("{h}: {}", c.raw),
                None => c.raw.clone(),
            };
            let status = match &o.status {
                Some(s) => format!("{s} / {when}"),
                None => when,
            };
            return Some(skip(StatusKind::Cancelled, &status));
        }
        let order_status = o.status.clone();
        let order_kind = order_status.as_deref().and_then(classify);
        if o.lines.is_empty() {
            return order_kind
                .filter(|k| k.leaves_out())
                .map(|k| skip(k, order_status.as_deref().unwrap_or_default()));
        }
        let of_line = |l: &LineBuilder| {
            l.status
                .as_deref()
                .and_then(classify)
                .map(|k| (k, l.status.clone().unwrap_or_default()))
                .or_else(|| order_kind.map(|k| (k, order_status.clone().unwrap_or_default())))
        };
        let gone: Vec<(u32, StatusKind, String)> = o
            .lines
            .iter()
            .filter_map(|l| {
                of_line(l)
                    .filter(|(k, _)| k.leaves_out())
                    .map(|(k, s)| (l.row, k, s))
            })
            .collect();
        if gone.is_empty() {
            return None;
        }
        if gone.len() == o.lines.len() {
            let (_, kind, status) = &gone[0];
            return Some(skip(*kind, status));
        }
        let col = self
            .resolved
            .column(Field::Status)
            .and_then(|c| c.indices.first().copied());
        for (row, kind, status) in &gone {
            let no = o.order_no.clone();
            self.warn(*row, col, status, Problem::new(
                "import.line_left_out",
                format!("주문 {no}의 이 품목은 '{status}'({}) 상태라 가져오지 않았습니다. 주문의 나머지 품목만 가져옵니다.", kind.label_ko()),
                format!("This line of order {no} is '{status}' ({}) and was left out; the order's other lines are imported.", kind.label_en()),
            ));
        }
        let rows: HashSet<u32> = gone.iter().map(|g| g.0).collect();
        o.lines.retain(|l| !rows.contains(&l.row));
        None
    }

    /// Warn about a partial refund and about units that came back, which the seller has to look at.
    fn note_refunds_and_returns(&mut self, o: &OrderBuilder) {
        let no = o.order_no.clone();
        let partly = o
            .status
            .as_deref()
            .and_then(classify)
            .is_some_and(|k| k == StatusKind::PartlyRefunded);
        let refunded = o
            .facts
            .get(&Field::Refunded)
            .filter(|f| f.value.parse::<Decimal>().is_ok_and(|d| !d.is_zero()))
            .cloned();
        if partly || refunded.is_some() {
            let (row, col, raw) = refunded.as_ref().map_or_else(
                || {
                    (
                        o.rows.first().copied().unwrap_or(0),
                        None,
                        o.status.clone().unwrap_or_default(),
                    )
                },
                |f| (f.row, f.col, f.raw.clone()),
            );
            let what = refunded
                .as_ref()
                .map(|f| f.value.clone())
                .unwrap_or_else(|| o.status.clone().unwrap_or_default());
            self.warn(row, col, &raw, Problem::new(
                "import.partly_refunded",
                format!("주문 {no}은(는) 일부 환불되었습니다({what}). 가져온 금액은 환불 전 그대로입니다. 보내지 않은 물품의 환불이면 신고 전에 주문의 수량이나 금액을 고치세요."),
                format!("Order {no} was partly refunded ({what}). The amounts are imported as before the refund; if the refund was for goods not sent, correct the order's quantities or prices before declaring."),
            ).with("order_no", no.clone()));
        }
        for l in &o.lines {
            if let Some((q, col, raw)) = &l.returned {
                let q = q.normalize();
                self.warn(l.row, *col, raw, Problem::new(
                    "import.returned_quantity",
                    format!("주문 {no}의 이 품목은 {q}개가 반품되었다고 파일에 적혀 있습니다. 물건이 돌아오면 반품을 기록해 재수입면세를 확인하세요."),
                    format!("The file says {q} of this line of order {no} came back. When the goods are back, record the return to check duty-free re-import."),
                ).with("order_no", no.clone()));
            }
        }
    }

    fn order_currency(
        &mut self,
        o: &OrderBuilder,
        first_row: u32,
        assumed: &mut Option<(Currency, u32)>,
    ) -> Option<Currency> {
        let column = o
            .facts
            .get(&Field::Currency)
            .and_then(|f| Currency::parse(&f.value).ok());
        if let (Some(c), Some((s, fact))) = (column, &o.symbol) {
            if c != *s {
                let (row, col, raw) = (fact.row, fact.col, fact.raw.clone());
                self.problem(row, Field::Currency, col, &raw, Problem::new(
                    "import.conflict",
                    format!("금액 '{raw}'의 통화 기호는 {}인데 주문의 통화 열은 {}입니다. 둘 중 틀린 쪽을 고치세요.", s.code(), c.code()),
                    format!("The amount '{raw}' is in {} but the order's currency column says {}. Correct the wrong one.", s.code(), c.code()),
                ));
            }
        }
        let found = column
            .or_else(|| o.symbol.as_ref().map(|s| s.0))
            .or(self.resolved.currency_hint)
            .or_else(|| {
                self.profile
                    .default_currency
                    .as_deref()
                    .and_then(|c| Currency::parse(c).ok())
            });
        if found.is_some() {
            return found;
        }
        if let Some((c, fact)) = &o.ambiguous_symbol {
            if assumed.is_none() {
                *assumed = Some((*c, fact.row));
            }
            return Some(*c);
        }
        if o.rows
            .iter()
            .any(|r| self.reported.contains(&(*r, Field::Currency)))
        {
            return None;
        }
        let col = self
            .resolved
            .column(Field::Currency)
            .and_then(|c| c.indices.first().copied());
        self.problem(first_row, Field::Currency, col, "", Problem::new(
            "currency.missing",
            format!("주문 {}의 통화를 알 수 없습니다. 통화 열에 USD처럼 적거나, 프로필에서 기본 통화를 정하세요.", o.order_no),
            format!("The currency of order {} is unknown. Enter it in a currency column (e.g. USD) or set the profile's default currency.", o.order_no),
        ).at("currency"));
        None
    }

    /// The unit price of a line: from the unit price, or from the line amount and the quantity.
    fn unit_price(&mut self, l: &LineBuilder, currency: Option<Currency>) -> String {
        let round = |d: Decimal| currency.map_or(d, |c| c.round(d));
        match (l.unit_price, l.amount, l.quantity) {
            (Some(u), Some(a), Some(q)) if !q.is_zero() && round(u * q) != round(a) => {
                let unit = unit_from_amount(a, q, currency);
                let col = self
                    .resolved
                    .column(Field::LineAmount)
                    .and_then(|c| c.indices.first().copied());
                self.warn(l.row, col, &l.amount_raw, Problem::new(
                    "import.line_amount_differs",
                    format!("품목 금액 {}이(가) 수량 {} × 단가 {}와 다릅니다 (할인 등). 구매자가 낸 품목 금액을 기준으로 단가를 {}(으)로 계산했습니다.", l.amount_raw, l.quantity_raw, l.unit_raw, unit),
                    format!("The line amount {} differs from quantity {} × unit price {} (a discount?). The unit price was worked out from the line amount the buyer paid: {}.", l.amount_raw, l.quantity_raw, l.unit_raw, unit),
                ));
                unit
            }
            (Some(u), _, _) => u.to_string(),
            (None, Some(a), Some(q)) if !q.is_zero() => unit_from_amount(a, q, currency),
            (None, Some(_), _) => l.amount_raw.clone(),
            (None, None, _) => l.unit_raw.clone(),
        }
    }

    fn buyer(
        &mut self,
        o: &OrderBuilder,
        draft: &OrderDraft,
        first_row: u32,
    ) -> Option<BuyerDraft> {
        let fact = |f: Field| o.facts.get(&f).cloned();
        let name = fact(Field::BuyerName)?;
        let buyer = BuyerDraft {
            name: name.value.clone(),
            country: fact(Field::BuyerCountry)
                .map(|f| f.value)
                .unwrap_or_else(|| draft.destination_country.clone()),
            address: fact(Field::BuyerAddress)
                .map(|f| f.value)
                .unwrap_or_default(),
            email: fact(Field::BuyerEmail).map(|f| f.value).unwrap_or_default(),
            phone: fact(Field::BuyerPhone).map(|f| f.value).unwrap_or_default(),
        };
        if let Err(found) = buyer.validate(0) {
            for p in found.0 {
                let field = match p.field.as_deref() {
                    Some("name") => Field::BuyerName,
                    Some("email") => Field::BuyerEmail,
                    Some("phone") => Field::BuyerPhone,
                    Some("address") => Field::BuyerAddress,
                    _ => Field::BuyerCountry,
                };
                let f = fact(field).or_else(|| {
                    (field == Field::BuyerCountry)
                        .then(|| fact(Field::DestinationCountry))
                        .flatten()
                });
                let (row, col, raw) =
                    f.map_or((first_row, None, String::new()), |f| (f.row, f.col, f.raw));
                // A missing country is already reported on the order.
                if self.reported.contains(&(row, field))
                    || (field == Field::BuyerCountry && draft.destination_country.is_empty())
                {
                    continue;
                }
                self.problem(row, field, col, &raw, p);
            }
        }
        Some(buyer)
    }

    /// Give a validation problem the row and column it came from.
    fn place_validation_problem(
        &mut self,
        o: &OrderBuilder,
        line_rows: &[u32],
        first_row: u32,
        p: Problem,
    ) {
        let path = p.field.clone().unwrap_or_default();
        let (row, field, value) = if let Some(rest) = path.strip_prefix("lines[") {
            let (index, name) = rest
                .split_once("].")
                .unwrap_or((rest.trim_end_matches(']'), ""));
            let i: usize = index.parse().unwrap_or(0);
            let l = o.lines.get(i);
            let row = line_rows.get(i).copied().unwrap_or(first_row);
            let (field, value) = match name {
                "quantity" => (Field::Quantity, l.map(|l| l.quantity_raw.clone())),
                "unit_price"
                    if l.is_some_and(|l| l.unit_raw.is_empty() && !l.amount_raw.is_empty()) =>
                {
                    (Field::LineAmount, l.map(|l| l.amount_raw.clone()))
                }
                "unit_price" => (Field::UnitPrice, l.map(|l| l.unit_raw.clone())),
                "description" => (Field::Description, l.map(|l| l.description.clone())),
                "discount" => (
                    Field::LineDiscount,
                    l.and_then(|l| l.discount).map(|d| d.to_string()),
                ),
                _ => (Field::Sku, l.map(|l| l.sku.clone())),
            };
            (row, field, value.unwrap_or_default())
        } else {
            let field = match path.as_str() {
                "order_date" => Field::OrderDate,
                "currency" => Field::Currency,
                "shipping_fee" => Field::ShippingFee,
                "incoterm" => Field::Incoterm,
                "destination_country" => Field::DestinationCountry,
                "order_discount" => Field::OrderDiscount,
                _ => Field::OrderNo,
            };
            let f = o.facts.get(&field).or_else(|| {
                (field == Field::DestinationCountry)
                    .then(|| o.facts.get(&Field::BuyerCountry))
                    .flatten()
            });
            match f {
                Some(f) => (f.row, field, f.raw.clone()),
                None if field == Field::ShippingFee => {
                    let s = o.shipping_sum.as_ref().map(|s| (s.1.row, s.1.raw.clone()));
                    let (row, raw) = s.unwrap_or((first_row, String::new()));
                    (row, field, raw)
                }
                None if field == Field::OrderNo => (first_row, field, o.order_no.clone()),
                None => (first_row, field, String::new()),
            }
        };
        if self.reported.contains(&(row, field))
            || o.rows
                .iter()
                .any(|r| self.reported.contains(&(*r, field)) && field.is_order_level())
        {
            return;
        }
        let col = self
            .resolved
            .column(field)
            .and_then(|c| c.indices.first().copied());
        let mut p = p;
        if col.is_none() && field.is_order_level() && field != Field::OrderNo {
            p.message_ko.push_str(&format!(
                " (이 파일에는 {} 열이 없습니다: 프로필에서 기본값을 정하거나 열을 연결하세요.)",
                field.label_ko()
            ));
            p.message_en.push_str(&format!(
                " (The file has no {} column: set a default in the profile or map a column.)",
                field.label_en()
            ));
        }
        self.problem(row, field, col, &value, p);
    }
}

fn note_symbol(
    order: &mut OrderBuilder,
    m: &crate::values::Money,
    row: u32,
    col: Option<usize>,
    raw: &str,
) {
    let Some(c) = m.currency else { return };
    let fact = Fact {
        row,
        col,
        raw: raw.to_string(),
        value: c.code().to_string(),
    };
    if m.ambiguous {
        order.ambiguous_symbol.get_or_insert((c, fact));
    } else {
        order.symbol.get_or_insert((c, fact));
    }
}

/// Unit price from a line total: exact when it divides evenly, else to ten places (enough that
/// quantity × unit price rounds back to the line amount).
fn unit_from_amount(amount: Decimal, quantity: Decimal, currency: Option<Currency>) -> String {
    let Some(exact) = amount.checked_div(quantity) else {
        return amount.to_string();
    };
    let short = exact.round_dp(10);
    let back = |u: Decimal| currency.map_or(u * quantity, |c| c.round(u * quantity));
    let unit = if back(short) == back(exact) {
        short
    } else {
        exact
    };
    unit.normalize().to_string()
}

/// Whether a value deserves a warning that it looks like a formula: `=…` and `@…` always, `+…`
/// and `-…` only with letters or brackets (`-cmd|…`, `+SUM(…)`), so phone numbers such as
/// `+1 503-555-0148` pass quietly. Exports escape all of them regardless ([`escape_cell`]).
fn looks_like_formula(v: &str) -> bool {
    is_formula_like(v)
        && (v.starts_with(['=', '@', '\t', '\r'])
            || v.chars()
                .any(|c| c.is_alphabetic() || matches!(c, '(' | ')' | '!' | '|')))
}

/// `1.23457E+15`: what Excel makes of a long number.
fn is_scientific(v: &str) -> bool {
    let Some((mantissa, exp)) = v.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
}

/// A problem placed in the file, with the row and column written into its messages.
fn locate(row: u32, column: Option<String>, value: &str, mut problem: Problem) -> RowProblem {
    let (ko, en) = match &column {
        Some(c) => (
            format!("{row}행 '{c}' 열: "),
            format!("Row {row}, column '{c}': "),
        ),
        None => (format!("{row}행: "), format!("Row {row}: ")),
    };
    problem.message_ko.insert_str(0, &ko);
    problem.message_en.insert_str(0, &en);
    problem.params.insert("row".to_string(), row.to_string());
    if let Some(c) = &column {
        problem.params.insert("column".to_string(), c.clone());
    }
    RowProblem {
        row,
        column,
        value: value.to_string(),
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_csv_escapes_formulas_and_keeps_korean() {
        let p = RowProblem {
            row: 4,
            column: Some("Lineitem name".into()),
            value: r#"=HYPERLINK("http://x","y")"#.into(),
            problem: Problem::new("x", "수량을 고치세요", "Fix the quantity"),
        };
        let csv = problems_csv(&[p]);
        let text = String::from_utf8(csv).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(
            text.contains(r#""'=HYPERLINK(""http://x"",""y"")""#),
            "{text}"
        );
        assert!(text.contains("수량을 고치세요"));
        assert!(!text.contains(",=HYPERLINK"));
    }

    #[test]
    fn unit_prices_from_line_totals() {
        let usd = Currency::parse("USD").ok();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(unit_from_amount(d("30.00"), d("3"), usd), "10");
        assert_eq!(unit_from_amount(d("10.00"), d("3"), usd), "3.3333333333");
        assert!(is_scientific("1.23457E+15") && is_scientific("2E10"));
        assert!(
            !is_scientific("#1001")
                && !is_scientific("E10")
                && !is_scientific("113-4567890-1234567")
        );
    }
}

//! ExportDesk's order import: marketplace order files in, a validated import plan out.
//!
//! Small exporters live in their marketplace's order export and in Excel. This crate reads those
//! files — pure: bytes in, typed result out; no database, no clock, no UI — and says exactly what
//! an import would do and what stops it. The app, the CLI and the UI decide what to do with it.
//!
//! ```text
//! bytes ─► encoding::decode ─► table::read_table ─► profile (given, or detect_profile)
//!        ─► plan::plan_table ─► ImportPlan { orders, row_problems, warnings, skus, … }
//! ```
//!
//! - [`parse`] / [`parse_with`] run the whole pipeline; [`parse_with`] reports progress and
//!   can be cancelled (a cancelled parse returns [`ImportError::Cancelled`] and has nothing to
//!   undo, because nothing was written anywhere).
//! - When no built-in profile fits the file (or the chosen profile's columns are missing), the
//!   result is [`ImportError::NeedsMapping`] with everything a column-mapping screen needs: the
//!   headers, a preview of the first rows, and [`MappingSuggestion`]s from the header names. The
//!   user's mapping becomes a [`Profile`] ([`Profile::custom`]) for the next call.
//! - **One file is one transaction.** The plan lists every order and every row problem; the
//!   caller commits all orders only when [`ImportPlan::is_clean`]. Nothing is dropped silently.
//! - Problems are the workspace's one error shape, [`exportdesk_rules::Problem`], placed in the
//!   file as [`RowProblem`]s (row, column, value) and savable as CSV with [`problems_csv`].
//! - Nothing read from a file is ever evaluated; everything written back goes through
//!   [`formula::escape_cell`].
//!
//! The module documentation of each step explains its decisions; `PROFILES.md` beside this
//! crate says where each built-in profile's column layout comes from and how sure it is.

#![warn(missing_docs)]
pub mod bom;
pub mod encoding;
pub mod formula;
pub mod plan;
pub mod profile;
pub mod status;
pub mod table;
pub mod values;

pub use encoding::Encoding;
pub use formula::{escape_cell, is_formula_like};
pub use plan::{problems_csv, ImportPlan, PlannedOrder, RowProblem, SkippedOrder};
pub use profile::{
    builtin_profile, builtin_profiles, detect_profile, suggest_mapping, ColumnMap, DateOrder,
    DecimalStyle, Field, MappingSuggestion, Missing, Profile, ShippingRule,
};
pub use status::StatusKind;
pub use table::{read_table, Delimiter, FileFormat, ReadOptions, Table, TableRow};

use exportdesk_rules::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::atomic::AtomicBool;
use ts_rs::TS;

/// Korea's offset from UTC, in minutes: timestamps with a zone become dates in Korea.
pub const KOREA_UTC_OFFSET_MINUTES: i32 = 9 * 60;

/// How to parse a file. Everything not given is detected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ParseOptions {
    /// Read the file with this profile instead of detecting one.
    pub profile: Option<Profile>,
    /// Read delimited text with this encoding instead of detecting it.
    pub encoding: Option<Encoding>,
    /// The workbook sheet to read; the first sheet when `None`.
    pub sheet: Option<String>,
    /// Timestamps that carry a zone are converted to the date at this offset from UTC
    /// (default: Korea, +540 minutes).
    pub utc_offset_minutes: i32,
    /// The currency of orders the file names none for (Shopee amounts without a currency in
    /// their headers): asked once on the summary instead of per order.
    pub currency: Option<String>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            profile: None,
            encoding: None,
            sheet: None,
            utc_offset_minutes: KOREA_UTC_OFFSET_MINUTES,
            currency: None,
        }
    }
}

/// A row for the preview of the column-mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewRow {
    /// 1-based file row.
    pub row: u32,
    /// The row's cells, as many as the header has (or more).
    pub cells: Vec<String>,
}

/// Everything a column-mapping screen needs when no profile fits a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappingRequest {
    /// The text encoding, for delimited text.
    pub encoding: Option<Encoding>,
    /// What kind of file it is.
    pub format: FileFormat,
    /// Row number of the header row.
    pub header_row: u32,
    /// The header names, as in the file.
    pub headers: Vec<String>,
    /// The first rows under the header.
    pub preview: Vec<PreviewRow>,
    /// A column for each field the header names suggest.
    pub suggestions: Vec<MappingSuggestion>,
    /// The profile that was asked for and does not fit, if one was.
    pub profile: Option<String>,
    /// What the asked-for profile lacks, or the essential fields no header suggests.
    pub missing: Missing,
    /// Why the mapping screen is needed, to show above it.
    pub problem: Problem,
}

/// Why a file produced no import plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    /// The file cannot be read as an order file at all (empty, unknown encoding, not a table).
    Unreadable {
        /// What is wrong with the file and how to get a readable one.
        problem: Problem,
    },
    /// The file is a table, but which column is which must be chosen.
    NeedsMapping {
        /// What the column-mapping screen shows.
        request: Box<MappingRequest>,
    },
    /// The caller cancelled; nothing was done.
    Cancelled,
}

impl ImportError {
    pub(crate) fn unreadable(problem: Problem) -> ImportError {
        ImportError::Unreadable { problem }
    }

    /// The problem to show for this error.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ImportError::Unreadable { problem } => Some(problem),
            ImportError::NeedsMapping { request } => Some(&request.problem),
            ImportError::Cancelled => None,
        }
    }

    /// The error as a problem (a cancel included), for callers that only show problems.
    pub fn to_problem(&self) -> Problem {
        self.problem().cloned().unwrap_or_else(|| {
            Problem::new(
                "import.cancelled",
                "가져오기를 취소했습니다. 아무것도 바뀌지 않았습니다.",
                "The import was cancelled. Nothing was changed.",
            )
        })
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_problem())
    }
}

impl std::error::Error for ImportError {}

/// Parse an order file into an import plan (see [`parse_with`]).
pub fn parse(bytes: &[u8], opts: &ParseOptions) -> Result<ImportPlan, ImportError> {
    parse_with(bytes, opts, &mut |_, _| {}, &AtomicBool::new(false))
}

/// Parse an order file into an import plan, reporting progress and honouring a cancel flag.
///
/// `progress(rows_done, rows_total)` is called as data rows are turned into orders (at the start,
/// every thousand rows, and at the end); `rows_total` is the number of data rows. `cancel` is
/// checked while the file is read and while rows are planned; once it is set the call returns
/// [`ImportError::Cancelled`] promptly.
pub fn parse_with(
    bytes: &[u8],
    opts: &ParseOptions,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<ImportPlan, ImportError> {
    let read = ReadOptions {
        encoding: opts.encoding,
        sheet: opts.sheet.clone(),
    };
    let table = read_table(bytes, &read, cancel)?;
    if opts.profile.is_none() {
        if let Some(problem) = profile::wrong_report(&table.headers) {
            return Err(ImportError::unreadable(problem));
        }
    }
    let (profile, resolved) = match &opts.profile {
        Some(p) => match p.resolve(&table.headers) {
            Ok(r) => (p.clone(), r),
            Err(missing) => {
                let problem = columns_missing(p, &missing);
                return Err(needs_mapping(&table, Some(p), missing, problem));
            }
        },
        None => match detect_profile(&table.headers) {
            Some(p) => {
                let r = p
                    .resolve(&table.headers)
                    .map_err(|m| needs_mapping(&table, Some(&p), m, unknown_file()))?;
                // A download template without any date column (Cafe24 lets the seller pick the
                // columns) would fail every order: ask for the column on the mapping screen.
                if r.column(Field::OrderDate).is_none() {
                    let missing = Missing {
                        fields: vec![Field::OrderDate],
                        headers: Vec::new(),
                    };
                    let problem = Problem::new(
                        "import.date_column_missing",
                        format!("'{}' 형식의 파일이지만 주문일 열이 없습니다. 미리보기에서 주문일(또는 결제일) 열을 골라 주세요. 다음에 내려받을 때 주문일시 열을 넣으면 바로 가져올 수 있습니다.", p.title),
                        format!("This is a '{}' file without an order date column. Choose the order (or payment) date column from the preview. Include the order date column in your next download to import it directly.", p.title),
                    )
                    .with("profile", &p.name);
                    return Err(needs_mapping(&table, Some(&p), missing, problem));
                }
                (p, r)
            }
            None => {
                if let Some((near, missing)) = profile::nearest_profile(&table.headers) {
                    let problem = columns_missing(&near, &missing);
                    return Err(needs_mapping(&table, Some(&near), missing, problem));
                }
                let suggestions = suggest_mapping(&table.headers);
                let fields = [
                    Field::OrderNo,
                    Field::OrderDate,
                    Field::Currency,
                    Field::Description,
                    Field::Quantity,
                    Field::UnitPrice,
                    Field::DestinationCountry,
                ]
                .into_iter()
                .filter(|f| {
                    let alternatives: &[Field] = match f {
                        Field::Description => &[Field::Sku, Field::Description],
                        Field::UnitPrice => &[Field::UnitPrice, Field::LineAmount],
                        other => std::slice::from_ref(other),
                    };
                    !suggestions.iter().any(|s| alternatives.contains(&s.field))
                })
                .collect();
                let missing = Missing {
                    fields,
                    headers: Vec::new(),
                };
                return Err(needs_mapping_with(
                    &table,
                    None,
                    missing,
                    unknown_file(),
                    Some(suggestions),
                ));
            }
        },
    };
    let mut profile = profile;
    if let Some(c) = opts
        .currency
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let code = exportdesk_rules::money::Currency::parse(c)
            .map_err(|p| ImportError::unreadable(p.at("currency")))?;
        profile.default_currency = Some(code.code().to_string());
    }
    plan::plan_table(
        &table,
        &profile,
        &resolved,
        opts.utc_offset_minutes,
        progress,
        cancel,
    )
}

fn columns_missing(p: &Profile, missing: &Missing) -> Problem {
    let list = missing.headers.join(", ");
    Problem::new(
        "import.columns_missing",
        format!("'{}' 형식의 파일로 보이지만 필요한 열이 없습니다: {list}. 마켓에서 모든 열을 포함해 다시 내려받거나, 열을 직접 연결하세요.", p.title),
        format!("This looks like a '{}' file, but it lacks columns that are needed: {list}. Download it again with all columns, or map the columns yourself.", p.title),
    )
    .with("profile", &p.name)
    .with("missing", list)
}

fn unknown_file() -> Problem {
    Problem::new(
        "import.profile_unknown",
        "어느 마켓의 주문 파일인지 알아보지 못했습니다. 미리보기를 보고 주문번호, 수량, 단가 등 각 항목에 맞는 열을 골라 주세요.",
        "The file does not match a known marketplace export. Look at the preview and choose the column for each field (order number, quantity, unit price, …).",
    )
}

fn needs_mapping(
    table: &Table,
    profile: Option<&Profile>,
    missing: Missing,
    problem: Problem,
) -> ImportError {
    needs_mapping_with(table, profile, missing, problem, None)
}

/// [`needs_mapping`] with the suggestions already computed for the headers, when they are.
fn needs_mapping_with(
    table: &Table,
    profile: Option<&Profile>,
    missing: Missing,
    problem: Problem,
    suggestions: Option<Vec<MappingSuggestion>>,
) -> ImportError {
    let preview = table
        .rows
        .iter()
        .take(5)
        .map(|r| PreviewRow {
            row: r.row,
            cells: (0..table.headers.len().max(r.len()))
                .map(|i| r.cell(i).to_string())
                .collect(),
        })
        .collect();
    ImportError::NeedsMapping {
        request: Box::new(MappingRequest {
            encoding: table.encoding,
            format: table.format.clone(),
            header_row: table.header_row,
            headers: table.headers.clone(),
            preview,
            suggestions: match (profile, suggestions) {
                (Some(p), _) => profile::suggest_mapping_for(p, &table.headers),
                (None, Some(s)) => s,
                (None, None) => suggest_mapping(&table.headers),
            },
            profile: profile.map(|p| p.name.clone()),
            missing,
            problem,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ts_rs::{Config, TS};

    /// The UI's TypeScript types are generated from these (see the app's `tests/bindings.rs`).
    #[test]
    fn typescript_declarations() {
        let cfg = Config::new().with_large_int("number");
        let decls = [
            ParseOptions::decl(&cfg),
            ImportPlan::decl(&cfg),
            PlannedOrder::decl(&cfg),
            RowProblem::decl(&cfg),
            ImportError::decl(&cfg),
            MappingRequest::decl(&cfg),
            PreviewRow::decl(&cfg),
            MappingSuggestion::decl(&cfg),
            Missing::decl(&cfg),
            Profile::decl(&cfg),
            ColumnMap::decl(&cfg),
            Field::decl(&cfg),
            DateOrder::decl(&cfg),
            DecimalStyle::decl(&cfg),
            ShippingRule::decl(&cfg),
            Encoding::decl(&cfg),
            FileFormat::decl(&cfg),
            Delimiter::decl(&cfg),
            ReadOptions::decl(&cfg),
        ];
        let all = decls.join("\n");
        if std::env::var("SHOW_TS").is_ok() {
            println!("{all}");
        }
        assert!(
            all.contains("type ImportError = { \"kind\": \"unreadable\""),
            "{all}"
        );
        assert!(all.contains("\"needs_mapping\""));
        assert!(all.contains("type Field = \"order_no\""));
        assert!(
            all.contains("type Encoding = \"utf8\" | \"utf8-bom\""),
            "{all}"
        );
    }
}

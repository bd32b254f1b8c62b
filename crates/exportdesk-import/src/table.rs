//! Reading a file into a table: a header row and data rows of text, each with its file row number.
//!
//! Decisions:
//! - **The content decides the format, not the file name.** A ZIP or OLE container is a
//!   workbook (XLSX, and the XLS/XLSB/ODS that calamine also reads); a web page saved as `.xls`
//!   (common with Korean shop software) is refused with a way out; anything else is delimited
//!   text.
//! - **The delimiter is sniffed** from the first lines: the one of comma, semicolon and tab that
//!   occurs most often (outside quotes) on a single line wins; Amazon's reports are tab-separated,
//!   European Excel writes semicolons.
//! - **Row numbers are the ones a spreadsheet shows.** Blank lines count (the spreadsheet shows
//!   them as empty rows) and a line break inside a quoted cell does not start a new row. A
//!   problem on "row 7" is on row 7 when the user opens the file in Excel.
//! - **Broken quotes never panic and never go unnoticed.** The `csv` crate is lenient: an
//!   unclosed quote silently swallows the rest of the file into one cell. Each record's raw text
//!   is checked: an odd number of quote characters, or a record that spans lines and has the wrong
//!   number of cells, becomes an `import.quote` row problem naming the row where it starts.
//! - **The header row is found, not assumed.** Some exports start with a blank line (eBay) or a
//!   title line; among the first ten non-empty rows the one whose cells look most like order
//!   columns is the header. Rows above it are skipped, and the summary says so.
//! - **Cells are trimmed text.** Workbook numbers are written without a trailing `.0`, date cells
//!   as `YYYY-MM-DD` (with the time when there is one), formulas are read as the value the
//!   workbook stored and never evaluated.
//! - **Rows are stored compactly** (one string per row plus cell offsets): a 50 MB export with 70
//!   columns would otherwise cost a gigabyte of small strings.

use crate::encoding::{decode, decode_as, Encoding};
use crate::plan::RowProblem;
use crate::profile::header_score;
use crate::ImportError;
use exportdesk_rules::Problem;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

/// The field separator of a delimited text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;`
    Semicolon,
    /// tab
    Tab,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// What kind of file was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileFormat {
    /// Delimited text (CSV, TSV, Amazon's `.txt` reports).
    Csv {
        /// The delimiter that was found.
        delimiter: Delimiter,
    },
    /// A workbook; `workbook` is `xlsx`, `xls`, `xlsb` or `ods`, `sheet` the sheet that was read.
    Spreadsheet {
        /// `xlsx`, `xls`, `xlsb` or `ods`.
        workbook: String,
        /// The sheet that was read.
        sheet: String,
    },
}

/// One data row: its row number in the file (1-based, as a spreadsheet shows it) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// 1-based row number in the file.
    pub row: u32,
    text: String,
    ends: Vec<u32>,
}

impl TableRow {
    /// A row from its cells (trimmed).
    pub fn new<'a>(row: u32, cells: impl IntoIterator<Item = &'a str>) -> TableRow {
        let mut r = TableRow {
            row,
            text: String::new(),
            ends: Vec::new(),
        };
        for c in cells {
            r.push(c);
        }
        r
    }

    fn from_record(row: u32, record: &csv::StringRecord) -> TableRow {
        let mut r = TableRow {
            row,
            text: String::with_capacity(record.as_slice().len()),
            ends: Vec::with_capacity(record.len()),
        };
        for c in record.iter() {
            r.push(c);
        }
        r
    }

    fn push(&mut self, cell: &str) {
        self.text.push_str(cell.trim());
        self.ends.push(self.text.len() as u32);
    }

    /// The cell at a column index, or `""` past the end of a short row.
    pub fn cell(&self, index: usize) -> &str {
        let Some(&end) = self.ends.get(index) else {
            return "";
        };
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.text[start as usize..end as usize]
    }

    /// Number of cells in the row as read.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// All cells of the row.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.cell(i))
    }

    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// A file read into header and rows. Build one with [`read_table`].
#[derive(Debug, Clone)]
pub struct Table {
    /// What kind of file it is.
    pub format: FileFormat,
    /// The text encoding, for delimited text; `None` for workbooks (they store Unicode).
    pub encoding: Option<Encoding>,
    /// Row number of the header row.
    pub header_row: u32,
    /// The header names, as in the file (trailing empty header cells dropped).
    pub headers: Vec<String>,
    /// The data rows under the header (blank rows left out).
    pub rows: Vec<TableRow>,
    /// Problems found while reading (broken quotes, extra cells), by row.
    pub problems: Vec<RowProblem>,
    /// Things worth telling that do not stop the import (rows skipped above the header).
    pub notes: Vec<RowProblem>,
}

/// How to read a file: force an encoding or pick a sheet. Everything else is detected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReadOptions {
    /// Read delimited text with this encoding instead of detecting it.
    pub encoding: Option<Encoding>,
    /// The workbook sheet to read; the first sheet when empty.
    pub sheet: Option<String>,
}

/// Read a CSV/TSV or workbook file into a [`Table`].
pub fn read_table(
    bytes: &[u8],
    opts: &ReadOptions,
    cancel: &AtomicBool,
) -> Result<Table, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) || bytes == b"\xEF\xBB\xBF" {
        return Err(ImportError::unreadable(empty_file()));
    }
    let raw = if is_workbook(bytes) {
        read_workbook(bytes, opts.sheet.as_deref())?
    } else {
        let (text, encoding) = match opts.encoding {
            Some(e) => (decode_as(bytes, e).map_err(ImportError::unreadable)?, e),
            None => decode(bytes).map_err(ImportError::unreadable)?,
        };
        if looks_like_html(&text) {
            return Err(ImportError::unreadable(html_file()));
        }
        read_delimited(&text, encoding, cancel)?
    };
    finish(raw)
}

struct RawTable {
    format: FileFormat,
    encoding: Option<Encoding>,
    rows: Vec<TableRow>,
    problems: Vec<RowProblem>,
    /// Records that span several lines with balanced quotes: fine unless their width is wrong.
    multiline: Vec<(u32, u64, String)>,
}

fn finish(raw: RawTable) -> Result<Table, ImportError> {
    let RawTable {
        format,
        encoding,
        rows,
        mut problems,
        multiline,
    } = raw;
    if rows.is_empty() {
        return Err(ImportError::unreadable(empty_file()));
    }
    let header_index = pick_header(&rows);
    let mut rows = rows;
    let data = rows.split_off(header_index + 1);
    let header = rows.pop().expect("header row exists");
    let mut notes = Vec::new();
    if let Some(first) = rows.first() {
        let last = rows.last().map_or(first.row, |r| r.row);
        notes.push(RowProblem::file_level(
            first.row,
            Problem::new(
                "import.rows_above_header",
                format!(
                    "{}~{}행은 제목 줄({}행) 위에 있어 읽지 않았습니다.",
                    first.row, last, header.row
                ),
                format!(
                    "Rows {}–{} are above the header row ({}) and were not read.",
                    first.row, last, header.row
                ),
            ),
        ));
    }
    let headers: Vec<String> = header
        .cells()
        .map(|c| c.trim_start_matches('\u{feff}').to_string())
        .collect();
    // Trailing empty header cells (Excel often leaves them) are not columns.
    let width = headers
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |i| i + 1);
    let headers: Vec<String> = headers.into_iter().take(width).collect();
    if data.is_empty() {
        return Err(ImportError::unreadable(Problem::new(
            "import.empty",
            format!("{}행의 제목 줄만 있고 주문 행이 없습니다. 주문이 들어 있는 파일을 고르세요.", header.row),
            format!("The file has only a header row (row {}) and no order rows. Choose a file that contains orders.", header.row),
        )));
    }
    for (row, last, value) in multiline {
        let wide = data
            .binary_search_by_key(&row, |r| r.row)
            .is_ok_and(|i| data[i].len() > width);
        if wide {
            problems.push(quote_problem(row, last, value));
        }
    }
    let quote_rows: Vec<u32> = problems.iter().map(|p| p.row).collect();
    for r in &data {
        if r.len() > width && !quote_rows.contains(&r.row) {
            let extra: Vec<&str> = (width..r.len())
                .map(|i| r.cell(i))
                .filter(|c| !c.is_empty())
                .collect();
            if !extra.is_empty() {
                problems.push(RowProblem {
                    row: r.row,
                    column: None,
                    value: extra.join(" | "),
                    problem: Problem::new(
                        "import.columns",
                        format!("{}행에 제목 줄보다 칸이 {}개 더 있습니다. 값 안의 쉼표나 구분 문자를 따옴표로 묶었는지 확인하세요.", r.row, r.len() - width),
                        format!("Row {} has {} more cells than the header. Check that values containing the delimiter are quoted.", r.row, r.len() - width),
                    )
                    .with("row", r.row),
                });
            }
        }
    }
    problems.sort_by_key(|p| p.row);
    Ok(Table {
        format,
        encoding,
        header_row: header.row,
        headers,
        rows: data,
        problems,
        notes,
    })
}

/// Among the first ten non-empty rows, the one that looks most like a header of order columns.
fn pick_header(rows: &[TableRow]) -> usize {
    let mut best = (0usize, 0usize);
    for (i, r) in rows.iter().take(10).enumerate() {
        let score = header_score(r.cells());
        if score > best.1 {
            best = (i, score);
        }
    }
    if best.1 >= 2 {
        best.0
    } else {
        0
    }
}

fn empty_file() -> Problem {
    Problem::new(
        "import.empty",
        "파일이 비어 있습니다. 마켓에서 주문을 다시 내려받아 그 파일을 고르세요.",
        "The file is empty. Download the orders from the marketplace again and choose that file.",
    )
}

fn html_file() -> Problem {
    Problem::new(
        "import.html",
        "이 파일은 엑셀 파일이 아니라 웹 페이지(HTML)를 .xls 이름으로 저장한 것입니다. Excel에서 열어 'Excel 통합 문서(.xlsx)'나 'CSV UTF-8'로 다시 저장한 뒤 가져오세요.",
        "This file is a web page (HTML) saved with an .xls name, not a workbook. Open it in Excel, save it as 'Excel Workbook (.xlsx)' or 'CSV UTF-8', and import that file.",
    )
}

fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start();
    if !text.starts_with('<') {
        return false;
    }
    // The first 2048 characters, lower-cased.
    let end = text.char_indices().nth(2048).map_or(text.len(), |(i, _)| i);
    let head = text[..end].to_ascii_lowercase();
    head.contains("<html") || head.contains("<table")
}

fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The delimiter that occurs most on any one of the first non-empty lines, outside quotes.
pub fn sniff_delimiter(text: &str) -> Delimiter {
    let mut best = (Delimiter::Comma, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(10) {
        let (mut comma, mut semi, mut tab, mut quoted) = (0usize, 0usize, 0usize, false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => comma += 1,
                ';' if !quoted => semi += 1,
                '\t' if !quoted => tab += 1,
                _ => {}
            }
        }
        for (d, n) in [
            (Delimiter::Tab, tab),
            (Delimiter::Comma, comma),
            (Delimiter::Semicolon, semi),
        ] {
            if n > best.1 {
                best = (d, n);
            }
        }
    }
    best.0
}

fn read_delimited(
    text: &str,
    encoding: Encoding,
    cancel: &AtomicBool,
) -> Result<RawTable, ImportError> {
    // Classic Mac files ("CSV (Macintosh)") end lines with a lone CR. The CSV reader ends
    // records there but counts only LF lines, so every row would be numbered alike; read such
    // line ends as LF.
    let normalised;
    let text = if has_lone_cr(text) {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let delimiter = sniff_delimiter(text);
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut multiline = Vec::new();
    let mut embedded_newlines: u64 = 0;
    loop {
        if rows.len() % 4096 == 0 && cancel.load(Ordering::Relaxed) {
            return Err(ImportError::Cancelled);
        }
        let start = reader.position().clone();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // Only I/O or UTF-8 errors are possible here, and the input is a `str`.
                problems.push(RowProblem::file_level(
                    start.line() as u32,
                    Problem::new(
                        "import.csv",
                        format!("{}번째 줄 근처를 읽을 수 없습니다: {e}", start.line()),
                        format!("The file cannot be read near line {}: {e}", start.line()),
                    ),
                ));
                break;
            }
        }
        let end = (reader.position().byte() as usize).min(bytes.len());
        let begin = (start.byte() as usize).min(end);
        let raw = &bytes[begin..end];
        // The reader skips blank lines but reports the position before them.
        let leading = raw
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .filter(|b| **b == b'\n')
            .count();
        let line = start.line() + leading as u64;
        let row = line.saturating_sub(embedded_newlines).min(u32::MAX as u64) as u32;
        let newlines_inside = record.as_slice().bytes().filter(|b| *b == b'\n').count() as u64;
        embedded_newlines += newlines_inside;
        let quotes = raw.iter().filter(|b| **b == b'"').count();
        let row_value = TableRow::from_record(row, &record);
        if row_value.is_blank() {
            continue;
        }
        let last = row as u64 + newlines_inside;
        if quotes % 2 == 1 {
            problems.push(quote_problem(row, last, preview(raw)));
        } else if newlines_inside > 0 {
            multiline.push((row, last, preview(raw)));
        }
        rows.push(row_value);
    }
    Ok(RawTable {
        format: FileFormat::Csv { delimiter },
        encoding: Some(encoding),
        rows,
        problems,
        multiline,
    })
}

/// Whether `text` has a CR that is not part of a CRLF line end.
fn has_lone_cr(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, c)| *c == b'\r' && b.get(i + 1) != Some(&b'\n'))
}

fn quote_problem(row: u32, last: u64, value: String) -> RowProblem {
    RowProblem {
        row,
        column: None,
        value,
        problem: Problem::new(
            "import.quote",
            format!("{row}행에서 연 따옴표(\")가 닫히지 않아 {row}~{last}행이 한 칸으로 읽혔습니다. 그 행의 따옴표를 닫거나 지운 뒤 다시 저장하세요."),
            format!("A quotation mark (\") opened on row {row} is not closed, so rows {row}–{last} were read as one cell. Close or remove that quote and save the file again."),
        )
        .with("row", row),
    }
}

fn preview(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let first_line = text
        .trim_start_matches(['\r', '\n'])
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    if first_line.chars().count() > 120 {
        first_line.chars().take(120).collect::<String>() + "…"
    } else {
        first_line
    }
}

fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<RawTable, ImportError> {
    // calamine parses untrusted ZIP/XML/OLE data; a panic in it must not take the app down.
    let result = std::panic::catch_unwind(|| read_workbook_inner(bytes, sheet));
    match result {
        Ok(r) => r,
        Err(_) => Err(ImportError::unreadable(workbook_problem(
            "the reader stopped on malformed data",
        ))),
    }
}

fn read_workbook_inner(bytes: &[u8], sheet: Option<&str>) -> Result<RawTable, ImportError> {
    use calamine::{open_workbook_auto_from_rs, Reader, Sheets};
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::unreadable(workbook_problem(&e.to_string())))?;
    let kind = match &book {
        Sheets::Xls(_) => "xls",
        Sheets::Xlsx(_) => "xlsx",
        Sheets::Xlsb(_) => "xlsb",
        Sheets::Ods(_) => "ods",
    };
    let names = book.sheet_names();
    let name = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                ImportError::unreadable(
                    Problem::new(
                        "import.sheet",
                        format!(
                            "'{wanted}' 시트가 없습니다. 이 파일의 시트: {}",
                            names.join(", ")
                        ),
                        format!(
                            "There is no sheet '{wanted}'. The sheets of this file: {}",
                            names.join(", ")
                        ),
                    )
                    .with("sheet", wanted),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| ImportError::unreadable(empty_file()))?,
    };
    let unreadable = |e: calamine::Error| ImportError::unreadable(workbook_problem(&e.to_string()));
    let rows = match &mut book {
        // XLSX and XLSB cells are read one by one: calamine's `worksheet_range` lays the sheet
        // out as one dense block from the first to the last cell, and a single cell with an
        // absurd reference (`<c r="BUYERE1">` is column 27 million) would allocate gigabytes.
        Sheets::Xlsx(x) => {
            let mut cells = Vec::new();
            match x.worksheet_cells_reader(&name) {
                Ok(mut reader) => {
                    while let Some(c) = reader
                        .next_cell()
                        .map_err(|e| unreadable(calamine::Error::Xlsx(e)))?
                    {
                        if !matches!(c.get_value(), calamine::DataRef::Empty) {
                            cells.push((c.get_position(), c.get_value().clone().into()));
                        }
                    }
                }
                // What `worksheet_range` does with a chart sheet: no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => {}
                Err(e) => return Err(unreadable(calamine::Error::Xlsx(e))),
            }
            sparse_rows(cells)?
        }
        Sheets::Xlsb(x) => {
            let mut cells = Vec::new();
            let mut reader = x
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(calamine::Error::Xlsb(e)))?;
            while let Some(c) = reader
                .next_cell()
                .map_err(|e| unreadable(calamine::Error::Xlsb(e)))?
            {
                if !matches!(c.get_value(), calamine::DataRef::Empty) {
                    cells.push((c.get_position(), c.get_value().clone().into()));
                }
            }
            sparse_rows(cells)?
        }
        // XLS and ODS sheets are laid out by calamine when the workbook is opened.
        Sheets::Xls(_) | Sheets::Ods(_) => {
            let range = book.worksheet_range(&name).map_err(unreadable)?;
            let first_row = range.start().map_or(0, |(r, _)| r);
            let mut rows = Vec::new();
            for (i, cells) in range.rows().enumerate() {
                let row = (first_row as u64 + i as u64 + 1).min(u32::MAX as u64) as u32;
                let texts: Vec<String> = cells.iter().map(cell_text).collect();
                let r = TableRow::new(row, texts.iter().map(String::as_str));
                if !r.is_blank() {
                    rows.push(r);
                }
            }
            rows
        }
    };
    Ok(RawTable {
        format: FileFormat::Spreadsheet {
            workbook: kind.to_string(),
            sheet: name,
        },
        encoding: None,
        rows,
        problems: Vec::new(),
        multiline: Vec::new(),
    })
}

/// Excel's widest sheet: columns A to XFD.
const MAX_COLUMNS: u32 = 16_384;

/// The non-blank rows of a sheet from its non-empty cells (`(row, column)` from 0), laid out as
/// calamine's `worksheet_range` would: every row spans the columns from the leftmost to the
/// rightmost cell of the sheet, and of two cells at one position the later wins. Only rows that
/// have cells are built, and a sheet wider than Excel's is refused (no spreadsheet writes one).
fn sparse_rows(mut cells: Vec<((u32, u32), calamine::Data)>) -> Result<Vec<TableRow>, ImportError> {
    let Some(first_col) = cells.iter().map(|((_, c), _)| *c).min() else {
        return Ok(Vec::new());
    };
    let last_col = cells
        .iter()
        .map(|((_, c), _)| *c)
        .max()
        .unwrap_or(first_col);
    if last_col - first_col >= MAX_COLUMNS {
        return Err(ImportError::unreadable(workbook_problem(&format!(
            "a row is wider than a worksheet can be ({MAX_COLUMNS} columns)"
        ))));
    }
    // Stable: cells at the same position keep their order, so the later one is written last.
    cells.sort_by_key(|(pos, _)| *pos);
    let mut texts = vec![String::new(); (last_col - first_col + 1) as usize];
    let mut rows = Vec::new();
    for row_cells in cells.chunk_by(|a, b| a.0 .0 == b.0 .0) {
        texts.iter_mut().for_each(String::clear);
        for ((_, col), value) in row_cells {
            texts[(col - first_col) as usize] = cell_text(value);
        }
        let row = (row_cells[0].0 .0 as u64 + 1).min(u32::MAX as u64) as u32;
        let r = TableRow::new(row, texts.iter().map(String::as_str));
        if !r.is_blank() {
            rows.push(r);
        }
    }
    Ok(rows)
}

fn workbook_problem(detail: &str) -> Problem {
    Problem::new(
        "import.workbook",
        format!("엑셀 파일을 열 수 없습니다 ({detail}). Excel에서 열어 'Excel 통합 문서(.xlsx)'로 다시 저장한 뒤 가져오세요."),
        format!("The workbook cannot be opened ({detail}). Open it in Excel, save it again as 'Excel Workbook (.xlsx)', and import that file."),
    )
    .with("detail", detail)
}

/// A workbook cell as the text the import reads.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                return dt.as_f64().to_string();
            }
            match dt.as_datetime() {
                Some(d) if d.time() == chrono::NaiveTime::MIN => d.format("%Y-%m-%d").to_string(),
                Some(d) => d.format("%Y-%m-%d %H:%M:%S").to_string(),
                None => dt.as_f64().to_string(),
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Table {
        read_table(
            text.as_bytes(),
            &ReadOptions::default(),
            &AtomicBool::new(false),
        )
        .unwrap()
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3"), Delimiter::Comma);
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3"), Delimiter::Semicolon);
        assert_eq!(
            sniff_delimiter("order-id\tsku\tname, with comma"),
            Delimiter::Tab
        );
        assert_eq!(sniff_delimiter("\n\"a,b\";c;d"), Delimiter::Semicolon);
        assert_eq!(sniff_delimiter("single"), Delimiter::Comma);
    }

    #[test]
    fn row_numbers_match_a_spreadsheet() {
        let t = read("\nOrder ID,Quantity,Price\n1,2,\"multi\nline\"\n\n2,1,3\n");
        assert_eq!(t.header_row, 2);
        assert_eq!(t.headers, ["Order ID", "Quantity", "Price"]);
        let rows: Vec<u32> = t.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, [3, 5]);
        assert_eq!(t.rows[0].cell(2), "multi\nline");
        assert_eq!(t.rows[1].cell(7), "");
        assert!(t.problems.is_empty());
    }

    #[test]
    fn broken_quote_is_a_row_problem() {
        let t = read("Order ID,Item,Quantity\n1,Mug,2\n2,\"Cup,1\n3,Plate,4\n");
        assert_eq!(t.problems.len(), 1);
        assert_eq!(t.problems[0].row, 3);
        assert_eq!(t.problems[0].problem.code, "import.quote");
        assert!(t.problems[0].problem.message_en.contains("row 3"));
    }

    #[test]
    fn title_lines_and_extra_cells() {
        let t = read("Orders November\nOrder ID,Quantity,Price\n1,2,3,oops\n2,1,1,\n");
        assert_eq!(t.header_row, 2);
        assert_eq!(t.notes[0].problem.code, "import.rows_above_header");
        assert_eq!(t.problems.len(), 1);
        assert_eq!(t.problems[0].problem.code, "import.columns");
        assert_eq!(t.problems[0].row, 3);
    }

    #[test]
    fn workbook_cells_are_laid_out_like_a_dense_range() {
        use calamine::Data;
        let text = |s: &str| Data::String(s.to_string());
        // Cells out of order, a blank row between, a duplicate position (the later wins), and
        // no cell in column A: rows span columns B to D, numbered as the spreadsheet shows them.
        let rows = sparse_rows(vec![
            ((3, 3), Data::Int(2)),
            ((0, 1), text("Order ID")),
            ((0, 3), text("Qty")),
            ((3, 1), text("A-1")),
            ((1, 2), text("  ")),
            ((3, 1), text("A-2")),
        ])
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].row, rows[0].len()), (1, 3));
        assert_eq!(rows[0].cells().collect::<Vec<_>>(), ["Order ID", "", "Qty"]);
        assert_eq!(rows[1].row, 4);
        assert_eq!(rows[1].cells().collect::<Vec<_>>(), ["A-2", "", "2"]);
        assert!(sparse_rows(Vec::new()).unwrap().is_empty());
        // A cell reference like `BUYERE1` (column 27 million) is refused, not laid out.
        let e = sparse_rows(vec![
            ((0, 0), text("Order ID")),
            ((0, 27_000_000), text("x")),
        ])
        .unwrap_err();
        assert_eq!(e.problem().unwrap().code, "import.workbook");
        assert!(sparse_rows(vec![
            ((0, 5), text("a")),
            ((0, 5 + MAX_COLUMNS - 1), text("b"))
        ])
        .is_ok_and(|rows| rows[0].len() == MAX_COLUMNS as usize));
    }

    #[test]
    fn empty_and_html_files() {
        let cancel = AtomicBool::new(false);
        for empty in [&b""[..], b"  \n\n", b"\xEF\xBB\xBF"] {
            let e = read_table(empty, &ReadOptions::default(), &cancel).unwrap_err();
            assert_eq!(e.problem().unwrap().code, "import.empty");
        }
        let e = read_table(b"Order ID,Qty\n", &ReadOptions::default(), &cancel).unwrap_err();
        assert_eq!(e.problem().unwrap().code, "import.empty");
        let e = read_table(
            b"<html><table><tr><td>1</td></tr></table>",
            &ReadOptions::default(),
            &cancel,
        )
        .unwrap_err();
        assert_eq!(e.problem().unwrap().code, "import.html");
        let e = read_table(b"PK\x03\x04garbage", &ReadOptions::default(), &cancel).unwrap_err();
        assert_eq!(e.problem().unwrap().code, "import.workbook");
    }
}

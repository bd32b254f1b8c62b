//! The layout kit: A4 pages with a title block, key/value blocks, tables that break across pages
//! with their header row repeated, notes, and a footer with the generation date and "page x / y".
//!
//! Besides the plain single-line [`Doc::table`], the kit has blocks for bilingual paperwork:
//! [`Doc::table_rows`] (cells that wrap over several lines, an English line under the Korean one,
//! badges, and a full-width detail line per row), [`Doc::glossed_fields`] (a two-column key/value
//! block with a Korean label and its English gloss), [`Doc::notice`] (a framed, tinted notice),
//! [`Doc::steps`] (a numbered list, Korean then English), [`Doc::stats`] (a row of counters) and
//! [`Doc::heading_tagged`] (a heading with a badge). A block that belongs together is never split
//! over two pages; a table row never is either.
//!
//! Positions are kept in millimetres from the top-left corner, the way people measure paper, and
//! converted to PDF points (from the bottom-left) only when an operation is emitted. Text is
//! measured with the font's own glyph widths so that columns never overflow: a cell that is too
//! long is shortened with "…".

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN_X: f32 = 15.0;
const MARGIN_TOP: f32 = 15.0;
const MARGIN_BOTTOM: f32 = 20.0;
const NAVY: (f32, f32, f32) = (0.09, 0.2, 0.37);
const GREY: (f32, f32, f32) = (0.4, 0.4, 0.45);
const BLACK: (f32, f32, f32) = (0.1, 0.1, 0.12);

struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("bundled NanumGothic parses")
        };
        Fonts {
            regular: parse(include_bytes!("../../../assets/fonts/NanumGothic.ttf")),
            bold: parse(include_bytes!("../../../assets/fonts/NanumGothicBold.ttf")),
        }
    })
}

/// Advance width of one character in em (cached: tables measure the same glyphs again and again).
/// A character the font has no glyph for counts as half an em.
fn advance(c: char, bold: bool) -> f32 {
    glyph_advance(c, bold).unwrap_or(0.5)
}

/// Advance width in em of the font's glyph for `c`, or `None` when the font has no glyph for it.
fn glyph_advance(c: char, bold: bool) -> Option<f32> {
    type Widths = HashMap<(char, bool), Option<f32>>;
    static CACHE: OnceLock<Mutex<Widths>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(w) = cache
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&(c, bold))
    {
        return *w;
    }
    let f = if bold {
        &fonts().bold
    } else {
        &fonts().regular
    };
    let em = f.font_metrics.units_per_em.max(1) as f32;
    let w = f
        .lookup_glyph_index(c as u32)
        .filter(|g| *g != 0)
        .and_then(|g| f.get_or_decode_glyph(g))
        .map(|g| g.horz_advance as f32 / em);
    cache
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert((c, bold), w);
    w
}

/// Whether the bundled font can draw `c` (spaces and line breaks always can).
pub fn has_glyph(c: char, bold: bool) -> bool {
    c.is_whitespace() || glyph_advance(c, bold).is_some()
}

/// Width of `text` in millimetres at `size` points.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let ems: f32 = text.chars().map(|c| advance(c, bold)).sum();
    ems * size * 25.4 / 72.0
}

/// Shorten `text` with "…" so that it fits `max_mm`.
pub fn fit(text: &str, size: f32, bold: bool, max_mm: f32) -> String {
    if text_width(text, size, bold) <= max_mm {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if text_width(&candidate, size, bold) <= max_mm {
            return candidate;
        }
    }
    String::new()
}

/// Split `text` into lines no wider than `max_mm` (at spaces where possible).
pub fn wrap(text: &str, size: f32, bold: bool, max_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size, bold) <= max_mm {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A single word longer than the line (common in Korean without spaces): break by char.
            let mut piece = String::new();
            for c in word.chars() {
                let next = format!("{piece}{c}");
                if text_width(&next, size, bold) > max_mm && !piece.is_empty() {
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                } else {
                    piece = next;
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// A table column: header in Korean and English, width in millimetres.
#[derive(Debug, Clone)]
pub struct Column {
    pub header_ko: String,
    pub header_en: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(header_ko: &str, header_en: &str, width: f32, align: Align) -> Column {
        Column {
            header_ko: header_ko.into(),
            header_en: header_en.into(),
            width,
            align,
        }
    }
}

const DARK: (f32, f32, f32) = (0.25, 0.27, 0.32);
const RULE: (f32, f32, f32) = (0.85, 0.86, 0.89);
const ZEBRA: (f32, f32, f32) = (0.965, 0.97, 0.98);
const BADGE_SIZE: f32 = 6.6;
const BADGE_H: f32 = 3.8;
const CELL_MAIN: f32 = 7.8;
const CELL_SUB: f32 = 6.4;
const MAIN_LH: f32 = 3.5;
const SUB_LH: f32 = 2.9;
const PAD: f32 = 1.2;
const MIN_ROW: f32 = 6.0;
/// A cell or value never grows beyond this many lines; the last one ends in "…".
const MAX_CELL_LINES: usize = 10;

/// The colour of a badge, a row marker, a notice or a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Info,
    Good,
    Warn,
    Bad,
}

impl Tone {
    /// Light background.
    fn fill(self) -> (f32, f32, f32) {
        match self {
            Tone::Neutral => (0.93, 0.94, 0.96),
            Tone::Info => (0.89, 0.93, 0.99),
            Tone::Good => (0.88, 0.96, 0.9),
            Tone::Warn => (1.0, 0.94, 0.82),
            Tone::Bad => (0.99, 0.88, 0.88),
        }
    }

    /// Strong text and bar colour.
    fn ink(self) -> (f32, f32, f32) {
        match self {
            Tone::Neutral => (0.3, 0.33, 0.4),
            Tone::Info => (0.1, 0.3, 0.65),
            Tone::Good => (0.08, 0.42, 0.2),
            Tone::Warn => (0.58, 0.36, 0.0),
            Tone::Bad => (0.72, 0.1, 0.1),
        }
    }
}

/// One cell of [`Doc::table_rows`]: the main text (wrapped to the column), an optional second
/// text in small grey print under it (an English gloss), and an optional badge above both.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub sub: String,
    pub badge: Option<(String, Tone)>,
    pub bold: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Default::default()
        }
    }

    /// Main text with a small second line (e.g. Korean with its English gloss).
    pub fn with_sub(text: impl Into<String>, sub: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            sub: sub.into(),
            ..Default::default()
        }
    }

    /// A cell that is only a badge.
    pub fn badge(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            badge: Some((text.into(), tone)),
            ..Default::default()
        }
    }

    /// Add a badge above the text.
    pub fn tagged(mut self, text: impl Into<String>, tone: Tone) -> Cell {
        self.badge = Some((text.into(), tone));
        self
    }

    /// Set the small second line.
    pub fn gloss(mut self, sub: impl Into<String>) -> Cell {
        self.sub = sub.into();
        self
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::new(text)
    }
}

/// One row of [`Doc::table_rows`]: a cell per column, an optional detail line that spans the
/// table under the cells (from the second column on), and an optional marker in the margin.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub detail: Option<Cell>,
    pub marker: Option<Tone>,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            ..Default::default()
        }
    }

    pub fn detail(mut self, detail: Cell) -> Row {
        self.detail = Some(detail);
        self
    }

    pub fn marker(mut self, tone: Tone) -> Row {
        self.marker = Some(tone);
        self
    }
}

/// One entry of [`Doc::glossed_fields`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Field {
    pub label_ko: String,
    pub label_en: String,
    /// The value; an empty one prints as "—".
    pub value: String,
    /// Small grey print under the value (why, where from).
    pub note: String,
    /// Print the value in bold in this tone's colour.
    pub tone: Option<Tone>,
    /// Take the whole width (long values such as addresses).
    pub wide: bool,
}

impl Field {
    pub fn new(label_ko: &str, label_en: &str, value: impl Into<String>) -> Field {
        Field {
            label_ko: label_ko.into(),
            label_en: label_en.into(),
            value: value.into(),
            ..Default::default()
        }
    }

    pub fn note(mut self, note: impl Into<String>) -> Field {
        self.note = note.into();
        self
    }

    pub fn tone(mut self, tone: Tone) -> Field {
        self.tone = Some(tone);
        self
    }

    pub fn wide(mut self) -> Field {
        self.wide = true;
        self
    }
}

/// One counter of [`Doc::stats`].
#[derive(Debug, Clone, PartialEq)]
pub struct Stat {
    pub label_ko: String,
    pub label_en: String,
    pub value: String,
    pub tone: Tone,
}

impl Stat {
    pub fn new(label_ko: &str, label_en: &str, value: impl Into<String>, tone: Tone) -> Stat {
        Stat {
            label_ko: label_ko.into(),
            label_en: label_en.into(),
            value: value.into(),
            tone,
        }
    }
}

/// [`wrap`], at most `max` lines (the last one then ends in "…"); no lines for empty text.
pub fn wrap_capped(text: &str, size: f32, bold: bool, max_mm: f32, max: usize) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let mut lines = wrap(text.trim(), size, bold, max_mm);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.pop() {
            // `fit` keeps the text when it fits, else cuts it and ends it in "…" itself.
            lines.push(fit(&format!("{last}…"), size, bold, max_mm));
        }
    }
    lines
}

/// A cell wrapped to its column.
struct CellLines {
    badge: Option<(String, Tone)>,
    main: Vec<String>,
    sub: Vec<String>,
    bold: bool,
    main_size: f32,
    sub_size: f32,
}

impl CellLines {
    fn new(cell: &Cell, width: f32, main_size: f32, sub_size: f32) -> CellLines {
        CellLines {
            badge: cell
                .badge
                .as_ref()
                .map(|(t, tone)| (fit(t, BADGE_SIZE, true, width - 3.0), *tone)),
            main: wrap_capped(&cell.text, main_size, cell.bold, width, MAX_CELL_LINES),
            sub: wrap_capped(&cell.sub, sub_size, false, width, MAX_CELL_LINES),
            bold: cell.bold,
            main_size,
            sub_size,
        }
    }

    fn height(&self) -> f32 {
        let badge = if self.badge.is_some() {
            BADGE_H + 0.6
        } else {
            0.0
        };
        badge + self.main.len() as f32 * MAIN_LH + self.sub.len() as f32 * SUB_LH
    }
}

/// A row of [`Doc::table_rows`] wrapped to its columns, with its heights.
struct LaidRow {
    cells: Vec<CellLines>,
    detail: Option<CellLines>,
    /// Where the detail line starts, from the left margin.
    indent: f32,
    cells_h: f32,
    detail_h: f32,
}

impl LaidRow {
    fn height(&self) -> f32 {
        self.cells_h + self.detail_h
    }
}

/// Wrap every row's cells to the columns and measure the rows.
fn lay_rows(columns: &[Column], rows: &[Row]) -> Vec<LaidRow> {
    // Details start under the second column, unless the first one is most of the table.
    let indent = columns
        .first()
        .map_or(0.0, |c| c.width)
        .min(Doc::content_width() / 3.0);
    let indent = if columns.len() > 1 { indent } else { 0.0 };
    rows.iter()
        .map(|row| {
            let cells: Vec<CellLines> = columns
                .iter()
                .zip(&row.cells)
                .map(|(c, cell)| CellLines::new(cell, c.width - 2.0, CELL_MAIN, CELL_SUB))
                .collect();
            let detail = row.detail.as_ref().map(|d| {
                CellLines::new(
                    d,
                    Doc::content_width() - indent - 2.0,
                    CELL_MAIN,
                    CELL_SUB + 0.2,
                )
            });
            let cells_h = cells
                .iter()
                .map(CellLines::height)
                .fold(MIN_ROW - 2.0 * PAD, f32::max)
                + 2.0 * PAD;
            let detail_h = detail.as_ref().map_or(0.0, |d| d.height() + PAD);
            LaidRow {
                cells,
                detail,
                indent,
                cells_h,
                detail_h,
            }
        })
        .collect()
}

/// One section of [`Doc::table_sections`]: a band (title, gloss, label/value facts) and rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub title: String,
    pub title_sub: String,
    /// Label and value pairs shown across the band, e.g. ("Gross · 총중량", "3.5 kg").
    pub facts: Vec<(String, String)>,
    pub rows: Vec<Row>,
}

const BAND_H: f32 = 11.0;
const BAND_FILL: (f32, f32, f32) = (0.93, 0.95, 0.99);
const RULE_DARK: (f32, f32, f32) = (0.7, 0.72, 0.76);

fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn pt(x_mm: f32, y_from_top_mm: f32) -> Point {
    Point {
        x: Mm(x_mm).into_pt(),
        y: Mm(PAGE_H - y_from_top_mm).into_pt(),
    }
}

/// A document being laid out.
pub struct Doc {
    pdf: PdfDocument,
    regular: FontId,
    bold: FontId,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Current position, millimetres from the top.
    y: f32,
    title_ko: String,
    title_en: String,
    footer_left: String,
    /// Characters drawn that the font has no glyph for (they would print as blanks).
    missing: BTreeSet<char>,
    /// The last heading drawn, so that it can follow its block to the next page.
    last_heading: Option<HeadingMark>,
    /// Every text drawn, per page, for the layout tests.
    #[cfg(test)]
    drawn: Vec<Vec<Drawn>>,
}

/// Where a heading's operations start and end on its page.
struct HeadingMark {
    page: usize,
    ops_before: usize,
    ops_after: usize,
    #[cfg(test)]
    drawn_before: usize,
    ko: String,
    en: String,
    tag: Option<(String, Tone)>,
}

/// A text as drawn: position (mm, baseline from the top), size, weight.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Drawn {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub size: f32,
    pub bold: bool,
}

#[cfg(test)]
impl Drawn {
    pub fn right(&self) -> f32 {
        self.x + text_width(&self.text, self.size, self.bold)
    }
}

impl Doc {
    /// Start a document; `footer_left` is printed on every page (generation date, issuer).
    pub fn new(title_ko: &str, title_en: &str, footer_left: &str) -> Doc {
        let mut pdf = PdfDocument::new(&format!("{title_ko} / {title_en}"));
        let regular = pdf.add_font(&fonts().regular);
        let bold = pdf.add_font(&fonts().bold);
        let mut doc = Doc {
            pdf,
            regular,
            bold,
            pages: Vec::new(),
            ops: Vec::new(),
            y: MARGIN_TOP,
            title_ko: title_ko.into(),
            title_en: title_en.into(),
            footer_left: footer_left.into(),
            missing: BTreeSet::new(),
            last_heading: None,
            #[cfg(test)]
            drawn: vec![Vec::new()],
        };
        doc.title_block();
        doc
    }

    pub fn content_width() -> f32 {
        PAGE_W - 2.0 * MARGIN_X
    }

    fn text_at(
        &mut self,
        x: f32,
        y_baseline: f32,
        text: &str,
        size: f32,
        bold: bool,
        color: (f32, f32, f32),
    ) {
        for c in text.chars().filter(|c| !has_glyph(*c, bold)) {
            self.missing.insert(c);
        }
        #[cfg(test)]
        if let Some(page) = self.drawn.last_mut() {
            page.push(Drawn {
                x,
                y: y_baseline,
                text: text.to_string(),
                size,
                bold,
            });
        }
        let font = if bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetFillColor { col: rgb(color) },
            Op::SetTextCursor {
                pos: pt(x, y_baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text in a cell of `width` at `x`, shortened to fit; `style` is (size in points, bold).
    fn aligned(
        &mut self,
        x: f32,
        width: f32,
        y: f32,
        text: &str,
        style: (f32, bool),
        align: Align,
    ) {
        let (size, bold) = style;
        let text = fit(text, size, bold, width - 2.0);
        let w = text_width(&text, size, bold);
        let tx = match align {
            Align::Left => x + 1.0,
            Align::Right => x + width - 1.0 - w,
            Align::Center => x + (width - w) / 2.0,
        };
        self.text_at(tx, y, &text, size, bold, BLACK);
    }

    fn rect(&mut self, x: f32, y_top: f32, w: f32, h: f32, fill: (f32, f32, f32)) {
        self.ops.push(Op::SetFillColor { col: rgb(fill) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(x).into_pt(),
                y: Mm(PAGE_H - y_top - h).into_pt(),
                width: Mm(w).into_pt(),
                height: Mm(h).into_pt(),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, color: (f32, f32, f32)) {
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: pt(x1, y),
                        bezier: false,
                    },
                    LinePoint {
                        p: pt(x2, y),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    fn title_block(&mut self) {
        let (ko, en) = (self.title_ko.clone(), self.title_en.clone());
        if self.pages.is_empty() {
            self.text_at(MARGIN_X, self.y + 6.0, &ko, 16.0, true, NAVY);
            self.text_at(MARGIN_X, self.y + 12.0, &en, 10.0, false, GREY);
            self.y += 16.0;
        } else {
            self.text_at(
                MARGIN_X,
                self.y + 4.0,
                &format!("{ko} / {en}"),
                9.0,
                true,
                NAVY,
            );
            self.y += 7.0;
        }
        self.hline(MARGIN_X, PAGE_W - MARGIN_X, self.y, 1.2, NAVY);
        self.y += 5.0;
    }

    /// Start a new page (the title repeats in small print).
    pub fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        #[cfg(test)]
        self.drawn.push(Vec::new());
        self.y = MARGIN_TOP;
        self.title_block();
    }

    /// Start a new page unless `height` millimetres still fit. A heading left alone at the bottom
    /// of the page (nothing drawn after it) moves to the new page with the block it introduces.
    fn ensure(&mut self, height: f32) {
        if self.y + height <= PAGE_H - MARGIN_BOTTOM {
            return;
        }
        let orphan = self
            .last_heading
            .take()
            .filter(|m| m.page == self.pages.len() && m.ops_after == self.ops.len());
        match orphan {
            Some(m) => {
                self.ops.truncate(m.ops_before);
                #[cfg(test)]
                if let Some(page) = self.drawn.last_mut() {
                    page.truncate(m.drawn_before);
                }
                self.new_page();
                self.draw_heading(&m.ko, &m.en, m.tag);
            }
            None => self.new_page(),
        }
    }

    /// A section heading, kept on the page with what follows it.
    pub fn heading(&mut self, ko: &str, en: &str) {
        self.ensure(26.0);
        self.draw_heading(ko, en, None);
    }

    fn draw_heading(&mut self, ko: &str, en: &str, tag: Option<(String, Tone)>) {
        let mark = HeadingMark {
            page: self.pages.len(),
            ops_before: self.ops.len(),
            ops_after: 0,
            #[cfg(test)]
            drawn_before: self.drawn.last().map_or(0, Vec::len),
            ko: ko.to_string(),
            en: en.to_string(),
            tag: tag.clone(),
        };
        self.y += 3.0;
        let title = format!("{ko}  {en}");
        self.text_at(MARGIN_X, self.y + 4.0, &title, 11.0, true, NAVY);
        if let Some((tag, tone)) = &tag {
            let w = text_width(&title, 11.0, true);
            let x = (MARGIN_X + w + 3.0)
                .min(PAGE_W - MARGIN_X - text_width(tag, BADGE_SIZE, true) - 3.0);
            self.badge_at(x, self.y + 1.0, tag, *tone);
        }
        self.y += 7.0;
        self.last_heading = Some(HeadingMark {
            ops_after: self.ops.len(),
            ..mark
        });
    }

    /// Label/value pairs in two columns of label + value.
    pub fn fields(&mut self, pairs: &[(String, String)]) {
        let half = Self::content_width() / 2.0;
        for chunk in pairs.chunks(2) {
            self.ensure(6.0);
            for (i, (label, value)) in chunk.iter().enumerate() {
                let x = MARGIN_X + i as f32 * half;
                let label = fit(label, 7.5, false, 34.0);
                self.text_at(x, self.y + 4.0, &label, 7.5, false, GREY);
                let value = fit(value, 9.0, false, half - 37.0);
                self.text_at(x + 35.0, self.y + 4.0, &value, 9.0, false, BLACK);
            }
            self.y += 6.0;
        }
        self.y += 2.0;
    }

    /// A paragraph of small wrapped text.
    pub fn note(&mut self, text: &str) {
        for line in wrap(text, 8.0, false, Self::content_width()) {
            self.ensure(4.5);
            self.text_at(MARGIN_X, self.y + 3.5, &line, 8.0, false, GREY);
            self.y += 4.5;
        }
        self.y += 2.0;
    }

    fn table_header(&mut self, columns: &[Column]) {
        let h = 9.0;
        self.rect(
            MARGIN_X,
            self.y,
            Self::content_width(),
            h,
            (0.9, 0.92, 0.96),
        );
        let mut x = MARGIN_X;
        for c in columns {
            self.aligned(x, c.width, self.y + 4.0, &c.header_ko, (7.5, true), c.align);
            let en = fit(&c.header_en, 6.5, false, c.width - 2.0);
            let w = text_width(&en, 6.5, false);
            let tx = match c.align {
                Align::Left => x + 1.0,
                Align::Right => x + c.width - 1.0 - w,
                Align::Center => x + (c.width - w) / 2.0,
            };
            self.text_at(tx, self.y + 7.6, &en, 6.5, false, GREY);
            x += c.width;
        }
        self.y += h;
    }

    /// A table whose rows break across pages; the header row repeats on each page.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let row_h = 6.0;
        self.ensure(9.0 + row_h);
        self.table_header(columns);
        for (i, row) in rows.iter().enumerate() {
            if self.y + row_h > PAGE_H - MARGIN_BOTTOM {
                self.new_page();
                self.table_header(columns);
            }
            if i % 2 == 1 {
                self.rect(
                    MARGIN_X,
                    self.y,
                    Self::content_width(),
                    row_h,
                    (0.97, 0.97, 0.98),
                );
            }
            let mut x = MARGIN_X;
            for (c, cell) in columns.iter().zip(row) {
                self.aligned(x, c.width, self.y + 4.2, cell, (8.0, false), c.align);
                x += c.width;
            }
            self.y += row_h;
        }
        self.hline(MARGIN_X, PAGE_W - MARGIN_X, self.y, 0.6, NAVY);
        self.y += 3.0;
    }

    /// A totals line, right-aligned under a table.
    pub fn total(&mut self, label: &str, value: &str) {
        self.ensure(7.0);
        let w = text_width(value, 9.5, true);
        self.text_at(
            PAGE_W - MARGIN_X - w - 1.0,
            self.y + 4.5,
            value,
            9.5,
            true,
            BLACK,
        );
        let lw = text_width(label, 8.5, false);
        self.text_at(
            PAGE_W - MARGIN_X - w - lw - 6.0,
            self.y + 4.5,
            label,
            8.5,
            false,
            GREY,
        );
        self.y += 7.0;
    }

    // ---- bilingual blocks -----------------------------------------------------------------

    /// Pages laid out so far (the current one included).
    pub fn page_count(&self) -> usize {
        self.pages.len() + 1
    }

    /// The texts drawn so far, page by page (before the footers).
    #[cfg(test)]
    pub(crate) fn drawn(&self) -> &[Vec<Drawn>] {
        &self.drawn
    }

    /// Every text drawn so far lies inside the margins: nothing overflows the page or the footer.
    #[cfg(test)]
    pub(crate) fn assert_inside_margins(&self) {
        for (p, page) in self.drawn.iter().enumerate() {
            for t in page {
                assert!(
                    t.x >= MARGIN_X - 0.01 && t.right() <= PAGE_W - MARGIN_X + 0.01,
                    "page {}: '{}' runs outside the margins (x {} … {})",
                    p + 1,
                    t.text,
                    t.x,
                    t.right()
                );
                assert!(
                    t.y >= MARGIN_TOP && t.y <= PAGE_H - MARGIN_BOTTOM,
                    "page {}: '{}' at y {} is in the top margin or the footer",
                    p + 1,
                    t.text,
                    t.y
                );
            }
        }
    }

    /// Characters drawn so far that the font cannot show. Documents test that this stays empty.
    pub fn missing_glyphs(&self) -> Vec<char> {
        self.missing.iter().copied().collect()
    }

    /// Vertical space in millimetres (never carried over to a new page).
    pub fn space(&mut self, mm: f32) {
        self.y = (self.y + mm).min(PAGE_H - MARGIN_BOTTOM);
    }

    /// A small filled label; returns its width.
    fn badge_at(&mut self, x: f32, top: f32, text: &str, tone: Tone) -> f32 {
        let w = text_width(text, BADGE_SIZE, true) + 3.0;
        self.rect(x, top, w, BADGE_H, tone.fill());
        self.text_at(x + 1.5, top + 2.75, text, BADGE_SIZE, true, tone.ink());
        w
    }

    /// A section heading with a badge after it (e.g. "추정 / estimate").
    pub fn heading_tagged(&mut self, ko: &str, en: &str, tag: &str, tone: Tone) {
        self.ensure(26.0);
        self.draw_heading(ko, en, Some((tag.to_string(), tone)));
    }

    /// A framed, tinted notice: the Korean sentence in bold, the English one under it.
    pub fn notice(&mut self, ko: &str, en: &str, tone: Tone) {
        let inner = Self::content_width() - 7.0;
        let ko_lines = wrap_capped(ko, 8.6, true, inner, 12);
        let en_lines = wrap_capped(en, 7.4, false, inner, 12);
        let h = 2.4 + ko_lines.len() as f32 * 3.9 + en_lines.len() as f32 * 3.3 + 1.6;
        self.ensure(h + 1.0);
        let top = self.y;
        self.rect(MARGIN_X, top, Self::content_width(), h, tone.fill());
        self.rect(MARGIN_X, top, 1.2, h, tone.ink());
        let mut y = top + 2.4;
        for l in &ko_lines {
            self.text_at(MARGIN_X + 4.0, y + 2.9, l, 8.6, true, tone.ink());
            y += 3.9;
        }
        for l in &en_lines {
            self.text_at(MARGIN_X + 4.0, y + 2.5, l, 7.4, false, DARK);
            y += 3.3;
        }
        self.y = top + h + 3.0;
    }

    fn list(&mut self, items: &[(String, String)], numbered: bool) {
        let indent = 7.0;
        let width = Self::content_width() - indent;
        for (i, (ko, en)) in items.iter().enumerate() {
            let ko_lines = wrap_capped(ko, 8.3, false, width, 12);
            let en_lines = wrap_capped(en, 7.0, false, width, 12);
            let h = ko_lines.len() as f32 * 3.7 + en_lines.len() as f32 * 3.1 + 1.6;
            self.ensure(h);
            let marker = if numbered {
                format!("{}.", i + 1)
            } else {
                "•".to_string()
            };
            self.text_at(MARGIN_X + 1.0, self.y + 2.9, &marker, 8.3, true, NAVY);
            let mut y = self.y;
            for l in &ko_lines {
                self.text_at(MARGIN_X + indent, y + 2.9, l, 8.3, false, BLACK);
                y += 3.7;
            }
            for l in &en_lines {
                self.text_at(MARGIN_X + indent, y + 2.5, l, 7.0, false, GREY);
                y += 3.1;
            }
            self.y = y + 1.6;
        }
        self.y += 1.5;
    }

    /// A numbered list of bilingual steps: each Korean sentence with its English one in small
    /// grey print under it. An item is never split over two pages.
    pub fn steps(&mut self, items: &[(String, String)]) {
        self.list(items, true);
    }

    /// The same as [`Doc::steps`] with bullets instead of numbers.
    pub fn bullets(&mut self, items: &[(String, String)]) {
        self.list(items, false);
    }

    /// A row of counters (e.g. deadlines per urgency), each a tinted box with a big value.
    pub fn stats(&mut self, stats: &[Stat]) {
        if stats.is_empty() {
            return;
        }
        let gap = 3.0;
        let n = stats.len() as f32;
        let w = (Self::content_width() - gap * (n - 1.0)) / n;
        let h = 17.0;
        self.ensure(h + 2.0);
        let top = self.y;
        for (i, s) in stats.iter().enumerate() {
            let x = MARGIN_X + i as f32 * (w + gap);
            self.rect(x, top, w, h, s.tone.fill());
            let value = fit(&s.value, 13.0, true, w - 4.0);
            self.text_at(x + 2.5, top + 7.2, &value, 13.0, true, s.tone.ink());
            let ko = fit(&s.label_ko, 7.4, true, w - 4.0);
            self.text_at(x + 2.5, top + 11.8, &ko, 7.4, true, DARK);
            let en = fit(&s.label_en, 6.4, false, w - 4.0);
            self.text_at(x + 2.5, top + 15.0, &en, 6.4, false, GREY);
        }
        self.y = top + h + 4.0;
    }

    /// Key/value pairs in two columns, each label in Korean with its English gloss under it.
    /// Values wrap; a [`Field::wide`] field takes the whole width. Rows never split.
    pub fn glossed_fields(&mut self, fields: &[Field]) {
        let mut i = 0;
        while i < fields.len() {
            let pair = !fields[i].wide && fields.get(i + 1).is_some_and(|f| !f.wide);
            let row: Vec<&Field> = if pair {
                vec![&fields[i], &fields[i + 1]]
            } else {
                vec![&fields[i]]
            };
            i += row.len();
            self.field_row(&row);
        }
        self.y += 2.0;
    }

    fn field_row(&mut self, row: &[&Field]) {
        const LABEL_W: f32 = 34.0;
        let half = Self::content_width() / 2.0;
        // Per field: label lines (Korean, English), value lines, note lines.
        type Lines = Vec<String>;
        let laid: Vec<(Lines, Lines, Lines, Lines)> = row
            .iter()
            .map(|f| {
                let span = if f.wide { Self::content_width() } else { half };
                let value_w = span - LABEL_W - 3.0;
                let value = if f.value.trim().is_empty() {
                    "—"
                } else {
                    f.value.as_str()
                };
                (
                    wrap_capped(&f.label_ko, 7.4, true, LABEL_W - 1.0, 3),
                    wrap_capped(&f.label_en, 6.2, false, LABEL_W - 1.0, 3),
                    wrap_capped(value, 8.6, false, value_w, 10),
                    wrap_capped(&f.note, 6.6, false, value_w, 8),
                )
            })
            .collect();
        let h = laid
            .iter()
            .map(|(lk, le, v, n)| {
                let label = lk.len() as f32 * 3.2 + le.len() as f32 * 2.7;
                let value = v.len() as f32 * 3.8 + n.len() as f32 * 2.9;
                label.max(value)
            })
            .fold(0.0, f32::max)
            + 2.2;
        self.ensure(h);
        let top = self.y;
        for (k, (f, (lk, le, v, n))) in row.iter().zip(&laid).enumerate() {
            let x = MARGIN_X + k as f32 * half;
            let mut y = top + 1.1;
            for l in lk {
                self.text_at(x, y + 2.5, l, 7.4, true, DARK);
                y += 3.2;
            }
            for l in le {
                self.text_at(x, y + 2.1, l, 6.2, false, GREY);
                y += 2.7;
            }
            let ink = f.tone.map_or(BLACK, Tone::ink);
            let mut y = top + 1.1;
            for l in v {
                self.text_at(x + LABEL_W, y + 2.9, l, 8.6, f.tone.is_some(), ink);
                y += 3.8;
            }
            for l in n {
                self.text_at(x + LABEL_W, y + 2.2, l, 6.6, false, GREY);
                y += 2.9;
            }
        }
        self.hline(MARGIN_X, PAGE_W - MARGIN_X, top + h, 0.3, RULE);
        self.y = top + h;
    }

    /// A table whose cells wrap over several lines, with an optional small second line (the
    /// English gloss), badges, a full-width detail line under a row, and a coloured marker in
    /// the margin. Rows break across pages whole; the header row repeats on each page.
    pub fn table_rows(&mut self, columns: &[Column], rows: &[Row]) {
        let laid = lay_rows(columns, rows);
        // The header never stands alone at the bottom of a page: it goes with the first row.
        let first = laid.first().map_or(MIN_ROW, LaidRow::height);
        self.ensure(9.0 + first);
        self.table_header(columns);
        for (i, (row, lr)) in rows.iter().zip(&laid).enumerate() {
            if self.y + lr.height() > PAGE_H - MARGIN_BOTTOM {
                self.new_page();
                self.table_header(columns);
            }
            self.draw_row(columns, row, lr, i % 2 == 1);
        }
        self.hline(MARGIN_X, PAGE_W - MARGIN_X, self.y, 0.6, NAVY);
        self.y += 3.0;
    }

    /// Draw one laid-out row at the current position and move below it.
    fn draw_row(&mut self, columns: &[Column], row: &Row, lr: &LaidRow, zebra: bool) {
        let h = lr.height();
        let top = self.y;
        if zebra {
            self.rect(MARGIN_X, top, Self::content_width(), h, ZEBRA);
        }
        if let Some(tone) = row.marker {
            self.rect(MARGIN_X - 2.2, top + 0.4, 1.2, h - 0.8, tone.ink());
        }
        let mut x = MARGIN_X;
        for (c, cell) in columns.iter().zip(&lr.cells) {
            self.draw_cell(cell, x, top + PAD, c.width, c.align);
            x += c.width;
        }
        if let Some(d) = &lr.detail {
            self.draw_cell(
                d,
                MARGIN_X + lr.indent,
                top + lr.cells_h,
                Self::content_width() - lr.indent,
                Align::Left,
            );
        }
        self.y = top + h;
    }

    /// A table in sections (e.g. one per carton): each section opens with a tinted band (a title,
    /// its gloss and a few label/value facts) followed by its rows in the table's columns. A band
    /// is never left alone at the bottom of a page; when a section's rows continue on the next
    /// page, the header row and the band repeat there, the band marked "계속 / continued".
    pub fn table_sections(&mut self, columns: &[Column], sections: &[Section]) {
        let limit = PAGE_H - MARGIN_BOTTOM;
        let laid: Vec<Vec<LaidRow>> = sections
            .iter()
            .map(|s| lay_rows(columns, &s.rows))
            .collect();
        let first = laid
            .first()
            .and_then(|rows| rows.first())
            .map_or(0.0, LaidRow::height);
        self.ensure(9.0 + BAND_H + first);
        self.table_header(columns);
        for (section, rows) in sections.iter().zip(&laid) {
            let first = rows.first().map_or(0.0, LaidRow::height);
            if self.y + BAND_H + first > limit {
                self.new_page();
                self.table_header(columns);
            }
            self.band(section, false);
            for (i, (row, lr)) in section.rows.iter().zip(rows).enumerate() {
                if self.y + lr.height() > limit {
                    self.new_page();
                    self.table_header(columns);
                    self.band(section, true);
                }
                self.draw_row(columns, row, lr, i % 2 == 1);
            }
        }
        self.hline(MARGIN_X, PAGE_W - MARGIN_X, self.y, 0.6, NAVY);
        self.y += 3.0;
    }

    fn band(&mut self, section: &Section, continued: bool) {
        let top = self.y + 0.6;
        let h = BAND_H - 1.2;
        self.rect(MARGIN_X, top, Self::content_width(), h, BAND_FILL);
        self.rect(MARGIN_X, top, 1.2, h, NAVY);
        let title_w = 38.0;
        let title = fit(&section.title, 9.4, true, title_w - 4.0);
        self.text_at(MARGIN_X + 3.0, top + 4.3, &title, 9.4, true, NAVY);
        let sub = if continued {
            format!("{} (계속 / continued)", section.title_sub)
                .trim()
                .to_string()
        } else {
            section.title_sub.clone()
        };
        let sub = fit(&sub, 6.4, false, title_w - 4.0);
        self.text_at(MARGIN_X + 3.0, top + 7.8, &sub, 6.4, false, GREY);
        if !section.facts.is_empty() {
            let x0 = MARGIN_X + title_w;
            let w = (Self::content_width() - title_w) / section.facts.len() as f32;
            for (i, (label, value)) in section.facts.iter().enumerate() {
                let x = x0 + i as f32 * w;
                let label = fit(label, 6.2, false, w - 2.0);
                self.text_at(x, top + 3.6, &label, 6.2, false, GREY);
                let value = fit(value, 8.2, true, w - 2.0);
                self.text_at(x, top + 7.6, &value, 8.2, true, BLACK);
            }
        }
        self.y += BAND_H;
    }

    /// A framed box with a title: `text` wrapped inside it, or, when there is none, `blank_lines`
    /// ruled lines to write on by hand. Never split over two pages.
    pub fn ruled_box(
        &mut self,
        title: &str,
        title_sub: &str,
        text: Option<&str>,
        blank_lines: usize,
    ) {
        let inner = Self::content_width() - 6.0;
        let body = text.map(|t| wrap_capped(t, 8.0, false, inner, 30));
        let body_h = match &body {
            Some(lines) => lines.len().max(1) as f32 * 3.8 + 1.5,
            None => blank_lines.max(1) as f32 * 6.5,
        };
        let h = 9.5 + body_h + 2.0;
        self.ensure(h + 3.0);
        let top = self.y;
        self.frame(MARGIN_X, top, Self::content_width(), h, 0.6, DARK);
        let head = fit(title, 8.6, true, inner);
        self.text_at(MARGIN_X + 3.0, top + 4.6, &head, 8.6, true, NAVY);
        let hw = text_width(&head, 8.6, true);
        let sub = fit(title_sub, 7.0, false, (inner - hw - 3.0).max(0.0));
        self.text_at(MARGIN_X + 3.0 + hw + 3.0, top + 4.6, &sub, 7.0, false, GREY);
        let mut y = top + 9.5;
        match body {
            Some(lines) => {
                for l in &lines {
                    self.text_at(MARGIN_X + 3.0, y + 2.9, l, 8.0, false, BLACK);
                    y += 3.8;
                }
            }
            None => {
                for _ in 0..blank_lines.max(1) {
                    y += 6.5;
                    self.hline(MARGIN_X + 3.0, PAGE_W - MARGIN_X - 3.0, y, 0.4, RULE_DARK);
                }
            }
        }
        self.y = top + h + 3.0;
    }

    /// A signature block: `statement` (what the signer certifies) wrapped on the left half, and
    /// on the right half `above` (e.g. "For X"), a line to sign on, `label` under it in bold and
    /// `below` in small print (name, date). Kept on one page.
    pub fn signature(&mut self, statement: &str, above: &str, label: &str, below: &str) {
        let half = Self::content_width() / 2.0;
        let lines = wrap_capped(statement, 7.6, false, half - 6.0, 8);
        let h = (lines.len() as f32 * 3.4 + 1.0).max(21.0);
        self.ensure(h + 2.0);
        let top = self.y;
        let mut y = top;
        for l in &lines {
            self.text_at(MARGIN_X, y + 3.0, l, 7.6, false, DARK);
            y += 3.4;
        }
        let x = MARGIN_X + half;
        let above = fit(above, 7.6, false, half);
        self.text_at(x, top + 3.0, &above, 7.6, false, GREY);
        self.hline(x, PAGE_W - MARGIN_X, top + 13.5, 0.6, BLACK);
        let label = fit(label, 8.2, true, half);
        self.text_at(x, top + 17.0, &label, 8.2, true, BLACK);
        let below = fit(below, 7.2, false, half);
        self.text_at(x, top + 20.4, &below, 7.2, false, GREY);
        self.y = top + h + 2.0;
    }

    /// An outlined rectangle.
    fn frame(
        &mut self,
        x: f32,
        y_top: f32,
        w: f32,
        h: f32,
        thickness: f32,
        color: (f32, f32, f32),
    ) {
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(x).into_pt(),
                y: Mm(PAGE_H - y_top - h).into_pt(),
                width: Mm(w).into_pt(),
                height: Mm(h).into_pt(),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        });
    }

    fn draw_cell(&mut self, cell: &CellLines, x: f32, top: f32, width: f32, align: Align) {
        let place = |w: f32| match align {
            Align::Left => x + 1.0,
            Align::Right => x + width - 1.0 - w,
            Align::Center => x + (width - w) / 2.0,
        };
        let mut y = top;
        if let Some((text, tone)) = &cell.badge {
            let w = text_width(text, BADGE_SIZE, true) + 3.0;
            self.badge_at(place(w), y, text, *tone);
            y += BADGE_H + 0.6;
        }
        for l in &cell.main {
            let w = text_width(l, cell.main_size, cell.bold);
            self.text_at(place(w), y + 2.6, l, cell.main_size, cell.bold, BLACK);
            y += MAIN_LH;
        }
        for l in &cell.sub {
            let w = text_width(l, cell.sub_size, false);
            self.text_at(place(w), y + 2.2, l, cell.sub_size, false, GREY);
            y += SUB_LH;
        }
    }

    /// Several totals lines kept together on one page.
    pub fn totals(&mut self, lines: &[(String, String)]) {
        self.ensure(7.0 * lines.len() as f32);
        for (label, value) in lines {
            self.total(label, value);
        }
    }

    /// Lay out the footers and serialise with the fonts subset.
    pub fn finish(mut self) -> Vec<u8> {
        self.pages.push(std::mem::take(&mut self.ops));
        let total = self.pages.len();
        let pages: Vec<Vec<Op>> = std::mem::take(&mut self.pages);
        let mut out = Vec::new();
        for (i, mut ops) in pages.into_iter().enumerate() {
            self.ops = std::mem::take(&mut ops);
            let y = PAGE_H - MARGIN_BOTTOM + 8.0;
            self.hline(MARGIN_X, PAGE_W - MARGIN_X, y - 4.0, 0.4, GREY);
            let left = self.footer_left.clone();
            self.text_at(MARGIN_X, y, &left, 7.0, false, GREY);
            let page = format!("{} / {}", i + 1, total);
            let w = text_width(&page, 7.5, false);
            self.text_at(PAGE_W - MARGIN_X - w, y, &page, 7.5, false, GREY);
            out.push(PdfPage::new(
                Mm(PAGE_W),
                Mm(PAGE_H),
                std::mem::take(&mut self.ops),
            ));
        }
        let opts = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        self.pdf.with_pages(out).save(&opts, &mut Vec::new())
    }
}

// ---- free-form pages ---------------------------------------------------------------------------

/// A colour for [`Canvas`] drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Black,
    Grey,
    Navy,
    /// Light grey, for cut lines and rules.
    Light,
    /// A very light tint, for filled backgrounds.
    Tint,
}

impl Ink {
    fn rgb(self) -> (f32, f32, f32) {
        match self {
            Ink::Black => BLACK,
            Ink::Grey => GREY,
            Ink::Navy => NAVY,
            Ink::Light => (0.72, 0.74, 0.78),
            Ink::Tint => BAND_FILL,
        }
    }
}

/// Blank A4 pages to draw on freely (labels, marks): no title block, no margins, no footer.
/// Positions are millimetres from the page's top-left corner, `y` a text's baseline. Text is
/// measured and fitted with the same embedded, subset NanumGothic as [`Doc`].
pub struct Canvas {
    pdf: PdfDocument,
    regular: FontId,
    bold: FontId,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    missing: BTreeSet<char>,
    #[cfg(test)]
    drawn: Vec<Vec<Drawn>>,
}

impl Canvas {
    pub const PAGE_W: f32 = PAGE_W;
    pub const PAGE_H: f32 = PAGE_H;

    pub fn new(title: &str) -> Canvas {
        let mut pdf = PdfDocument::new(title);
        let regular = pdf.add_font(&fonts().regular);
        let bold = pdf.add_font(&fonts().bold);
        Canvas {
            pdf,
            regular,
            bold,
            pages: Vec::new(),
            ops: Vec::new(),
            missing: BTreeSet::new(),
            #[cfg(test)]
            drawn: vec![Vec::new()],
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        #[cfg(test)]
        self.drawn.push(Vec::new());
    }

    pub fn page_count(&self) -> usize {
        self.pages.len() + 1
    }

    /// Text with its baseline at `y`, starting at `x`.
    pub fn text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, ink: Ink) {
        for c in text.chars().filter(|c| !has_glyph(*c, bold)) {
            self.missing.insert(c);
        }
        #[cfg(test)]
        if let Some(page) = self.drawn.last_mut() {
            page.push(Drawn {
                x,
                y,
                text: text.to_string(),
                size,
                bold,
            });
        }
        let font = if bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetFillColor {
                col: rgb(ink.rgb()),
            },
            Op::SetTextCursor { pos: pt(x, y) },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text placed in the box from `x` of `width` (shortened with "…" to fit); returns its width.
    #[allow(clippy::too_many_arguments)]
    pub fn text_in(
        &mut self,
        x: f32,
        width: f32,
        y: f32,
        text: &str,
        size: f32,
        bold: bool,
        align: Align,
        ink: Ink,
    ) -> f32 {
        let text = fit(text, size, bold, width);
        let w = text_width(&text, size, bold);
        let tx = match align {
            Align::Left => x,
            Align::Right => x + width - w,
            Align::Center => x + (width - w) / 2.0,
        };
        self.text(tx, y, &text, size, bold, ink);
        w
    }

    /// A line; `dashed` for cut lines.
    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
        ink: Ink,
        dashed: bool,
    ) {
        if dashed {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &[4.0, 3.0]),
            });
        }
        self.ops.push(Op::SetOutlineColor {
            col: rgb(ink.rgb()),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: pt(x1, y1),
                        bezier: false,
                    },
                    LinePoint {
                        p: pt(x2, y2),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
        if dashed {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            });
        }
    }

    fn rectangle(&mut self, x: f32, y_top: f32, w: f32, h: f32, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(x).into_pt(),
                y: Mm(PAGE_H - y_top - h).into_pt(),
                width: Mm(w).into_pt(),
                height: Mm(h).into_pt(),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    /// A filled rectangle, `y_top` its top edge.
    pub fn fill(&mut self, x: f32, y_top: f32, w: f32, h: f32, ink: Ink) {
        self.ops.push(Op::SetFillColor {
            col: rgb(ink.rgb()),
        });
        self.rectangle(x, y_top, w, h, PaintMode::Fill);
    }

    /// An outlined rectangle, `y_top` its top edge.
    pub fn frame(&mut self, x: f32, y_top: f32, w: f32, h: f32, thickness: f32, ink: Ink) {
        self.ops.push(Op::SetOutlineColor {
            col: rgb(ink.rgb()),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.rectangle(x, y_top, w, h, PaintMode::Stroke);
    }

    /// Characters drawn that the font cannot show (documents test that this stays empty).
    pub fn missing_glyphs(&self) -> Vec<char> {
        self.missing.iter().copied().collect()
    }

    /// The texts drawn so far, page by page.
    #[cfg(test)]
    pub(crate) fn drawn(&self) -> &[Vec<Drawn>] {
        &self.drawn
    }

    /// Serialise with the fonts subset.
    pub fn finish(mut self) -> Vec<u8> {
        self.pages.push(std::mem::take(&mut self.ops));
        let pages: Vec<PdfPage> = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|ops| PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops))
            .collect();
        let opts = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        self.pdf.with_pages(pages).save(&opts, &mut Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measuring_fitting_and_wrapping() {
        let w = text_width("가나다", 10.0, false);
        assert!(w > 5.0 && w < 15.0, "{w}");
        assert!(text_width("iiii", 10.0, false) < text_width("WWWW", 10.0, false));
        let short = fit(
            "아주 긴 상품 이름이 칸을 넘칠 때는 말줄임표로 줄입니다",
            8.0,
            false,
            20.0,
        );
        assert!(short.ends_with('…'));
        assert!(text_width(&short, 8.0, false) <= 20.0);
        let lines = wrap(
            "한 줄에 다 들어가지 않는 긴 안내 문장은 여러 줄로 나뉘어야 합니다",
            8.0,
            false,
            30.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 8.0, false) <= 30.0));
    }

    #[test]
    fn long_tables_break_pages_and_count_them() {
        let mut doc = Doc::new("시험 문서", "Test document", "생성일 2026-11-27");
        let cols = vec![
            Column::new("번호", "No.", 20.0, Align::Right),
            Column::new("이름", "Name", 160.0, Align::Left),
        ];
        let rows: Vec<Vec<String>> = (1..=120)
            .map(|i| vec![i.to_string(), format!("상품 {i}")])
            .collect();
        doc.table(&cols, &rows);
        assert!(doc.pages.len() >= 2, "120 rows need more than one page");
        let bytes = doc.finish();
        assert!(bytes.starts_with(b"%PDF"));
        assert!(
            bytes.len() < 200_000,
            "fonts are subset: {} bytes",
            bytes.len()
        );
    }

    #[test]
    fn a_heading_and_a_table_header_never_stay_alone_at_the_bottom() {
        let mut doc = Doc::new("시험 문서", "Test document", "생성일 2026-11-27");
        while doc.y < PAGE_H - MARGIN_BOTTOM - 30.0 {
            doc.note("채움 문단 filler");
        }
        doc.heading_tagged("표", "Table", "3건", Tone::Info);
        let tall = Row::new(vec![Cell::with_sub(
            "가나다 ".repeat(60),
            "long gloss ".repeat(20),
        )])
        .detail(Cell::new("세부 detail"));
        let cols = [Column::new("칸", "Column", 180.0, Align::Left)];
        doc.table_rows(&cols, &[tall.clone(), tall]);
        let pages = doc.drawn();
        assert_eq!(pages.len(), 2);
        assert!(!pages[0]
            .iter()
            .any(|t| t.text.starts_with("표") || t.text == "칸"));
        assert!(pages[1].iter().any(|t| t.text == "표  Table"));
        assert!(
            pages[1].iter().any(|t| t.text == "3건"),
            "the badge moved too"
        );
        doc.assert_inside_margins();
    }

    #[test]
    fn glossed_fields_wrap_and_cells_cap_their_lines() {
        let mut doc = Doc::new("시험 문서", "Test document", "f");
        doc.glossed_fields(&[
            Field::new("주소", "Address", "서울특별시 ".repeat(30)).wide(),
            Field::new("상태", "State", "").note("비어 있으면 대시 / a dash when empty"),
            Field::new("금액", "Amount", "₩1,234").tone(Tone::Bad),
        ]);
        doc.stats(&[Stat::new("기한 지남", "Overdue", "3", Tone::Bad)]);
        doc.notice("안내", "Notice", Tone::Good);
        doc.steps(&[("하나".into(), "one".into())]);
        let texts: Vec<&str> = doc.drawn()[0].iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"—"), "an empty value prints a dash");
        assert!(
            texts.iter().filter(|t| t.contains("서울특별시")).count() > 1,
            "wrapped"
        );
        doc.assert_inside_margins();
        assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
        let lines = wrap_capped(&"긴 문장 ".repeat(100), 8.0, false, 30.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(wrap_capped("  ", 8.0, false, 30.0, 3).is_empty());
    }
}

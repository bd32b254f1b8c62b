//! The layout kit: A4 pages with a title block, key/value blocks, tables that break across pages
//! with their header row repeated, notes, and a footer with the generation date and "page x / y".
//!
//! Positions are kept in millimetres from the top-left corner, the way people measure paper, and
//! converted to PDF points (from the bottom-left) only when an operation is emitted. Text is
//! measured with the font's own glyph widths so that columns never overflow: a cell that is too
//! long is shortened with "…".

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};
use std::collections::HashMap;
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
fn advance(c: char, bold: bool) -> f32 {
    static CACHE: OnceLock<Mutex<HashMap<(char, bool), f32>>> = OnceLock::new();
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
        .and_then(|g| f.get_or_decode_glyph(g))
        .map_or(0.5, |g| g.horz_advance as f32 / em);
    cache
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert((c, bold), w);
    w
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
        self.y = MARGIN_TOP;
        self.title_block();
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN_BOTTOM {
            self.new_page();
        }
    }

    /// A section heading.
    pub fn heading(&mut self, ko: &str, en: &str) {
        self.ensure(14.0);
        self.y += 3.0;
        self.text_at(
            MARGIN_X,
            self.y + 4.0,
            &format!("{ko}  {en}"),
            11.0,
            true,
            NAVY,
        );
        self.y += 7.0;
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
}

//! Plain aligned columns for terminal output (wide Korean characters count as two columns).

pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let cols = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate().take(cols) {
                widths[i] = widths[i].max(width(c).min(60));
            }
        }
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate().take(cols) {
                let text: String = if width(c) > 60 {
                    c.chars().take(57).collect::<String>() + "…"
                } else {
                    c.clone()
                };
                s.push_str(&text);
                if i + 1 < cols {
                    s.push_str(&" ".repeat(widths[i].saturating_sub(width(&text)) + 2));
                }
            }
            s.trim_end().to_string()
        };
        let mut out = vec![line(&self.header)];
        out.extend(self.rows.iter().map(|r| line(r)));
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_wide_characters() {
        let mut t = Table::new(&["A", "B"]);
        t.row(vec!["토너".into(), "x".into()]);
        t.row(vec!["ab".into(), "y".into()]);
        let out = t.render();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "토너  x");
        assert_eq!(lines[2], "ab    y");
    }
}

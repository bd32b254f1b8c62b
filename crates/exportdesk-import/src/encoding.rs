//! Text encodings of order files: which one a file uses and how to turn it into text.
//!
//! Korean sellers meet three encodings in practice: UTF-8 (what marketplaces export), UTF-8 with a
//! byte-order mark (what Excel writes when it saves "CSV UTF-8"), and CP949 / EUC-KR (what Excel
//! writes for a plain "CSV" on Korean Windows, and what older Korean shop software exports).
//! The rule is deliberately simple and never guesses silently:
//!
//! 1. a byte-order mark decides (UTF-8, UTF-16 LE/BE — Excel's "Unicode text" is UTF-16);
//! 2. bytes that are valid UTF-8 are UTF-8 (pure ASCII is UTF-8 too);
//! 3. otherwise the file is decoded as CP949 and accepted only if every byte sequence is valid
//!    CP949 — no replacement characters are ever produced;
//! 4. Qoo10 Japan's sales manager writes Shift_JIS. When CP949 fails, or when both decode cleanly
//!    but the text reads as Japanese rather than Korean (see [`looks_japanese`]), Shift_JIS is
//!    tried the same strict way;
//! 5. Amazon's European reports are Windows-1252 (`Müller`, `Ångström`). Latin text is a few
//!    accented letters between ASCII ones, never a long run of high bytes as Korean or Japanese
//!    text is; such a file is read as Windows-1252 when it has no everyday Hangul and Shift_JIS
//!    finds no kana in it (see [`looks_latin`]);
//! 6. anything else is refused with a `import.encoding` problem that says how to re-save the file.
//!
//! The caller can also force an encoding (`ParseOptions::encoding`) when a file is ambiguous.

use exportdesk_rules::Problem;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use ts_rs::TS;

/// The text encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// CP949 (Windows Korean, a superset of EUC-KR).
    Cp949,
    /// Shift_JIS (Windows Japanese), as Qoo10 Japan exports.
    ShiftJis,
    /// UTF-16 little endian with a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big endian with a byte-order mark.
    Utf16Be,
    /// Windows-1252 (Western European), as Amazon's European reports are written.
    Windows1252,
}

impl Encoding {
    /// The name people see in the import summary.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Cp949 => "CP949 (EUC-KR)",
            Encoding::ShiftJis => "Shift_JIS",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => encoding_rs::UTF_8,
            Encoding::Cp949 => encoding_rs::EUC_KR,
            Encoding::ShiftJis => encoding_rs::SHIFT_JIS,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }
}

const BOM_UTF8: &[u8] = b"\xEF\xBB\xBF";
const BOM_UTF16LE: &[u8] = b"\xFF\xFE";
const BOM_UTF16BE: &[u8] = b"\xFE\xFF";

/// Decode a text file, detecting its encoding as described in the module documentation.
/// UTF-8 input is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Problem> {
    if let Some(rest) = bytes.strip_prefix(BOM_UTF8) {
        return std::str::from_utf8(rest)
            .map(|text| (Cow::Borrowed(text), Encoding::Utf8Bom))
            .map_err(|_| refused(Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(BOM_UTF16LE) {
        return strict(rest, Encoding::Utf16Le).ok_or_else(|| refused(Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(BOM_UTF16BE) {
        return strict(rest, Encoding::Utf16Be).ok_or_else(|| refused(Encoding::Utf16Be));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), Encoding::Utf8));
    }
    let korean = strict(bytes, Encoding::Cp949);
    let japanese = || strict(bytes, Encoding::ShiftJis);
    let latin = || {
        looks_latin(bytes)
            .then(|| strict(bytes, Encoding::Windows1252))
            .flatten()
    };
    match korean {
        Some(k) => {
            if looks_japanese(bytes) {
                if let Some(j) = japanese() {
                    return Ok(j);
                }
            }
            // `Ångström` is valid CP949 too (as rare Hangul); without any everyday Hangul a
            // Latin-looking file is Western European.
            if cp949_pairs(bytes).0 == 0 {
                if let Some(l) = latin() {
                    return Ok(l);
                }
            }
            Ok(k)
        }
        None => match japanese() {
            Some(j) if has_kana(&j.0) => Ok(j),
            j => latin().or(j).ok_or_else(|| refused(Encoding::Cp949)),
        },
    }
}

/// Whether the high bytes of a file read as Western European letters (and it has no control
/// bytes of binary data): at most two in a row
/// (`ß`, `é`, `ü`, or a `’` next to one), every one a defined Windows-1252 character. Korean and
/// Japanese text have runs of four and more (two bytes per character, several per word).
pub fn looks_latin(bytes: &[u8]) -> bool {
    let mut run = 0usize;
    let mut high = 0usize;
    for &b in bytes {
        if b < 0x80 {
            // Control bytes (NUL and the like) mean binary data, not text.
            if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') {
                return false;
            }
            run = 0;
            continue;
        }
        if matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
            return false;
        }
        run += 1;
        high += 1;
        if run > 2 {
            return false;
        }
    }
    high > 0
}

/// Walk the bytes the CP949 way and count the two-byte pairs that are everyday Hangul syllables
/// (KS X 1001: lead bytes 0xB0–0xC8, trail 0xA1 or more) and those with a Shift_JIS kana/kanji
/// lead byte (0x81–0x9F): (Hangul, Japanese).
fn cp949_pairs(bytes: &[u8]) -> (usize, usize) {
    let (mut hangul, mut japanese) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let trail = bytes.get(i + 1).copied().unwrap_or(0);
        if (0xB0..=0xC8).contains(&b) && trail >= 0xA1 {
            hangul += 1;
        } else if (0x81..=0x9F).contains(&b) {
            japanese += 1;
        }
        i += 2;
    }
    (hangul, japanese)
}

fn has_kana(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}'))
}

/// Decode with a known encoding (a byte-order mark of that encoding is skipped).
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, Problem> {
    let body = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => bytes.strip_prefix(BOM_UTF8).unwrap_or(bytes),
        Encoding::Utf16Le => bytes.strip_prefix(BOM_UTF16LE).unwrap_or(bytes),
        Encoding::Utf16Be => bytes.strip_prefix(BOM_UTF16BE).unwrap_or(bytes),
        Encoding::Cp949 | Encoding::ShiftJis | Encoding::Windows1252 => bytes,
    };
    strict(body, encoding)
        .map(|(text, _)| text)
        .ok_or_else(|| refused(encoding))
}

fn strict(bytes: &[u8], encoding: Encoding) -> Option<(Cow<'_, str>, Encoding)> {
    encoding
        .codec()
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| (text, encoding))
}

/// Whether bytes that are valid in both CP949 and Shift_JIS read better as Japanese.
///
/// Both encodings use two-byte sequences, and many Japanese sequences are also valid CP949 (as
/// rarely used Hangul syllables) while Korean text decodes as Shift_JIS half-width katakana. The
/// everyday Hangul syllables of KS X 1001 all sit at lead bytes 0xB0–0xC8 with a trail byte of
/// 0xA1 or more, where Shift_JIS has single-byte half-width katakana; Japanese kana and most kanji
/// use lead bytes 0x81–0x9F, where common Korean text has none. So: count both kinds of pairs
/// while walking the bytes the CP949 way, and call the text Japanese only when the Shift_JIS kind
/// clearly wins. A tie goes to Korean, the app's own language.
pub fn looks_japanese(bytes: &[u8]) -> bool {
    let (hangul, japanese) = cp949_pairs(bytes);
    japanese > hangul
}

fn refused(tried: Encoding) -> Problem {
    Problem::new(
        "import.encoding",
        format!(
            "파일의 문자 인코딩을 읽을 수 없습니다 ({} 등으로 시도함). Excel에서 파일을 열어 '다른 이름으로 저장' → 'CSV UTF-8(쉼표로 분리)'로 저장한 뒤 다시 가져오세요.",
            tried.label()
        ),
        format!(
            "The file's text encoding cannot be read (tried {} and the other supported encodings). Open it in Excel, choose Save As → 'CSV UTF-8 (Comma delimited)', and import that file.",
            tried.label()
        ),
    )
    .with("encoding", tried.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("주문번호,수량".as_bytes()).unwrap(),
            ("주문번호,수량".into(), Encoding::Utf8)
        );
        let mut bom = BOM_UTF8.to_vec();
        bom.extend_from_slice("주문번호".as_bytes());
        assert_eq!(
            decode(&bom).unwrap(),
            ("주문번호".into(), Encoding::Utf8Bom)
        );
        assert_eq!(decode(b"").unwrap().1, Encoding::Utf8);
    }

    #[test]
    fn cp949_korean_and_shift_jis_japanese() {
        let (korean, _, bad) = encoding_rs::EUC_KR.encode("주문번호,수량,단가\n홍길동,2,12000\n");
        assert!(!bad);
        assert_eq!(
            decode(&korean).unwrap(),
            (
                "주문번호,수량,단가\n홍길동,2,12000\n".into(),
                Encoding::Cp949
            )
        );
        let (japanese, _, bad) = encoding_rs::SHIFT_JIS.encode("注文番号,カート番号,数量\n");
        assert!(!bad);
        assert!(looks_japanese(&japanese));
        assert_eq!(decode(&japanese).unwrap().1, Encoding::ShiftJis);
        // Rarely used Hangul (CP949's extension area) still decodes as Korean when Shift_JIS fails.
        let (rare, _, _) = encoding_rs::EUC_KR.encode("똠얌꿍");
        assert_eq!(decode(&rare).unwrap().0, "똠얌꿍");
    }

    /// Amazon's European reports: Windows-1252, whether or not the bytes also pass as CP949.
    #[test]
    fn windows_1252_western_european() {
        let text = "order-id\tbuyer-name\tship-city\n302-1\tJürgen Müller\tKöln\n303-2\tÅsa Ångström\tMalmö\n304-3\tAmélie Lefèvre\tCafé “Noël” – 12 €\n";
        let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!bad);
        assert!(looks_latin(&bytes));
        assert_eq!(
            decode(&bytes).unwrap(),
            (text.into(), Encoding::Windows1252)
        );
        // A file whose only accented word is valid CP949 as well.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("name\nÅsa\n");
        assert!(strict(&bytes, Encoding::Cp949).is_some());
        assert_eq!(decode(&bytes).unwrap().1, Encoding::Windows1252);
        // Korean and Japanese stay what they are.
        let (korean, _, _) = encoding_rs::EUC_KR.encode("주문번호,수량\n홍길동,2\n");
        assert!(!looks_latin(&korean));
        assert!(!looks_latin(b"\x00\xff\x00\xfe junk"));
        assert_eq!(decode(&korean).unwrap().1, Encoding::Cp949);
        let (japanese, _, _) = encoding_rs::SHIFT_JIS.encode("注文番号,カート番号\n");
        assert_eq!(decode(&japanese).unwrap().1, Encoding::ShiftJis);
        assert_eq!(
            decode_as(&bytes, Encoding::Windows1252).unwrap(),
            "name\nÅsa\n"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = BOM_UTF16LE.to_vec();
        for u in "Order ID\tQty".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(&le).unwrap(),
            ("Order ID\tQty".into(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn garbage_is_refused_with_a_fix() {
        let e = decode(&[0x41, 0xFF, 0xFF, 0xFF, 0x80]).unwrap_err();
        assert_eq!(e.code, "import.encoding");
        assert!(e.message_en.contains("CSV UTF-8"));
        assert!(e.message_ko.contains("CSV UTF-8"));
        let e = decode_as(&[0xC0, 0x41], Encoding::Utf8).unwrap_err();
        assert_eq!(e.code, "import.encoding");
    }
}

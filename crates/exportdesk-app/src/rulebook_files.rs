//! Where the rulebook comes from: the bundled files, each of which the user may replace by a file
//! of the same name in the `rulebook/` folder beside the database (to correct a holiday, enter the
//! penalty schedule of the directive in force, or confirm an effective date). A replaced file that
//! does not parse stops the app with the file, line and column to fix; nothing is guessed.

use exportdesk_rules::rulebook::{Rulebook, BUNDLED};
use exportdesk_rules::{Problem, Problems};
use std::path::{Path, PathBuf};

/// The user's rulebook folder for a database.
pub fn user_rulebook_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("rulebook")
}

/// Load the rulebook: each file from `dir` when present there, else the bundled one. Returns the
/// names of the files taken from `dir`.
pub fn load_rulebook(dir: &Path) -> Result<(Rulebook, Vec<String>), Problems> {
    let mut texts = Vec::new();
    let mut overridden = Vec::new();
    for (name, bundled) in BUNDLED {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                overridden.push(name.to_string());
                texts.push((name, text));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                texts.push((name, bundled.to_string()))
            }
            Err(e) => {
                return Err(Problem::new(
                    "rulebook.read",
                    format!("규정집 파일 {}을(를) 읽을 수 없습니다: {e}", path.display()),
                    format!("Cannot read the rulebook file {}: {e}", path.display()),
                )
                .into())
            }
        }
    }
    let refs: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let book = Rulebook::from_sources(&refs).map_err(|e| {
        let mut p = e.to_problem();
        p.message_ko = format!(
            "{} ({} 폴더의 파일을 고치거나 지우면 기본 규정집으로 돌아갑니다.)",
            p.message_ko,
            dir.display()
        );
        p.message_en = format!(
            "{} (Fix or delete the file in {} to go back to the bundled rulebook.)",
            p.message_en,
            dir.display()
        );
        Problems::from(p)
    })?;
    Ok((book, overridden))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_unless_replaced_and_bad_files_named() {
        let dir = tempfile::tempdir().unwrap();
        let (_, over) = load_rulebook(dir.path()).unwrap();
        assert!(over.is_empty());
        let holidays = BUNDLED.iter().find(|f| f.0 == "holidays.toml").unwrap().1;
        let corrected = holidays.replacen("{ date = \"2026-12-25\"", "{ date = \"2026-12-24\", name_ko = \"임시공휴일\", name_en = \"Temporary holiday\" },\n  { date = \"2026-12-25\"", 1);
        std::fs::write(dir.path().join("holidays.toml"), &corrected).unwrap();
        let (book, over) = load_rulebook(dir.path()).unwrap();
        assert_eq!(over, ["holidays.toml"]);
        assert!(book
            .holidays
            .holiday_on("2026-12-24".parse().unwrap())
            .is_some());
        std::fs::write(
            dir.path().join("penalty.toml"),
            "[max_fine_krw]\ntitle_ko = 1\n",
        )
        .unwrap();
        let e = load_rulebook(dir.path()).unwrap_err();
        assert!(
            e.0[0].message_en.contains("penalty.toml line 2"),
            "{}",
            e.0[0].message_en
        );
    }
}

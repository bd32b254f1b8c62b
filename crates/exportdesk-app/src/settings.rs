//! User settings, stored as key/value rows (so that adding one needs no migration).

use exportdesk_rules::problem::Lang;
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::{Store, Writer};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub language: Lang,
    /// Take a backup automatically once a day when the app starts.
    pub auto_backup: bool,
    /// How many backups to keep (older ones are deleted).
    pub backup_keep: u32,
    /// Backup folder; empty means `backups/` beside the database.
    pub backup_dir: String,
    /// On start, a desktop notification lists the deadlines due within this many days.
    pub reminder_days: u32,
    /// Volumetric weight divisor for cartons (cm³ per kg): 5000 for most express couriers.
    pub volumetric_divisor: u32,
    /// Approved-exporter authorisation number (원산지인증수출자 인증번호), printed in the invoice origin
    /// declaration for the EU and the UK; empty when the exporter is not approved.
    pub approved_exporter_no: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Lang::Ko,
            auto_backup: true,
            backup_keep: 14,
            backup_dir: String::new(),
            reminder_days: 7,
            volumetric_divisor: 5000,
            approved_exporter_no: String::new(),
        }
    }
}

impl Settings {
    pub fn load(store: &Store) -> Result<Settings, Problems> {
        let d = Settings::default();
        let get = |k: &str| store.setting(k);
        Ok(Settings {
            language: get("language")?
                .and_then(|v| Lang::parse(&v))
                .unwrap_or(d.language),
            auto_backup: get("auto_backup")?.map_or(d.auto_backup, |v| v == "true"),
            backup_keep: get("backup_keep")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(d.backup_keep),
            backup_dir: get("backup_dir")?.unwrap_or(d.backup_dir),
            reminder_days: get("reminder_days")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(d.reminder_days),
            volumetric_divisor: get("volumetric_divisor")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(d.volumetric_divisor),
            approved_exporter_no: get("approved_exporter_no")?.unwrap_or_default(),
        })
    }

    pub fn validate(&self) -> Result<Settings, Problems> {
        let mut p = Problems::default();
        if !(1..=365).contains(&self.backup_keep) {
            p.push(
                Problem::new(
                    "settings.backup_keep",
                    format!(
                        "보관할 백업 수는 1에서 365 사이여야 합니다 (입력: {}).",
                        self.backup_keep
                    ),
                    format!(
                        "Keep between 1 and 365 backups (entered: {}).",
                        self.backup_keep
                    ),
                )
                .at("backup_keep"),
            );
        }
        if !(1..=60).contains(&self.reminder_days) {
            p.push(
                Problem::new(
                    "settings.reminder_days",
                    format!(
                        "알림 기간은 1일에서 60일 사이여야 합니다 (입력: {}).",
                        self.reminder_days
                    ),
                    format!(
                        "The reminder window must be between 1 and 60 days (entered: {}).",
                        self.reminder_days
                    ),
                )
                .at("reminder_days"),
            );
        }
        if !(1000..=10000).contains(&self.volumetric_divisor) {
            p.push(
                Problem::new(
                    "settings.volumetric_divisor",
                    format!(
                        "부피중량 나눗수는 1000에서 10000 사이여야 합니다 (보통 5000 또는 6000, 입력: {}).",
                        self.volumetric_divisor
                    ),
                    format!(
                        "The volumetric divisor must be between 1000 and 10000 (usually 5000 or 6000; entered: {}).",
                        self.volumetric_divisor
                    ),
                )
                .at("volumetric_divisor"),
            );
        }
        if self.approved_exporter_no.trim().chars().count() > 40 {
            p.push(
                Problem::new(
                    "settings.approved_exporter_no",
                    "원산지인증수출자 인증번호는 40자 이하로 입력하세요.",
                    "Keep the approved-exporter number to 40 characters.",
                )
                .at("approved_exporter_no"),
            );
        }
        let dir = self.backup_dir.trim();
        if !dir.is_empty() && !Path::new(dir).is_absolute() {
            p.push(
                Problem::new(
                    "settings.backup_dir",
                    format!("백업 폴더는 전체 경로로 입력하세요 (예: /home/me/백업). 입력: {dir}"),
                    format!("Enter the backup folder as a full path (e.g. /home/me/backups). Entered: {dir}"),
                )
                .at("backup_dir"),
            );
        }
        p.into_result(|| Settings {
            backup_dir: dir.to_string(),
            approved_exporter_no: self.approved_exporter_no.trim().to_string(),
            ..self.clone()
        })
    }

    pub fn store(&self, w: &mut Writer<'_>) -> Result<(), Problem> {
        let lang = match self.language {
            Lang::Ko => "ko",
            Lang::En => "en",
        };
        w.set_setting("language", lang)?;
        w.set_setting(
            "auto_backup",
            if self.auto_backup { "true" } else { "false" },
        )?;
        w.set_setting("backup_keep", &self.backup_keep.to_string())?;
        w.set_setting("backup_dir", &self.backup_dir)?;
        w.set_setting("reminder_days", &self.reminder_days.to_string())?;
        w.set_setting("volumetric_divisor", &self.volumetric_divisor.to_string())?;
        w.set_setting("approved_exporter_no", &self.approved_exporter_no)
    }

    pub fn backup_dir_or_default(&self, db_path: &Path) -> PathBuf {
        if self.backup_dir.trim().is_empty() {
            db_path.parent().unwrap_or(Path::new(".")).join("backups")
        } else {
            PathBuf::from(self.backup_dir.trim())
        }
    }
}

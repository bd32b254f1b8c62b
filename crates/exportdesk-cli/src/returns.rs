//! `exportdesk returns …`: returned goods and their duty-free re-import claims.

use crate::table::Table;
use crate::Out;
use clap::Subcommand;
use exportdesk_app::{App, ReturnView};
use exportdesk_rules::reimport::ReturnDraft;
use exportdesk_rules::{Problem, Problems};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ReturnsCmd {
    /// Every return with its claim state and eligibility
    List,
    /// One return: lines, checklist, steps, relief estimate
    Show {
        id: i64,
    },
    /// Record a return from a JSON file (`-` for standard input): {declaration_id, return_date,
    /// reason, carrier, tracking_no, condition, drawback_status, note, lines: [{declaration_id,
    /// line_no, quantity, duty_rate_percent}]}
    Add {
        file: PathBuf,
    },
    /// The duty-free claim was filed
    File {
        id: i64,
        #[arg(long)]
        date: String,
        /// The import declaration number
        #[arg(long, default_value = "")]
        import_no: String,
    },
    /// Customs decided the claim
    Decide {
        id: i64,
        #[arg(long)]
        granted: bool,
        #[arg(long)]
        denied: bool,
        #[arg(long)]
        date: String,
    },
    Delete {
        id: i64,
    },
}

fn view_text(v: &ReturnView, out: &Out) -> String {
    let ko = out.lang == exportdesk_rules::problem::Lang::Ko;
    let mut t = format!(
        "#{} {} — {} {}\n",
        v.ret.id,
        v.ret.return_date,
        v.declaration_no.clone().unwrap_or_default(),
        v.buyer_name
    );
    for c in &v.verdict.checks {
        t.push_str(&format!(
            "  [{}] {}\n",
            serde_json::to_value(c.status)
                .ok()
                .and_then(|s| s.as_str().map(str::to_string))
                .unwrap_or_default(),
            if ko { &c.label_ko } else { &c.label_en }
        ));
    }
    for s in &v.verdict.steps {
        t.push_str(&format!("  - {}\n", if ko { &s.ko } else { &s.en }));
    }
    t
}

pub fn run(app: &mut App, cmd: ReturnsCmd, out: &Out) -> Result<(), Problems> {
    let view = match cmd {
        ReturnsCmd::List => {
            let rows = app.returns()?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&[
                    "ID",
                    "DATE",
                    "DECLARATION",
                    "BUYER",
                    "UNITS",
                    "CLAIM",
                    "VERDICT",
                    "WINDOW",
                ]);
                for r in rows {
                    t.row(vec![
                        r.id.to_string(),
                        r.return_date.to_string(),
                        r.declaration_no.clone().unwrap_or_default(),
                        r.buyer_name.clone(),
                        r.units.normalize().to_string(),
                        r.claim_state.code().to_string(),
                        serde_json::to_value(r.outcome)
                            .ok()
                            .and_then(|s| s.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        r.window_last_day.map(|d| d.to_string()).unwrap_or_default(),
                    ]);
                }
                t.render()
            });
            return Ok(());
        }
        ReturnsCmd::Show { id } => app.return_view(id)?,
        ReturnsCmd::Add { file } => {
            let text = if file.as_os_str() == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
            } else {
                std::fs::read_to_string(&file)
            }
            .map_err(|e| {
                Problems::from(Problem::new(
                    "file.read",
                    format!("{}을(를) 읽을 수 없습니다: {e}", file.display()),
                    format!("Cannot read {}: {e}", file.display()),
                ))
            })?;
            let draft: ReturnDraft = serde_json::from_str(&text).map_err(|e| {
                Problems::from(Problem::new(
                    "return.json",
                    format!("반품 내용(JSON)을 읽을 수 없습니다: {e}"),
                    format!("The return (JSON) cannot be read: {e}"),
                ))
            })?;
            app.save_return(None, &draft)?
        }
        ReturnsCmd::File {
            id,
            date,
            import_no,
        } => app.file_return_claim(id, &date, &import_no)?,
        ReturnsCmd::Decide {
            id,
            granted,
            denied,
            date,
        } => {
            if granted == denied {
                return Err(Problem::new(
                    "return.decision",
                    "--granted 또는 --denied 중 하나를 고르세요.",
                    "Give exactly one of --granted or --denied.",
                )
                .into());
            }
            app.decide_return_claim(id, granted, &date)?
        }
        ReturnsCmd::Delete { id } => {
            app.delete_return(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("지웠습니다.", "Deleted.")
            });
            return Ok(());
        }
    };
    out.print(&view, |v| view_text(v, out));
    Ok(())
}

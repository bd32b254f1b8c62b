//! `exportdesk documents …`: printable paperwork.

use crate::Out;
use clap::Subcommand;
use exportdesk_app::App;
use exportdesk_rules::Problems;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum DocumentsCmd {
    /// Product list with HS codes (상품 목록 및 HS 코드표)
    Products {
        /// Output file (default: documents/ beside the database)
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run(app: &mut App, cmd: DocumentsCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        DocumentsCmd::Products { out: file } => {
            let doc = app.product_list_pdf(file.as_deref())?;
            out.print(&doc, |d| {
                format!("{} {}", out.ko_en("저장했습니다:", "Saved:"), d.path)
            });
        }
    }
    Ok(())
}

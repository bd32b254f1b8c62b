//! `exportdesk declarations …` and `exportdesk dashboard`.

use crate::table::Table;
use crate::Out;
use clap::{Args, Subcommand};
use exportdesk_app::{App, DeclarationView, DraftEdit, DraftRequest};
use exportdesk_rules::declaration::DeclarationState;
use exportdesk_rules::problem::Lang;
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::DeclarationFilter;

#[derive(Subcommand)]
pub enum DeclarationsCmd {
    /// List declarations
    List {
        /// draft, filed, accepted, loaded or cancelled
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        search: Option<String>,
    },
    /// Undeclared orders grouped by buyer, destination, currency and Incoterm
    Groups,
    /// Draft a declaration from orders (comma-separated ids)
    Draft(Box<DraftArgs>),
    /// Show a declaration with its FOB steps, kind, missing fields and deadlines
    Show { id: i64 },
    /// Change a draft
    Edit(Box<EditArgs>),
    /// Refresh a draft's lines from the products (after fixing HS codes, weights, …)
    Refresh { id: i64 },
    /// Delete a draft
    Delete { id: i64 },
    /// Record that the declaration was filed
    File {
        id: i64,
        #[arg(long)]
        date: Option<String>,
    },
    /// Record acceptance: declaration number and acceptance date (수리일)
    Accept {
        id: i64,
        #[arg(long)]
        no: String,
        #[arg(long)]
        date: String,
    },
    /// Record a granted loading-period extension
    Extend {
        id: i64,
        #[arg(long)]
        requested_on: String,
        #[arg(long)]
        new_date: String,
        #[arg(long)]
        reason: String,
    },
    /// Record loading (closes the loading deadline)
    Load {
        id: i64,
        #[arg(long)]
        date: String,
        /// B/L or AWB number
        #[arg(long)]
        bl: String,
        #[arg(long, default_value = "")]
        carrier: String,
    },
    /// Record a cancellation (withdrawal)
    Cancel {
        id: i64,
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: String,
    },
    /// Mark the price provisional with the confirmation & payment date
    Provisional {
        id: i64,
        #[arg(long)]
        paid_on: String,
    },
    /// Record the final price declaration
    FinalPrice {
        id: i64,
        #[arg(long, allow_hyphen_values = true)]
        fob_krw: String,
        #[arg(long)]
        date: String,
    },
}

#[derive(Args)]
pub struct DraftArgs {
    /// Order ids, comma-separated
    #[arg(long, value_delimiter = ',', required = true)]
    orders: Vec<i64>,
    /// Declaration date (default today)
    #[arg(long)]
    date: Option<String>,
    /// Freight and insurance to take out (default: the orders' shipping fees)
    #[arg(long, allow_hyphen_values = true)]
    freight: Option<String>,
    #[arg(long)]
    non_conforming: bool,
    #[arg(long)]
    conditional_reexport: bool,
}

#[derive(Args)]
pub struct EditArgs {
    id: i64,
    #[arg(long)]
    date: Option<String>,
    /// Freight and insurance; empty takes the orders' shipping fees again
    #[arg(long, allow_hyphen_values = true)]
    freight: Option<String>,
    /// Did the buyer pay the shipping on top of the goods? true: not taken out of the goods to
    /// reach FOB; false: the prices include it
    #[arg(long)]
    shipping_separate: Option<bool>,
    /// air, sea, post or courier
    #[arg(long)]
    transport: Option<String>,
    #[arg(long)]
    port: Option<String>,
    #[arg(long)]
    courier: Option<String>,
    #[arg(long)]
    non_conforming: Option<bool>,
    #[arg(long)]
    conditional_reexport: Option<bool>,
}

fn show(view: &DeclarationView, out: &Out) -> String {
    let d = &view.declaration;
    let ko = out.lang == Lang::Ko;
    let pick = |k: &str, e: &str| if ko { k.to_string() } else { e.to_string() };
    let mut s = vec![
        format!(
            "#{} {} · {} · {}",
            d.id,
            d.declaration_no
                .clone()
                .unwrap_or_else(|| pick("(번호 없음)", "(no number)")),
            if ko {
                d.state.label_ko()
            } else {
                d.state.label_en()
            },
            if ko {
                d.kind.label_ko()
            } else {
                d.kind.label_en()
            }
        ),
        if ko {
            d.kind_reason_ko.clone()
        } else {
            d.kind_reason_en.clone()
        },
        format!(
            "{}: {} {} / FOB {} {} / ₩{}",
            pick("주문", "Orders"),
            d.order_numbers.join(", "),
            d.incoterm,
            d.currency,
            d.fob_total,
            d.fob_krw
        ),
    ];
    for step in &view.fob.steps {
        s.push(format!("  · {}", if ko { &step.ko } else { &step.en }));
    }
    for m in &view.missing {
        let line = m.line.map(|l| format!("{l}: ")).unwrap_or_default();
        s.push(format!(
            "  ! {line}{} → {}",
            if ko { &m.label_ko } else { &m.label_en },
            if ko { &m.fix_ko } else { &m.fix_en }
        ));
    }
    for dl in view.loading.iter().chain(view.final_price.iter()) {
        for step in &dl.steps {
            s.push(format!("  ⏱ {}", if ko { &step.ko } else { &step.en }));
        }
    }
    if let Some(p) = &view.penalty {
        s.push(format!(
            "  {} ₩{} → ₩{} ({})",
            pick("과태료 추정", "Estimated fine"),
            p.before_reduction_krw,
            p.after_reduction_krw,
            pick("추정치", "estimate")
        ));
    }
    for w in &view.warnings {
        s.push(format!("  ⚠ {}", w.message(out.lang)));
    }
    s.join("\n")
}

fn state_arg(s: &Option<String>) -> Result<Option<DeclarationState>, Problems> {
    s.as_deref()
        .map(|v| {
            DeclarationState::parse(v.trim()).ok_or_else(|| {
                Problems::from(Problem::new(
                    "declaration.state_unknown",
                    format!("'{v}'은(는) 상태가 아닙니다. draft, filed, accepted, loaded, cancelled 중에서 고르세요."),
                    format!("'{v}' is not a state; use draft, filed, accepted, loaded or cancelled."),
                ))
            })
        })
        .transpose()
}

pub fn run(app: &mut App, cmd: DeclarationsCmd, out: &Out) -> Result<(), Problems> {
    let view = match cmd {
        DeclarationsCmd::List { state, search } => {
            let rows = app.declarations(&DeclarationFilter {
                state: state_arg(&state)?,
                search,
                limit: None,
            })?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&[
                    "ID",
                    "STATE",
                    "KIND",
                    "DATE",
                    "NO",
                    "BUYER",
                    "TO",
                    "FOB KRW",
                    "LOADING DUE",
                ]);
                for r in rows {
                    t.row(vec![
                        r.id.to_string(),
                        r.state.code().into(),
                        format!("{:?}", r.kind).to_lowercase(),
                        r.declared_on.to_string(),
                        r.declaration_no.clone().unwrap_or_default(),
                        r.buyer_name.clone(),
                        r.destination_country.clone(),
                        r.fob_krw.to_string(),
                        r.loading_due.map(|d| d.to_string()).unwrap_or_default(),
                    ]);
                }
                t.render()
            });
            return Ok(());
        }
        DeclarationsCmd::Groups => {
            let groups = app.propose_groups(None)?;
            out.print(&groups, |gs| {
                let mut t = Table::new(&["ORDERS", "BUYER", "TO", "TERMS", "TOTAL"]);
                for g in gs {
                    let ids: Vec<String> = g.order_ids.iter().map(|i| i.to_string()).collect();
                    t.row(vec![
                        ids.join(","),
                        g.buyer_name.clone(),
                        g.destination_country.clone(),
                        g.incoterm.clone(),
                        format!("{} {}", g.currency, g.goods_total),
                    ]);
                }
                t.render()
            });
            return Ok(());
        }
        DeclarationsCmd::Draft(a) => app.draft_declaration(&DraftRequest {
            order_ids: a.orders.clone(),
            declared_on: a.date.clone(),
            freight_insurance: a.freight.clone(),
            non_conforming: a.non_conforming,
            conditional_reexport: a.conditional_reexport,
        })?,
        DeclarationsCmd::Show { id } => app.declaration_view(id)?,
        DeclarationsCmd::Edit(a) => app.edit_draft(
            a.id,
            &DraftEdit {
                declared_on: a.date.clone(),
                freight_insurance: a.freight.clone(),
                non_conforming: a.non_conforming,
                conditional_reexport: a.conditional_reexport,
                transport_mode: a.transport.clone(),
                loading_port: a.port.clone(),
                courier_code: a.courier.clone(),
                freight_separate: a.shipping_separate,
            },
        )?,
        DeclarationsCmd::Refresh { id } => app.refresh_draft_lines(id)?,
        DeclarationsCmd::Delete { id } => {
            app.delete_draft(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("삭제했습니다.", "Deleted.")
            });
            return Ok(());
        }
        DeclarationsCmd::File { id, date } => app.file_declaration(id, date)?,
        DeclarationsCmd::Accept { id, no, date } => app.accept_declaration(id, &no, &date)?,
        DeclarationsCmd::Extend {
            id,
            requested_on,
            new_date,
            reason,
        } => app.extend_loading(id, &requested_on, &new_date, &reason)?,
        DeclarationsCmd::Load {
            id,
            date,
            bl,
            carrier,
        } => app.record_loading(id, &date, &bl, &carrier)?,
        DeclarationsCmd::Cancel { id, date, reason } => {
            app.cancel_declaration(id, &date, &reason)?
        }
        DeclarationsCmd::Provisional { id, paid_on } => app.mark_provisional(id, &paid_on)?,
        DeclarationsCmd::FinalPrice { id, fob_krw, date } => {
            app.record_final_price(id, &fob_krw, &date)?
        }
    };
    out.print(&view, |v| show(v, out));
    Ok(())
}

pub fn dashboard(app: &App, out: &Out) -> Result<(), Problems> {
    let dash = app.dashboard()?;
    out.print(&dash, |d| {
        let c = &d.counts;
        let mut lines = vec![format!(
            "{} {} · {} {} · {} {} · {} {}",
            out.ko_en("지남", "overdue"),
            c.overdue,
            out.ko_en("3일 이내", "≤3 days"),
            c.within_3_days,
            out.ko_en("7일 이내", "≤7 days"),
            c.within_7_days,
            out.ko_en("이후", "later"),
            c.later
        )];
        for i in &d.items {
            let step = if out.lang == Lang::Ko {
                &i.next_step_ko
            } else {
                &i.next_step_en
            };
            lines.push(format!("{} [{}] {}", i.deadline.due, i.urgency, step));
        }
        lines.join("\n")
    });
    Ok(())
}

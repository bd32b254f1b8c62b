//! `exportdesk`: every ExportDesk use case from the command line, for scripts, brokers' checks
//! and people who prefer a terminal. Human output by default, `--json` for machines. Exit code 0
//! on success, 1 when the input or data needs fixing (the message says what), 2 for usage errors.

mod check;
mod declarations;
mod documents;
mod import;
mod origin;
mod returns;
mod shipments;
mod table;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use exportdesk_app::{App, Settings};
use exportdesk_rules::problem::Lang;
use exportdesk_rules::rates::{parse_date, RateDraft};
use exportdesk_rules::records::{ProductDraft, SellerDraft};
use exportdesk_rules::rulebook::Rulebook;
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::OrderFilter;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use table::Table;

#[derive(Parser)]
#[command(
    name = "exportdesk",
    version,
    about = "ExportDesk 수출데스크 — export paperwork for Korean e-commerce sellers"
)]
struct Cli {
    /// Database file (else $EXPORTDESK_DB, else the OS data directory)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Machine-readable JSON output
    #[arg(long, global = true)]
    json: bool,
    /// Message language: ko (default) or en (else $EXPORTDESK_LANG, else the app setting)
    #[arg(long, global = true, value_name = "ko|en")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database (or bring it up to date) and show its status
    Init,
    /// Show the database, record counts and last backup
    Status,
    /// The seller profile (수출화주)
    #[command(subcommand)]
    Seller(SellerCmd),
    /// The sample shop
    #[command(subcommand)]
    Sample(SampleCmd),
    /// The product catalogue
    #[command(subcommand)]
    Products(ProductsCmd),
    /// Orders
    #[command(subcommand)]
    Orders(OrdersCmd),
    /// Overseas buyers
    #[command(subcommand)]
    Buyers(BuyersCmd),
    /// Weekly customs exchange rates (과세환율)
    #[command(subcommand)]
    Rates(RatesCmd),
    /// HS 2022 finder
    #[command(subcommand)]
    Hs(HsCmd),
    /// Rule values with their sources
    #[command(subcommand)]
    Rulebook(RulebookCmd),
    /// Backups
    #[command(subcommand)]
    Backup(BackupCmd),
    /// Export declarations (수출신고): draft, file, accept, extend, load, cancel, final price
    #[command(subcommand)]
    Declarations(declarations::DeclarationsCmd),
    /// Consolidated shipments (합포장): cartons, auto-pack, loading
    #[command(subcommand)]
    Shipments(shipments::ShipmentsCmd),
    /// Bills of materials per product (자재명세서), for FTA origin checks
    #[command(subcommand)]
    Bom(origin::BomCmd),
    /// Supplier origin declarations (원산지확인서)
    #[command(subcommand)]
    Suppliers(origin::SuppliersCmd),
    /// Returned goods and duty-free re-import claims (재수입면세)
    #[command(subcommand)]
    Returns(returns::ReturnsCmd),
    /// FTA origin checks of products with a BOM, and the product-specific rules
    #[command(subcommand)]
    Origin(origin::OriginCmd),
    /// Open deadlines by urgency
    Dashboard,
    /// Stateless checks: a JSON case on stdin, a JSON verdict with steps on stdout (docs/cli.md)
    #[command(subcommand)]
    Check(CheckCmd),
    /// Printable paperwork (PDF)
    #[command(subcommand)]
    Documents(documents::DocumentsCmd),
    /// Orders in from marketplace files (Shopify, eBay, Amazon, Etsy, Shopee, Qoo10, Cafe24, or
    /// any file with a column mapping)
    #[command(subcommand)]
    Import(import::ImportCmd),
    /// The audit trail of every change
    Log {
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
}

#[derive(Subcommand)]
enum SellerCmd {
    Show,
    /// Create or update the profile (all fields are checked; nothing is stored on an error)
    Set(Box<SellerArgs>),
}

#[derive(Args)]
struct SellerArgs {
    #[arg(long)]
    name: String,
    #[arg(long, default_value = "")]
    name_en: String,
    #[arg(long)]
    representative: String,
    #[arg(long)]
    business_no: String,
    #[arg(long, default_value = "")]
    customs_code: String,
    #[arg(long)]
    address: String,
    #[arg(long, default_value = "")]
    address_en: String,
    #[arg(long, default_value = "")]
    phone: String,
    #[arg(long, default_value = "")]
    email: String,
    #[arg(long)]
    platform_based: bool,
    #[arg(long, default_value = "")]
    platforms: String,
}

#[derive(Subcommand)]
enum SampleCmd {
    /// Load ~20 products, 60 orders to 8+ countries and 12 weeks of rates into an empty shop
    Load,
}

#[derive(Subcommand)]
enum ProductsCmd {
    List {
        #[arg(long, default_value = "")]
        search: String,
    },
    Show {
        id: i64,
    },
    /// Add a product
    Add(Box<ProductArgs>),
    Delete {
        id: i64,
    },
}

#[derive(Args)]
struct ProductArgs {
    #[arg(long)]
    sku: String,
    #[arg(long, default_value = "")]
    name_ko: String,
    #[arg(long, default_value = "")]
    name_en: String,
    #[arg(long, default_value = "")]
    hs: String,
    #[arg(long, default_value = "EA")]
    unit: String,
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    net_weight_kg: String,
    #[arg(long, default_value = "")]
    origin: String,
    #[arg(long, default_value = "")]
    brand: String,
    #[arg(long, default_value = "")]
    model_spec: String,
    #[arg(long)]
    needs_permit: bool,
}

#[derive(Subcommand)]
enum OrdersCmd {
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        marketplace: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        limit: Option<u32>,
    },
    Show {
        id: i64,
    },
    Delete {
        id: i64,
    },
}

#[derive(Subcommand)]
enum BuyersCmd {
    List,
}

#[derive(Subcommand)]
enum RatesCmd {
    List,
    /// Enter the rate of one week (any date in the week)
    Add {
        #[arg(long)]
        date: String,
        #[arg(long)]
        currency: String,
        #[arg(long, allow_hyphen_values = true)]
        rate: String,
        /// Units the rate is quoted for (100 for JPY per 100 yen)
        #[arg(long)]
        per: Option<String>,
        #[arg(long)]
        source: Option<String>,
    },
    /// Import a CSV with columns date,currency,rate[,per,source]: all rows or none
    Import {
        file: PathBuf,
    },
    /// The rate that applies on a date
    For {
        #[arg(long)]
        currency: String,
        #[arg(long)]
        date: String,
    },
}

#[derive(Subcommand)]
enum HsCmd {
    /// Search the HS 2022 six-digit table by code prefix or Korean/English words
    Search {
        #[arg(required = true)]
        query: Vec<String>,
        #[arg(long, default_value_t = 15)]
        limit: usize,
    },
    /// Find 10-digit Korean codes (HSK) for a product name, a listing title or a code
    Find {
        #[arg(required = true)]
        query: Vec<String>,
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
    /// What the Korean tariff says about a code on a date: its path, unit and validity
    Check {
        code: String,
        /// The declaration date (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
    },
}

#[derive(Subcommand)]
enum RulebookCmd {
    /// Every value in force on a date, with source and verification
    Show {
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// Read the rulebook from this folder instead of the built-in one (to check edits)
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CheckCmd {
    /// FOB in won and the declaration kind for given lines, currency, rate, Incoterm, date, flags
    Declaration,
    /// Deadline dates for acceptance / confirmation-and-payment / extension dates
    Deadlines,
    /// FTA origin of a product from its bill of materials: verdict, rule, trace, what would pass
    Origin,
    /// Duty-free re-import of returned goods: eligibility with a checklist, steps and relief estimate
    Reimport,
}

#[derive(Subcommand)]
enum BackupCmd {
    Now,
    List,
    /// Restore a backup (the current data is backed up first)
    Restore {
        file: PathBuf,
    },
}

/// Where output goes and in which language.
pub(crate) struct Out {
    pub(crate) json: bool,
    pub(crate) lang: Lang,
}

impl Out {
    pub(crate) fn print<T: Serialize>(&self, value: &T, human: impl FnOnce(&T) -> String) {
        let text = if self.json {
            serde_json::to_string_pretty(value).expect("serialisable")
        } else {
            human(value).trim_end().to_string()
        };
        if text.is_empty() {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = writeln!(stdout, "{text}") {
            // The reader went away (`exportdesk hs find … | head`): stop quietly, as other
            // command-line tools do, instead of panicking.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("{e}");
            std::process::exit(1);
        }
    }

    pub(crate) fn ko_en(&self, ko: &str, en: &str) -> String {
        match self.lang {
            Lang::Ko => ko.to_string(),
            Lang::En => en.to_string(),
        }
    }

    fn fail(&self, problems: &Problems) {
        if self.json {
            println!("{}", serde_json::json!({ "problems": problems.0 }));
        } else {
            for p in &problems.0 {
                let field = p
                    .field
                    .as_deref()
                    .map(|f| format!(" [{f}]"))
                    .unwrap_or_default();
                eprintln!(
                    "{}{field}: {}",
                    self.ko_en("오류", "error"),
                    p.message(self.lang)
                );
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let flag_lang = cli
        .lang
        .clone()
        .or_else(|| std::env::var("EXPORTDESK_LANG").ok())
        .and_then(|l| Lang::parse(&l));
    let mut out = Out {
        json: cli.json,
        lang: flag_lang.unwrap_or_default(),
    };
    match run(cli, &mut out, flag_lang.is_some()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            out.fail(&problems);
            ExitCode::from(1)
        }
    }
}

fn open(db: Option<PathBuf>) -> Result<App, Problems> {
    App::open(
        &exportdesk_app::resolve_db_path(db),
        exportdesk_app::clock_from_env(),
    )
}

fn date_arg(s: &Option<String>, field: &str) -> Result<Option<NaiveDate>, Problems> {
    Ok(s.as_deref().map(|d| parse_date(d, field)).transpose()?)
}

fn run(cli: Cli, out: &mut Out, lang_given: bool) -> Result<(), Problems> {
    // Stateless checks open no database.
    if let Command::Check(cmd) = &cli.command {
        let mut input = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut input).map_err(|e| {
            Problems::from(Problem::new(
                "check.stdin",
                format!("표준 입력을 읽을 수 없습니다: {e}"),
                format!("Cannot read standard input: {e}"),
            ))
        })?;
        let book = Rulebook::bundled();
        let verdict = match cmd {
            CheckCmd::Declaration => check::declaration(&input, &book)?,
            CheckCmd::Deadlines => check::deadlines(&input, &book)?,
            CheckCmd::Origin => check::origin(&input, &book)?,
            CheckCmd::Reimport => check::reimport(&input, &book)?,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&verdict).expect("serialisable")
        );
        return Ok(());
    }
    // The rulebook of a folder can be checked without a database.
    if let Command::Rulebook(RulebookCmd::Show { on, dir: Some(dir) }) = &cli.command {
        if !dir.is_dir() {
            return Err(Problem::new(
                "rulebook.dir_missing",
                format!("규칙 폴더 {}이(가) 없습니다. 규칙 파일이 든 폴더의 경로를 확인하세요.", dir.display()),
                format!("The rulebook folder {} does not exist; check the path of the folder with the rule files.", dir.display()),
            )
            .at("dir")
            .into());
        }
        let book = load_rulebook_dir(dir)?;
        let date =
            date_arg(on, "on")?.unwrap_or_else(|| exportdesk_app::clock_from_env().now().date());
        let view = exportdesk_app::RulebookView {
            date,
            values: book.show_on(date),
        };
        out.print(&view, |v| show_rulebook(v, out.lang));
        return Ok(());
    }
    let mut app = open(cli.db)?;
    if !lang_given {
        out.lang = app
            .settings()
            .map(|s: Settings| s.language)
            .unwrap_or_default();
    }
    let lang = out.lang;
    match cli.command {
        Command::Init | Command::Status => {
            let status = app.status()?;
            out.print(&status, |s| {
                format!(
                    "{}: {}\n{}: {}\n{}: {} / {}: {} / {}: {} / {}: {}\n{}: {}",
                    out.ko_en("데이터베이스", "Database"),
                    s.db_path,
                    out.ko_en("스키마 버전", "Schema version"),
                    s.schema_version,
                    out.ko_en("상품", "Products"),
                    s.products,
                    out.ko_en("주문", "Orders"),
                    s.orders,
                    out.ko_en("구매자", "Buyers"),
                    s.buyers,
                    out.ko_en("환율", "Rates"),
                    s.rates,
                    out.ko_en("마지막 백업", "Last backup"),
                    s.last_backup
                        .map_or_else(|| out.ko_en("없음", "none"), |b| b.to_string())
                )
            });
        }
        Command::Seller(SellerCmd::Show) => {
            let seller = app.seller()?;
            out.print(&seller, |s| match s {
                None => out.ko_en(
                    "판매자 정보가 없습니다. `exportdesk seller set`으로 만드세요.",
                    "No seller profile yet; create it with `exportdesk seller set`.",
                ),
                Some(s) => format!(
                    "{} ({})\n{}: {}\n{}",
                    s.name,
                    s.name_en,
                    out.ko_en("사업자등록번호", "Business no."),
                    s.business_no,
                    s.address
                ),
            });
        }
        Command::Seller(SellerCmd::Set(a)) => {
            let draft = SellerDraft {
                name: a.name,
                name_en: a.name_en,
                representative: a.representative,
                business_no: a.business_no,
                customs_code: a.customs_code,
                address: a.address,
                address_en: a.address_en,
                phone: a.phone,
                email: a.email,
                platform_based: a.platform_based,
                platforms: a.platforms,
            };
            let saved = app.save_seller(&draft)?;
            out.print(&saved, |s| {
                format!("{} {}", out.ko_en("저장했습니다:", "Saved:"), s.name)
            });
        }
        Command::Sample(SampleCmd::Load) => {
            let loaded = app.load_sample()?;
            out.print(&loaded, |l| {
                out.ko_en(
                    &format!("예시 데이터를 불러왔습니다: 상품 {}개, 구매자 {}명, 주문 {}건({}개국), 환율 {}개", l.products, l.buyers, l.orders, l.countries, l.rates),
                    &format!("Sample data loaded: {} products, {} buyers, {} orders to {} countries, {} rates", l.products, l.buyers, l.orders, l.countries, l.rates),
                )
            });
        }
        Command::Products(cmd) => products(&mut app, cmd, out)?,
        Command::Orders(cmd) => orders(&mut app, cmd, out)?,
        Command::Buyers(BuyersCmd::List) => {
            let buyers = app.buyers()?;
            out.print(&buyers, |bs| {
                let mut t = Table::new(&["ID", "NAME", "COUNTRY", "EMAIL"]);
                for b in bs {
                    t.row(vec![
                        b.id.to_string(),
                        b.name.clone(),
                        b.country.to_string(),
                        b.email.clone(),
                    ]);
                }
                t.render()
            });
        }
        Command::Rates(cmd) => rates(&mut app, cmd, out)?,
        Command::Hs(HsCmd::Search { query, limit }) => {
            let found = app.hs_search(&query.join(" "), limit);
            out.print(&found, |ms| {
                let mut t = Table::new(&["HS", "KEYWORDS", "DESCRIPTION"]);
                for m in ms {
                    let kw = if lang == Lang::Ko {
                        m.keywords_ko.join(", ")
                    } else {
                        m.keywords_en.join(", ")
                    };
                    t.row(vec![m.dotted.clone(), kw, m.description_en.clone()]);
                }
                if ms.is_empty() {
                    out.ko_en(
                        "찾은 HS 코드가 없습니다. 다른 단어나 코드 앞자리로 찾아 보세요.",
                        "No HS code found; try other words or a code prefix.",
                    )
                } else {
                    t.render()
                }
            });
        }
        Command::Hs(HsCmd::Find { query, limit }) => {
            let found = app.hs_find(&query.join(" "), limit)?;
            out.print(&found, |ss| show_hs_suggestions(ss, lang, out));
        }
        Command::Hs(HsCmd::Check { code, on }) => {
            let info = app.hs_code_info(&code, date_arg(&on, "on")?)?;
            out.print(&info, |i| show_hs_code_info(i, lang));
            if info.problem.is_some() {
                return Err(Problems::from(info.problem.clone().unwrap()));
            }
        }
        Command::Rulebook(RulebookCmd::Show { on, dir: _ }) => {
            let view = app.rulebook_on(date_arg(&on, "on")?);
            out.print(&view, |v| show_rulebook(v, lang));
        }
        Command::Backup(BackupCmd::Now) => {
            let b = app.backup_now()?;
            out.print(&b, |b| {
                format!("{} {}", out.ko_en("백업했습니다:", "Backed up to"), b.path)
            });
        }
        Command::Backup(BackupCmd::List) => {
            let list = app.backups()?;
            out.print(&list, |bs| {
                let mut t = Table::new(&["TAKEN", "SIZE", "PATH"]);
                for b in bs {
                    t.row(vec![
                        b.taken_at.to_string(),
                        b.size_bytes.to_string(),
                        b.path.clone(),
                    ]);
                }
                t.render()
            });
        }
        Command::Backup(BackupCmd::Restore { file }) => {
            let safety = app.restore_backup(&file)?;
            out.print(&safety, |s| {
                out.ko_en(
                    &format!("복원했습니다. 복원 전 데이터는 {}에 백업했습니다.", s.path),
                    &format!(
                        "Restored. The data from before the restore was backed up to {}.",
                        s.path
                    ),
                )
            });
        }
        Command::Documents(cmd) => documents::run(&mut app, cmd, out)?,
        Command::Import(cmd) => import::run(&mut app, cmd, out)?,
        Command::Shipments(cmd) => shipments::run(&mut app, cmd, out)?,
        Command::Bom(cmd) => origin::bom(&mut app, cmd, out)?,
        Command::Suppliers(cmd) => origin::suppliers(&mut app, cmd, out)?,
        Command::Origin(cmd) => origin::origin(&mut app, cmd, out)?,
        Command::Returns(cmd) => returns::run(&mut app, cmd, out)?,
        Command::Declarations(cmd) => declarations::run(&mut app, cmd, out)?,
        Command::Dashboard => declarations::dashboard(&app, out)?,
        Command::Check(_) => unreachable!("handled before the database is opened"),
        Command::Log { limit } => {
            let log = app.change_log(limit)?;
            out.print(&log, |es| {
                let mut t = Table::new(&["AT", "ENTITY", "ID", "ACTION"]);
                for e in es {
                    t.row(vec![
                        e.at.clone(),
                        e.entity.clone(),
                        e.entity_id.clone(),
                        e.action.clone(),
                    ]);
                }
                t.render()
            });
        }
    }
    Ok(())
}

fn products(app: &mut App, cmd: ProductsCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        ProductsCmd::List { search } => {
            let rows = app.products(&search)?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&["ID", "SKU", "NAME", "HS", "UNIT", "KG", "ORIGIN"]);
                for r in rows {
                    let p = &r.product;
                    let name = if out.lang == Lang::Ko && !p.name_ko.is_empty() {
                        &p.name_ko
                    } else {
                        &p.name_en
                    };
                    t.row(vec![
                        p.id.to_string(),
                        p.sku.clone(),
                        name.clone(),
                        p.hs_code.as_ref().map_or("-".into(), |h| h.dotted()),
                        p.unit.clone(),
                        p.net_weight_kg.map_or("-".into(), |w| w.to_string()),
                        p.origin_country
                            .as_ref()
                            .map_or("-".into(), |c| c.to_string()),
                    ]);
                }
                t.render()
            });
        }
        ProductsCmd::Show { id } => {
            let p = app.product(id)?;
            out.print(&p, |p| {
                serde_json::to_string_pretty(p).expect("serialisable")
            });
        }
        ProductsCmd::Add(a) => {
            let draft = ProductDraft {
                sku: a.sku,
                name_ko: a.name_ko,
                name_en: a.name_en,
                hs_code: a.hs,
                unit: a.unit,
                net_weight_kg: a.net_weight_kg,
                origin_country: a.origin,
                brand: a.brand,
                model_spec: a.model_spec,
                needs_permit: a.needs_permit,
            };
            let p = app.save_product(None, &draft)?;
            out.print(&p, |p| {
                format!(
                    "{} {} (ID {})",
                    out.ko_en("상품을 추가했습니다:", "Product added:"),
                    p.sku,
                    p.id
                )
            });
        }
        ProductsCmd::Delete { id } => {
            app.delete_product(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("삭제했습니다.", "Deleted.")
            });
        }
    }
    Ok(())
}

fn orders(app: &mut App, cmd: OrdersCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        OrdersCmd::List {
            search,
            marketplace,
            country,
            limit,
        } => {
            let rows = app.orders(&OrderFilter {
                search,
                marketplace,
                destination_country: country,
                limit,
                offset: None,
            })?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&[
                    "ID", "DATE", "MARKET", "ORDER", "BUYER", "TO", "TOTAL", "TERMS",
                ]);
                for o in rows {
                    t.row(vec![
                        o.id.to_string(),
                        o.order_date.to_string(),
                        o.marketplace.clone(),
                        o.order_no.clone(),
                        o.buyer_name.clone().unwrap_or_default(),
                        o.destination_country.clone(),
                        format!("{} {}", o.currency, o.goods_total),
                        o.incoterm.clone(),
                    ]);
                }
                t.render()
            });
        }
        OrdersCmd::Show { id } => {
            let o = app.order(id)?;
            out.print(&o, |o| {
                serde_json::to_string_pretty(o).expect("serialisable")
            });
        }
        OrdersCmd::Delete { id } => {
            app.delete_order(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("삭제했습니다.", "Deleted.")
            });
        }
    }
    Ok(())
}

fn rates(app: &mut App, cmd: RatesCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        RatesCmd::List => {
            let rates = app.rates()?;
            out.print(&rates, |rs| {
                let mut t = Table::new(&["WEEK (SUN)", "CURRENCY", "KRW", "SOURCE"]);
                for r in rs {
                    t.row(vec![
                        r.week_start.to_string(),
                        r.currency.to_string(),
                        exportdesk_rules::money::format_rate(r.krw_per_unit),
                        r.source.clone(),
                    ]);
                }
                t.render()
            });
        }
        RatesCmd::Add {
            date,
            currency,
            rate,
            per,
            source,
        } => {
            let saved = app.save_rate(&RateDraft {
                date,
                currency,
                rate,
                per,
                source,
            })?;
            out.print(&saved, |r| {
                format!(
                    "{} {} {} = {} KRW",
                    out.ko_en("저장했습니다:", "Saved:"),
                    r.week_start,
                    r.currency,
                    exportdesk_rules::money::format_rate(r.krw_per_unit)
                )
            });
        }
        RatesCmd::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                Problems::from(Problem::new(
                    "file.read",
                    format!("파일 {}을(를) 읽을 수 없습니다: {e}", file.display()),
                    format!("Cannot read {}: {e}", file.display()),
                ))
            })?;
            let imported = app.import_rates_csv(&text)?;
            out.print(&imported, |rs| {
                out.ko_en(
                    &format!("환율 {}개를 가져왔습니다.", rs.len()),
                    &format!("Imported {} rates.", rs.len()),
                )
            });
        }
        RatesCmd::For { currency, date } => {
            let d = parse_date(&date, "date")?;
            let rate = app.rate_on(&currency, d)?;
            out.print(&serde_json::json!({ "currency": currency.to_uppercase(), "date": d, "krw_per_unit": rate.to_string() }), |_| format!("{rate}"));
        }
    }
    Ok(())
}

fn show_rulebook(view: &exportdesk_app::RulebookView, lang: Lang) -> String {
    let mut t = Table::new(&["RULE", "VALUE", "FROM", "VERIFIED", "SOURCE"]);
    for v in &view.values {
        let title = if lang == Lang::Ko {
            &v.title_ko
        } else {
            &v.title_en
        };
        let verified = match (v.verified, lang) {
            (Some(true), Lang::Ko) => "확인됨",
            (Some(true), Lang::En) => "verified",
            (Some(false), Lang::Ko) => "확인 필요",
            (Some(false), Lang::En) => "to confirm",
            (None, _) => "-",
        };
        t.row(vec![
            title.clone(),
            v.value.clone().unwrap_or_else(|| "-".into()),
            v.effective_from.map_or("-".into(), |d| d.to_string()),
            verified.into(),
            v.source.clone().unwrap_or_default(),
        ]);
    }
    let mut history = String::new();
    for v in view.values.iter().filter(|v| v.history.len() > 1) {
        let steps: Vec<String> = v
            .history
            .iter()
            .map(|h| format!("{} {}", h.effective_from, h.value))
            .collect();
        history.push_str(&format!("  {}: {}\n", v.key, steps.join(" → ")));
    }
    format!(
        "{} {}\n{}\n{}\n{}",
        if lang == Lang::Ko {
            "적용일:"
        } else {
            "Rules in force on"
        },
        view.date,
        t.render(),
        if lang == Lang::Ko {
            "바뀐 규칙의 이력 (시행일 값):"
        } else {
            "History of the rules that changed (effective from, value):"
        },
        history.trim_end()
    )
}

fn load_rulebook_dir(dir: &std::path::Path) -> Result<Rulebook, Problems> {
    exportdesk_app::load_rulebook(dir).map(|(book, _)| book)
}

fn confidence_label(c: exportdesk_rules::hsk::HsConfidence, lang: Lang) -> &'static str {
    use exportdesk_rules::hsk::HsConfidence::*;
    match (c, lang) {
        (Exact, Lang::Ko) => "정확",
        (Strong, Lang::Ko) => "유력",
        (Weak, Lang::Ko) => "추측",
        (Exact, _) => "exact",
        (Strong, _) => "strong",
        (Weak, _) => "weak",
    }
}

fn show_hs_suggestions(
    ss: &[exportdesk_rules::hsk::HsSuggestion],
    lang: Lang,
    out: &Out,
) -> String {
    if ss.is_empty() {
        return out
            .ko_en(
                "찾은 번호가 없습니다. 다른 단어(재료, 용도)로 찾아 보세요.",
                "No code found; try other words (material, use).",
            )
            .to_string();
    }
    let mut text = String::new();
    for s in ss {
        text.push_str(&format!(
            "{}  [{}]  {}\n",
            s.line.dotted,
            confidence_label(s.confidence, lang),
            hs_path(&s.line, lang)
        ));
        for name in &s.own_products {
            text.push_str(&format!(
                "    {} {name}\n",
                out.ko_en("우리 상품:", "your product:")
            ));
        }
        for p in &s.precedents {
            text.push_str(&format!(
                "    {} {} → {}\n",
                out.ko_en("관세청 분류 사례:", "KCS case:"),
                p.description,
                p.code
            ));
        }
        if s.choices.len() > 1 {
            text.push_str(&format!(
                "    {}\n",
                out.ko_en(
                    "같은 소호의 번호 — 상품에 맞는 것을 고르세요:",
                    "codes of the same subheading — choose the one that fits:"
                )
            ));
            text.push_str(&choice_lines(&s.choices, lang, "      "));
        }
    }
    text
}

/// One line a choice, in the output's language, indented.
fn choice_lines(choices: &[exportdesk_rules::hsk::HskChoice], lang: Lang, indent: &str) -> String {
    choices
        .iter()
        .map(|c| {
            let label = if lang == Lang::Ko {
                &c.label_ko
            } else {
                &c.label_en
            };
            format!("{indent}{}  {label}\n", c.dotted)
        })
        .collect()
}

/// A code's place in the tariff, in the output's language.
fn hs_path(line: &exportdesk_rules::hsk::HskLine, lang: Lang) -> String {
    if lang == Lang::Ko {
        line.path_ko.join(" › ")
    } else {
        line.path_en.join(" › ")
    }
}

fn show_hs_code_info(i: &exportdesk_app::HsCodeInfo, lang: Lang) -> String {
    let mut text = String::new();
    if let Some(l) = &i.line {
        text.push_str(&format!("{}  {}\n", l.dotted, hs_path(l, lang)));
        let unit = l.qty_unit.clone().unwrap_or_else(|| "-".into());
        if lang == Lang::Ko {
            text.push_str(&format!(
                "수량단위 {unit} · 적용 {} ~ {}\n",
                l.valid_from, l.valid_to
            ));
        } else {
            text.push_str(&format!(
                "quantity unit {unit} · valid {} to {}\n",
                l.valid_from, l.valid_to
            ));
        }
    }
    if let Some(exportdesk_rules::hsk::HskValidity::AfterEdition { edition_end }) = &i.validity {
        text.push_str(&if lang == Lang::Ko {
            format!(
                "앱의 관세율표는 {edition_end}까지의 판입니다. {} 신고라면 UNI-PASS에서 지금도 쓰는 번호인지 확인하세요.\n",
                i.date
            )
        } else {
            format!(
                "The app's tariff edition runs to {edition_end}; for a declaration of {}, check on UNI-PASS that the code is still in use.\n",
                i.date
            )
        });
    }
    // A problem is reported as the command's error (after this), so it is not repeated here.
    text.push_str(&choice_lines(&i.choices, lang, "  "));
    text
}

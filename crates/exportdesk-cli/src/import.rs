//! `exportdesk import`: orders in from marketplace files, all rows or none.

use crate::table::Table;
use crate::Out;
use clap::Subcommand;
use exportdesk_app::{
    App, ExistingOrders, ImportCheck, ImportPreview, ImportProgress, ImportRequest, NewProduct,
};
use exportdesk_import::{Encoding, MappingRequest, Profile};
use exportdesk_rules::rates::RateDraft;
use exportdesk_rules::{Problem, Problems};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

#[derive(Subcommand)]
pub enum ImportCmd {
    /// Import an order file (CSV/TSV/XLSX). Shows the summary first with --dry-run; otherwise
    /// stores every order of the file in one transaction, or nothing when a row has a problem.
    Orders(Box<OrdersArgs>),
    /// Built-in and saved column mappings
    Profiles,
    /// Save a column mapping (profile JSON) under its name
    SaveProfile { file: PathBuf },
    /// Delete a saved column mapping
    DeleteProfile { name: String },
}

/// What `import orders` is told.
#[derive(clap::Args, Debug)]
pub struct OrdersArgs {
    pub file: PathBuf,
    /// A built-in profile (shopify, ebay, amazon, etsy, shopee, qoo10, cafe24) or a saved
    /// one; detected from the headers when not given
    #[arg(long)]
    pub profile: Option<String>,
    /// A column mapping as JSON (a profile, e.g. from `import profiles --json`)
    #[arg(long, value_name = "PATH")]
    pub mapping: Option<PathBuf>,
    /// Read text with this encoding instead of detecting it (utf8, utf8-bom, cp949, shift_jis, utf16le, utf16be, windows-1252)
    #[arg(long)]
    pub encoding: Option<String>,
    /// The workbook sheet to read (default: the first)
    #[arg(long)]
    pub sheet: Option<String>,
    /// The currency of orders the file names none for (e.g. a Shopee export without a currency
    /// in its amount headers)
    #[arg(long, value_name = "CUR")]
    pub currency: Option<String>,
    /// Show what would be imported; store nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Replace orders already recorded (same marketplace and order number) with the file's
    /// version; by default they are skipped. Orders on a declaration are never changed.
    #[arg(long)]
    pub update: bool,
    /// Add every SKU of the file that is not in the catalogue as a product
    #[arg(long)]
    pub add_products: bool,
    /// HS code for a product added with --add-products: SKU=CODE (repeatable)
    #[arg(long = "hs", value_name = "SKU=CODE")]
    pub hs: Vec<String>,
    /// Net weight in kg of one unit of a product added with --add-products: SKU=KG (repeatable)
    #[arg(long = "net-weight", value_name = "SKU=KG")]
    pub net_weight: Vec<String>,
    /// Country of origin of the products added with --add-products (default KR)
    #[arg(long, value_name = "CC", default_value = "KR")]
    pub origin: String,
    /// This week's customs rate of a currency of the file, stored with the orders:
    /// CUR=RATE, as the KCS table shows it (e.g. --rate USD=1,450.30 --rate "JPY=100 940.12")
    #[arg(long = "rate", value_name = "CUR=RATE")]
    pub rate: Vec<String>,
    /// Write every row problem to this CSV file
    #[arg(long, value_name = "PATH")]
    pub errors: Option<PathBuf>,
    /// Report progress on standard error
    #[arg(long)]
    pub progress: bool,
}

fn read(path: &Path) -> Result<Vec<u8>, Problems> {
    std::fs::read(path).map_err(|e| {
        Problems::from(
            Problem::new(
                "file.read",
                format!("파일 {}을(를) 읽을 수 없습니다: {e}", path.display()),
                format!("Cannot read {}: {e}", path.display()),
            )
            .with("path", path.display()),
        )
    })
}

/// A mapping file: a profile, or one entry of `import profiles --json` as it is printed
/// (`{"profile": {...}, "builtin": ...}`), so that a listed profile can be copied and edited.
fn profile_json(path: &Path) -> Result<Profile, Problems> {
    let parsed = serde_json::from_slice::<serde_json::Value>(&read(path)?).and_then(|mut v| {
        let inner = v.get_mut("profile").map(serde_json::Value::take);
        serde_json::from_value(inner.unwrap_or(v))
    });
    parsed.map_err(|e| {
        Problems::from(Problem::new(
            "import.mapping_json",
            format!("{}은(는) 가져오기 형식(JSON)이 아닙니다: {e}. `exportdesk import profiles --json`의 한 항목 모양으로 쓰세요.", path.display()),
            format!("{} is not an import profile (JSON): {e}. Write it in the shape of one entry of `exportdesk import profiles --json`.", path.display()),
        ))
    })
}

fn encoding(name: &str) -> Result<Encoding, Problems> {
    // `shift_jis`, `shift-jis`, `utf16le`, `utf16-le`, `windows-1252`, `cp1252` all work.
    let key: String = name
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let found = match key.as_str() {
        "utf8" => Some(Encoding::Utf8),
        "utf8bom" => Some(Encoding::Utf8Bom),
        "cp949" | "euckr" => Some(Encoding::Cp949),
        "shiftjis" | "sjis" => Some(Encoding::ShiftJis),
        "utf16le" => Some(Encoding::Utf16Le),
        "utf16be" => Some(Encoding::Utf16Be),
        "windows1252" | "cp1252" => Some(Encoding::Windows1252),
        _ => None,
    };
    found.ok_or_else(|| {
        Problems::from(
            Problem::new(
                "import.encoding_unknown",
                format!("인코딩 '{name}'을(를) 모릅니다. utf8, utf8-bom, cp949, shift_jis, utf16le, utf16be, windows-1252 중 하나를 쓰세요."),
                format!("Unknown encoding '{name}'; use one of utf8, utf8-bom, cp949, shift_jis, utf16le, utf16be, windows-1252."),
            )
            .at("encoding"),
        )
    })
}

fn progress(show: bool) -> impl FnMut(ImportProgress) {
    move |p: ImportProgress| {
        if show {
            eprintln!("{} {}/{}", p.phase, p.done, p.total);
        }
    }
}

pub fn run(app: &mut App, cmd: ImportCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        ImportCmd::Orders(args) => {
            let OrdersArgs {
                file,
                profile,
                mapping,
                encoding: enc,
                sheet,
                currency,
                dry_run,
                update,
                add_products,
                hs,
                net_weight,
                origin,
                rate,
                errors,
                progress: show,
            } = *args;
            let bytes = read(&file)?;
            let mut req = ImportRequest {
                file_name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                profile,
                mapping: mapping.as_deref().map(profile_json).transpose()?,
                encoding: enc.as_deref().map(encoding).transpose()?,
                sheet,
                existing: if update {
                    ExistingOrders::Update
                } else {
                    ExistingOrders::Skip
                },
                new_products: Vec::new(),
                rates: Vec::new(),
                currency,
            };
            let cancel = AtomicBool::new(false);
            let preview = match app.import_check(&bytes, &req, &mut progress(show), &cancel)? {
                ImportCheck::Ready { preview } => preview,
                ImportCheck::NeedsMapping { request } => {
                    let problems = needs_mapping(&request);
                    if out.json {
                        // One JSON document: the mapping screen's facts and the problems.
                        println!(
                            "{}",
                            serde_json::to_string_pretty(&serde_json::json!({
                                "needs_mapping": request,
                                "problems": problems.0,
                            }))
                            .expect("serialisable")
                        );
                        std::process::exit(1);
                    }
                    println!("{}", mapping_text(&request, out).trim_end());
                    return Err(problems);
                }
            };
            if let Some(path) = &errors {
                if preview.problem_count > 0 {
                    app.import_problems_csv(&bytes, &req, Some(path))?;
                }
            }
            if add_products {
                req.new_products = new_products(&preview, &hs, &net_weight, &origin)?;
            }
            req.rates = rates(&preview, &rate)?;
            if dry_run || !preview.can_commit {
                out.print(&preview, |p| summary(p, out));
                if !preview.can_commit {
                    std::process::exit(1);
                }
                return Ok(());
            }
            let result = app.import_commit(&bytes, &req, &mut progress(show), &cancel)?;
            out.print(&result, |r| {
                out.ko_en(
                    &format!(
                        "{}: 새 주문 {}건, 갱신 {}건, 건너뜀 {}건, 변경 없음 {}건, 신고된 주문 유지 {}건, 새 구매자 {}명, 새 상품 {}개, 환율 {}건",
                        r.file_name, r.created, r.updated, r.skipped, r.unchanged, r.kept_declared, r.buyers_created, r.products_created, r.rates_saved
                    ),
                    &format!(
                        "{}: {} new orders, {} updated, {} skipped, {} unchanged, {} kept (on a declaration), {} new buyers, {} new products, {} rates",
                        r.file_name, r.created, r.updated, r.skipped, r.unchanged, r.kept_declared, r.buyers_created, r.products_created, r.rates_saved
                    ),
                )
            });
        }
        ImportCmd::Profiles => {
            let all = app.import_profiles()?;
            out.print(&all, |all| {
                let mut t = Table::new(&["NAME", "TITLE", "MARKETPLACE", "KIND"]);
                for p in all {
                    t.row(vec![
                        p.profile.name.clone(),
                        p.profile.title.clone(),
                        p.profile.marketplace.clone(),
                        if p.builtin {
                            out.ko_en("기본 제공", "built-in")
                        } else {
                            out.ko_en("저장한 형식", "saved")
                        },
                    ]);
                }
                t.render()
            });
        }
        ImportCmd::SaveProfile { file } => {
            let saved = app.save_import_profile(&profile_json(&file)?)?;
            out.print(&saved, |p| {
                format!("{} {}", out.ko_en("저장했습니다:", "Saved:"), p.name)
            });
        }
        ImportCmd::DeleteProfile { name } => {
            app.delete_import_profile(&name)?;
            out.print(&serde_json::json!({ "deleted": name }), |_| {
                format!("{} {name}", out.ko_en("지웠습니다:", "Deleted:"))
            });
        }
    }
    Ok(())
}

/// `KEY=VALUE` pairs of a repeatable option, keys as written.
fn pairs(
    option: &str,
    example: &str,
    values: &[String],
) -> Result<std::collections::HashMap<String, String>, Problems> {
    let mut out = std::collections::HashMap::new();
    for (i, pair) in values.iter().enumerate() {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(Problem::new(
                "import.pair_arg",
                format!("--{option} '{pair}'은(는) {example} 모양이어야 합니다."),
                format!("--{option} '{pair}' must look like {example}."),
            )
            .at(format!("{option}[{i}]"))
            .with("option", option)
            .into());
        };
        out.insert(key.trim().to_string(), value.trim().to_string());
    }
    Ok(out)
}

/// The rates given as `CUR=RATE` for this week, one per currency of the file.
fn rates(preview: &ImportPreview, given: &[String]) -> Result<Vec<RateDraft>, Problems> {
    let given = pairs("rate", "USD=1,450.30", given)?;
    let mut out = Vec::new();
    for (cur, rate) in given {
        let cur = cur.to_uppercase();
        let Some(need) = preview.rates_needed.iter().find(|n| n.currency == cur) else {
            let known: Vec<&str> = preview
                .rates_needed
                .iter()
                .map(|n| n.currency.as_str())
                .collect();
            return Err(Problem::new(
                "import.rate_not_in_file",
                format!(
                    "이 파일의 새 주문에는 {cur} 통화가 없습니다 (있는 외화: {}).",
                    known.join(", ")
                ),
                format!(
                    "No new order of this file is in {cur} (foreign currencies: {}).",
                    known.join(", ")
                ),
            )
            .with("currency", &cur)
            .into());
        };
        out.push(RateDraft {
            date: need.week_start.to_string(),
            per: Some(if cur == "JPY" { "100" } else { "1" }.to_string()),
            currency: cur,
            rate,
            source: Some("주문 가져오기에서 입력 / entered at import".to_string()),
        });
    }
    Ok(out)
}

/// Every SKU the catalogue lacks, with the HS codes given as `SKU=CODE`, net weights as
/// `SKU=KG` and one country of origin.
fn new_products(
    preview: &ImportPreview,
    hs: &[String],
    net_weight: &[String],
    origin: &str,
) -> Result<Vec<NewProduct>, Problems> {
    let codes = pairs("hs", "SKU=HS코드 / SKU=CODE (GS-HC-50=3304.99)", hs)?;
    let weights = pairs("net-weight", "SKU=KG (GS-HC-50=0.12)", net_weight)?;
    Ok(preview
        .unknown_products
        .iter()
        .filter(|p| !p.sku.is_empty())
        .map(|p| NewProduct {
            sku: p.sku.clone(),
            name: String::new(),
            hs_code: codes.get(&p.sku).cloned().unwrap_or_default(),
            net_weight_kg: weights.get(&p.sku).cloned().unwrap_or_default(),
            origin_country: origin.trim().to_string(),
        })
        .collect())
}

fn needs_mapping(r: &MappingRequest) -> Problems {
    let mut problems = Problems::from(r.problem.clone());
    problems.push(Problem::new(
        "import.mapping_needed",
        "열 연결을 JSON 형식 파일로 써서 --mapping으로 주거나 `exportdesk import save-profile`로 저장한 뒤 --profile로 고르세요. 모양은 `exportdesk import profiles --json`을 보세요.",
        "Write the column mapping as a profile JSON and pass it with --mapping, or save it with `exportdesk import save-profile` and choose it with --profile. See `exportdesk import profiles --json` for the shape.",
    ));
    problems
}

fn mapping_text(r: &MappingRequest, out: &Out) -> String {
    let mut s = format!(
        "{}: {}\n",
        out.ko_en("파일의 열", "Columns in the file"),
        r.headers.join(" | ")
    );
    for m in &r.suggestions {
        s.push_str(&format!(
            "  {} ← {}\n",
            match out.lang {
                exportdesk_rules::problem::Lang::Ko => m.field.label_ko(),
                exportdesk_rules::problem::Lang::En => m.field.label_en(),
            },
            m.column
        ));
    }
    s
}

fn summary(p: &ImportPreview, out: &Out) -> String {
    let mut s = format!(
        "{} — {} ({})\n",
        p.file_name,
        p.profile.title,
        p.encoding.map(|e| e.label()).unwrap_or("workbook")
    );
    s.push_str(&out.ko_en(
        &format!(
            "행 {} / 주문 {}: 새 주문 {}, 이미 있음 {} (내용 다름 {}, 신고됨 {}), 새 구매자 {}, 카탈로그에 없는 상품 {}, 문제 {}, 알림 {}\n",
            p.rows_read, p.orders_total, p.new_count, p.existing_count, p.existing_differ, p.existing_declared,
            p.buyers_new, p.unknown_products.len(), p.problem_count, p.warning_count
        ),
        &format!(
            "{} rows / {} orders: {} new, {} already recorded ({} differ, {} declared), {} new buyers, {} products not in the catalogue, {} problems, {} warnings\n",
            p.rows_read, p.orders_total, p.new_count, p.existing_count, p.existing_differ, p.existing_declared,
            p.buyers_new, p.unknown_products.len(), p.problem_count, p.warning_count
        ),
    ));
    if p.skipped_count > 0 {
        s.push_str(&out.ko_en(
            &format!(
                "가져오지 않는 주문 {}건 (취소·환불·미결제):\n",
                p.skipped_count
            ),
            &format!(
                "{} orders not imported (cancelled, refunded or unpaid):\n",
                p.skipped_count
            ),
        ));
        let mut t = Table::new(&["ROW", "ORDER", "STATUS", "RECORDED"]);
        for k in &p.skipped {
            let recorded = match (k.recorded_id, k.declaration_id) {
                (_, Some(d)) => out.ko_en(
                    &format!("신고서 #{d}에 있음: 신고를 취소하거나 반품을 기록하세요"),
                    &format!("on declaration #{d}: cancel it or record a return"),
                ),
                (Some(id), None) => out.ko_en(
                    &format!("주문 #{id}로 기록됨: 신고하지 않을 주문이면 지우세요"),
                    &format!("recorded as order #{id}: delete it if it will not be declared"),
                ),
                (None, None) => "-".to_string(),
            };
            t.row(vec![
                k.row.to_string(),
                k.order_no.clone(),
                format!(
                    "{} ({})",
                    out.ko_en(k.kind.label_ko(), k.kind.label_en()),
                    k.status
                ),
                recorded,
            ]);
        }
        s.push_str(&t.render());
        s.push('\n');
    }
    let discounted: Vec<&exportdesk_app::ImportOrderRow> = p
        .new_orders
        .iter()
        .filter(|o| !o.goods_before_discount.is_empty())
        .collect();
    if !discounted.is_empty() {
        let mut t = Table::new(&["ORDER", "BEFORE DISCOUNT", "PAID FOR GOODS", "SHIPPING"]);
        for o in discounted {
            t.row(vec![
                o.order_no.clone(),
                format!("{} {}", o.currency, o.goods_before_discount),
                format!("{} {}", o.currency, o.goods_total),
                format!("{} {}", o.currency, o.shipping_fee),
            ]);
        }
        s.push_str(&t.render());
        s.push('\n');
    }
    if !p.row_problems.is_empty() {
        let mut t = Table::new(&["ROW", "COLUMN", "VALUE", "PROBLEM"]);
        for r in &p.row_problems {
            t.row(vec![
                r.row.to_string(),
                r.column.clone().unwrap_or_default(),
                r.value.clone(),
                r.problem.message(out.lang).to_string(),
            ]);
        }
        s.push_str(&t.render());
        s.push('\n');
    }
    if !p.unknown_products.is_empty() {
        let mut t = Table::new(&["SKU", "DESCRIPTION", "ORDERS", "HS?"]);
        for u in &p.unknown_products {
            t.row(vec![
                u.sku.clone(),
                u.description.clone(),
                u.orders.to_string(),
                u.suggestions
                    .first()
                    .map(|m| m.line.dotted.clone())
                    .unwrap_or_default(),
            ]);
        }
        s.push_str(&t.render());
    }
    let missing: Vec<&exportdesk_app::RateNeed> = p
        .rates_needed
        .iter()
        .filter(|n| n.recorded.is_none())
        .collect();
    if let Some(first) = missing.first() {
        let list: Vec<&str> = missing.iter().map(|n| n.currency.as_str()).collect();
        s.push_str(&out.ko_en(
            &format!(
                "\n이번 주({} ~ {}) 과세환율이 없는 통화: {} — 신고서를 만들려면 --rate {}=환율 로 함께 입력하세요 (관세청 UNI-PASS 주간 고시 환율).\n",
                first.week_start, first.week_end, list.join(", "), first.currency
            ),
            &format!(
                "\nNo customs rate for this week ({} to {}) in: {} — add --rate {}=RATE to store it with the orders (the KCS weekly rate on UNI-PASS).\n",
                first.week_start, first.week_end, list.join(", "), first.currency
            ),
        ));
    }
    s
}

//! `exportdesk shipments …`: consolidated shipments (합포장), cartons, auto-pack and loading.

use crate::table::Table;
use crate::Out;
use clap::Subcommand;
use exportdesk_app::{App, ShipmentEdit, ShipmentLoading, ShipmentRequest, ShipmentView};
use exportdesk_rules::shipment::{AutoPackRequest, CartonDraft};
use exportdesk_rules::{Problem, Problems};
use std::io::Read;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ShipmentsCmd {
    /// List shipments (being packed first)
    List,
    /// Make a shipment of declarations and/or the declarations of orders
    Create {
        /// Declaration ids, comma-separated
        #[arg(long, value_delimiter = ',')]
        declarations: Vec<i64>,
        /// Order ids, comma-separated (their declarations go in)
        #[arg(long, value_delimiter = ',')]
        orders: Vec<i64>,
        /// Reference (default SHP-YYYYMMDD-N)
        #[arg(long, default_value = "")]
        reference: String,
        /// Consignee name (default: the first declaration's buyer)
        #[arg(long, default_value = "")]
        consignee: String,
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A shipment with its lines, cartons, checks, warnings and what stops loading
    Show { id: i64 },
    /// Change a shipment being packed
    Edit {
        id: i64,
        #[arg(long)]
        reference: Option<String>,
        #[arg(long)]
        consignee: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// The new set of declaration ids, comma-separated
        #[arg(long, value_delimiter = ',')]
        declarations: Option<Vec<i64>>,
    },
    /// Store the cartons: a JSON array of cartons ({length_cm, width_cm, height_cm, gross_kg,
    /// items: [{declaration_id, line_no, quantity}]}) from a file or `-` for standard input
    Pack { id: i64, cartons: PathBuf },
    /// Propose cartons of one size (LxWxH cm) within a weight limit; --save stores them
    Autopack {
        id: i64,
        /// Carton size in cm, e.g. 60x40x40
        #[arg(long)]
        size: String,
        /// Maximum gross weight per carton (kg)
        #[arg(long)]
        max_kg: String,
        /// Empty carton weight (kg)
        #[arg(long, default_value = "")]
        tare_kg: String,
        /// Usable share of the volume (default 0.85)
        #[arg(long, default_value = "")]
        fill: String,
        #[arg(long)]
        save: bool,
    },
    /// Load the shipment: records the loading of every declaration in it (one transaction)
    Load {
        id: i64,
        #[arg(long)]
        date: String,
        /// B/L or AWB number
        #[arg(long)]
        bl: String,
        #[arg(long, default_value = "")]
        carrier: String,
        /// Tracking numbers, comma-separated
        #[arg(long, default_value = "")]
        tracking: String,
    },
    /// Delete a shipment being packed (its declarations stay)
    Delete { id: i64 },
}

fn read_cartons(path: &PathBuf) -> Result<Vec<CartonDraft>, Problems> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map_err(|e| {
        Problems::from(Problem::new(
            "file.read",
            format!("{}을(를) 읽을 수 없습니다: {e}", path.display()),
            format!("Cannot read {}: {e}", path.display()),
        ))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        Problems::from(Problem::new(
            "shipment.cartons_json",
            format!("상자 목록(JSON)을 읽을 수 없습니다: {e}. [{{\"length_cm\": \"40\", \"width_cm\": \"30\", \"height_cm\": \"20\", \"gross_kg\": \"5.2\", \"items\": [{{\"declaration_id\": 1, \"line_no\": 1, \"quantity\": \"3\"}}]}}] 모양으로 쓰세요."),
            format!("The cartons (JSON) cannot be read: {e}. Write them as [{{\"length_cm\": \"40\", \"width_cm\": \"30\", \"height_cm\": \"20\", \"gross_kg\": \"5.2\", \"items\": [{{\"declaration_id\": 1, \"line_no\": 1, \"quantity\": \"3\"}}]}}]."),
        ))
    })
}

fn size(s: &str) -> Result<(String, String, String), Problems> {
    let parts: Vec<&str> = s.split(['x', 'X', '×', '*']).map(str::trim).collect();
    match parts.as_slice() {
        [l, w, h] => Ok((l.to_string(), w.to_string(), h.to_string())),
        _ => Err(Problem::new(
            "autopack.size",
            format!("상자 크기 '{s}'는 가로x세로x높이(cm) 모양이어야 합니다 (예: 60x40x40)."),
            format!("The carton size '{s}' must look like LxWxH in cm (e.g. 60x40x40)."),
        )
        .at("size")
        .into()),
    }
}

fn view_text(v: &ShipmentView, out: &Out) -> String {
    let s = &v.shipment;
    let mut text = format!(
        "{} — {} ({})\n{}: {} {}\n",
        s.reference,
        out.ko_en(
            if s.state.code() == "loaded" {
                "적재됨"
            } else {
                "포장 중"
            },
            s.state.code()
        ),
        s.created_on,
        out.ko_en("수하인", "Consignee"),
        s.consignee_name,
        s.destination_country
    );
    let mut t = Table::new(&["DECL", "NO", "STATE", "BUYER", "LOADING DUE"]);
    for d in &v.declarations {
        t.row(vec![
            d.id.to_string(),
            d.declaration_no.clone().unwrap_or_default(),
            d.state.code().to_string(),
            d.buyer_name.clone(),
            d.loading_due.map(|x| x.to_string()).unwrap_or_default(),
        ]);
    }
    text.push_str(&t.render());
    text.push('\n');
    let mut t = Table::new(&[
        "DECL",
        "LINE",
        "SKU",
        "DESCRIPTION",
        "DECLARED",
        "PACKED",
        "CARTONS",
    ]);
    for (l, p) in v.lines.iter().zip(&v.check.lines) {
        t.row(vec![
            l.declaration_id.to_string(),
            l.line_no.to_string(),
            l.sku.clone(),
            l.description.clone(),
            format!("{} {}", l.quantity.normalize(), l.unit),
            p.packed.normalize().to_string(),
            p.cartons
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(","),
        ]);
    }
    text.push_str(&t.render());
    text.push('\n');
    let c = &v.check;
    text.push_str(&out.ko_en(
        &format!(
            "상자 {}개, 총중량 {} kg, 순중량 {} kg, 부피중량 {} kg (÷{}), 청구중량 {} kg\n",
            c.cartons.len(),
            c.gross_kg.normalize(),
            c.net_kg.map_or("?".into(), |n| n.normalize().to_string()),
            c.volumetric_kg.normalize(),
            c.divisor,
            c.chargeable_kg.normalize()
        ),
        &format!(
            "{} cartons, gross {} kg, net {} kg, volumetric {} kg (÷{}), chargeable {} kg\n",
            c.cartons.len(),
            c.gross_kg.normalize(),
            c.net_kg.map_or("?".into(), |n| n.normalize().to_string()),
            c.volumetric_kg.normalize(),
            c.divisor,
            c.chargeable_kg.normalize()
        ),
    ));
    for w in v.warnings.iter().chain(&c.warnings) {
        text.push_str(&format!("! {}\n", w.message(out.lang)));
    }
    for b in &v.load_blockers {
        text.push_str(&format!("✗ {}\n", b.message(out.lang)));
    }
    if v.can_load {
        text.push_str(&out.ko_en("적재할 수 있습니다.\n", "Ready to load.\n"));
    }
    text
}

pub fn run(app: &mut App, cmd: ShipmentsCmd, out: &Out) -> Result<(), Problems> {
    let view = match cmd {
        ShipmentsCmd::List => {
            let rows = app.shipments()?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&[
                    "ID",
                    "REFERENCE",
                    "STATE",
                    "CONSIGNEE",
                    "TO",
                    "DECLS",
                    "CARTONS",
                    "LOADED",
                ]);
                for r in rows {
                    t.row(vec![
                        r.id.to_string(),
                        r.reference.clone(),
                        r.state.code().to_string(),
                        r.consignee_name.clone(),
                        r.destination_country.clone(),
                        r.declarations.to_string(),
                        r.cartons.to_string(),
                        r.loaded_on.map(|d| d.to_string()).unwrap_or_default(),
                    ]);
                }
                t.render()
            });
            return Ok(());
        }
        ShipmentsCmd::Create {
            declarations,
            orders,
            reference,
            consignee,
            address,
            note,
        } => app.create_shipment(&ShipmentRequest {
            declaration_ids: declarations,
            order_ids: orders,
            reference,
            consignee_name: consignee,
            consignee_address: address,
            note,
        })?,
        ShipmentsCmd::Show { id } => app.shipment_view(id)?,
        ShipmentsCmd::Edit {
            id,
            reference,
            consignee,
            address,
            note,
            declarations,
        } => app.edit_shipment(
            id,
            &ShipmentEdit {
                reference,
                consignee_name: consignee,
                consignee_address: address,
                note,
                declaration_ids: declarations,
            },
        )?,
        ShipmentsCmd::Pack { id, cartons } => app.pack_shipment(id, &read_cartons(&cartons)?)?,
        ShipmentsCmd::Autopack {
            id,
            size: dims,
            max_kg,
            tare_kg,
            fill,
            save,
        } => {
            let (l, w, h) = size(&dims)?;
            let proposal = app.auto_pack_shipment(
                id,
                &AutoPackRequest {
                    length_cm: l,
                    width_cm: w,
                    height_cm: h,
                    max_gross_kg: max_kg,
                    tare_kg,
                    fill_ratio: fill,
                    unit_volumes: Vec::new(),
                },
            )?;
            if !save {
                out.print(&proposal, |p| {
                    let mut t = Table::new(&["CARTON", "GROSS (EST.)", "ITEMS"]);
                    for (i, c) in p.iter().enumerate() {
                        t.row(vec![
                            format!("{}", i + 1),
                            c.gross_kg.clone(),
                            c.items
                                .iter()
                                .map(|x| {
                                    format!("{}-{}×{}", x.declaration_id, x.line_no, x.quantity)
                                })
                                .collect::<Vec<_>>()
                                .join(" "),
                        ]);
                    }
                    t.render()
                });
                return Ok(());
            }
            app.pack_shipment(id, &proposal)?
        }
        ShipmentsCmd::Load {
            id,
            date,
            bl,
            carrier,
            tracking,
        } => app.load_shipment(
            id,
            &ShipmentLoading {
                loaded_on: date,
                carrier,
                bl_awb: bl,
                tracking_numbers: vec![tracking],
            },
        )?,
        ShipmentsCmd::Delete { id } => {
            app.delete_shipment(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("지웠습니다.", "Deleted.")
            });
            return Ok(());
        }
    };
    out.print(&view, |v| view_text(v, out));
    Ok(())
}

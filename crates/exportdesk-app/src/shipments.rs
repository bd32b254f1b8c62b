//! Consolidated shipments (합포장): declarations packed into cartons and loaded together.
//!
//! A shipment gathers declarations (chosen directly or through their orders), lists their lines
//! to pack, keeps the cartons the user packs (or auto-pack proposes), checks that every declared
//! unit is packed exactly once, and — when loaded — records the loading of every declaration in
//! it, closing their loading deadlines, in one transaction.

use crate::declarations::record_loaded;
use crate::{App, Result};
use chrono::NaiveDate;
use exportdesk_rules::declaration::{Declaration, DeclarationState};
use exportdesk_rules::rates::parse_date;
use exportdesk_rules::shipment::{
    auto_pack, check_packing, validate_cartons, AutoPackRequest, CartonDraft, PackLine,
    PackingCheck, Shipment, ShipmentState,
};
use exportdesk_rules::{Problem, Problems};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

/// What to make a shipment of.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ShipmentRequest {
    pub declaration_ids: Vec<i64>,
    /// Orders whose declarations go in (each must be on a declaration).
    pub order_ids: Vec<i64>,
    /// The shipment's reference; `SHP-YYYYMMDD-N` when empty.
    pub reference: String,
    /// The consignee; the first declaration's buyer when empty.
    pub consignee_name: String,
    pub consignee_address: String,
    pub note: String,
}

/// Changes to a shipment being packed (only what is given changes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ShipmentEdit {
    pub reference: Option<String>,
    pub consignee_name: Option<String>,
    pub consignee_address: Option<String>,
    pub note: Option<String>,
    /// The new set of declarations (cartons keep only items of lines still in the shipment).
    pub declaration_ids: Option<Vec<i64>>,
}

/// Loading a shipment: one date, carrier and B/L or AWB for every declaration in it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ShipmentLoading {
    pub loaded_on: String,
    pub carrier: String,
    pub bl_awb: String,
    pub tracking_numbers: Vec<String>,
}

/// A declaration of a shipment, as the shipment screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShipmentDeclaration {
    pub id: i64,
    pub declaration_no: Option<String>,
    pub state: DeclarationState,
    pub buyer_name: String,
    pub destination_country: String,
    pub order_numbers: Vec<String>,
    pub loading_due: Option<NaiveDate>,
    pub loaded_on: Option<NaiveDate>,
}

/// A shipment with everything its screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShipmentView {
    pub shipment: Shipment,
    pub declarations: Vec<ShipmentDeclaration>,
    pub lines: Vec<PackLine>,
    pub check: PackingCheck,
    /// Mixed destinations or consignees, and why that matters.
    pub warnings: Vec<Problem>,
    /// What stops loading now (packing problems, declarations not accepted).
    pub load_blockers: Vec<Problem>,
    pub can_load: bool,
}

fn refuse(code: &str, ko: String, en: String) -> Problems {
    Problem::new(code, ko, en).into()
}

fn declaration_ref(d: &Declaration) -> String {
    d.declaration_no
        .clone()
        .unwrap_or_else(|| format!("#{}", d.id))
}

impl App {
    pub fn shipments(&self) -> Result<Vec<exportdesk_store::ShipmentRow>> {
        Ok(self.store.shipments()?)
    }

    fn load_shipment_record(&self, id: i64) -> Result<Shipment> {
        self.store.shipment(id)?.ok_or_else(|| {
            refuse(
                "record.not_found",
                format!("선적(번호 {id})을 찾을 수 없습니다. 목록을 새로 고치세요."),
                format!("Shipment {id} was not found; refresh the list."),
            )
        })
    }

    /// The declarations a request names, directly or through orders, each checked: it exists,
    /// is not cancelled or loaded, and is in no other shipment.
    fn shipment_declarations(
        &self,
        ids: &[i64],
        order_ids: &[i64],
        own: i64,
    ) -> Result<Vec<Declaration>> {
        let mut wanted: BTreeSet<i64> = ids.iter().copied().collect();
        if !order_ids.is_empty() {
            let declared: Vec<(i64, i64)> = self.store.orders_already_declared(order_ids)?;
            for o in order_ids {
                match declared.iter().find(|(order, _)| order == o) {
                    Some((_, d)) => {
                        wanted.insert(*d);
                    }
                    None => {
                        let no = self
                            .store
                            .order(*o)?
                            .map(|o| o.order_no)
                            .unwrap_or_else(|| o.to_string());
                        return Err(refuse(
                            "shipment.order_not_declared",
                            format!("주문 {no}은(는) 아직 수출신고에 없습니다. 먼저 수출신고를 작성한 뒤 선적에 넣으세요."),
                            format!("Order {no} is not on a declaration yet; draft its export declaration first, then add it to the shipment."),
                        ));
                    }
                }
            }
        }
        if wanted.is_empty() {
            return Err(Problem::new(
                "shipment.empty",
                "선적에 넣을 수출신고(또는 주문)를 하나 이상 고르세요.",
                "Choose at least one declaration (or order) for the shipment.",
            )
            .at("declaration_ids")
            .into());
        }
        let mut out = Vec::with_capacity(wanted.len());
        let mut problems = Problems::default();
        for id in wanted {
            let d = self.store.declaration(id)?.ok_or_else(|| {
                refuse(
                    "record.not_found",
                    format!("수출신고(번호 {id})를 찾을 수 없습니다."),
                    format!("Declaration {id} was not found."),
                )
            })?;
            match d.state {
                DeclarationState::Cancelled => problems.push(
                    Problem::new(
                        "shipment.declaration_cancelled",
                        format!("수출신고 {}는 취소되었습니다. 취소된 신고의 물품은 실을 수 없으니 빼세요.", declaration_ref(&d)),
                        format!("Declaration {} is cancelled; its goods cannot be shipped, so leave it out.", declaration_ref(&d)),
                    )
                    .with("declaration_id", id),
                ),
                DeclarationState::Loaded => problems.push(
                    Problem::new(
                        "shipment.declaration_loaded",
                        format!("수출신고 {}는 이미 적재되었습니다 ({}). 다시 실을 수 없으니 빼세요.", declaration_ref(&d), d.loaded_on.map(|x| x.to_string()).unwrap_or_default()),
                        format!("Declaration {} is already loaded ({}); leave it out.", declaration_ref(&d), d.loaded_on.map(|x| x.to_string()).unwrap_or_default()),
                    )
                    .with("declaration_id", id),
                ),
                _ => {}
            }
            if let Some((sid, reference)) = self.store.shipment_of_declaration(id)? {
                if sid != own {
                    problems.push(
                        Problem::new(
                            "shipment.declaration_taken",
                            format!("수출신고 {}는 이미 선적 {reference}에 들어 있습니다. 그 선적에서 먼저 빼세요.", declaration_ref(&d)),
                            format!("Declaration {} is already in shipment {reference}; remove it there first.", declaration_ref(&d)),
                        )
                        .with("declaration_id", id)
                        .with("shipment", reference),
                    );
                }
            }
            out.push(d);
        }
        problems.into_result(|| out)
    }

    /// Make a shipment of declarations (or orders' declarations).
    pub fn create_shipment(&mut self, req: &ShipmentRequest) -> Result<ShipmentView> {
        let decls = self.shipment_declarations(&req.declaration_ids, &req.order_ids, 0)?;
        let today = self.today();
        let reference = if req.reference.trim().is_empty() {
            self.next_shipment_reference(today)?
        } else {
            req.reference.trim().to_string()
        };
        if self.store.shipment_reference_taken(&reference, 0)? {
            return Err(Problem::new(
                "shipment.reference_taken",
                format!("선적 참조번호 '{reference}'은(는) 이미 쓰이고 있습니다. 다른 번호를 입력하세요."),
                format!("The shipment reference '{reference}' is already used; enter another."),
            )
            .at("reference")
            .into());
        }
        let first = &decls[0];
        let buyer = match first.buyer_id {
            Some(b) => self.store.buyer(b)?,
            None => None,
        };
        let shipment = Shipment {
            id: 0,
            reference,
            state: ShipmentState::Packing,
            created_on: today,
            declaration_ids: decls.iter().map(|d| d.id).collect(),
            consignee_name: if req.consignee_name.trim().is_empty() {
                first.buyer_name.clone()
            } else {
                req.consignee_name.trim().to_string()
            },
            consignee_address: if req.consignee_address.trim().is_empty() {
                buyer.map(|b| b.address).unwrap_or_default()
            } else {
                req.consignee_address.trim().to_string()
            },
            destination_country: first.destination_country.clone(),
            volumetric_divisor: self.settings()?.volumetric_divisor,
            cartons: Vec::new(),
            loaded_on: None,
            carrier: String::new(),
            bl_awb: String::new(),
            tracking_numbers: Vec::new(),
            note: req.note.trim().to_string(),
        };
        text_limits(&shipment)?;
        let saved = self
            .store
            .write(self.clock.now(), |w| w.save_shipment(&shipment))?;
        self.shipment_view(saved.id)
    }

    fn next_shipment_reference(&self, today: NaiveDate) -> Result<String> {
        let stem = format!("SHP-{}", today.format("%Y%m%d"));
        for n in 1.. {
            let candidate = format!("{stem}-{n}");
            if !self.store.shipment_reference_taken(&candidate, 0)? {
                return Ok(candidate);
            }
        }
        unreachable!("some reference is free")
    }

    /// The lines to pack: every line of every declaration of the shipment.
    fn pack_lines(&self, decls: &[Declaration]) -> Result<Vec<PackLine>> {
        let mut out = Vec::new();
        for d in decls {
            for l in &d.lines {
                let order_no = d
                    .order_ids
                    .iter()
                    .position(|o| *o == l.order_id)
                    .and_then(|i| d.order_numbers.get(i).cloned())
                    .unwrap_or_default();
                let sku = match l.product_id {
                    Some(p) => self.store.product(p)?.map(|p| p.sku).unwrap_or_default(),
                    None => String::new(),
                };
                out.push(PackLine {
                    declaration_id: d.id,
                    line_no: l.line_no,
                    declaration_no: d.declaration_no.clone().unwrap_or_default(),
                    order_no,
                    sku,
                    description: if l.name_en.trim().is_empty() {
                        l.name_ko.clone()
                    } else {
                        l.name_en.clone()
                    },
                    quantity: l.quantity,
                    unit: l.unit.clone(),
                    net_weight_kg: l.net_weight_kg,
                });
            }
        }
        Ok(out)
    }

    pub(crate) fn shipment_parts(
        &self,
        id: i64,
    ) -> Result<(Shipment, Vec<Declaration>, Vec<PackLine>, PackingCheck)> {
        let shipment = self.load_shipment_record(id)?;
        let mut decls = Vec::with_capacity(shipment.declaration_ids.len());
        for d in &shipment.declaration_ids {
            if let Some(d) = self.store.declaration(*d)? {
                decls.push(d);
            }
        }
        let lines = self.pack_lines(&decls)?;
        let check = check_packing(&shipment.cartons, &lines, shipment.volumetric_divisor);
        Ok((shipment, decls, lines, check))
    }

    pub fn shipment_view(&self, id: i64) -> Result<ShipmentView> {
        let (shipment, decls, lines, check) = self.shipment_parts(id)?;
        let mut warnings = Vec::new();
        let countries: BTreeSet<&str> = decls
            .iter()
            .map(|d| d.destination_country.as_str())
            .collect();
        if countries.len() > 1 {
            let list = countries.iter().copied().collect::<Vec<_>>().join(", ");
            warnings.push(
                Problem::new(
                    "shipment.mixed_destinations",
                    format!("도착국이 여러 곳입니다 ({list}). 한 선적은 하나의 운송장으로 한 나라의 한 수하인에게 가며, 도착국 세관은 그 나라로 가는 물품만 통관합니다. 해외 물류창고로 모아 보내는 경우가 아니면 나라별로 선적을 나누세요."),
                    format!("The declarations go to different countries ({list}). One consignment travels on one waybill to one consignee in one country, and that country's customs clears only goods for it. Unless you ship to an overseas fulfilment warehouse that forwards them, make one shipment per country."),
                )
                .with("countries", list),
            );
        }
        let buyers: BTreeSet<&str> = decls.iter().map(|d| d.buyer_name.as_str()).collect();
        if buyers.len() > 1 {
            let list = buyers.iter().copied().collect::<Vec<_>>().join(", ");
            warnings.push(
                Problem::new(
                    "shipment.mixed_consignees",
                    format!("구매자가 여러 명입니다 ({list}). 합포장 화물은 운송장과 상업송장에 수하인이 하나뿐이라, 구매자마다 따로 배송하려면 해외 물류창고(풀필먼트)를 수하인으로 적어야 합니다. 수하인 이름과 주소를 확인하세요."),
                    format!("The declarations have different buyers ({list}). A consolidated consignment names one consignee on the waybill and the invoice, so to reach each buyer the consignee must be an overseas fulfilment warehouse that delivers onwards. Check the consignee name and address."),
                )
                .with("buyers", list),
            );
        }
        let currencies: BTreeSet<&str> = decls.iter().map(|d| d.currency.code()).collect();
        if currencies.len() > 1 {
            let list = currencies.iter().copied().collect::<Vec<_>>().join(", ");
            warnings.push(
                Problem::new(
                    "shipment.mixed_currencies",
                    format!("통화가 여러 가지입니다 ({list}). 상업송장에는 통화별 합계가 따로 나옵니다."),
                    format!("The declarations are in different currencies ({list}); the commercial invoice shows a total per currency."),
                )
                .with("currencies", list),
            );
        }
        let mut blockers: Vec<Problem> = Vec::new();
        if shipment.state == ShipmentState::Packing {
            blockers.extend(check.problems.iter().cloned());
            for d in &decls {
                if d.state != DeclarationState::Accepted {
                    blockers.push(
                        Problem::new(
                            "shipment.not_accepted",
                            format!(
                                "수출신고 {}는 '{}' 상태입니다. 수리된 신고만 적재할 수 있습니다.",
                                declaration_ref(d),
                                d.state.label_ko()
                            ),
                            format!(
                                "Declaration {} is {}; only accepted declarations can be loaded.",
                                declaration_ref(d),
                                d.state.label_en()
                            ),
                        )
                        .with("declaration_id", d.id),
                    );
                }
            }
        }
        let declarations = decls
            .iter()
            .map(|d| ShipmentDeclaration {
                id: d.id,
                declaration_no: d.declaration_no.clone(),
                state: d.state,
                buyer_name: d.buyer_name.clone(),
                destination_country: d.destination_country.clone(),
                order_numbers: d.order_numbers.clone(),
                loading_due: d.loading_due,
                loaded_on: d.loaded_on,
            })
            .collect();
        Ok(ShipmentView {
            can_load: shipment.state == ShipmentState::Packing && blockers.is_empty(),
            shipment,
            declarations,
            lines,
            check,
            warnings,
            load_blockers: blockers,
        })
    }

    fn packing_shipment(&self, id: i64) -> Result<Shipment> {
        let s = self.load_shipment_record(id)?;
        if s.state != ShipmentState::Packing {
            return Err(refuse(
                "shipment.loaded",
                format!("선적 {}은(는) 이미 적재되어 바꿀 수 없습니다.", s.reference),
                format!(
                    "Shipment {} is loaded and can no longer change.",
                    s.reference
                ),
            ));
        }
        Ok(s)
    }

    pub fn edit_shipment(&mut self, id: i64, edit: &ShipmentEdit) -> Result<ShipmentView> {
        let mut s = self.packing_shipment(id)?;
        if let Some(r) = &edit.reference {
            let r = r.trim();
            if r.is_empty() {
                return Err(Problem::new(
                    "reference.empty",
                    "선적 참조번호를 입력하세요.",
                    "Enter the shipment reference.",
                )
                .at("reference")
                .into());
            }
            s.reference = r.to_string();
        }
        if let Some(v) = &edit.consignee_name {
            if v.trim().is_empty() {
                return Err(Problem::new(
                    "consignee_name.empty",
                    "수하인 이름을 입력하세요.",
                    "Enter the consignee's name.",
                )
                .at("consignee_name")
                .into());
            }
            s.consignee_name = v.trim().to_string();
        }
        if let Some(v) = &edit.consignee_address {
            s.consignee_address = v.trim().to_string();
        }
        if let Some(v) = &edit.note {
            s.note = v.trim().to_string();
        }
        if let Some(ids) = &edit.declaration_ids {
            let decls = self.shipment_declarations(ids, &[], id)?;
            s.declaration_ids = decls.iter().map(|d| d.id).collect();
            if let Some(first) = decls.first() {
                s.destination_country = first.destination_country.clone();
            }
            for c in &mut s.cartons {
                c.items
                    .retain(|i| s.declaration_ids.contains(&i.declaration_id));
            }
        }
        text_limits(&s)?;
        self.store
            .write(self.clock.now(), |w| w.save_shipment(&s))?;
        self.shipment_view(id)
    }

    /// Store the cartons as packed (a packing may be saved incomplete; the view says what is left).
    pub fn pack_shipment(&mut self, id: i64, cartons: &[CartonDraft]) -> Result<ShipmentView> {
        let mut s = self.packing_shipment(id)?;
        let (_, _, lines, _) = self.shipment_parts(id)?;
        s.cartons = if cartons.is_empty() {
            Vec::new()
        } else {
            validate_cartons(cartons, &lines)?
        };
        self.store
            .write(self.clock.now(), |w| w.save_shipment(&s))?;
        self.shipment_view(id)
    }

    /// Propose cartons of one size; nothing is stored (the user edits, then packs).
    pub fn auto_pack_shipment(&self, id: i64, req: &AutoPackRequest) -> Result<Vec<CartonDraft>> {
        let (_, _, lines, _) = self.shipment_parts(id)?;
        Ok(auto_pack(req, &lines)?
            .iter()
            .map(|c| c.to_draft())
            .collect())
    }

    /// Load the shipment: every declaration's loading recorded (closing its loading deadline)
    /// and the shipment marked loaded, all in one transaction.
    pub fn load_shipment(&mut self, id: i64, loading: &ShipmentLoading) -> Result<ShipmentView> {
        let view = self.shipment_view(id)?;
        if view.shipment.state != ShipmentState::Packing {
            return Err(refuse(
                "shipment.loaded",
                format!(
                    "선적 {}은(는) 이미 적재되었습니다.",
                    view.shipment.reference
                ),
                format!("Shipment {} is already loaded.", view.shipment.reference),
            ));
        }
        if !view.load_blockers.is_empty() {
            let mut p = Problems(vec![Problem::new(
                "shipment.not_ready",
                "아직 적재할 수 없습니다. 아래 문제를 먼저 해결하세요.",
                "The shipment cannot be loaded yet; resolve the problems below first.",
            )]);
            p.0.extend(view.load_blockers.iter().cloned());
            return Err(p);
        }
        let loaded = parse_date(&loading.loaded_on, "loaded_on")?;
        if loaded > self.today() {
            return Err(Problem::new(
                "loading.future",
                format!("적재일 {loaded}은(는) 오늘 이후입니다. 실제로 실은 날을 입력하세요."),
                format!("The loading date {loaded} is after today; enter the day the goods were actually loaded."),
            )
            .at("loaded_on")
            .into());
        }
        let tracking: Vec<String> = loading
            .tracking_numbers
            .iter()
            .flat_map(|t| t.split([',', '\n']))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        let mut decls = Vec::with_capacity(view.declarations.len());
        for d in &view.declarations {
            let mut d = self.load_declaration_for_shipment(d.id)?;
            record_loaded(&mut d, loaded, &loading.bl_awb, &loading.carrier)?;
            decls.push(d);
        }
        let mut s = view.shipment.clone();
        s.state = ShipmentState::Loaded;
        s.loaded_on = Some(loaded);
        s.carrier = loading.carrier.trim().to_string();
        s.bl_awb = loading.bl_awb.trim().to_string();
        s.tracking_numbers = tracking;
        self.store.write(self.clock.now(), |w| {
            for d in &decls {
                w.save_declaration(d)?;
            }
            w.save_shipment(&s)
        })?;
        self.shipment_view(id)
    }

    fn load_declaration_for_shipment(&self, id: i64) -> Result<Declaration> {
        self.store.declaration(id)?.ok_or_else(|| {
            refuse(
                "record.not_found",
                format!("수출신고(번호 {id})를 찾을 수 없습니다."),
                format!("Declaration {id} was not found."),
            )
        })
    }

    /// Delete a shipment that is still being packed (its declarations stay as they are).
    pub fn delete_shipment(&mut self, id: i64) -> Result<()> {
        self.packing_shipment(id)?;
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_shipment(id))?)
    }
}

/// Which paper of a shipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShipmentPaper {
    Invoice,
    PackingList,
    Marks,
    PackingXlsx,
}

impl ShipmentPaper {
    pub const ALL: [ShipmentPaper; 4] = [
        ShipmentPaper::Invoice,
        ShipmentPaper::PackingList,
        ShipmentPaper::Marks,
        ShipmentPaper::PackingXlsx,
    ];

    fn file_name(self, reference: &str) -> String {
        let (stem, ext) = match self {
            ShipmentPaper::Invoice => ("commercial-invoice", "pdf"),
            ShipmentPaper::PackingList => ("packing-list", "pdf"),
            ShipmentPaper::Marks => ("carton-marks", "pdf"),
            ShipmentPaper::PackingXlsx => ("packing-list", "xlsx"),
        };
        format!("{stem}-{}.{ext}", crate::documents::file_part(reference))
    }
}

impl App {
    /// One paper of a shipment, written to `out` or the documents folder
    /// (`commercial-invoice-<reference>.pdf`, …).
    pub fn shipment_paper(
        &self,
        id: i64,
        paper: ShipmentPaper,
        out: Option<&std::path::Path>,
    ) -> Result<crate::GeneratedDocument> {
        let seller = self.store.seller()?.ok_or_else(|| {
            refuse(
                "documents.no_seller",
                "판매자 정보가 없어 서류를 만들 수 없습니다. 설정에서 판매자 정보를 먼저 저장하세요.".into(),
                "There is no seller profile to print; save it in Settings first.".into(),
            )
        })?;
        let (shipment, decls, lines, check) = self.shipment_parts(id)?;
        let origin_text = if paper == ShipmentPaper::Invoice {
            self.invoice_origin_text(&seller, &shipment, &decls)?
        } else {
            None
        };
        let papers = exportdesk_documents::ShipmentPapers {
            seller: &seller,
            shipment: &shipment,
            declarations: &decls,
            lines: &lines,
            check: &check,
            today: self.today(),
            origin_declaration: origin_text.as_deref(),
        };
        let bytes = match paper {
            ShipmentPaper::Invoice => exportdesk_documents::commercial_invoice_pdf(&papers),
            ShipmentPaper::PackingList => exportdesk_documents::packing_list_pdf(&papers),
            ShipmentPaper::Marks => exportdesk_documents::carton_marks_pdf(&papers),
            ShipmentPaper::PackingXlsx => exportdesk_documents::packing_list_xlsx(&papers)?,
        };
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self
                .documents_dir()
                .join(paper.file_name(&shipment.reference)),
        };
        crate::documents::write_document(&path, &bytes)?;
        Ok(crate::GeneratedDocument {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }

    /// The origin declaration to print on the invoice of a shipment to the EU or the UK, when
    /// every product in it has a BOM that qualifies under that FTA on the invoice date, and the
    /// exporter is an approved exporter (number in Settings) or the consignment is within the
    /// FTA's low-value limit. `None` otherwise: the invoice then shows the empty box.
    fn invoice_origin_text(
        &self,
        seller: &exportdesk_rules::records::Seller,
        shipment: &Shipment,
        decls: &[Declaration],
    ) -> Result<Option<String>> {
        let today = self.today();
        let catalogue = exportdesk_rules::origin::FtaCatalogue::bundled_with(&self.rulebook.fta);
        let Some(fta) = ["KR-EU", "KR-UK"].into_iter().find(|c| {
            catalogue.get(c).is_some_and(|f| {
                f.partners_on(today)
                    .iter()
                    .any(|p| p == &shipment.destination_country)
            })
        }) else {
            return Ok(None);
        };
        let mut products: Vec<i64> = Vec::new();
        for d in decls {
            for l in &d.lines {
                match l.product_id {
                    Some(p) if !products.contains(&p) => products.push(p),
                    Some(_) => {}
                    None => return Ok(None),
                }
            }
        }
        let mut first = None;
        for p in &products {
            match self.origin_check(*p, fta, None) {
                Ok(v) if v.verdict == exportdesk_rules::origin::Verdict::Originating => {
                    first.get_or_insert(v);
                }
                _ => return Ok(None),
            }
        }
        let Some(verdict) = first else {
            return Ok(None);
        };
        let approved = self.settings()?.approved_exporter_no;
        let approved = approved.trim();
        if approved.is_empty() {
            // The low-value form needs the consignment's value in euro within the limit.
            let Some(limit) = verdict.fta.low_value_declaration_max_eur else {
                return Ok(None);
            };
            let krw: Decimal = decls.iter().map(|d| d.fob_krw).sum();
            let Ok(eur_rate) = self.rate_on("EUR", today) else {
                return Ok(None);
            };
            if eur_rate.is_zero() || krw / eur_rate > limit {
                return Ok(None);
            }
        }
        let exporter = if seller.name_en.trim().is_empty() {
            seller.name.clone()
        } else {
            seller.name_en.clone()
        };
        Ok(exportdesk_documents::invoice_origin_declaration(
            &verdict,
            &exporter,
            (!approved.is_empty()).then_some(approved),
            "Republic of Korea",
            today,
        ))
    }

    /// All papers of a shipment, one after the other; `progress(done, total)` after each.
    pub fn shipment_papers(
        &self,
        id: i64,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<crate::GeneratedDocument>> {
        let total = ShipmentPaper::ALL.len();
        let mut out = Vec::with_capacity(total);
        for (i, paper) in ShipmentPaper::ALL.into_iter().enumerate() {
            out.push(self.shipment_paper(id, paper, None)?);
            progress(i + 1, total);
        }
        Ok(out)
    }
}

/// The shipment's typed texts fit on the papers: each within its length.
fn text_limits(s: &Shipment) -> Result<()> {
    let mut problems = Problems::default();
    for (value, max, field, ko, en) in [
        (
            &s.reference,
            40,
            "reference",
            "선적 참조번호",
            "shipment reference",
        ),
        (
            &s.consignee_name,
            100,
            "consignee_name",
            "수하인 이름",
            "consignee's name",
        ),
        (
            &s.consignee_address,
            300,
            "consignee_address",
            "수하인 주소",
            "consignee's address",
        ),
        (&s.note, 500, "note", "메모", "note"),
    ] {
        let n = value.chars().count();
        if n > max {
            problems.push(
                Problem::new(
                    &format!("{field}.too_long"),
                    format!("{ko}은(는) {max}자 이하로 입력하세요 (지금 {n}자)."),
                    format!("Keep the {en} to {max} characters (now {n})."),
                )
                .at(field)
                .with("max", max),
            );
        }
    }
    problems.into_result(|| ())
}

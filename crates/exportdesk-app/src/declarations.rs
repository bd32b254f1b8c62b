//! Declaration use cases: draft from orders, review, file, accept, extend, load, cancel, the
//! provisional → final price path, and the deadline dashboard.

use crate::{App, Result};
use chrono::{Datelike, NaiveDate};
use exportdesk_rules::deadline::{
    extend_loading, final_price_deadline, loading_deadline, penalty_estimate, Deadline,
    PenaltyEstimate,
};
use exportdesk_rules::declaration::{
    check_declaration_no, decide_kind, fob_value, missing_fields, Declaration, DeclarationKind,
    DeclarationLine, DeclarationState, Exporter, FieldIssue, FobValue, Freight, KindFacts,
    KindVerdict, LoadingExtension, ValueLine,
};
use exportdesk_rules::money::parse_non_negative;
use exportdesk_rules::rates::{parse_date, rate_for};
use exportdesk_rules::records::Order;
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::{
    DashboardCounts, DeadlineRow, DeclarationFilter, DeclarationRow, MonthTotal,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the user chose when drafting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftRequest {
    pub order_ids: Vec<i64>,
    /// Declaration date; today when empty.
    pub declared_on: Option<String>,
    /// Freight and insurance to take out for C/D terms; the orders' shipping fees when empty.
    pub freight_insurance: Option<String>,
    #[serde(default)]
    pub non_conforming: bool,
    #[serde(default)]
    pub conditional_reexport: bool,
}

/// Changes to a draft (every field optional: only what is given changes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftEdit {
    pub declared_on: Option<String>,
    pub freight_insurance: Option<String>,
    pub non_conforming: Option<bool>,
    pub conditional_reexport: Option<bool>,
    pub transport_mode: Option<String>,
    pub loading_port: Option<String>,
    pub courier_code: Option<String>,
    /// The answer to "did the buyer pay shipping on top of the goods?".
    pub freight_separate: Option<bool>,
}

/// Orders the app proposes to declare together (same buyer, destination, currency and Incoterm).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GroupProposal {
    pub buyer_name: String,
    pub destination_country: String,
    pub currency: String,
    pub incoterm: String,
    pub order_ids: Vec<i64>,
    pub order_numbers: Vec<String>,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub goods_total: Decimal,
}

/// Which documents to submit or keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentsAdvice {
    pub platform_based: bool,
    /// Exempt from submitting (platform-based sellers, rules in force on the declaration date).
    pub exempt: Vec<String>,
    pub keep_ready: Vec<String>,
    pub verified: bool,
}

/// A declaration with everything the review screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeclarationView {
    pub declaration: Declaration,
    pub exporter: Exporter,
    pub fob: FobValue,
    pub kind: KindVerdict,
    pub missing: Vec<FieldIssue>,
    pub documents: DocumentsAdvice,
    pub loading: Option<Deadline>,
    pub final_price: Option<Deadline>,
    /// When the loading deadline has passed without loading.
    pub penalty: Option<PenaltyEstimate>,
    /// Warnings that do not block (an unusual declaration number).
    pub warnings: Vec<Problem>,
    /// The transaction type code (거래구분) of an e-commerce simplified declaration, from the
    /// rulebook in force on the declaration date; `None` for a regular declaration.
    pub transaction_type: Option<exportdesk_rules::deadline::RuleUsed>,
}

/// The dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub counts: DashboardCounts,
    pub items: Vec<DashboardItem>,
    pub months: Vec<MonthTotal>,
    pub guide: Vec<GuideStep>,
    /// Supplier origin declarations that BOMs rely on and that have ended or end within the
    /// reminder window (at least 30 days): an ended one makes its materials non-originating.
    pub expiring_declarations: Vec<crate::ExpiringDeclaration>,
    /// The 2-year re-import windows of returns whose duty-free claim is still open.
    pub reimport_deadlines: Vec<crate::ReimportDeadline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardItem {
    pub deadline: DeadlineRow,
    /// overdue, soon (≤ 3 days), week (≤ 7 days), later.
    pub urgency: String,
    pub days_left: i64,
    pub next_step_ko: String,
    pub next_step_en: String,
    /// What the button does: `record_loading` or `record_final_price`.
    pub action: String,
}

/// One step of the first-export guide, ticked from the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GuideStep {
    pub id: String,
    pub done: bool,
    pub title_ko: String,
    pub title_en: String,
    /// The screen where it is done.
    pub screen: String,
}

fn date_or(input: &Option<String>, field: &str, default: NaiveDate) -> Result<NaiveDate> {
    match input.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Ok(parse_date(s, field)?),
        None => Ok(default),
    }
}

fn refuse(code: &str, ko: String, en: String) -> Problems {
    Problem::new(code, ko, en).into()
}

fn wrong_state(d: &Declaration, wanted_ko: &str, wanted_en: &str) -> Problems {
    refuse(
        "declaration.wrong_state",
        format!("이 신고는 '{}' 상태입니다. {wanted_ko}", d.state.label_ko()),
        format!("This declaration is {}. {wanted_en}", d.state.label_en()),
    )
}

impl App {
    fn exporter(&self) -> Result<Exporter> {
        Ok(self
            .store
            .seller()?
            .map_or_else(Exporter::default, |s| Exporter {
                name: s.name,
                business_no: s.business_no.to_string(),
                customs_code: s.customs_code.map(|c| c.to_string()).unwrap_or_default(),
                representative: s.representative,
                address: s.address,
            }))
    }

    fn load_declaration(&self, id: i64) -> Result<Declaration> {
        self.store.declaration(id)?.ok_or_else(|| {
            refuse(
                "record.not_found",
                format!("수출신고(번호 {id})를 찾을 수 없습니다."),
                format!("Declaration {id} was not found."),
            )
        })
    }

    /// Group the orders not yet declared (or `only` these) by buyer, destination, currency and
    /// Incoterm: each group can be one declaration.
    pub fn propose_groups(&self, only: Option<&[i64]>) -> Result<Vec<GroupProposal>> {
        let rows = self.store.orders(&Default::default())?;
        let ids: Vec<i64> = rows
            .iter()
            .map(|r| r.id)
            .filter(|id| only.is_none_or(|o| o.contains(id)))
            .collect();
        let declared: Vec<i64> = self
            .store
            .orders_already_declared(&ids)?
            .into_iter()
            .map(|p| p.0)
            .collect();
        let mut groups: Vec<GroupProposal> = Vec::new();
        for r in rows
            .iter()
            .filter(|r| ids.contains(&r.id) && !declared.contains(&r.id))
        {
            let buyer = r.buyer_name.clone().unwrap_or_default();
            match groups.iter_mut().find(|g| {
                g.buyer_name == buyer
                    && g.destination_country == r.destination_country
                    && g.currency == r.currency
                    && g.incoterm == r.incoterm
            }) {
                Some(g) => {
                    g.order_ids.push(r.id);
                    g.order_numbers.push(r.order_no.clone());
                    g.goods_total += r.goods_total;
                }
                None => groups.push(GroupProposal {
                    buyer_name: buyer,
                    destination_country: r.destination_country.clone(),
                    currency: r.currency.clone(),
                    incoterm: r.incoterm.clone(),
                    order_ids: vec![r.id],
                    order_numbers: vec![r.order_no.clone()],
                    goods_total: r.goods_total,
                }),
            }
        }
        Ok(groups)
    }

    /// Draft a declaration from orders to one buyer and destination.
    pub fn draft_declaration(&mut self, req: &DraftRequest) -> Result<DeclarationView> {
        let declared_on = date_or(&req.declared_on, "declared_on", self.today())?;
        let orders = self.orders_for_draft(&req.order_ids)?;
        let first = &orders[0];
        let buyer = match first.buyer_id {
            Some(id) => self.store.buyer(id)?,
            None => None,
        };
        let mut lines = Vec::new();
        for o in &orders {
            for l in &o.lines {
                let product = match l.product_id {
                    Some(pid) => self.store.product(pid)?,
                    None => None,
                };
                let p = product.as_ref();
                lines.push(DeclarationLine {
                    line_no: lines.len() as u32 + 1,
                    order_id: o.id,
                    order_line_no: l.line_no,
                    product_id: l.product_id,
                    hs_code: p
                        .and_then(|p| p.hs_code.as_ref())
                        .map(|h| h.digits().to_string()),
                    name_ko: p.map(|p| p.name_ko.clone()).unwrap_or_default(),
                    name_en: p
                        .map(|p| p.name_en.clone())
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| l.description.clone()),
                    brand: p.map(|p| p.brand.clone()).unwrap_or_default(),
                    model_spec: p.map(|p| p.model_spec.clone()).unwrap_or_default(),
                    quantity: l.quantity,
                    unit: p.map(|p| p.unit.clone()).unwrap_or_default(),
                    net_weight_kg: p.and_then(|p| p.net_weight_kg).map(|w| w * l.quantity),
                    origin_country: p
                        .and_then(|p| p.origin_country.as_ref())
                        .map(|c| c.to_string()),
                    needs_permit: p.is_some_and(|p| p.needs_permit),
                    amount: l.amount,
                    discount: l.discount,
                    deduction: Decimal::ZERO,
                    fob: l.amount,
                    fob_krw: Decimal::ZERO,
                });
            }
        }
        let (freight, source) = match req
            .freight_insurance
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => (parse_non_negative(s, "freight_insurance")?, "entered"),
            None => (orders.iter().map(|o| o.shipping_fee).sum(), "orders"),
        };
        // Shipping on top of the goods when every order says so; not known as soon as one does not.
        let separate: Vec<Option<bool>> = orders.iter().map(|o| o.shipping_separate).collect();
        let freight_separate = if separate.iter().all(|s| *s == Some(true)) {
            Some(true)
        } else if separate.iter().all(|s| *s == Some(false)) {
            Some(false)
        } else {
            None
        };
        let mut d = Declaration {
            id: 0,
            state: DeclarationState::Draft,
            declared_on,
            order_ids: orders.iter().map(|o| o.id).collect(),
            order_numbers: orders.iter().map(|o| o.order_no.clone()).collect(),
            buyer_id: first.buyer_id,
            buyer_name: buyer.as_ref().map(|b| b.name.clone()).unwrap_or_default(),
            buyer_country: buyer
                .as_ref()
                .map(|b| b.country.to_string())
                .unwrap_or_default(),
            destination_country: first.destination_country.to_string(),
            currency: first.currency,
            incoterm: first.incoterm,
            freight_insurance: freight,
            freight_source: source.into(),
            freight_separate,
            rate: Decimal::ONE,
            invoice_total: Decimal::ZERO,
            fob_total: Decimal::ZERO,
            fob_krw: Decimal::ZERO,
            kind: DeclarationKind::Simplified,
            kind_reason_ko: String::new(),
            kind_reason_en: String::new(),
            list_clearance_possible: false,
            non_conforming: req.non_conforming,
            conditional_reexport: req.conditional_reexport,
            transport_mode: String::new(),
            loading_port: String::new(),
            courier_code: String::new(),
            declaration_no: None,
            filed_on: None,
            accepted_on: None,
            loading_raw: None,
            loading_due: None,
            extensions: Vec::new(),
            loaded_on: None,
            bl_awb: String::new(),
            carrier: String::new(),
            provisional: false,
            confirmed_paid_on: None,
            final_price_raw: None,
            final_price_due: None,
            final_fob_krw: None,
            final_filed_on: None,
            cancelled_on: None,
            cancel_reason: String::new(),
            lines,
        };
        self.evaluate(&mut d)?;
        let saved = self
            .store
            .write(self.clock.now(), |w| w.save_declaration(&d))?;
        self.declaration_view(saved.id)
    }

    fn orders_for_draft(&self, ids: &[i64]) -> Result<Vec<Order>> {
        if ids.is_empty() {
            return Err(refuse(
                "declaration.no_orders",
                "신고할 주문을 하나 이상 고르세요.".into(),
                "Choose at least one order to declare.".into(),
            ));
        }
        let mut orders = Vec::new();
        for id in ids {
            orders.push(self.order(*id)?);
        }
        if let Some((order, decl)) = self.store.orders_already_declared(ids)?.first() {
            let no = orders
                .iter()
                .find(|o| o.id == *order)
                .map(|o| o.order_no.clone())
                .unwrap_or_default();
            return Err(refuse(
                "declaration.order_taken",
                format!("주문 {no}은(는) 이미 수출신고 {decl}번에 들어 있습니다. 한 주문은 한 신고에만 넣을 수 있습니다."),
                format!("Order {no} is already in declaration {decl}; an order can be in one declaration only."),
            ));
        }
        let first = &orders[0];
        for o in &orders[1..] {
            let same = o.buyer_id == first.buyer_id
                && o.destination_country == first.destination_country
                && o.currency == first.currency
                && o.incoterm == first.incoterm;
            if !same {
                return Err(refuse(
                    "declaration.mixed_orders",
                    format!("주문 {}과(와) {}은(는) 구매자·도착국·통화·인도조건이 달라 한 신고서에 넣을 수 없습니다. 같은 구매자와 도착국의 주문만 함께 고르세요.", first.order_no, o.order_no),
                    format!("Orders {} and {} differ in buyer, destination, currency or Incoterm and cannot share a declaration; choose orders to one buyer and destination.", first.order_no, o.order_no),
                ));
            }
        }
        Ok(orders)
    }

    /// Recompute rate, FOB and kind of a draft under the rules of its date.
    fn evaluate(&self, d: &mut Declaration) -> Result<(FobValue, KindVerdict)> {
        let rates = self.store.rates()?;
        d.rate = rate_for(&rates, d.currency, d.declared_on)?;
        let value_lines: Vec<ValueLine> = d
            .lines
            .iter()
            .map(|l| ValueLine {
                amount: l.amount,
                needs_permit: l.needs_permit,
            })
            .collect();
        let fob = fob_value(
            &value_lines,
            d.currency,
            d.incoterm,
            Freight::new(d.freight_insurance, d.freight_separate),
            d.rate,
            d.declared_on,
            &self.rulebook,
        )?;
        for (line, f) in d.lines.iter_mut().zip(&fob.lines) {
            line.deduction = f.deduction;
            line.fob = f.fob;
            line.fob_krw = f.fob_krw;
        }
        d.invoice_total = fob.invoice_total;
        d.fob_total = fob.fob_total;
        d.fob_krw = fob.fob_krw;
        let facts = KindFacts {
            permit_lines: d
                .lines
                .iter()
                .filter(|l| l.needs_permit)
                .map(|l| l.line_no)
                .collect(),
            non_conforming: d.non_conforming,
            conditional_reexport: d.conditional_reexport,
        };
        let kind = decide_kind(d.fob_krw, &facts, d.declared_on, &self.rulebook)?;
        d.kind = kind.kind;
        d.kind_reason_ko = kind.reason_ko.clone();
        d.kind_reason_en = kind.reason_en.clone();
        d.list_clearance_possible = kind.list_clearance_possible;
        Ok((fob, kind))
    }

    /// Everything the review screen shows for one declaration.
    pub fn declaration_view(&self, id: i64) -> Result<DeclarationView> {
        let mut d = self.load_declaration(id)?;
        let exporter = self.exporter()?;
        // A draft follows the current data; the figures of a filed declaration are what was
        // filed, and recomputing a copy only explains them.
        let (fob, kind) = if d.state == DeclarationState::Draft {
            self.evaluate(&mut d)?
        } else {
            self.evaluate(&mut d.clone())?
        };
        let book = &self.rulebook;
        let required = match d.kind {
            DeclarationKind::Simplified => book
                .declaration
                .required_fields_simplified
                .value_on("required_fields_simplified", d.declared_on)?,
            DeclarationKind::Regular => book
                .declaration
                .required_fields_regular
                .value_on("required_fields_regular", d.declared_on)?,
        };
        let missing = missing_fields(&d, &exporter, required);
        let platform_based = self.store.seller()?.is_some_and(|s| s.platform_based);
        let exempt_v = book
            .declaration
            .platform_seller_exempt_documents
            .version_on("platform_seller_exempt_documents", d.declared_on)?;
        let keep_v = book
            .declaration
            .documents_to_keep
            .version_on("documents_to_keep", d.declared_on)?;
        let documents = DocumentsAdvice {
            platform_based,
            exempt: if platform_based {
                exempt_v.value.clone()
            } else {
                Vec::new()
            },
            keep_ready: keep_v.value.clone(),
            verified: exempt_v.verified && keep_v.verified,
        };
        let loading = self.current_loading_deadline(&d)?;
        let final_price = match d.confirmed_paid_on {
            Some(paid) if d.provisional => Some(final_price_deadline(paid, d.declared_on, book)?),
            _ => None,
        };
        let today = self.today();
        let penalty = match (&loading, d.state) {
            (Some(l), DeclarationState::Accepted) if l.date.due < today => {
                Some(penalty_estimate(1, l.date.due, book)?)
            }
            _ => None,
        };
        let mut warnings: Vec<Problem> = d
            .declaration_no
            .as_deref()
            .and_then(|n| check_declaration_no(n).1)
            .into_iter()
            .collect();
        warnings.extend(exportdesk_rules::hsk::HskTable::bundled().declaration_warnings(&d));
        let transaction_type = match d.kind {
            DeclarationKind::Simplified => Some(
                exportdesk_rules::deadline::use_rule(
                    &book.declaration.ecommerce_transaction_type,
                    "ecommerce_transaction_type",
                    d.declared_on,
                )?
                .1,
            ),
            DeclarationKind::Regular => None,
        };
        Ok(DeclarationView {
            declaration: d,
            exporter,
            fob,
            kind,
            missing,
            documents,
            loading,
            final_price,
            penalty,
            warnings,
            transaction_type,
        })
    }

    /// The loading deadline in force: the last extension's, else acceptance + the period.
    fn current_loading_deadline(&self, d: &Declaration) -> Result<Option<Deadline>> {
        let Some(accepted) = d.accepted_on else {
            return Ok(None);
        };
        let mut dl = loading_deadline(accepted, &self.rulebook)?;
        for e in &d.extensions {
            dl = extend_loading(accepted, &dl, e.requested_on, e.new_date, &self.rulebook)?;
        }
        Ok(Some(dl))
    }

    pub fn declarations(&self, filter: &DeclarationFilter) -> Result<Vec<DeclarationRow>> {
        Ok(self.store.declarations(filter)?)
    }

    /// Change a draft and recompute it.
    pub fn edit_draft(&mut self, id: i64, edit: &DraftEdit) -> Result<DeclarationView> {
        let mut d = self.load_declaration(id)?;
        if d.state != DeclarationState::Draft {
            return Err(wrong_state(
                &d,
                "작성 중인 신고만 고칠 수 있습니다.",
                "Only drafts can be changed.",
            ));
        }
        if edit.declared_on.is_some() {
            d.declared_on = date_or(&edit.declared_on, "declared_on", d.declared_on)?;
        }
        if let Some(f) = &edit.freight_insurance {
            if f.trim().is_empty() {
                let orders: Result<Vec<Order>> =
                    d.order_ids.iter().map(|id| self.order(*id)).collect();
                d.freight_insurance = orders?.iter().map(|o| o.shipping_fee).sum();
                d.freight_source = "orders".into();
            } else {
                d.freight_insurance = parse_non_negative(f, "freight_insurance")?;
                d.freight_source = "entered".into();
            }
        }
        if let Some(v) = edit.freight_separate {
            d.freight_separate = Some(v);
        }
        if let Some(v) = edit.non_conforming {
            d.non_conforming = v;
        }
        if let Some(v) = edit.conditional_reexport {
            d.conditional_reexport = v;
        }
        if let Some(mode) = &edit.transport_mode {
            let mode = mode.trim();
            if !mode.is_empty() && !TRANSPORT_MODES.contains(&mode) {
                return Err(Problem::new(
                    "declaration.transport_mode",
                    format!("운송수단 '{mode}'을(를) 알 수 없습니다. air(항공), sea(해상), post(우편), courier(특송) 중에서 고르세요."),
                    format!("Unknown transport mode '{mode}'; choose air, sea, post or courier."),
                )
                .at("transport_mode")
                .with("value", mode)
                .into());
            }
        }
        for (value, target, field, ko, en) in [
            (
                &edit.transport_mode,
                &mut d.transport_mode,
                "transport_mode",
                "운송수단",
                "transport mode",
            ),
            (
                &edit.loading_port,
                &mut d.loading_port,
                "loading_port",
                "적재항",
                "loading port",
            ),
            (
                &edit.courier_code,
                &mut d.courier_code,
                "courier_code",
                "특송업체 부호",
                "courier code",
            ),
        ] {
            if let Some(v) = value {
                let max = 20;
                if v.trim().chars().count() > max {
                    return Err(Problem::new(
                        "declaration.field_too_long",
                        format!("{ko}은(는) {max}자 이하로 입력하세요."),
                        format!("Keep the {en} to {max} characters."),
                    )
                    .at(field)
                    .with("max", max)
                    .into());
                }
                *target = v.trim().to_string();
            }
        }
        self.evaluate(&mut d)?;
        self.store
            .write(self.clock.now(), |w| w.save_declaration(&d))?;
        self.declaration_view(id)
    }

    /// Refresh products' data (HS code, names, weights, origin) into a draft's lines.
    pub fn refresh_draft_lines(&mut self, id: i64) -> Result<DeclarationView> {
        let mut d = self.load_declaration(id)?;
        if d.state != DeclarationState::Draft {
            return Err(wrong_state(
                &d,
                "작성 중인 신고만 고칠 수 있습니다.",
                "Only drafts can be changed.",
            ));
        }
        for l in &mut d.lines {
            if let Some(p) = l
                .product_id
                .map(|pid| self.store.product(pid))
                .transpose()?
                .flatten()
            {
                l.hs_code = p.hs_code.map(|h| h.digits().to_string());
                l.name_ko = p.name_ko;
                if !p.name_en.is_empty() {
                    l.name_en = p.name_en;
                }
                l.brand = p.brand;
                l.model_spec = p.model_spec;
                l.unit = p.unit;
                l.net_weight_kg = p.net_weight_kg.map(|w| w * l.quantity);
                l.origin_country = p.origin_country.map(|c| c.to_string());
                l.needs_permit = p.needs_permit;
            }
        }
        self.evaluate(&mut d)?;
        self.store
            .write(self.clock.now(), |w| w.save_declaration(&d))?;
        self.declaration_view(id)
    }

    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        if let Some((_, reference)) = self.store.shipment_of_declaration(id)? {
            return Err(refuse(
                "declaration.in_shipment",
                format!("이 신고는 선적 {reference}에 들어 있어 지울 수 없습니다. 선적에서 먼저 빼세요."),
                format!("This declaration is in shipment {reference}, so it cannot be deleted; remove it from the shipment first."),
            ));
        }
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_declaration(id))?)
    }

    /// Record that the declaration was sent to customs. Every required field must be filled.
    pub fn file_declaration(
        &mut self,
        id: i64,
        filed_on: Option<String>,
    ) -> Result<DeclarationView> {
        let view = self.declaration_view(id)?;
        let mut d = view.declaration;
        if d.state != DeclarationState::Draft {
            return Err(wrong_state(
                &d,
                "작성 중인 신고만 신고할 수 있습니다.",
                "Only a draft can be filed.",
            ));
        }
        if !view.missing.is_empty() {
            let ko: Vec<String> = view
                .missing
                .iter()
                .map(|m| {
                    m.line
                        .map_or(m.label_ko.clone(), |l| format!("{l}란 {}", m.label_ko))
                })
                .collect();
            let en: Vec<String> = view
                .missing
                .iter()
                .map(|m| {
                    m.line
                        .map_or(m.label_en.clone(), |l| format!("line {l} {}", m.label_en))
                })
                .collect();
            return Err(refuse(
                "declaration.missing_fields",
                format!(
                    "{}에 필요한 항목이 비어 있습니다: {}. 표시된 곳에서 채운 뒤 다시 신고하세요.",
                    d.kind.label_ko(),
                    ko.join(", ")
                ),
                format!(
                    "The {} needs these fields filled: {}. Fill them where shown, then file again.",
                    d.kind.label_en(),
                    en.join(", ")
                ),
            ));
        }
        let filed = date_or(&filed_on, "filed_on", self.today())?;
        if filed < d.declared_on {
            return Err(Problem::new(
                "declaration.filed_before_date",
                format!(
                    "신고일 {filed}이 신고서 날짜 {}보다 앞섭니다.",
                    d.declared_on
                ),
                format!(
                    "The filing date {filed} is before the declaration date {}.",
                    d.declared_on
                ),
            )
            .at("filed_on")
            .into());
        }
        d.state = DeclarationState::Filed;
        d.filed_on = Some(filed);
        self.store
            .write(self.clock.now(), |w| w.save_declaration(&d))?;
        self.declaration_view(id)
    }

    /// Load a declaration, check it is in one of the `allowed` states (else say `wrong`), let
    /// `change` update it, and save it in one transaction. Every life-cycle step goes through here.
    fn transition(
        &mut self,
        id: i64,
        allowed: &[DeclarationState],
        wrong: (&str, &str),
        change: impl FnOnce(&Self, &mut Declaration) -> Result<()>,
    ) -> Result<DeclarationView> {
        let mut d = self.load_declaration(id)?;
        if !allowed.contains(&d.state) {
            return Err(wrong_state(&d, wrong.0, wrong.1));
        }
        change(self, &mut d)?;
        self.store
            .write(self.clock.now(), |w| w.save_declaration(&d))?;
        self.declaration_view(id)
    }

    /// Record acceptance (수리): number and date; the loading deadline starts.
    pub fn accept_declaration(
        &mut self,
        id: i64,
        declaration_no: &str,
        accepted_on: &str,
    ) -> Result<DeclarationView> {
        let wrong = (
            "신고한(신고함) 건만 수리를 기록할 수 있습니다.",
            "Only a filed declaration can be accepted.",
        );
        self.transition(id, &[DeclarationState::Filed], wrong, |app, d| {
            let number = required_text(
                declaration_no,
                "declaration_no",
                "수출신고번호 (수리 통지서에 있습니다)",
                "declaration number (on the acceptance notice)",
            )?;
            let accepted = parse_date(accepted_on, "accepted_on")?;
            if d.filed_on.is_some_and(|f| accepted < f) {
                return Err(Problem::new(
                    "declaration.accepted_before_filing",
                    format!("수리일 {accepted}이 신고일보다 앞섭니다."),
                    format!("The acceptance date {accepted} is before the filing date."),
                )
                .at("accepted_on")
                .into());
            }
            // An unusual number is kept as entered; the view shows the warning.
            let number = check_declaration_no(&number).0;
            let filter = DeclarationFilter {
                search: Some(number.clone()),
                ..Default::default()
            };
            if let Some(other) = app.store.declarations(&filter)?.into_iter().find(|r| {
                r.id != d.id && r.declaration_no.as_deref() == Some(number.as_str())
            }) {
                return Err(Problem::new(
                    "declaration_no.taken",
                    format!("수출신고번호 {number}은(는) 다른 신고(번호 {})에 이미 기록되어 있습니다. 수리 통지서의 번호를 다시 확인하세요.", other.id),
                    format!("The declaration number {number} is already recorded on another declaration ({}); check the number on the acceptance notice.", other.id),
                )
                .at("declaration_no")
                .with("value", &number)
                .into());
            }
            let dl = loading_deadline(accepted, &app.rulebook)?;
            d.state = DeclarationState::Accepted;
            d.declaration_no = Some(number);
            d.accepted_on = Some(accepted);
            d.loading_raw = Some(dl.date.raw);
            d.loading_due = Some(dl.date.due);
            Ok(())
        })
    }

    /// Record a granted loading-period extension.
    pub fn extend_loading(
        &mut self,
        id: i64,
        requested_on: &str,
        new_date: &str,
        reason: &str,
    ) -> Result<DeclarationView> {
        let wrong = (
            "수리되고 아직 적재하지 않은 신고만 적재기간을 연장할 수 있습니다.",
            "Only an accepted, not yet loaded declaration can be extended.",
        );
        self.transition(id, &[DeclarationState::Accepted], wrong, |app, d| {
            let reason = required_text(reason, "reason", "연장 사유", "reason for the extension")?;
            let accepted = d.accepted_on.expect("accepted declarations have a date");
            let current = app
                .current_loading_deadline(d)?
                .expect("accepted declarations have a deadline");
            let requested = parse_date(requested_on, "requested_on")?;
            let new = parse_date(new_date, "new_date")?;
            let dl = extend_loading(accepted, &current, requested, new, &app.rulebook)?;
            d.extensions.push(LoadingExtension {
                requested_on: requested,
                new_date: new,
                due: dl.date.due,
                reason,
            });
            d.loading_raw = Some(dl.date.raw);
            d.loading_due = Some(dl.date.due);
            Ok(())
        })
    }

    /// Record loading (적재): closes the loading deadline.
    pub fn record_loading(
        &mut self,
        id: i64,
        loaded_on: &str,
        bl_awb: &str,
        carrier: &str,
    ) -> Result<DeclarationView> {
        let wrong = (
            "수리된 신고만 적재를 기록할 수 있습니다.",
            "Only an accepted declaration can be loaded.",
        );
        self.transition(id, &[DeclarationState::Accepted], wrong, |_, d| {
            let loaded = parse_date(loaded_on, "loaded_on")?;
            record_loaded(d, loaded, bl_awb, carrier)
        })
    }

    pub fn cancel_declaration(
        &mut self,
        id: i64,
        cancelled_on: &str,
        reason: &str,
    ) -> Result<DeclarationView> {
        let wrong = (
            "신고했거나 수리된 건만 취소로 기록할 수 있습니다 (작성 중인 건은 삭제하세요).",
            "Only a filed or accepted declaration can be cancelled (delete a draft instead).",
        );
        self.transition(
            id,
            &[DeclarationState::Filed, DeclarationState::Accepted],
            wrong,
            |_, d| {
                d.cancel_reason = required_text(
                    reason,
                    "reason",
                    "취소(취하) 사유",
                    "reason for the cancellation",
                )?;
                d.cancelled_on = Some(parse_date(cancelled_on, "cancelled_on")?);
                d.state = DeclarationState::Cancelled;
                Ok(())
            },
        )
    }

    /// Mark the price provisional (잠정가격신고) with the confirmation & payment date.
    pub fn mark_provisional(
        &mut self,
        id: i64,
        confirmed_paid_on: &str,
    ) -> Result<DeclarationView> {
        let open = [
            DeclarationState::Draft,
            DeclarationState::Filed,
            DeclarationState::Accepted,
            DeclarationState::Loaded,
        ];
        let wrong = (
            "취소된 신고에는 잠정가격을 기록할 수 없습니다.",
            "A cancelled declaration cannot be marked provisional.",
        );
        self.transition(id, &open, wrong, |app, d| {
            if d.final_filed_on.is_some() {
                return Err(refuse(
                    "final_price.already_filed",
                    "확정가격신고를 이미 기록했습니다.".into(),
                    "The final price is already recorded.".into(),
                ));
            }
            let paid = parse_date(confirmed_paid_on, "confirmed_paid_on")?;
            let dl = final_price_deadline(paid, d.declared_on, &app.rulebook)?;
            d.provisional = true;
            d.confirmed_paid_on = Some(paid);
            d.final_price_raw = Some(dl.date.raw);
            d.final_price_due = Some(dl.date.due);
            Ok(())
        })
    }

    /// Record the final price declaration: the amended FOB is kept beside the provisional one.
    pub fn record_final_price(
        &mut self,
        id: i64,
        final_fob_krw: &str,
        filed_on: &str,
    ) -> Result<DeclarationView> {
        let open = [
            DeclarationState::Draft,
            DeclarationState::Filed,
            DeclarationState::Accepted,
            DeclarationState::Loaded,
        ];
        let wrong = (
            "취소된 신고에는 확정가격을 기록할 수 없습니다.",
            "A cancelled declaration cannot take a final price.",
        );
        self.transition(id, &open, wrong, |_, d| {
            if !d.provisional || d.confirmed_paid_on.is_none() {
                return Err(refuse(
                    "final_price.not_provisional",
                    "잠정가격으로 신고한 건이 아닙니다. 먼저 잠정가격과 확정·결제일을 기록하세요.".into(),
                    "This declaration is not provisional; record the provisional price and the confirmation & payment date first.".into(),
                ));
            }
            let amount = parse_non_negative(final_fob_krw, "final_fob_krw")?;
            if amount.fract() != Decimal::ZERO {
                return Err(Problem::new("final_price.whole_won", "확정 FOB는 원 단위 정수로 입력하세요.", "Enter the final FOB in whole won.")
                    .at("final_fob_krw")
                    .into());
            }
            d.final_fob_krw = Some(amount);
            d.final_filed_on = Some(parse_date(filed_on, "filed_on")?);
            Ok(())
        })
    }

    /// The deadline dashboard on `today` (the app's clock).
    pub fn dashboard(&self) -> Result<Dashboard> {
        let today = self.today();
        let items = self
            .store
            .open_deadlines(200)?
            .into_iter()
            .map(|deadline| dashboard_item(deadline, today))
            .collect();
        let start = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)
            .expect("first of month")
            - chrono::Months::new(11);
        let months = fill_months(self.store.monthly_totals(start, today)?, start, today);
        Ok(Dashboard {
            today,
            counts: self.store.deadline_counts(today)?,
            items,
            months,
            guide: self.first_export_guide()?,
            expiring_declarations: self
                .expiring_declarations(i64::from(self.settings()?.reminder_days).max(30))?,
            reimport_deadlines: self.reimport_deadlines()?,
        })
    }

    /// Open deadlines due within the reminder window (overdue ones included), for the start-up
    /// notification. Returns the title and body in the user's language, or `None` when nothing is due.
    pub fn reminder(&self) -> Result<Option<(String, String)>> {
        let settings = self.settings()?;
        let today = self.today();
        let due: Vec<DashboardItem> = self
            .store
            .open_deadlines(50)?
            .into_iter()
            .map(|d| dashboard_item(d, today))
            .filter(|i| i.days_left <= settings.reminder_days as i64)
            .collect();
        if due.is_empty() {
            return Ok(None);
        }
        let ko = settings.language == exportdesk_rules::problem::Lang::Ko;
        let title = if ko {
            format!(
                "ExportDesk: {}일 안에 챙길 기한 {}건",
                settings.reminder_days,
                due.len()
            )
        } else {
            format!(
                "ExportDesk: {} deadline(s) within {} days",
                due.len(),
                settings.reminder_days
            )
        };
        let body: Vec<String> = due
            .iter()
            .take(5)
            .map(|i| {
                let what = match (i.deadline.kind.as_str(), ko) {
                    ("loading", true) => "적재기한",
                    ("loading", false) => "loading",
                    (_, true) => "확정가격신고",
                    (_, false) => "final price",
                };
                let no = i
                    .deadline
                    .declaration_no
                    .clone()
                    .unwrap_or_else(|| format!("#{}", i.deadline.declaration_id));
                format!(
                    "{} {what} · {no} · {}",
                    i.deadline.due, i.deadline.buyer_name
                )
            })
            .collect();
        Ok(Some((title, body.join("\n"))))
    }

    fn first_export_guide(&self) -> Result<Vec<GuideStep>> {
        let status = self.status()?;
        let products = self.store.products("")?;
        let with_hs = products
            .iter()
            .any(|p| p.product.hs_code.as_ref().is_some_and(|h| h.is_hsk10()));
        let decls = self.store.declarations(&DeclarationFilter {
            limit: Some(10_000),
            ..Default::default()
        })?;
        let has = |states: &[DeclarationState]| decls.iter().any(|d| states.contains(&d.state));
        let steps = [
            (
                "profile",
                status.has_seller,
                "판매자 정보 입력",
                "Seller profile",
                "settings",
            ),
            (
                "products",
                with_hs,
                "상품에 HSK 10자리 입력",
                "Products with 10-digit HS codes",
                "products",
            ),
            (
                "order",
                status.orders > 0,
                "주문 입력",
                "An order",
                "orders",
            ),
            (
                "declaration",
                !decls.is_empty(),
                "주문으로 수출신고서 초안 만들기",
                "Draft a declaration from orders",
                "declarations",
            ),
            (
                "accepted",
                has(&[DeclarationState::Accepted, DeclarationState::Loaded]),
                "신고하고 수리 기록하기",
                "File it and record the acceptance",
                "declarations",
            ),
            (
                "loaded",
                has(&[DeclarationState::Loaded]),
                "적재(선적) 기록하기",
                "Record the loading",
                "declarations",
            ),
            (
                "paperwork",
                has(&[DeclarationState::Loaded]) && status.products > 0,
                "신고서 워크시트 PDF 저장",
                "Save the declaration worksheet PDF",
                "documents",
            ),
        ];
        Ok(steps
            .iter()
            .map(|(id, done, ko, en, screen)| GuideStep {
                id: id.to_string(),
                done: *done,
                title_ko: ko.to_string(),
                title_en: en.to_string(),
                screen: screen.to_string(),
            })
            .collect())
    }
}

/// Close the loading deadline of `d` (accepted) with the loading facts.
pub(crate) fn record_loaded(
    d: &mut Declaration,
    loaded: NaiveDate,
    bl_awb: &str,
    carrier: &str,
) -> Result<()> {
    if d.accepted_on.is_some_and(|a| loaded < a) {
        return Err(Problem::new(
            "loading.before_acceptance",
            format!("적재일 {loaded}이 수리일보다 앞섭니다."),
            format!("The loading date {loaded} is before the acceptance date."),
        )
        .at("loaded_on")
        .into());
    }
    let bl = bl_awb.trim();
    if bl.is_empty() {
        return Err(Problem::new(
            "loading.bl_empty",
            "B/L 또는 AWB 번호를 입력하세요.",
            "Enter the B/L or AWB number.",
        )
        .at("bl_awb")
        .into());
    }
    let carrier = carrier.trim();
    longer_than(bl, 60, "bl_awb", "B/L 또는 AWB 번호", "B/L or AWB number")?;
    longer_than(carrier, 60, "carrier", "운송사", "carrier")?;
    d.state = DeclarationState::Loaded;
    d.loaded_on = Some(loaded);
    d.bl_awb = bl.to_string();
    d.carrier = carrier.to_string();
    Ok(())
}

/// Refuse a text over `max` characters, naming the field.
fn longer_than(v: &str, max: usize, field: &str, what_ko: &str, what_en: &str) -> Result<()> {
    let n = v.chars().count();
    if n > max {
        return Err(Problem::new(
            &format!("{field}.too_long"),
            format!("{what_ko}은(는) {max}자 이하로 입력하세요 (지금 {n}자)."),
            format!("Keep the {what_en} to {max} characters (now {n})."),
        )
        .at(field)
        .with("max", max)
        .into());
    }
    Ok(())
}

/// The transport modes a declaration can name (the form's choices).
const TRANSPORT_MODES: [&str; 4] = ["air", "sea", "post", "courier"];

/// A text the user must give: trimmed, or a problem naming it.
fn required_text(value: &str, field: &str, what_ko: &str, what_en: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Problem::new(
            &format!("{field}.empty"),
            format!("{what_ko}을(를) 입력하세요."),
            format!("Enter the {what_en}."),
        )
        .at(field)
        .into());
    }
    longer_than(v, 200, field, what_ko, what_en)?;
    Ok(v.to_string())
}

fn dashboard_item(deadline: DeadlineRow, today: NaiveDate) -> DashboardItem {
    let days_left = (deadline.due - today).num_days();
    let urgency = match days_left {
        d if d < 0 => "overdue",
        0..=3 => "soon",
        4..=7 => "week",
        _ => "later",
    };
    let (ko, en, action) = if deadline.kind == "loading" {
        if days_left < 0 {
            (
                format!("적재기한이 {}일 지났습니다. 적재했다면 적재일과 B/L을 기록하고, 아니라면 세관에 문의하세요.", -days_left),
                format!("The loading deadline passed {} day(s) ago. If loaded, record the date and B/L; otherwise contact customs.", -days_left),
                "record_loading",
            )
        } else {
            (
                format!("{}까지 물품을 적재하고 적재일과 B/L·AWB를 기록하세요. 늦어지면 기한 전에 연장을 신청하세요.", deadline.due),
                format!("Load the goods by {} and record the date and B/L or AWB; request an extension before then if it will be late.", deadline.due),
                "record_loading",
            )
        }
    } else {
        (
            format!(
                "{}까지 확정가격신고를 하고 확정 FOB를 기록하세요.",
                deadline.due
            ),
            format!(
                "File the final price by {} and record the final FOB.",
                deadline.due
            ),
            "record_final_price",
        )
    };
    DashboardItem {
        deadline,
        urgency: urgency.into(),
        days_left,
        next_step_ko: ko,
        next_step_en: en,
        action: action.into(),
    }
}

/// Twelve months, empty ones included, oldest first.
fn fill_months(found: Vec<MonthTotal>, start: NaiveDate, today: NaiveDate) -> Vec<MonthTotal> {
    let mut out = Vec::new();
    let mut m = start;
    while m <= today {
        let key = m.format("%Y-%m").to_string();
        out.push(
            found
                .iter()
                .find(|f| f.month == key)
                .cloned()
                .unwrap_or(MonthTotal {
                    month: key,
                    declarations: 0,
                    fob_krw: Decimal::ZERO,
                }),
        );
        m = m + chrono::Months::new(1);
    }
    out
}

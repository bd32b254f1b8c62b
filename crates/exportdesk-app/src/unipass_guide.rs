//! UNI-PASS entry guide (UNI-PASS 입력 안내): one declaration laid out field by field in the order
//! of the UNI-PASS export declaration (수출신고서), each field with the value to type or choose, a
//! short explanation for a first-time exporter, and — when the value is empty or unknown — where
//! in the app to fill it.
//!
//! It is built from [`App::declaration_view`], so a draft follows the current data and a filed
//! declaration shows what was filed. Nothing here is written to the database.
//!
//! # Field order and what it rests on
//!
//! KCS does not publish the input screen itself, so the order is pieced together from public
//! material (none of it an official KCS description of the screen):
//!
//! - The printed export declaration (수출신고필증) numbers its boxes: 1 신고자, 2 수출대행자
//!   (with 수출화주 under it), 3 제조자, 4 구매자, 5 신고번호, 6 세관·과, 7 신고일자, 8 신고구분,
//!   9 C/S구분, 10 거래구분, 11 종류, 12 결제방법, 13 목적국, 14 적재항, 15 선박회사, 16 선박명,
//!   17 출항예정일자, 18 적재예정보세구역, 19 운송형태, 20 검사희망일, 21 물품소재지, 22 L/C번호,
//!   23 물품상태, 24 사전임시개청통보여부, 25 반송사유, 26 환급신청인, then per line 27 품명,
//!   28 거래품명, 29 상표명, 30 모델·규격 (with 성분, 수량, 단가, 금액), 35 세번부호, 순중량, 수량,
//!   신고가격(FOB), 원산지, and the totals 44 총중량, 45 총포장갯수, 총신고가격(FOB) and on.
//!   Sources: the box list of a public OCR parser for 수출신고필증 PDFs (GitHub code index; the
//!   index does not name its repository), and the walk-through of the form at
//!   <https://findmaster.tistory.com/entry/수출자의-수출신고필증-수출면장-보는-방법> (boxes 1–7).
//! - The layout of the 4th-generation UNI-PASS export declaration message (GOVCBR830) as a customs
//!   broker program stores it: 공통사항 (header: 신고인, 수출대행자, 제조자, 해외구매자, 신고일자,
//!   신고구분, 거래구분, 수출종류, 결제방법, 목적국, 적재항, 운송형태, …, 원화·미화 신고금액,
//!   인도조건, 결제통화, 결제금액, 운임, 보험료, and the 수출화주 block), 란사항 (per line:
//!   세번부호 of 10 characters, 순중량, 수량, 거래품명, 품명, 결제금액, 신고가격 원화·미화, 상표명,
//!   원산지) and 모델규격 rows (품명·규격, 성분, 수량, 단가, 금액): GitHub `quaiton89/migration_4g`,
//!   `4G_MIGRATION/bin/Debug/TABLE/MARIA/07.4세대 수출신고서(830)_MYSQL.sql`.
//! - 거래구분 15 for an e-commerce simplified export, and "up to 30 of the 57 fields may be left
//!   out": KCS guidance quoted at <https://tradenpu.com/CS/ticket_details/pk_id=560>.
//! - The e-commerce export declaration gained a 특송업체부호 header field and made 주문번호
//!   mandatory from 2022-04-28 (수출통관 사무처리에 관한 고시 amendment):
//!   <https://www.commdx.kr/forum/beob-beobryul-gosi/jeonjasanggeorae-suculsingoseo-mic-ihaengwanryo-singoseo-byeongyeong>.
//! - Header (공통사항) versus per-item (품목별) grouping of the form:
//!   <https://howtocenter.co.kr/정보/✨수출신고필증-기재-항목-이제-헷갈리지-마세요-매>.
//!
//! Confirmed by those sources: the split into header, lines (란) and model/spec rows; the order of
//! the parties (수출대행자·수출화주, 구매자), of 거래구분 → 목적국 → 적재항 → 운송형태, and of the
//! line boxes; the 10-character HS field. Not confirmed: the exact order of the amount fields on
//! the input screen (the printed form puts the totals after the lines, the message keeps them in
//! the header), where the e-commerce fields (특송업체부호, 주문번호) sit, the code lists of
//! 운송형태, 적재항 and 수량단위, and whether the screen wants Korean or English 품명. The guide's
//! notes say so; the only code value stated as a value is 거래구분, and it comes from the rulebook
//! (`ecommerce_transaction_type`) with its verification flag.

use crate::declarations::DeclarationView;
use crate::{App, Result};
use exportdesk_rules::country::Country;
use exportdesk_rules::declaration::{DeclarationKind, DeclarationLine, DeclarationState};
use exportdesk_rules::money::Currency;
use exportdesk_rules::rates::rate_for;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The guide for one declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnipassGuide {
    pub declaration_id: i64,
    pub kind: DeclarationKind,
    /// In the order of the UNI-PASS screen: header groups first, then one section per line (란).
    pub sections: Vec<GuideSection>,
    /// What the guide cannot promise (order, code lists) and what the app does not know.
    pub notes_ko: Vec<String>,
    pub notes_en: Vec<String>,
}

/// One group of fields on the screen, or one line (란).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GuideSection {
    pub title_ko: String,
    pub title_en: String,
    /// The line (란) for a line section; `None` for the header groups.
    pub line_no: Option<u32>,
    pub fields: Vec<GuideField>,
}

/// One UNI-PASS field and what to enter in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GuideField {
    /// Stable id: `exporter.customs_code`, `transport_mode`, `line.1.hs_code`.
    pub key: String,
    /// The field's name on the UNI-PASS declaration.
    pub label_ko: String,
    pub label_en: String,
    /// Exactly what to type (or, for a list, what to choose); empty when the app does not know it.
    pub value: String,
    /// What the field is and how to fill it; when `missing`, also where to find the value.
    pub note_ko: String,
    pub note_en: String,
    /// The value is empty or unknown and the declaration needs it.
    pub missing: bool,
    /// The form that changes the value: `settings`, `declaration_edit`, `product:<id>`,
    /// `order:<id>` or `rates`. `None` when nothing in the app changes it (or the declaration is
    /// no longer a draft).
    pub fix: Option<String>,
}

impl GuideField {
    fn new(key: impl Into<String>, label: (&str, &str), value: String, note: (&str, &str)) -> Self {
        GuideField {
            key: key.into(),
            label_ko: label.0.to_string(),
            label_en: label.1.to_string(),
            value,
            note_ko: note.0.to_string(),
            note_en: note.1.to_string(),
            missing: false,
            fix: None,
        }
    }

    /// Mark the field missing when `missing`, adding where to find the value to the note.
    fn ask(mut self, missing: bool, where_ko: &str, where_en: &str) -> Self {
        if missing {
            self.missing = true;
            self.note_ko = format!("{} 비어 있습니다: {where_ko}", self.note_ko);
            self.note_en = format!("{} Empty: {where_en}", self.note_en);
        }
        self
    }

    fn fix(mut self, fix: Option<String>) -> Self {
        self.fix = fix;
        self
    }

    /// A field filled from the seller profile: asked for (fixed in the settings) when the
    /// declaration's kind requires it and it is empty.
    fn profile_field(self, g: &Guide<'_>, field: &str) -> Self {
        self.ask(g.required_empty(field, None), SETTINGS_KO, SETTINGS_EN)
            .fix(g.fix("settings"))
    }
}

/// What the builder needs besides the view.
struct Guide<'a> {
    view: &'a DeclarationView,
    /// Only a draft can still be changed from the guide.
    draft: bool,
}

impl Guide<'_> {
    /// The declaration's kind requires this field and it is empty (per the rulebook in force).
    fn required_empty(&self, field: &str, line: Option<u32>) -> bool {
        self.view
            .missing
            .iter()
            .any(|m| m.field == field && m.line == line)
    }

    fn fix(&self, target: impl Into<String>) -> Option<String> {
        self.draft.then(|| target.into())
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A decimal as typed into a form: no grouping, no trailing zeros (`1.50` → `1.5`).
fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

/// An amount with the currency's decimals (`12.5` USD → `12.50`, JPY → `13`).
fn amount(v: Decimal, currency: Currency) -> String {
    let digits = currency.minor_units() as usize;
    format!("{:.*}", digits, currency.round(v))
}

/// A country's name in brackets for a note (` (미국)`, ` (United States)`), empty if unknown.
fn country_hint(code: &str) -> (String, String) {
    match Country::parse(code) {
        Ok(c) => {
            let info = c.info();
            (
                format!(" ({})", info.name_ko),
                format!(" ({})", info.name_en),
            )
        }
        Err(_) => (String::new(), String::new()),
    }
}

/// The Korean and English words for the app's transport mode codes.
fn transport_words(code: &str) -> Option<(&'static str, &'static str)> {
    match code.trim() {
        "air" => Some(("항공", "air")),
        "sea" => Some(("해상", "sea")),
        "post" => Some(("우편", "post")),
        "courier" => Some(("특송", "express courier")),
        _ => None,
    }
}

const SETTINGS_KO: &str = "설정 › 판매자 정보에서 입력하세요.";
const SETTINGS_EN: &str = "enter it in Settings › Seller profile.";

impl App {
    /// The UNI-PASS entry guide of a declaration: its fields in the order of the UNI-PASS export
    /// declaration, each with the value to enter and what to do when it is empty.
    pub fn declaration_unipass_guide(&self, id: i64) -> Result<UnipassGuide> {
        let view = self.declaration_view(id)?;
        let d = &view.declaration;
        let g = Guide {
            view: &view,
            draft: d.state == DeclarationState::Draft,
        };
        // The week's USD customs rate, for the FOB in dollars (absent: the field asks for it).
        let usd_rate = if d.currency == Currency::USD {
            None
        } else {
            rate_for(&self.store.rates()?, Currency::USD, d.declared_on).ok()
        };
        let mut sections = vec![
            exporter_section(&g),
            buyer_section(&g),
            declaration_section(&g),
            transport_section(&g),
            amounts_section(&g, usd_rate),
            ecommerce_section(&g),
        ];
        for line in &d.lines {
            sections.push(line_section(&g, line));
        }
        let (notes_ko, notes_en) = notes(&view);
        Ok(UnipassGuide {
            declaration_id: d.id,
            kind: d.kind,
            sections,
            notes_ko,
            notes_en,
        })
    }
}

fn exporter_section(g: &Guide<'_>) -> GuideSection {
    let e = &g.view.exporter;
    let fields = vec![
        GuideField::new(
            "agent.name",
            ("수출대행자 상호", "Export agent: name"),
            e.name.trim().to_string(),
            (
                "신고서에 수출자로 이름이 오르는 자입니다. 다른 회사에 맡기지 않고 직접 수출하면 본인 상호를 넣습니다(수출화주와 같음). 수출자 구분은 '본인이 직접 수출'에 맞는 것을 UNI-PASS 목록에서 고르세요.",
                "The party named as exporter on the declaration. If you export yourself rather than through another company, enter your own business name (the same as the owner of the goods) and choose the exporter type for exporting in your own name from the UNI-PASS list.",
            ),
        )
        .profile_field(g, "exporter.name"),
        GuideField::new(
            "agent.customs_code",
            ("수출대행자 통관고유부호", "Export agent: customs code"),
            e.customs_code.trim().to_string(),
            (
                "직접 수출하면 수출화주의 통관고유부호와 같습니다.",
                "When you export yourself, this is your own customs code (the same as the owner's).",
            ),
        )
        .profile_field(g, "exporter.customs_code"),
        GuideField::new(
            "exporter.name",
            ("수출화주 상호", "Owner of the goods (exporter): name"),
            e.name.trim().to_string(),
            (
                "물품의 주인인 판매자입니다. 사업자등록증의 상호를 그대로 넣습니다.",
                "The seller who owns the goods. Enter the business name exactly as on the business registration certificate.",
            ),
        )
        .profile_field(g, "exporter.name"),
        GuideField::new(
            "exporter.address",
            ("수출화주 주소", "Owner: address"),
            e.address.trim().to_string(),
            (
                "사업자등록증의 사업장 주소입니다. 화면에 주소 검색이 있으면 검색해서 고르세요.",
                "The place of business on the registration certificate. If the screen has an address search, pick the address there.",
            ),
        )
        .profile_field(g, "exporter.address"),
        GuideField::new(
            "exporter.representative",
            ("수출화주 대표자", "Owner: representative"),
            e.representative.trim().to_string(),
            (
                "사업자등록증의 대표자 성명입니다.",
                "The representative's name on the business registration certificate.",
            ),
        )
        .profile_field(g, "exporter.representative"),
        GuideField::new(
            "exporter.customs_code",
            ("수출화주 통관고유부호", "Owner: customs code"),
            e.customs_code.trim().to_string(),
            (
                "관세청이 수출입하는 업체에 주는 15자리 부호입니다. 아직 없으면 UNI-PASS에서 신청해 먼저 받으세요.",
                "The 15-character code KCS gives to each importer or exporter. If you do not have one yet, apply for it in UNI-PASS first.",
            ),
        )
        .profile_field(g, "exporter.customs_code"),
        GuideField::new(
            "exporter.business_no",
            ("수출화주 사업자등록번호", "Owner: business registration number"),
            e.business_no.chars().filter(char::is_ascii_digit).collect(),
            (
                "하이픈(-) 없이 10자리 숫자로 적었습니다. 화면이 하이픈을 넣어 받으면 NNN-NN-NNNNN 형식으로 넣으세요.",
                "Given as 10 digits without hyphens; if the screen wants hyphens, type it as NNN-NN-NNNNN.",
            ),
        )
        .profile_field(g, "exporter.business_no"),
    ];
    GuideSection {
        title_ko: "수출자 (수출대행자·수출화주)".into(),
        title_en: "Exporter (export agent and owner of the goods)".into(),
        line_no: None,
        fields,
    }
}

fn first_order_fix(g: &Guide<'_>) -> Option<String> {
    g.view
        .declaration
        .order_ids
        .first()
        .and_then(|id| g.fix(format!("order:{id}")))
}

fn buyer_section(g: &Guide<'_>) -> GuideSection {
    let d = &g.view.declaration;
    let (country_ko, country_en) = country_hint(&d.buyer_country);
    let fields = vec![
        GuideField::new(
            "buyer.name",
            ("해외구매자 상호(성명)", "Overseas buyer: name"),
            d.buyer_name.trim().to_string(),
            (
                "물건을 산 해외 구매자입니다. 온라인 판매라면 주문자 이름을 넣습니다. 구매자 부호는 간이수출신고에서 생략할 수 있는 항목입니다(관세청 안내).",
                "The overseas buyer; for an online sale, the name on the order. The buyer code may be left out of a simplified declaration (KCS guidance).",
            ),
        )
        .ask(
            g.required_empty("buyer.name", None),
            "주문의 구매자를 정하세요 (주문 화면).",
            "choose the order's buyer (Orders screen).",
        )
        .fix(first_order_fix(g)),
        GuideField::new(
            "buyer.country",
            ("해외구매자 국가", "Overseas buyer: country"),
            d.buyer_country.trim().to_string(),
            (
                &format!("두 글자 국가 부호입니다{country_ko}."),
                &format!("The two-letter country code{country_en}."),
            ),
        )
        .ask(
            g.required_empty("buyer.country", None),
            "구매자 화면에서 구매자의 국가를 입력하세요.",
            "enter the buyer's country on the Buyers screen.",
        )
        .fix(first_order_fix(g)),
    ];
    GuideSection {
        title_ko: "구매자".into(),
        title_en: "Buyer".into(),
        line_no: None,
        fields,
    }
}

fn declaration_section(g: &Guide<'_>) -> GuideSection {
    let d = &g.view.declaration;
    let date = GuideField::new(
        "declared_on",
        ("신고일자", "Declaration date"),
        d.declared_on.format("%Y-%m-%d").to_string(),
        (
            "보통 UNI-PASS가 전송하는 날로 채웁니다. 이 앱은 이 날짜가 속한 주의 과세환율과 그날 시행 중인 규정으로 FOB와 신고 종류를 계산했으니, 다른 주에 신고하면 먼저 신고일을 고치세요.",
            "UNI-PASS usually fills in the day you send it. The app computed the FOB and the kind with the customs rate of this date's week and the rules in force on it: if you file in another week, change the declaration date first.",
        ),
    )
    .fix(g.fix("declaration_edit"));
    let transaction = match (d.kind, &g.view.transaction_type) {
        (DeclarationKind::Simplified, Some(rule)) => GuideField::new(
            "transaction_type",
            ("거래구분", "Transaction type"),
            rule.value.clone(),
            (
                &format!(
                    "거래의 형태를 나타내는 코드입니다. {} 코드는 {}입니다 (규정집 값, {}).",
                    rule.title_ko,
                    rule.value,
                    if rule.verified {
                        "확인됨"
                    } else {
                        "확인 필요"
                    }
                ),
                &format!(
                    "The code for the kind of transaction. {}: {} (rulebook value, {}).",
                    rule.title_en,
                    rule.value,
                    if rule.verified {
                        "verified"
                    } else {
                        "to confirm"
                    }
                ),
            ),
        ),
        _ => GuideField::new(
            "transaction_type",
            ("거래구분", "Transaction type"),
            String::new(),
            (
                "거래의 형태를 나타내는 코드입니다. 일반 수출신고는 거래에 맞는 코드를 UNI-PASS 목록에서 고르세요. 모르면 관세사에게 물어보세요.",
                "The code for the kind of transaction. For a regular declaration, choose the code that fits the sale from the UNI-PASS list; ask a customs broker if unsure.",
            ),
        ),
    };
    GuideSection {
        title_ko: "신고 정보".into(),
        title_en: "Declaration".into(),
        line_no: None,
        fields: vec![date, transaction],
    }
}

fn transport_section(g: &Guide<'_>) -> GuideSection {
    let d = &g.view.declaration;
    let edit = || g.fix("declaration_edit");
    let (dest_ko, dest_en) = country_hint(&d.destination_country);
    let destination = GuideField::new(
        "destination_country",
        ("목적국", "Destination country"),
        d.destination_country.trim().to_string(),
        (
            &format!("물품이 최종으로 도착하는 나라의 두 글자 부호입니다{dest_ko}."),
            &format!("The two-letter code of the country the goods finally go to{dest_en}."),
        ),
    )
    .ask(
        g.required_empty("destination_country", None),
        "주문의 도착국을 입력하세요.",
        "enter the order's destination.",
    )
    .fix(first_order_fix(g));
    let port = GuideField::new(
        "loading_port",
        ("적재항", "Port of loading"),
        d.loading_port.trim().to_string(),
        (
            "물품을 국제 운송수단에 싣는 한국의 공항·항구입니다. UNI-PASS는 공항·항구 부호로 받으니, 여기 적힌 값이 ICN 같은 약칭이라면 UNI-PASS 목록에서 같은 공항·항구를 찾아 고르세요.",
            "The Korean airport or seaport where the goods are put on the international carrier. UNI-PASS takes its own airport/port code: if the value here is a short form such as ICN, find the same airport or port in the UNI-PASS list.",
        ),
    )
    .ask(
        blank(&d.loading_port) || g.required_empty("loading_port", None),
        "특송·포워더에게 어디서 싣는지 물어보고 이 신고서의 운송 정보에 입력하세요.",
        "ask your courier or forwarder where the goods are loaded and enter it in this declaration's transport details.",
    )
    .fix(edit());
    let mode_words = transport_words(&d.transport_mode);
    let mode = GuideField::new(
        "transport_mode",
        ("운송형태", "Mode of transport"),
        match mode_words {
            Some((ko, en)) => format!("{ko} ({en})"),
            None => d.transport_mode.trim().to_string(),
        },
        (
            "항공·해상·우편·특송처럼 물품을 외국으로 보내는 방법입니다. UNI-PASS는 운송수단과 운송용기를 함께 나타내는 코드로 받으니, 여기 적힌 방법에 맞는 코드를 UNI-PASS 목록에서 고르세요.",
            "How the goods leave Korea: air, sea, post or express courier. UNI-PASS takes a code for the means of transport (and the container type): choose the code matching the mode shown here from the UNI-PASS list.",
        ),
    )
    .ask(
        blank(&d.transport_mode) || g.required_empty("transport_mode", None),
        "어떻게 보낼지(항공·해상·우편·특송) 이 신고서의 운송 정보에서 고르세요.",
        "choose how the goods go (air, sea, post or courier) in this declaration's transport details.",
    )
    .fix(edit());
    // A courier code belongs to shipments by an express courier; unknown mode: ask as well.
    let courier_expected = matches!(d.transport_mode.trim(), "courier" | "");
    let courier = GuideField::new(
        "courier_code",
        ("특송업체부호", "Express courier code"),
        d.courier_code.trim().to_string(),
        (
            "특송업체(DHL·FedEx·UPS 같은 국제 특송)로 보낼 때 그 업체의 부호입니다. 전자상거래 수출신고에는 2022년부터 들어갑니다. 부호는 이용하는 특송업체에 물어보세요. 우편·일반 화물로 보내면 비워 둡니다.",
            "The code of the express courier (an international courier such as DHL, FedEx or UPS) carrying the goods; e-commerce export declarations carry it since 2022. Ask your courier for its code. Leave it empty for post or ordinary cargo.",
        ),
    )
    .ask(
        courier_expected && blank(&d.courier_code),
        "특송업체에 부호를 물어 이 신고서의 운송 정보에 입력하세요.",
        "ask your courier for its code and enter it in this declaration's transport details.",
    )
    .fix(edit());
    GuideSection {
        title_ko: "목적국·적재항·운송".into(),
        title_en: "Destination, loading and transport".into(),
        line_no: None,
        fields: vec![destination, port, mode, courier],
    }
}

fn amounts_section(g: &Guide<'_>, usd_rate: Option<Decimal>) -> GuideSection {
    let d = &g.view.declaration;
    let cur = d.currency;
    let incoterm = GuideField::new(
        "incoterm",
        ("인도조건", "Terms of delivery (Incoterm)"),
        d.incoterm.code().to_string(),
        (
            &format!(
                "판매 가격에 어디까지의 비용이 들어 있는지 나타내는 인코텀즈 세 글자 부호입니다. {}",
                if d.incoterm.includes_main_carriage() {
                    "이 조건의 가격에는 국제운임이 들어 있어 운임(보험료)을 함께 적습니다."
                } else {
                    "이 조건의 가격에는 국제운임이 없습니다."
                }
            ),
            &format!(
                "The three-letter Incoterm saying which costs the sale price covers. {}",
                if d.incoterm.includes_main_carriage() {
                    "A price on these terms includes the international freight, so the freight (and insurance) is entered too."
                } else {
                    "A price on these terms holds no international freight."
                }
            ),
        ),
    );
    let currency = GuideField::new(
        "currency",
        ("결제통화", "Invoice currency"),
        cur.code().to_string(),
        (
            &format!(
                "구매자가 치른 통화의 세 글자 부호입니다 ({}).",
                cur.name_ko()
            ),
            &format!(
                "The three-letter code of the currency the buyer paid in ({}).",
                cur.name_en()
            ),
        ),
    );
    let total = GuideField::new(
        "invoice_total",
        ("결제금액", "Invoice amount"),
        amount(d.invoice_total, cur),
        (
            "주문들의 상품 금액 합계입니다 (인도조건 그대로, 운임을 빼기 전). 쉼표 없이 숫자만 넣습니다.",
            "The goods total of the orders on the stated terms, before any freight is taken out. Type the number without thousands separators.",
        ),
    );
    let freight_note = if d.incoterm.includes_main_carriage() {
        (
            "가격에 들어 있는 국제운임과 보험료입니다. 앱은 둘을 합쳐 두었으니, UNI-PASS가 운임과 보험료를 따로 받으면 영수증대로 나눠 넣으세요. FOB는 결제금액에서 이 금액을 뺀 값입니다.",
            "The international freight and insurance inside the price. The app keeps them together: if UNI-PASS asks for freight and insurance separately, split them as your receipts show. FOB is the invoice amount less this.",
        )
    } else {
        (
            "이 인도조건의 가격에는 국제운임이 없으므로 보통 넣지 않습니다.",
            "A price on these terms holds no international freight, so this is usually left empty.",
        )
    };
    let freight = GuideField::new(
        "freight_insurance",
        ("운임·보험료", "Freight and insurance"),
        amount(d.freight_insurance, cur),
        freight_note,
    )
    .fix(g.fix("declaration_edit"));
    let fob_krw = GuideField::new(
        "fob_krw",
        ("총신고가격 (FOB, 원화)", "Total declared value (FOB, won)"),
        plain(d.fob_krw),
        (
            "본선인도가격(FOB)을 신고일이 속한 주의 관세청 과세환율로 원화로 바꾼 값입니다. UNI-PASS가 결제금액과 운임에서 계산해 보여 주면 이 값과 같은지 확인하세요.",
            "The FOB value in won at the KCS customs rate of the declaration's week. If UNI-PASS computes it from the invoice amount and freight, check that it matches this figure.",
        ),
    );
    let (usd_value, usd_missing) = if cur == Currency::USD {
        (amount(d.fob_total, Currency::USD), false)
    } else {
        match usd_rate.filter(|r| !r.is_zero()) {
            Some(rate) => (
                plain(
                    (d.fob_krw / rate)
                        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
                ),
                false,
            ),
            None => (String::new(), true),
        }
    };
    let fob_usd = GuideField::new(
        "fob_usd",
        ("총신고가격 (FOB, 미화)", "Total declared value (FOB, US dollars)"),
        usd_value,
        if cur == Currency::USD {
            (
                "달러로 판 FOB 금액 그대로입니다.",
                "The FOB amount as sold, in dollars.",
            )
        } else {
            (
                "원화 FOB를 같은 주의 미국 달러 과세환율로 나눈 값입니다 (앱 계산, 센트 단위 반올림). UNI-PASS가 계산한 값과 조금 다르면 UNI-PASS 값을 따르세요.",
                "The FOB in won divided by the same week's US dollar customs rate (computed by the app, rounded to the cent). If UNI-PASS shows a slightly different figure, go by UNI-PASS.",
            )
        },
    )
    .ask(
        usd_missing,
        "신고일이 속한 주의 미국 달러 과세환율을 환율 화면에 입력하세요.",
        "enter the US dollar customs rate of the declaration's week on the Rates screen.",
    )
    .fix(if usd_missing { Some("rates".to_string()) } else { None });
    GuideSection {
        title_ko: "결제금액·신고가격".into(),
        title_en: "Invoice amount and declared value".into(),
        line_no: None,
        fields: vec![incoterm, currency, total, freight, fob_krw, fob_usd],
    }
}

fn ecommerce_section(g: &Guide<'_>) -> GuideSection {
    let d = &g.view.declaration;
    let orders = GuideField::new(
        "order_numbers",
        ("주문번호", "Order numbers"),
        d.order_numbers.join(", "),
        (
            "판매 사이트의 주문번호입니다. 2022년부터 전자상거래 수출신고에 꼭 넣어야 합니다. 주문이 여럿이면 UNI-PASS가 받는 자리(공통 또는 란마다)에 하나씩 넣으세요.",
            "The marketplace order numbers; e-commerce export declarations must carry them since 2022. With several orders, enter them one by one where UNI-PASS asks (once, or per line).",
        ),
    )
    .ask(
        g.required_empty("order_numbers", None),
        "주문 화면에서 주문번호를 입력하세요.",
        "enter the order numbers on the Orders screen.",
    )
    .fix(first_order_fix(g));
    GuideSection {
        title_ko: "전자상거래 항목".into(),
        title_en: "E-commerce fields".into(),
        line_no: None,
        fields: vec![orders],
    }
}

fn line_section(g: &Guide<'_>, l: &DeclarationLine) -> GuideSection {
    let d = &g.view.declaration;
    let n = l.line_no;
    let key = |f: &str| format!("line.{n}.{f}");
    // The rulebook's field keys are `line.<name>`, per line.
    let req = |f: &str| g.required_empty(&format!("line.{f}"), Some(n));
    // Product data is fixed on the product; without a product, on the order line.
    let product_fix = g.fix(match l.product_id {
        Some(pid) => format!("product:{pid}"),
        None => format!("order:{}", l.order_id),
    });
    let (where_ko, where_en) = if l.product_id.is_some() {
        ("상품 화면에서 입력하세요.", "enter it on the product.")
    } else {
        (
            "이 줄은 상품과 연결되어 있지 않습니다. 주문에서 상품을 고르세요.",
            "this line is not linked to a product; choose the product on the order.",
        )
    };
    // A text the product may lack: required (and asked for) only when the kind needs it.
    let text_field = |f: &str, label: (&str, &str), value: &str, note: (&str, &str)| {
        let missing = req(f);
        let (mut ko, mut en) = (note.0.to_string(), note.1.to_string());
        if blank(value) && !missing {
            ko.push_str(
                " 이 신고 종류에서는 비워 둘 수 있습니다(앱 기준). UNI-PASS가 요구하면 채우세요.",
            );
            en.push_str(" This kind of declaration may leave it empty (the app's reading); fill it if UNI-PASS asks.");
        }
        GuideField::new(key(f), label, value.trim().to_string(), (&ko, &en))
            .ask(missing, where_ko, where_en)
            .fix(product_fix.clone())
    };
    let origin = l.origin_country.clone().unwrap_or_default();
    let (origin_ko, origin_en) = country_hint(&origin);
    let hs = l.hs_code.clone().unwrap_or_default();
    let six_digits = hs.len() == 6;
    // The quantity unit the tariff gives the line's code, when the code is in the table.
    let tariff_unit = (hs.len() == 10)
        .then(|| exportdesk_rules::hsk::HskTable::bundled().row(&hs))
        .flatten()
        .map(|r| r.qty_unit.clone());
    let unit_note = match &tariff_unit {
        Some(Some(u)) => (
            format!(" 관세율표에서 이 번호({hs})의 수량단위는 {u}입니다: UNI-PASS에서 {u}를 고르고 그 단위로 센 수량을 넣으세요."),
            format!(" The tariff gives this code ({hs}) the quantity unit {u}: choose {u} on UNI-PASS and give the quantity counted in it."),
        ),
        Some(None) => (
            format!(" 관세율표에서 이 번호({hs})는 수량단위가 없어 순중량(KG)으로만 신고합니다."),
            format!(" The tariff gives this code ({hs}) no quantity unit: it is declared by net weight (KG) only."),
        ),
        None => (String::new(), String::new()),
    };
    let fields = vec![
        text_field(
            "name_ko",
            ("품명", "Description"),
            &l.name_ko,
            (
                "물품의 일반적인 이름입니다 (세번부호의 품명에 맞게). 앱에는 한글 품명이 있습니다. UNI-PASS가 영문을 요구하면 거래품명처럼 영문으로 쓰세요.",
                "The goods' general name, in line with the HS heading. The app holds the Korean name; if UNI-PASS wants English, write it in English like the trade name.",
            ),
        ),
        text_field(
            "name_en",
            ("거래품명", "Trade name"),
            &l.name_en,
            (
                "인보이스에 적힌, 거래할 때 쓰는 상품 이름(영문)입니다.",
                "The product name used in the sale, as on the invoice (English).",
            ),
        ),
        text_field(
            "brand",
            ("상표명", "Brand"),
            &l.brand,
            (
                "상품의 브랜드입니다. 상표가 없으면 UNI-PASS 안내에 따라 '상표 없음'에 해당하는 값을 넣으세요.",
                "The product's brand. Without a brand, enter what UNI-PASS asks for unbranded goods.",
            ),
        ),
        text_field(
            "model_spec",
            ("모델·규격", "Model / specification"),
            &l.model_spec,
            (
                "모델명, 용량, 크기처럼 같은 품명 안에서 상품을 구별하는 내용입니다. 이 행에 수량·단가·금액도 함께 넣습니다 (단가 = 금액 ÷ 수량).",
                "What tells this product apart within its description: model, capacity, size. This row also takes the quantity, unit price and amount (unit price = amount ÷ quantity).",
            ),
        ),
        GuideField::new(
            key("quantity"),
            ("수량", "Quantity"),
            plain(l.quantity),
            ("이 줄로 보내는 개수입니다.", "How many units this line ships."),
        )
        .ask(
            req("quantity"),
            "주문의 품목 수량을 고치세요.",
            "correct the quantity on the order line.",
        )
        .fix(g.fix(format!("order:{}", l.order_id))),
        text_field(
            "unit",
            ("수량단위", "Quantity unit"),
            // UNI-PASS takes the tariff's unit code (U, 2U, L, …) when the product's unit is
            // the same kind of quantity; otherwise the product's, with the note saying why.
            match &tariff_unit {
                Some(Some(u)) if exportdesk_rules::hsk::unit_fits(&l.unit, u) => u,
                _ => &l.unit,
            },
            (
                &format!("수량을 세는 단위의 부호입니다. 앱의 단위 부호와 UNI-PASS 부호가 같은지 보고, 목록에서 같은 단위를 고르세요.{}", unit_note.0),
                &format!("The code of the counting unit. Check that the app's code matches UNI-PASS and choose the same unit from the list.{}", unit_note.1),
            ),
        ),
        GuideField::new(
            key("amount"),
            ("금액", "Amount"),
            amount(l.amount, d.currency),
            (
                &format!("이 줄의 판매 금액입니다 ({}, 쉼표 없이).", d.currency.code()),
                &format!(
                    "This line's sale amount ({}, without separators).",
                    d.currency.code()
                ),
            ),
        ),
        GuideField::new(
            key("hs_code"),
            ("세번부호 (HSK)", "HS code (HSK)"),
            hs.clone(),
            (
                "관세율표의 10자리 품목번호(HSK)입니다. 점이나 하이픈 없이 숫자 10자리로 넣습니다.",
                "The 10-digit Korean tariff number (HSK). Type the ten digits without dots or hyphens.",
            ),
        )
        .ask(
            req("hs_code") || hs.len() != 10,
            if six_digits {
                "6자리까지만 정해져 있습니다. 상품 화면에서 뒤 4자리를 정하세요."
            } else {
                where_ko
            },
            if six_digits {
                "only six digits are set; settle the last four on the product."
            } else {
                where_en
            },
        )
        .fix(product_fix.clone()),
        GuideField::new(
            key("net_weight"),
            ("순중량 (kg)", "Net weight (kg)"),
            l.net_weight_kg.map(plain).unwrap_or_default(),
            (
                "포장을 뺀 물품만의 무게로, 이 줄 전체(개당 무게 × 수량)를 kg으로 넣습니다. 소수 자릿수 제한이 있으면 UNI-PASS 안내대로 반올림하세요.",
                "The weight of the goods without packing, for the whole line (unit weight × quantity), in kg. If the screen limits the decimals, round as UNI-PASS says.",
            ),
        )
        .ask(
            req("net_weight") || l.net_weight_kg.is_none(),
            where_ko,
            where_en,
        )
        .fix(product_fix.clone()),
        GuideField::new(
            key("fob_krw"),
            ("신고가격 (FOB, 원화)", "Declared value (FOB, won)"),
            plain(l.fob_krw),
            (
                "이 줄의 FOB를 원화로 바꾼 값입니다 (운임·보험료 몫을 뺀 뒤). UNI-PASS가 계산해 보여 주면 같은지 확인하세요.",
                "This line's FOB in won, after its share of freight and insurance is taken out. If UNI-PASS computes it, check that it matches.",
            ),
        ),
        GuideField::new(
            key("origin"),
            ("원산지", "Origin"),
            origin.clone(),
            (
                &format!(
                    "물품을 만든 나라의 두 글자 부호입니다{origin_ko}. 원산지 결정기준·표시 여부도 물으면 UNI-PASS 목록에서 고르세요."
                ),
                &format!(
                    "The two-letter code of the country where the goods were made{origin_en}. If the screen also asks how origin was decided or whether it is marked, choose from the UNI-PASS list."
                ),
            ),
        )
        .ask(req("origin") || blank(&origin), where_ko, where_en)
        .fix(product_fix.clone()),
    ];
    let name_ko = if blank(&l.name_ko) {
        &l.name_en
    } else {
        &l.name_ko
    };
    let name_en = if blank(&l.name_en) {
        &l.name_ko
    } else {
        &l.name_en
    };
    GuideSection {
        title_ko: format!("{n}란 · {}", name_ko.trim()),
        title_en: format!("Line {n} · {}", name_en.trim()),
        line_no: Some(n),
        fields,
    }
}

/// The guide's notes: what it rests on, what is not confirmed and what the app does not hold.
fn notes(view: &DeclarationView) -> (Vec<String>, Vec<String>) {
    let d = &view.declaration;
    let mut ko = vec![
        "화면 순서·코드는 UNI-PASS에서 확인하세요. 이 안내의 순서는 공개 자료(인쇄된 수출신고필증의 항목 번호와 수출신고서 전자문서의 공통사항 → 란사항 → 모델·규격 구성)를 따랐으며, 실제 입력 화면의 탭·순서와 다를 수 있습니다.".to_string(),
        "운송형태, 적재항, 수량단위, 수출자 구분 같은 코드는 이 앱에 공식 목록이 없어 값을 단정하지 않았습니다. 각 항목의 설명을 보고 UNI-PASS 목록에서 고르세요.".to_string(),
        "앱에 없는 항목(신고인, 제조자, 신고구분, 수출종류, 결제방법, 물품소재지, 총중량, 총포장갯수 등)은 UNI-PASS에서 직접 채우세요. 관세사에게 맡기면 이 안내를 그대로 전달해도 됩니다.".to_string(),
    ];
    let mut en = vec![
        "Check the screen order and codes in UNI-PASS. This guide follows public material (the box numbers of the printed export declaration and the header → lines → model/spec layout of the declaration message); the real input screen's tabs and order may differ.".to_string(),
        "Codes such as the mode of transport, port of loading, quantity unit and exporter type have no official list in this app, so no value is asserted for them: read each field's note and choose from the UNI-PASS list.".to_string(),
        "Fields the app does not hold (declarant, manufacturer, declaration type, export type, payment method, goods location, total gross weight, total packages and others) are filled in UNI-PASS directly. If a customs broker files for you, you can hand them this guide.".to_string(),
    ];
    match d.kind {
        DeclarationKind::Simplified => {
            ko.push("간이수출신고는 57개 항목 중 최대 30개를 생략할 수 있습니다(관세청 안내). 어느 항목을 비워 둘 수 있는지는 UNI-PASS 화면의 필수 표시를 따르세요.".to_string());
            en.push("A simplified declaration may leave out up to 30 of the 57 fields (KCS guidance); which ones may stay empty is what the UNI-PASS screen marks as required.".to_string());
        }
        DeclarationKind::Regular => {
            ko.push(format!(
                "이 신고는 일반 수출신고입니다: {}",
                view.kind.reason_ko
            ));
            en.push(format!(
                "This is a regular declaration: {}",
                view.kind.reason_en
            ));
        }
    }
    if d.state != DeclarationState::Draft {
        ko.push(format!(
            "이 신고는 '{}' 상태라 여기서 값을 고칠 수 없습니다. 값은 신고한 그대로입니다.",
            d.state.label_ko()
        ));
        en.push(format!(
            "This declaration is {}, so its values are shown as filed and cannot be changed here.",
            d.state.label_en()
        ));
    }
    (ko, en)
}

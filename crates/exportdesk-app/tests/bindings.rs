//! The TypeScript types of the UI (`ui/src/lib/types.gen.ts`) are generated from the Rust types.
//! This test fails when the committed file is stale; run it with `UPDATE_BINDINGS=1` to rewrite.

use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

fn generated() -> String {
    use exportdesk_import as i;
    use exportdesk_rules as r;
    let cfg = Config::new().with_large_int("number");
    let mut out = vec![
        "// Generated from the Rust types by crates/exportdesk-app/tests/bindings.rs. Do not edit."
            .to_string(),
        "// Regenerate: UPDATE_BINDINGS=1 cargo test -p exportdesk-app --test bindings".to_string(),
    ];
    out.extend(decls![&cfg;
        r::Problem, r::problem::Lang, r::Problems,
        r::money::Currency, r::ids::BusinessNo, r::ids::CustomsCode, r::hs::HsCode, r::country::Country,
        r::incoterm::Incoterm,
        r::country::CountryInfo, r::unit::UnitInfo, r::hs::HsBasis, r::hs::HsMatch,
        r::hsk::HskLine, r::hsk::HskValidity, r::hsk::HsConfidence, r::hsk::HskChoice, r::hsk::HsPrecedent,
        r::hsk::HsSuggestion, exportdesk_app::HsCodeInfo,
        r::rulebook::RuleValue, r::rulebook::RuleVersion, r::rulebook::PenaltyStep, r::rulebook::Holiday,
        r::rates::WeeklyRate, r::rates::RateDraft, r::money::KrwRounding,
        r::records::SellerDraft, r::records::Seller, r::records::BuyerDraft, r::records::Buyer,
        r::records::ProductDraft, r::records::Product, r::records::OrderLineDraft, r::records::OrderDraft,
        r::records::OrderLine, r::records::Order,
        exportdesk_store::ProductRow, exportdesk_store::OrderRow, exportdesk_store::OrderFilter,
        exportdesk_store::ChangeEntry, exportdesk_store::BackupInfo, exportdesk_store::BackupCheck, exportdesk_store::PaperRow,
        exportdesk_app::AppStatus, exportdesk_app::CurrencyInfo, exportdesk_app::Reference,
        exportdesk_app::RulebookView, exportdesk_app::SampleLoaded, exportdesk_app::Settings,
        exportdesk_app::GeneratedDocument,
        r::deadline::SkippedDay, r::deadline::DueDate, r::deadline::Step, r::deadline::RuleUsed, r::deadline::DeadlineKind,
        r::deadline::Deadline, r::deadline::PenaltyEstimate,
        r::declaration::ValueLine, r::declaration::FobLine, r::declaration::FobValue, r::declaration::DeclarationKind,
        r::declaration::KindFacts, r::declaration::KindVerdict, r::declaration::DeclarationState, r::declaration::DeclarationLine,
        r::declaration::LoadingExtension, r::declaration::Declaration, r::declaration::FieldIssue, r::declaration::Exporter,
        exportdesk_store::DeclarationRow, exportdesk_store::DeclarationFilter, exportdesk_store::DeadlineRow,
        exportdesk_store::DashboardCounts, exportdesk_store::MonthTotal,
        exportdesk_app::DraftRequest, exportdesk_app::DraftEdit, exportdesk_app::GroupProposal, exportdesk_app::DocumentsAdvice,
        exportdesk_app::DeclarationView, exportdesk_app::Dashboard, exportdesk_app::DashboardItem, exportdesk_app::GuideStep,
        exportdesk_app::GuideField, exportdesk_app::GuideSection, exportdesk_app::UnipassGuide,
        i::Encoding, i::FileFormat, i::Delimiter, i::Field, i::DateOrder, i::DecimalStyle, i::ShippingRule, i::ColumnMap,
        i::Profile, i::MappingSuggestion, i::Missing, i::PreviewRow, i::MappingRequest, i::RowProblem,
        exportdesk_app::ExistingOrders, exportdesk_app::NewProduct, exportdesk_app::ImportRequest,
        exportdesk_app::ImportOrderRow, exportdesk_app::SkippedOrderRow, i::StatusKind, exportdesk_app::ExistingOrder, exportdesk_app::UnknownProduct,
        exportdesk_app::ImportPreview, exportdesk_app::ImportCheck, exportdesk_app::ImportResult,
        exportdesk_app::ImportProfileInfo, exportdesk_app::ImportProgress, exportdesk_app::RateNeed,
        r::shipment::PackLine, r::shipment::CartonItemDraft, r::shipment::CartonDraft, r::shipment::CartonItem,
        r::shipment::Carton, r::shipment::LinePacking, r::shipment::CartonFigures, r::shipment::PackingCheck,
        r::shipment::ShipmentState, r::shipment::Shipment, r::shipment::AutoPackRequest,
        exportdesk_store::ShipmentRow, exportdesk_app::ShipmentRequest, exportdesk_app::ShipmentEdit,
        exportdesk_app::ShipmentLoading, exportdesk_app::ShipmentDeclaration, exportdesk_app::ShipmentView,
        r::bom::SupplierDeclarationDraft, r::bom::SupplierDeclaration, r::bom::BomOrigin, r::bom::BomLineDraft,
        r::bom::BomLine, r::bom::BomDraft, r::bom::Bom, exportdesk_store::BomSummary, exportdesk_store::UserRule,
        exportdesk_app::ExpiringDeclaration,
        r::origin::Certification, r::origin::ValueBasis, r::origin::RvcMethod, r::origin::MaterialOrigin,
        r::origin::OriginMaterial, r::origin::OriginCase, r::origin::Verdict, r::origin::Outcome,
        r::origin::MaterialStatus, r::origin::MaterialRow, r::origin::Computation, r::origin::FtaSummary,
        r::origin::RuleApplied, r::origin::AlternativeResult, r::origin::BreakingMaterial, r::origin::EvidenceItem,
        r::origin::OriginVerdict, r::origin::FtaComparison, r::origin::UserRule,
        exportdesk_app::FtaInfo, exportdesk_app::PsrRuleInfo,
        r::reimport::ReturnReason, r::reimport::GoodsCondition, r::reimport::DrawbackStatus, r::reimport::ClaimState,
        r::reimport::ExportedLine, r::reimport::ReturnLineDraft, r::reimport::ReturnLine, r::reimport::ReturnDraft,
        r::reimport::ReturnRecord, r::reimport::ReimportLineFacts, r::reimport::ReimportFacts, r::reimport::ReimportOutcome,
        r::reimport::ReimportCondition, r::reimport::CheckStatus, r::reimport::ConditionCheck, r::reimport::ReliefLine,
        r::reimport::ReliefEstimate, r::reimport::ReimportVerdict,
        exportdesk_app::ReturnLineView, exportdesk_app::ReturnView, exportdesk_app::ReturnRow, exportdesk_app::ReimportDeadline,
    ]);
    out.join("\n\n") + "\n"
}

#[test]
fn typescript_bindings_are_current() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/types.gen.ts");
    let want = generated();
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/lib/types.gen.ts is stale; run: UPDATE_BINDINGS=1 cargo test -p exportdesk-app --test bindings"
    );
}

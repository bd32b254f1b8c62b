//! ExportDesk's printable paperwork (서류): a small A4 layout kit on printpdf with an embedded,
//! subset Korean font, and one module per document. Documents take records and a date and return
//! PDF (or XLSX) bytes; they never read the clock or the database. Their inputs are small structs
//! of references to the rules crate's types, filled by the app.

pub mod deadline_report;
pub mod declaration_worksheet;
pub mod declarations_xlsx;
pub mod layout;
pub mod origin_papers;
pub mod product_list;
pub mod returns_papers;
pub mod shipment_papers;
pub mod text;

pub use deadline_report::{
    deadline_report_pdf, DeadlineReport, ReportCounts, ReportKind, ReportRow, Urgency,
};
pub use declaration_worksheet::{declaration_worksheet_pdf, DocumentsNote, Worksheet};
pub use declarations_xlsx::{declarations_xlsx, SheetDeclaration};
pub use layout::{Align, Canvas, Cell, Column, Doc, Field, Ink, Row, Section, Stat, Tone};
pub use origin_papers::{
    certificate_data_pdf, invoice_origin_declaration, origin_worksheet_pdf, OriginWorksheet,
};
pub use product_list::product_list_pdf;
pub use returns_papers::{
    reimport_claim_pdf, returns_month_pdf, ReimportClaim, ReturnSummaryRow, ReturnsMonth,
};
pub use shipment_papers::{
    carton_marks_pdf, commercial_invoice_pdf, packing_list_pdf, packing_list_xlsx, ShipmentPapers,
};

#[cfg(test)]
mod fixtures;

//! ExportDesk's printable paperwork (서류): a small A4 layout kit on printpdf with an embedded,
//! subset Korean font, and one module per document. Documents take records and a date and return
//! PDF bytes; they never read the clock or the database.

pub mod layout;
pub mod product_list;

pub use layout::{Align, Column, Doc};
pub use product_list::product_list_pdf;

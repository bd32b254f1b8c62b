//! `exportdesk check …`: stateless checks that read a JSON case on stdin and print a JSON verdict
//! with `steps` (the reasoning, in order) and the rulebook values used with their sources. No
//! database is opened. The checks themselves are pure and live in `exportdesk_rules::check`
//! (so they can be tested and fuzzed without the binary); the shapes are documented with
//! examples in docs/cli.md.

pub use exportdesk_rules::check::{deadlines, declaration, origin, reimport};

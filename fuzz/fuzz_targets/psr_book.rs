#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    exportdesk_fuzz::install_panic_hook();
    exportdesk_fuzz::psr_book(data);
});

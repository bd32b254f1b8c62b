// The app's own commands are declared here so that tauri-build generates one permission per
// command; `capabilities/main.json` then allows exactly these and nothing else.
const COMMANDS: &[&str] = &[
    "status",
    "reference",
    "seller_get",
    "seller_save",
    "buyers_list",
    "buyer_save",
    "buyer_delete",
    "products_list",
    "product_get",
    "product_save",
    "product_delete",
    "orders_list",
    "order_get",
    "order_save",
    "order_delete",
    "rates_list",
    "rate_save",
    "rate_delete",
    "rates_import_csv",
    "hs_search",
    "rulebook_show",
    "settings_get",
    "settings_save",
    "backups_list",
    "backup_now",
    "backup_check",
    "backup_restore",
    "sample_load",
    "change_log",
    "document_product_list",
    "declarations_list",
    "declaration_groups",
    "declaration_draft",
    "declaration_get",
    "declaration_edit",
    "declaration_refresh",
    "declaration_delete",
    "declaration_file",
    "declaration_accept",
    "declaration_extend",
    "declaration_load",
    "declaration_cancel",
    "declaration_provisional",
    "declaration_final_price",
    "dashboard",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}

-- ExportDesk schema 2: export declarations, their lines, the orders they cover and loading
-- extensions. Deadline dates are stored (computed by the rules at write time, in force on the
-- declaration's own date) so the dashboard reads open deadlines straight from partial indexes.

CREATE TABLE declarations (
  id                      INTEGER PRIMARY KEY,
  state                   TEXT NOT NULL CHECK (state IN ('draft', 'filed', 'accepted', 'loaded', 'cancelled')),
  declared_on             TEXT NOT NULL,
  buyer_id                INTEGER REFERENCES buyers(id) ON DELETE SET NULL,
  buyer_name              TEXT NOT NULL,
  buyer_country           TEXT NOT NULL,
  destination_country     TEXT NOT NULL,
  currency                TEXT NOT NULL,
  incoterm                TEXT NOT NULL,
  freight_insurance       TEXT NOT NULL,
  freight_source          TEXT NOT NULL,
  rate                    TEXT NOT NULL,
  invoice_total           TEXT NOT NULL,
  fob_total               TEXT NOT NULL,
  fob_krw                 TEXT NOT NULL,
  kind                    TEXT NOT NULL CHECK (kind IN ('simplified', 'regular')),
  kind_reason_ko          TEXT NOT NULL,
  kind_reason_en          TEXT NOT NULL,
  list_clearance_possible INTEGER NOT NULL,
  non_conforming          INTEGER NOT NULL DEFAULT 0,
  conditional_reexport    INTEGER NOT NULL DEFAULT 0,
  transport_mode          TEXT NOT NULL DEFAULT '',
  loading_port            TEXT NOT NULL DEFAULT '',
  courier_code            TEXT NOT NULL DEFAULT '',
  declaration_no          TEXT,
  filed_on                TEXT,
  accepted_on             TEXT,
  loading_raw             TEXT,
  loading_due             TEXT,
  loaded_on               TEXT,
  bl_awb                  TEXT NOT NULL DEFAULT '',
  carrier                 TEXT NOT NULL DEFAULT '',
  provisional             INTEGER NOT NULL DEFAULT 0,
  confirmed_paid_on       TEXT,
  final_price_raw         TEXT,
  final_price_due         TEXT,
  final_fob_krw           TEXT,
  final_filed_on          TEXT,
  cancelled_on            TEXT,
  cancel_reason           TEXT NOT NULL DEFAULT '',
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
);

-- Open loading deadlines: accepted, not loaded, not cancelled.
CREATE INDEX declarations_loading_open ON declarations(loading_due) WHERE state = 'accepted';
-- Open final-price deadlines.
CREATE INDEX declarations_final_open ON declarations(final_price_due)
  WHERE provisional = 1 AND final_filed_on IS NULL AND final_price_due IS NOT NULL AND state <> 'cancelled';
CREATE INDEX declarations_by_date ON declarations(declared_on);
CREATE INDEX declarations_by_state ON declarations(state, id);

CREATE TABLE declaration_orders (
  declaration_id INTEGER NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,
  order_id       INTEGER NOT NULL REFERENCES orders(id) ON DELETE RESTRICT,
  PRIMARY KEY (declaration_id, order_id)
);
CREATE INDEX declaration_orders_by_order ON declaration_orders(order_id);

CREATE TABLE declaration_lines (
  declaration_id INTEGER NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,
  line_no        INTEGER NOT NULL,
  order_id       INTEGER NOT NULL,
  order_line_no  INTEGER NOT NULL,
  product_id     INTEGER REFERENCES products(id) ON DELETE SET NULL,
  hs_code        TEXT,
  name_ko        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  brand          TEXT NOT NULL,
  model_spec     TEXT NOT NULL,
  quantity       TEXT NOT NULL,
  unit           TEXT NOT NULL,
  net_weight_kg  TEXT,
  origin_country TEXT,
  needs_permit   INTEGER NOT NULL,
  amount         TEXT NOT NULL,
  deduction      TEXT NOT NULL,
  fob            TEXT NOT NULL,
  fob_krw        TEXT NOT NULL,
  PRIMARY KEY (declaration_id, line_no)
);

CREATE TABLE loading_extensions (
  declaration_id INTEGER NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  requested_on   TEXT NOT NULL,
  new_date       TEXT NOT NULL,
  due            TEXT NOT NULL,
  reason         TEXT NOT NULL,
  PRIMARY KEY (declaration_id, seq)
);

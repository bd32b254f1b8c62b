-- ExportDesk schema 1: the shop's records, weekly rates, settings and the change log.
-- Money and quantities are stored as decimal TEXT (never REAL) so no value is rounded by storage.

CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE TABLE sellers (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  name_en        TEXT NOT NULL DEFAULT '',
  representative TEXT NOT NULL,
  business_no    TEXT NOT NULL,
  customs_code   TEXT,
  address        TEXT NOT NULL,
  address_en     TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  platform_based INTEGER NOT NULL DEFAULT 0 CHECK (platform_based IN (0, 1)),
  platforms      TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE buyers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  country    TEXT NOT NULL,
  address    TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE products (
  id             INTEGER PRIMARY KEY,
  sku            TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name_ko        TEXT NOT NULL DEFAULT '',
  name_en        TEXT NOT NULL DEFAULT '',
  hs_code        TEXT,
  unit           TEXT NOT NULL,
  net_weight_kg  TEXT,
  origin_country TEXT,
  brand          TEXT NOT NULL DEFAULT '',
  model_spec     TEXT NOT NULL DEFAULT '',
  needs_permit   INTEGER NOT NULL DEFAULT 0 CHECK (needs_permit IN (0, 1)),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE orders (
  id                  INTEGER PRIMARY KEY,
  marketplace         TEXT NOT NULL,
  order_no            TEXT NOT NULL,
  buyer_id            INTEGER REFERENCES buyers(id) ON DELETE RESTRICT,
  order_date          TEXT NOT NULL,
  currency            TEXT NOT NULL,
  shipping_fee        TEXT NOT NULL,
  incoterm            TEXT NOT NULL,
  destination_country TEXT NOT NULL,
  goods_total         TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (marketplace, order_no)
);
CREATE INDEX orders_by_date ON orders(order_date DESC, id DESC);
CREATE INDEX orders_by_buyer ON orders(buyer_id);

CREATE TABLE order_lines (
  order_id    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL,
  product_id  INTEGER REFERENCES products(id) ON DELETE RESTRICT,
  sku         TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  quantity    TEXT NOT NULL,
  unit_price  TEXT NOT NULL,
  amount      TEXT NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_by_product ON order_lines(product_id);

CREATE TABLE weekly_rates (
  week_start   TEXT NOT NULL,
  currency     TEXT NOT NULL,
  krw_per_unit TEXT NOT NULL,
  source       TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (week_start, currency)
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Append-only audit trail: every create, update and delete of a record, with the record before
-- and after as JSON. The triggers make the log itself unchangeable.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  before    TEXT,
  after     TEXT
);
CREATE INDEX change_log_by_entity ON change_log(entity, entity_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

-- FTA origin: supplier origin declarations, bills of materials, the user's own PSR rules.
CREATE TABLE supplier_declarations (
  id             INTEGER PRIMARY KEY,
  supplier       TEXT NOT NULL,
  materials      TEXT NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_until    TEXT NOT NULL,
  file_reference TEXT NOT NULL,
  note           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX supplier_declarations_by_end ON supplier_declarations(valid_until);

CREATE TABLE boms (
  product_id              INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
  currency                TEXT NOT NULL,
  ex_works_price          TEXT,
  fob_price               TEXT,
  operations              TEXT NOT NULL,
  only_minimal_operations INTEGER,   -- NULL: not answered yet
  updated_at              TEXT NOT NULL
);

CREATE TABLE bom_lines (
  product_id              INTEGER NOT NULL REFERENCES boms(product_id) ON DELETE CASCADE,
  line_no                 INTEGER NOT NULL,
  description             TEXT NOT NULL,
  hs_code                 TEXT NOT NULL,
  origin_kind             TEXT NOT NULL CHECK (origin_kind IN ('country', 'declared', 'unknown')),
  origin_country          TEXT,
  supplier_declaration_id INTEGER REFERENCES supplier_declarations(id),
  quantity                TEXT NOT NULL,
  unit                    TEXT NOT NULL,
  unit_value              TEXT NOT NULL,
  currency                TEXT NOT NULL,
  supplier                TEXT NOT NULL,
  weight_kg               TEXT,
  PRIMARY KEY (product_id, line_no)
);
CREATE INDEX bom_lines_by_declaration ON bom_lines(supplier_declaration_id);

-- Product-specific rules the user adds or corrects; they win over the bundled ones.
CREATE TABLE psr_user_rules (
  id         INTEGER PRIMARY KEY,
  fta        TEXT NOT NULL,
  hs_range   TEXT NOT NULL,
  rule       TEXT NOT NULL,
  note       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (fta, hs_range)
);

-- Consolidated shipments (합포장): declarations packed into cartons and loaded as one consignment.
CREATE TABLE shipments (
  id                  INTEGER PRIMARY KEY,
  reference           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  state               TEXT NOT NULL CHECK (state IN ('packing', 'loaded')),
  created_on          TEXT NOT NULL,
  consignee_name      TEXT NOT NULL,
  consignee_address   TEXT NOT NULL,
  destination_country TEXT NOT NULL,
  volumetric_divisor  INTEGER NOT NULL CHECK (volumetric_divisor > 0),
  loaded_on           TEXT,
  carrier             TEXT NOT NULL,
  bl_awb              TEXT NOT NULL,
  tracking_numbers    TEXT NOT NULL,   -- JSON array of strings
  note                TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX shipments_by_state ON shipments(state, id);

-- A declaration is in at most one shipment; it cannot be deleted while it is in one.
CREATE TABLE shipment_declarations (
  shipment_id    INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
  declaration_id INTEGER NOT NULL UNIQUE REFERENCES declarations(id),
  PRIMARY KEY (shipment_id, declaration_id)
);

CREATE TABLE cartons (
  shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
  no          INTEGER NOT NULL,
  length_cm   TEXT NOT NULL,
  width_cm    TEXT NOT NULL,
  height_cm   TEXT NOT NULL,
  gross_kg    TEXT NOT NULL,
  PRIMARY KEY (shipment_id, no)
);

CREATE TABLE carton_items (
  shipment_id    INTEGER NOT NULL,
  carton_no      INTEGER NOT NULL,
  declaration_id INTEGER NOT NULL,
  line_no        INTEGER NOT NULL,
  quantity       TEXT NOT NULL,
  PRIMARY KEY (shipment_id, carton_no, declaration_id, line_no),
  FOREIGN KEY (shipment_id, carton_no) REFERENCES cartons(shipment_id, no) ON DELETE CASCADE
);

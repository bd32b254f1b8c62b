-- Returned goods and their duty-free re-import claims (재수입면세).
CREATE TABLE returns (
  id                    INTEGER PRIMARY KEY,
  order_id              INTEGER REFERENCES orders(id) ON DELETE SET NULL,
  declaration_id        INTEGER NOT NULL REFERENCES declarations(id),
  return_date           TEXT NOT NULL,
  reason                TEXT NOT NULL,
  carrier               TEXT NOT NULL,
  tracking_no           TEXT NOT NULL,
  condition             TEXT NOT NULL,
  drawback_status       TEXT NOT NULL,
  note                  TEXT NOT NULL,
  claim_state           TEXT NOT NULL CHECK (claim_state IN ('draft', 'filed', 'granted', 'denied')),
  filed_on              TEXT,
  decided_on            TEXT,
  import_declaration_no TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
);
CREATE INDEX returns_by_declaration ON returns(declaration_id);
-- Open claims (draft or filed) are what the dashboard watches.
CREATE INDEX returns_open ON returns(claim_state) WHERE claim_state IN ('draft', 'filed');

CREATE TABLE return_lines (
  return_id         INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
  declaration_id    INTEGER NOT NULL,
  line_no           INTEGER NOT NULL,
  quantity          TEXT NOT NULL,
  duty_rate_percent TEXT,
  PRIMARY KEY (return_id, declaration_id, line_no)
);

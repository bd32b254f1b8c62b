-- ExportDesk schema 7: the papers the app made for a declaration, with the declaration's state
-- and last change at that moment, so that a worksheet printed as a draft is shown as outdated
-- once the declaration is filed, accepted, loaded or edited, and can be made again.

CREATE TABLE papers (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL,
  declaration_id     INTEGER NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,
  path               TEXT NOT NULL,
  made_at            TEXT NOT NULL,
  state              TEXT NOT NULL,
  record_updated_at  TEXT NOT NULL
);

CREATE INDEX papers_by_declaration ON papers(declaration_id, id);

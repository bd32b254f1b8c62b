-- Column mappings the user made on the import screen, kept by name for the next file.
-- The profile itself is the import crate's `Profile`, stored as JSON: the store does not
-- interpret it, the app validates it when it reads it back.
CREATE TABLE import_profiles (
  name        TEXT PRIMARY KEY COLLATE NOCASE,
  marketplace TEXT NOT NULL,
  profile     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

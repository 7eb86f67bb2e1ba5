-- Lookup hashes as their 32 bytes instead of 64 hex characters: half the key, twice the keys a page.
-- (PostgreSQL creates no index for a foreign key, so its constraints stay as they are; see db/vendor/h2 V15_1.)
ALTER TABLE dsar_subject_lookup ALTER COLUMN lookup_hash TYPE bytea USING decode(lookup_hash, 'hex');

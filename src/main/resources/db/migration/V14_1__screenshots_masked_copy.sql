-- The copy of a screenshot AI providers are shown, with personal data on it filled black
-- (NULL: nothing was found, the original may be shown), and whether it was looked for at all:
-- screenshots stored before this have not been, and are shown to no provider while PII_MASKING is on.
ALTER TABLE screenshots ADD COLUMN masked_image BYTEA;
ALTER TABLE screenshots ADD COLUMN personal_data_checked BOOLEAN DEFAULT FALSE NOT NULL;

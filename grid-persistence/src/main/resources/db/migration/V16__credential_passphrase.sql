-- Some venues (OKX) ask for a third secret beside the key and secret: the passphrase chosen when the key was
-- made. Encrypted like the others; empty for venues that have none.
ALTER TABLE exchange_credential ADD COLUMN api_passphrase VARCHAR(1024);

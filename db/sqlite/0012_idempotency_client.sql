-- Anonymous idempotency keys remember which client made them (a hash of its address key, ClientAddress.Of): a replay
-- hands the manage token back to that client only. Keys of portals and staff leave it NULL (their scope is their id).
ALTER TABLE IdempotencyKeys ADD COLUMN ClientHash TEXT NULL;

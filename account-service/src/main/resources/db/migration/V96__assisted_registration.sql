-- Assisted registration at an office desk (issue 19): an officer registers a person without a smartphone and acts
-- for them through the public API. The account remembers who registered it and where (the person may later take it
-- over by setting a password through the reset code); a desk session's refresh tokens remember the acting officer,
-- so every access token of that session carries the officer (the `act` claim) and ends when the officer leaves
-- that office or is disabled.
ALTER TABLE account ADD COLUMN assisted_by UUID, ADD COLUMN assisted_office TEXT;
ALTER TABLE refresh_token ADD COLUMN actor_id UUID, ADD COLUMN actor_office TEXT;
CREATE INDEX refresh_token_actor ON refresh_token (actor_id) WHERE actor_id IS NOT NULL AND revoked_at IS NULL;

-- Operations staff (issue 18: the ops console): a fourth role, created by an admin (POST /admin/ops-accounts).
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('APPLICANT', 'OFFICER', 'ADMIN', 'OPS'));

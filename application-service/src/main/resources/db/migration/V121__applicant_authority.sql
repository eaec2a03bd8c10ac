-- The account holder's declaration of authority over each applicant's data (issue 23, UU PDP 27/2022): SELF,
-- PARENT, GUARDIAN (legal guardian) or AUTHORISED (an adult family member who authorised the holder); a minor only
-- PARENT or GUARDIAN (ApplicantForm). Applicants entered before it was asked have none (NULL).
ALTER TABLE applicant ADD COLUMN authority TEXT
    CHECK (authority IN ('SELF', 'PARENT', 'GUARDIAN', 'AUTHORISED'));
ALTER TABLE applicant ADD COLUMN authority_declared_at TIMESTAMPTZ;
ALTER TABLE applicant ADD CONSTRAINT applicant_authority_declared
    CHECK (authority IS NULL OR authority_declared_at IS NOT NULL);

-- upload-service's projection of the applications (issue 24): who may upload a document for which applicant, from
-- application.events (ApplicantsChanged: the applicants and whether the application is a draft; ApplicationSubmitted
-- and ApplicationCancelled: no longer a draft). The uploads themselves are application-upload's (V100, V101).
CREATE TABLE upload_target_application (
    application_id uuid PRIMARY KEY,
    account_id     uuid        NOT NULL,
    draft          boolean     NOT NULL,
    changed_at     timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX upload_target_application_account ON upload_target_application (account_id);

CREATE TABLE upload_target_applicant (
    application_id uuid NOT NULL REFERENCES upload_target_application (application_id) ON DELETE CASCADE,
    applicant_id   uuid NOT NULL,
    PRIMARY KEY (application_id, applicant_id)
);

-- +goose Up
-- Documents a site lists for the public (the fields Nghị định 42/2022
-- asks a portal to show come from the register: type, number, issuer,
-- date, summary, and the file). A leader lists an issued document of the
-- site's unit; taking it off deletes the row.
CREATE TABLE portal_documents (
    site_id     BIGINT  NOT NULL REFERENCES portal_sites (id),
    document_id BIGINT  NOT NULL REFERENCES documents (id),
    listed_by   BIGINT  NOT NULL,
    listed_at   TEXT    NOT NULL,
    PRIMARY KEY (site_id, document_id)
);

-- +goose Down
DROP TABLE portal_documents;

-- +goose Up
-- The commendation proposal (package commendation) that proposed a
-- bloc's leading member for the emulation flag, once the year was
-- approved; at most one per year.
ALTER TABLE emulation_bloc_years ADD COLUMN flag_proposal_id BIGINT REFERENCES commendation_proposals (id);

-- +goose Down
ALTER TABLE emulation_bloc_years DROP COLUMN flag_proposal_id;

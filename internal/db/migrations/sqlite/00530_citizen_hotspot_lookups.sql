-- +goose Up
-- The hot-spot rules run in every write on a case. Finding the open
-- warning that already names one of the cases scanned every warning's
-- case list (the primary key leads with the warning); the closed one of
-- a subject was found by scanning the closed warnings; and the repeat
-- rule read each nearby petition's matter from the table. These indexes
-- answer each from the index alone.
CREATE INDEX citizen_hotspot_cases_case ON citizen_hotspot_cases (case_kind, case_id, hotspot_id);
CREATE INDEX citizen_hotspots_subject ON citizen_hotspots (rule, subject_key, status);
DROP INDEX citizen_petitions_place;
CREATE INDEX citizen_petitions_place ON citizen_petitions (province_id, place_fold, received_on, matter_key);

-- +goose Down
DROP INDEX citizen_petitions_place;
CREATE INDEX citizen_petitions_place ON citizen_petitions (province_id, place_fold, received_on);
DROP INDEX citizen_hotspots_subject;
DROP INDEX citizen_hotspot_cases_case;

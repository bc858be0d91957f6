-- +goose Up
-- Indicators and report forms get an English name (and unit of measure),
-- shown on pages read in English; the standard catalogue gets its own.
ALTER TABLE report_indicators ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE report_indicators ADD COLUMN measure_en TEXT NOT NULL DEFAULT '';
ALTER TABLE report_forms ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
UPDATE report_indicators SET name_en = 'Conferences to study resolutions and directives on mass mobilization', measure_en = 'conferences' WHERE code = 'DV01';
UPDATE report_indicators SET name_en = 'Cadres and Party members trained in mass mobilization work', measure_en = 'people' WHERE code = 'DV02';
UPDATE report_indicators SET name_en = 'Inspections and supervisions of mass mobilization work', measure_en = 'inspections' WHERE code = 'DV03';
UPDATE report_indicators SET name_en = '“Dân vận khéo” models newly registered', measure_en = 'models' WHERE code = 'DV04';
UPDATE report_indicators SET name_en = '“Dân vận khéo” models recognized', measure_en = 'models' WHERE code = 'DV05';
UPDATE report_indicators SET name_en = '“Dân vận khéo” models replicated', measure_en = 'models' WHERE code = 'DV06';
UPDATE report_indicators SET name_en = 'Collectives commended in the “Dân vận khéo” movement', measure_en = 'collectives' WHERE code = 'DV07';
UPDATE report_indicators SET name_en = 'Individuals commended in the “Dân vận khéo” movement', measure_en = 'individuals' WHERE code = 'DV08';
UPDATE report_indicators SET name_en = 'Direct dialogues between Party and government heads and the people', measure_en = 'dialogues' WHERE code = 'DV09';
UPDATE report_indicators SET name_en = 'Citizens attending dialogues', measure_en = 'attendances' WHERE code = 'DV10';
UPDATE report_indicators SET name_en = 'Opinions and proposals received at dialogues', measure_en = 'opinions' WHERE code = 'DV11';
UPDATE report_indicators SET name_en = 'Complaints, denunciations, proposals and reports received', measure_en = 'petitions' WHERE code = 'CQ01';
UPDATE report_indicators SET name_en = 'Complaints, denunciations, proposals and reports resolved', measure_en = 'petitions' WHERE code = 'CQ02';
UPDATE report_indicators SET name_en = 'Share of petitions resolved', measure_en = '%' WHERE code = 'CQ03';
UPDATE report_indicators SET name_en = 'People''s conferences under the grassroots democracy regulation', measure_en = 'conferences' WHERE code = 'CQ04';
UPDATE report_indicators SET name_en = 'Hot spots and complex cases arising', measure_en = 'cases' WHERE code = 'CQ05';
UPDATE report_indicators SET name_en = 'Hot spots and complex cases fully resolved', measure_en = 'cases' WHERE code = 'CQ06';
UPDATE report_indicators SET name_en = 'Longest time to resolve a petition', measure_en = 'days' WHERE code = 'CQ07';
UPDATE report_indicators SET name_en = 'Grassroots mediation cases received', measure_en = 'cases' WHERE code = 'AN01';
UPDATE report_indicators SET name_en = 'Mediation cases settled', measure_en = 'cases' WHERE code = 'AN02';
UPDATE report_indicators SET name_en = 'Share of mediations settled', measure_en = '%' WHERE code = 'AN03';
UPDATE report_indicators SET name_en = 'Grassroots mediation teams', measure_en = 'teams' WHERE code = 'AN04';
UPDATE report_indicators SET name_en = 'Border and public-order patrols with the people taking part', measure_en = 'patrols' WHERE code = 'AN05';
UPDATE report_indicators SET name_en = 'Self-managed public-order models', measure_en = 'models' WHERE code = 'AN06';
UPDATE report_indicators SET name_en = 'Share of pupils and students given defence and security education', measure_en = '%' WHERE code = 'AN07';
UPDATE report_indicators SET name_en = 'Donations to the “For the Poor” fund', measure_en = 'VND' WHERE code = 'KT01';
UPDATE report_indicators SET name_en = 'Great Solidarity and gratitude houses built or repaired', measure_en = 'houses' WHERE code = 'KT02';
UPDATE report_indicators SET name_en = 'Poor households helped out of poverty', measure_en = 'households' WHERE code = 'KT03';
UPDATE report_indicators SET name_en = 'Workdays the people contributed to new rural areas', measure_en = 'workdays' WHERE code = 'KT04';
UPDATE report_indicators SET name_en = 'Money the people contributed to new rural areas', measure_en = 'VND' WHERE code = 'KT05';
UPDATE report_indicators SET name_en = 'Rural roads built or upgraded', measure_en = 'm' WHERE code = 'KT06';
UPDATE report_indicators SET name_en = 'OCOP products recognized', measure_en = 'products' WHERE code = 'KT07';
UPDATE report_indicators SET name_en = 'Households in the area', measure_en = 'households' WHERE code = 'VH01';
UPDATE report_indicators SET name_en = 'Households awarded the “Cultured family” title', measure_en = 'households' WHERE code = 'VH02';
UPDATE report_indicators SET name_en = 'Share of households with the “Cultured family” title', measure_en = '%' WHERE code = 'VH03';
UPDATE report_indicators SET name_en = 'Residential areas meeting the cultural standard', measure_en = 'residential areas' WHERE code = 'VH04';
UPDATE report_indicators SET name_en = 'New members admitted to associations and unions', measure_en = 'people' WHERE code = 'VH05';
UPDATE report_indicators SET name_en = 'Branch meetings per month on average', measure_en = 'meetings' WHERE code = 'VH06';
UPDATE report_indicators SET name_en = 'Share of residents with health insurance (lowest unit)', measure_en = '%' WHERE code = 'VH07';
UPDATE report_indicators SET name_en = 'Visits and meetings with religious dignitaries and officials', measure_en = 'visits' WHERE code = 'DT01';
UPDATE report_indicators SET name_en = 'Prestigious people among ethnic minorities trained', measure_en = 'people' WHERE code = 'DT02';
UPDATE report_forms SET name_en = 'Six-month review of mass mobilization work' WHERE code = 'BC6T';
UPDATE report_forms SET name_en = 'Annual review of mass mobilization work' WHERE code = 'BCNAM';
UPDATE report_forms SET name_en = 'Multi-year review of mass mobilization work' WHERE code = 'BCGD';

-- +goose Down
ALTER TABLE report_forms DROP COLUMN name_en;
ALTER TABLE report_indicators DROP COLUMN measure_en;
ALTER TABLE report_indicators DROP COLUMN name_en;

-- +goose Up
-- Report notifications are stored as a catalog key and its arguments
-- (JSON: the reporting unit's name, the period as a message
-- {"key": "period.h1", "args": [2026]}, and for a returned report the
-- leader's comment), so each reader sees them in their own language.
-- Existing rows, finished Vietnamese sentences, are converted: the key
-- from the notification's kind, the unit's name as it stood when the
-- period ended, the period from the report, the comment from the old
-- sentence.
ALTER TABLE report_notifications ADD COLUMN message_key TEXT NOT NULL DEFAULT '';
ALTER TABLE report_notifications ADD COLUMN message_args TEXT NOT NULL DEFAULT '[]';

UPDATE report_notifications SET
    message_key = 'report.note.' || kind,
    message_args = (
        SELECT CASE WHEN report_notifications.kind = 'returned' THEN json_array(x.name, json(x.period),
                        CASE WHEN instr(report_notifications.message, ' bị trả lại: ') > 0
                             THEN substr(report_notifications.message, instr(report_notifications.message, ' bị trả lại: ') + length(' bị trả lại: '))
                             ELSE '' END)
                    ELSE json_array(x.name, json(x.period)) END
        FROM (
            SELECT COALESCE(
                       (SELECT v.name FROM unit_versions v WHERE v.unit_id = r.unit_id AND v.valid_from <= r.period_end
                        ORDER BY v.valid_from DESC LIMIT 1),
                       (SELECT v.name FROM unit_versions v WHERE v.unit_id = r.unit_id ORDER BY v.valid_from LIMIT 1),
                       '') AS name,
                   CASE r.period_kind
                       WHEN 'half' THEN json_object('key', 'period.h' || substr(r.period, 6, 1),
                                                    'args', json_array(CAST(substr(r.period, 1, 4) AS INTEGER)))
                       WHEN 'quarter' THEN json_object('key', 'period.quarter',
                                                       'args', json_array(CASE substr(r.period, 6, 1) WHEN '1' THEN 'I' WHEN '2' THEN 'II'
                                                                          WHEN '3' THEN 'III' ELSE 'IV' END,
                                                                          CAST(substr(r.period, 1, 4) AS INTEGER)))
                       WHEN 'month' THEN json_object('key', 'period.month',
                                                     'args', json_array(CAST(substr(r.period, 5, 2) AS INTEGER),
                                                                        CAST(substr(r.period, 1, 4) AS INTEGER)))
                       WHEN 'stage' THEN json_object('key', 'period.stage',
                                                     'args', json_array(CAST(substr(r.period, 1, 4) AS INTEGER),
                                                                        CAST(substr(r.period, 6, 4) AS INTEGER)))
                       ELSE json_object('key', 'period.year', 'args', json_array(CAST(substr(r.period, 1, 4) AS INTEGER)))
                   END AS period
            FROM reports r WHERE r.id = report_notifications.report_id
        ) x
    );

ALTER TABLE report_notifications DROP COLUMN message;

-- +goose Down
-- The sentences come back in Vietnamese, as they were written before.
ALTER TABLE report_notifications ADD COLUMN message TEXT NOT NULL DEFAULT '';
UPDATE report_notifications SET message = (
    SELECT CASE report_notifications.kind
               WHEN 'submitted' THEN x.name || ' đã gửi báo cáo ' || x.label || ', chờ phê duyệt.'
               WHEN 'approved' THEN 'Báo cáo ' || x.label || ' của ' || x.name || ' đã được phê duyệt.'
               ELSE 'Báo cáo ' || x.label || ' của ' || x.name || ' bị trả lại: ' || x.comment
           END
    FROM (
        SELECT COALESCE(json_extract(report_notifications.message_args, '$[0]'), '') AS name,
               COALESCE(json_extract(report_notifications.message_args, '$[2]'), '') AS comment,
               CASE r.period_kind
                   WHEN 'half' THEN CASE substr(r.period, 6, 1) WHEN '1' THEN '6 tháng đầu năm ' ELSE '6 tháng cuối năm ' END
                                    || substr(r.period, 1, 4)
                   WHEN 'quarter' THEN 'quý ' || CASE substr(r.period, 6, 1) WHEN '1' THEN 'I' WHEN '2' THEN 'II'
                                                 WHEN '3' THEN 'III' ELSE 'IV' END || ' năm ' || substr(r.period, 1, 4)
                   WHEN 'month' THEN 'tháng ' || CAST(substr(r.period, 5, 2) AS INTEGER) || ' năm ' || substr(r.period, 1, 4)
                   WHEN 'stage' THEN 'giai đoạn ' || substr(r.period, 1, 4) || ' – ' || substr(r.period, 6, 4)
                   ELSE 'năm ' || r.period
               END AS label
        FROM reports r WHERE r.id = report_notifications.report_id
    ) x
);
ALTER TABLE report_notifications DROP COLUMN message_key;
ALTER TABLE report_notifications DROP COLUMN message_args;

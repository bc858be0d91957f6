package db

import (
	"context"
	"fmt"
	"slices"
)

// ReserveIDs takes n new ids of table's id column, in increasing order,
// for rows the caller then writes with their ids (a batch written by
// CopyFrom, whose rows refer to each other by id): the ids an INSERT of
// n rows one after the other would have given. On PostgreSQL they are
// the next values of the column's sequence; on SQLite, whose single
// writer holds the database until the transaction ends, the ids after
// the largest (the table's id must be an INTEGER PRIMARY KEY without
// AUTOINCREMENT, as every table of the schema is).
func (tx *Tx) ReserveIDs(ctx context.Context, table string, n int) ([]int64, error) {
	if n <= 0 {
		return nil, nil
	}
	ids := make([]int64, 0, n)
	if tx.dialect == Postgres {
		rows, err := tx.QueryContext(ctx, "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)", table, n)
		if err != nil {
			return nil, fmt.Errorf("db: reserve ids of %s: %w", table, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, fmt.Errorf("db: reserve ids of %s: %w", table, err)
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("db: reserve ids of %s: %w", table, err)
		}
		slices.Sort(ids)
		return ids, nil
	}
	var last int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+quoteName(table)).Scan(&last); err != nil {
		return nil, fmt.Errorf("db: reserve ids of %s: %w", table, err)
	}
	for i := range n {
		ids = append(ids, last+1+int64(i))
	}
	return ids, nil
}

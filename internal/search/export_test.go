package search

// SetReindexBatch sets how many entries Reindex copies at a time on
// PostgreSQL and returns the function that puts the size back.
func SetReindexBatch(n int) (restore func()) {
	old := reindexBatch
	reindexBatch = n
	return func() { reindexBatch = old }
}

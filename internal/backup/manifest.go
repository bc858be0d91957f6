// Package backup copies a whole danvan deployment — its database and its
// uploaded files — into one archive while the servers keep running, and
// restores such an archive into an empty database of either engine.
//
// An archive is a gzip-compressed tar file:
//
//	database.sqlite | database.pgdump   the engine's own copy, for its own tools
//	data/<table>.jsonl                  every row of every table, portable
//	files/<key>                         every file of the file store
//	manifest.json                       what is inside, last
//
// The engine's copy is taken with VACUUM INTO on SQLite and pg_dump
// (custom format) on PostgreSQL; the portable rows are read in the same
// snapshot, and restores read only them, so a backup of one engine
// restores into the other (and a province can move from SQLite to
// PostgreSQL with it). The manifest names the program's version, the
// schema version, the rows of each table and the size and SHA-256 of
// every entry: a damaged or truncated archive, or one from a newer
// program, is refused before anything is written.
//
// Only the system's operator (the command line, the server's own
// schedule) may back up or restore.
package backup

import (
	"encoding/json"
	"fmt"
	"time"
)

// Format is the version of the archive layout this program writes and
// reads.
const Format = 1

// The names of the entries of an archive.
const (
	ManifestName = "manifest.json"
	SQLiteName   = "database.sqlite"
	PGDumpName   = "database.pgdump"
	dataPrefix   = "data/"
	filesPrefix  = "files/"
)

// Manifest says what an archive holds.
type Manifest struct {
	Format        int       `json:"format"`
	Version       string    `json:"version"` // the program that wrote it
	Dialect       string    `json:"dialect"` // the engine it was taken from
	SchemaVersion int64     `json:"schema_version"`
	CreatedAt     time.Time `json:"created_at"`
	// Tables holds, for each table, its rows and its columns.
	Tables map[string]TableInfo `json:"tables"`
	// Entries holds the size and SHA-256 of every other entry.
	Entries map[string]Entry `json:"entries"`
	// Files and FileBytes count the file store's files.
	Files     int   `json:"files"`
	FileBytes int64 `json:"file_bytes"`
}

// TableInfo is one table of an archive.
type TableInfo struct {
	Rows    int64    `json:"rows"`
	Columns []string `json:"columns"`
}

// Entry is the size and checksum of one entry of an archive.
type Entry struct {
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Rows is the number of rows across every table.
func (m Manifest) Rows() int64 {
	var n int64
	for _, t := range m.Tables {
		n += t.Rows
	}
	return n
}

func (m Manifest) validate() error {
	if m.Format != Format {
		return fmt.Errorf("archive format %d, this program reads %d", m.Format, Format)
	}
	if m.Dialect != "sqlite" && m.Dialect != "postgres" {
		return fmt.Errorf("unknown engine %q", m.Dialect)
	}
	if m.SchemaVersion <= 0 || len(m.Tables) == 0 {
		return fmt.Errorf("no schema version or no tables")
	}
	for name := range m.Tables {
		if _, ok := m.Entries[dataPrefix+name+".jsonl"]; !ok {
			return fmt.Errorf("table %s has no data entry", name)
		}
	}
	return nil
}

func decodeManifest(b []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return Manifest{}, fmt.Errorf("manifest: %w", err)
	}
	return m, m.validate()
}

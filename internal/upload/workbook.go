// Package upload bounds what an uploaded file may cost before it is
// read: a workbook's unpacked size, its rows and columns and the text of
// one cell, and an image's decoded size, all checked by streaming over
// the file in constant memory. A file of a hundred kilobytes that would
// unpack into a cell of a hundred megabytes, or a million rows, or a
// picture of fifty megapixels, is refused in a fraction of a second with
// a message saying which bound it passed, before a spreadsheet or image
// library allocates anything for it.
package upload

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// Limits bounds a workbook (XLSX). Zero fields take the defaults of
// DefaultLimits.
type Limits struct {
	// MaxUnpacked bounds the sum of the unpacked sizes of the workbook's
	// parts, in bytes.
	MaxUnpacked int64
	// MaxRows bounds the rows of any sheet: how many there are and the
	// highest row number (a spreadsheet library walks every empty row
	// before a row numbered far down).
	MaxRows int
	// MaxCols bounds the highest column of any cell (1 is A).
	MaxCols int
	// MaxCell bounds the text of one cell or shared string, in bytes of
	// the file (Excel itself holds at most 32,767 characters in a cell).
	MaxCell int
}

// DefaultLimits are generous for any table a board fills in by hand.
var DefaultLimits = Limits{MaxUnpacked: 64 << 20, MaxRows: 100000, MaxCols: 256, MaxCell: 128 << 10}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = d.MaxUnpacked
	}
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	if l.MaxCols <= 0 {
		l.MaxCols = d.MaxCols
	}
	if l.MaxCell <= 0 {
		l.MaxCell = d.MaxCell
	}
	return l
}

// maxParts bounds the number of parts of a workbook, and maxTag the
// length of one XML tag with its attributes.
const (
	maxParts = 10000
	maxTag   = 64 << 10
)

// IsWorkbook reports whether data starts like a zip archive (an XLSX
// file is one).
func IsWorkbook(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// CheckWorkbook checks an XLSX file against lim before it is opened. It
// returns an apperr.Invalid error on field "file" naming the bound
// passed, or "upload.err.workbook" when the file is not a readable zip
// archive. It reads every XML part once, in constant memory.
func CheckWorkbook(data []byte, lim Limits) error {
	lim = lim.withDefaults()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return apperr.Invalid("file", "upload.err.workbook")
	}
	if len(zr.File) > maxParts {
		return apperr.Invalid("file", "upload.err.workbook")
	}
	// The declared sizes are what archive/zip holds each part to: it
	// fails a part that unpacks to more than it declared.
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.MaxUnpacked) {
			return apperr.Invalid("file", "upload.err.unpacked", vntext.FormatInt(lim.MaxUnpacked>>20))
		}
	}
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return apperr.Invalid("file", "upload.err.workbook")
		}
		sc := scanner{lim: lim,
			sheet:  strings.HasPrefix(name, "xl/worksheets/"),
			shared: strings.HasPrefix(name, "xl/sharedstrings"),
		}
		err = sc.scan(rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// scanner walks one XML part byte by byte: text between tags (and in
// CDATA sections) is counted towards the current cell, which starts at
// each <c> of a sheet or <si> of the shared strings (rich text runs of
// one string add up); <row> and <c> tags of a sheet have their r
// attribute checked.
type scanner struct {
	lim           Limits
	sheet, shared bool
	text          int // bytes of text of the current cell
	rows          int
	tag           []byte
}

var errCorrupt = apperr.Invalid("file", "upload.err.workbook")

func (s *scanner) cellTooBig() error {
	return apperr.Invalid("file", "upload.err.cell", vntext.FormatInt(int64(s.lim.MaxCell>>10)))
}

func (s *scanner) scan(r io.Reader) error {
	const (
		inText = iota
		inTag
		inCDATA
		inComment
	)
	state := inText
	var tail [3]byte // the last bytes seen in a CDATA section or comment
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		p := buf[:n]
		for len(p) > 0 {
			switch state {
			case inText:
				i := bytes.IndexByte(p, '<')
				if i < 0 {
					i = len(p)
				}
				s.text += i
				if s.text > s.lim.MaxCell {
					return s.cellTooBig()
				}
				if i == len(p) {
					p = nil
					continue
				}
				p = p[i+1:]
				state, s.tag = inTag, s.tag[:0]
			case inTag:
				i := bytes.IndexByte(p, '>')
				if i < 0 {
					i = len(p)
				}
				// Byte by byte only until a CDATA section or comment
				// can be told apart (both start "<!").
				for j := 0; j < i; j++ {
					s.tag = append(s.tag, p[j])
					if len(s.tag) > maxTag {
						return s.cellTooBig()
					}
					if len(s.tag) <= 8 && s.tag[0] == '!' {
						if string(s.tag) == "![CDATA[" {
							state = inCDATA
						} else if string(s.tag) == "!--" {
							state, s.text = inComment, 0
						}
						if state != inTag {
							p, tail = p[j+1:], [3]byte{}
							break
						}
					} else if j == 0 || len(s.tag) > 8 {
						s.tag = append(s.tag, p[j+1:i]...)
						if len(s.tag) > maxTag {
							return s.cellTooBig()
						}
						j = i
					}
				}
				if state != inTag {
					continue
				}
				if i == len(p) {
					p = nil
					continue
				}
				p = p[i+1:]
				state = inText
				if err := s.endTag(); err != nil {
					return err
				}
			case inCDATA, inComment:
				b := p[0]
				p = p[1:]
				tail[0], tail[1], tail[2] = tail[1], tail[2], b
				if state == inCDATA && tail == [3]byte{']', ']', '>'} || state == inComment && tail == [3]byte{'-', '-', '>'} {
					if state == inComment {
						s.text = 0
					}
					state = inText
					continue
				}
				s.text++
				if state == inCDATA && s.text > s.lim.MaxCell+2 || state == inComment && s.text > maxTag {
					return s.cellTooBig()
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return errCorrupt // a part longer than it declared, or a bad checksum
		}
	}
}

// endTag handles the tag just read (without its angle brackets).
func (s *scanner) endTag() error {
	t := s.tag
	if len(t) == 0 || t[0] == '/' || t[0] == '?' || t[0] == '!' {
		return nil
	}
	end := 0
	for end < len(t) && t[end] != ' ' && t[end] != '\t' && t[end] != '\r' && t[end] != '\n' && t[end] != '/' {
		end++
	}
	name := t[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	switch {
	case s.shared && string(name) == "si":
		s.text = 0
	case s.sheet && string(name) == "c":
		s.text = 0
		if ref, ok := attr(t[end:], "r"); ok {
			col := 0
			for _, c := range ref {
				if c >= 'A' && c <= 'Z' {
					col = col*26 + int(c-'A'+1)
				} else if c >= 'a' && c <= 'z' {
					col = col*26 + int(c-'a'+1)
				} else {
					break
				}
				if col > s.lim.MaxCols {
					return apperr.Invalid("file", "upload.err.cols", vntext.FormatInt(int64(s.lim.MaxCols)))
				}
			}
		}
	case s.sheet && string(name) == "row":
		s.rows++
		n := s.rows
		if ref, ok := attr(t[end:], "r"); ok {
			var err error
			if n, err = strconv.Atoi(string(ref)); err != nil || n < 1 {
				return errCorrupt
			}
		}
		if s.rows > s.lim.MaxRows || n > s.lim.MaxRows {
			return apperr.Invalid("file", "upload.err.rows", vntext.FormatInt(int64(s.lim.MaxRows)))
		}
	case !s.sheet && !s.shared:
		// Elsewhere (styles, drawings, properties) only one run of
		// text is bounded: none is read into a cell.
		s.text = 0
	}
	return nil
}

// attr returns the value of attribute name in the attributes part of a
// tag (name="v" or name='v').
func attr(attrs []byte, name string) ([]byte, bool) {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return nil, false
		}
		key := bytes.TrimSpace(attrs[:eq])
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return nil, false
		}
		q := rest[0]
		close := bytes.IndexByte(rest[1:], q)
		if close < 0 {
			return nil, false
		}
		if string(key) == name {
			return rest[1 : 1+close], true
		}
		attrs = rest[2+close:]
	}
	return nil, false
}

// Package document holds the documents a board files: Party-format
// reports, plans, minutes and notices laid out once (Document) and
// written as DOCX (WriteDOCX, Times New Roman, for Word) and as PDF
// (WritePDF, with Liberation Serif embedded), and the outgoing register
// (sổ văn bản đi): numbering per issuing body, type and Party committee
// term, and the issued files, which are never changed.
//
// # The format
//
// The layout follows the Party's document rules (Quy định 66-QĐ/TW,
// Hướng dẫn 36-HD/VPTW): A4 portrait with the margins of Settings; a
// borderless two-column header — the superior body, the issuing body in
// bold, a star and the number line ("Số 12-BC/BDVTU") on the left,
// "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule of its own length and the italic
// place-and-date line on the right; the type of document and its summary
// (trích yếu) centred in bold; the body; and a borderless two-column
// closing, the recipients ("Nơi nhận:") on the left and the signature on
// the right. Pages are numbered from the second, centred in the top
// margin.
//
// Text is taken as given, after cleaning (Clean): Unicode NFC with the
// classic tone-mark placement, no control characters. Case is the
// caller's, except for the lines the rules write in capitals (bodies,
// type, signature titles), which the writers upper-case.
package document

import (
	"strings"
	"time"
)

// Type is the kind of a document, by its code in the number line
// ("Số 12-BC/BDVTU" is a báo cáo).
type Type string

// The types of document a board issues, with the codes of Hướng dẫn
// 36-HD/VPTW. Minutes (biên bản, BB) are not in the list but are
// numbered the same way when filed.
const (
	Report     Type = "BC"  // báo cáo
	Plan       Type = "KH"  // kế hoạch
	Notice     Type = "TB"  // thông báo
	Decision   Type = "QĐ"  // quyết định
	Resolution Type = "NQ"  // nghị quyết
	Conclusion Type = "KL"  // kết luận
	Programme  Type = "CTr" // chương trình
	Guidance   Type = "HD"  // hướng dẫn
	Letter     Type = "CV"  // công văn: no type line, its summary under the number ("V/v …")
	Minutes    Type = "BB"  // biên bản
)

// Types lists every type, in the order forms offer them.
var Types = []Type{Report, Plan, Notice, Decision, Resolution, Conclusion, Programme, Guidance, Letter, Minutes}

// typeNames are the type lines, in capitals.
var typeNames = map[Type]string{
	Report: "BÁO CÁO", Plan: "KẾ HOẠCH", Notice: "THÔNG BÁO", Decision: "QUYẾT ĐỊNH", Resolution: "NGHỊ QUYẾT",
	Conclusion: "KẾT LUẬN", Programme: "CHƯƠNG TRÌNH", Guidance: "HƯỚNG DẪN", Letter: "", Minutes: "BIÊN BẢN",
}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	_, ok := typeNames[t]
	return ok
}

// Name is the type line of the document ("BÁO CÁO"), "" for a letter
// (công văn), which has none.
func (t Type) Name() string { return typeNames[t] }

// Label is the catalog key of the type's name in lists ("document.type.BC").
func (t Type) Label() string { return "document.type." + string(t) }

// Document is one Party-format document, ready to be written.
type Document struct {
	// Superior is the body above the issuer, on the first line of the
	// left column ("TỈNH ỦY THÁI NGUYÊN"); it may be empty.
	Superior string
	// Issuer is the issuing body, in bold under it ("BAN DÂN VẬN").
	Issuer string
	// Number is the number line after "Số " ("12-BC/BDVTU"); a draft
	// leaves the number blank ("   -BC/BDVTU").
	Number string
	// Place and Date make the place-and-date line ("Thái Nguyên, ngày 05
	// tháng 7 năm 2023"); a zero Date leaves the day blank, for drafts.
	Place string
	Date  time.Time
	Type  Type
	// Summary is the trích yếu: under the type line, or for a letter
	// under the number as "V/v …".
	Summary    string
	Body       []Block
	Signature  Signature
	Recipients []string
	// Appendix follows the signature and the recipients, from a new page
	// (a phụ lục: the full figure table of a report).
	Appendix []Block
}

// Block is one part of a document's body: a Heading, a Paragraph, a
// List, a Table or a PageBreak.
type Block interface{ isBlock() }

// Heading is a bold line of the body. Level 1 ("I. KẾT QUẢ ĐẠT ĐƯỢC") and
// level 2 ("1. Công tác tuyên truyền") are bold, level 3 bold italic.
type Heading struct {
	Level int
	Text  string
}

// Paragraph is body text: justified, its first line indented, unless
// Align says otherwise. A new line inside a run breaks the line.
type Paragraph struct {
	Runs  []Run
	Align Align
}

// Run is text in one style.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Align is the alignment of a paragraph.
type Align int

// The alignments. Justified (the zero value) indents the first line;
// the others do not.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// List is a numbered ("1.", "2.", …) or bulleted ("-") list.
type List struct {
	Numbered bool
	Start    int // the first number; 0 means 1
	Items    []string
}

// Table is a table with borders. Header holds the header rows, bold and
// centred, repeated at the top of every page the table runs onto.
// Widths are the columns' relative widths (equal when missing). Rows may
// have fewer cells than the widest row; the rest are empty.
type Table struct {
	Header [][]string
	Rows   [][]string
	Widths []float64
}

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) isBlock()   {}
func (Paragraph) isBlock() {}
func (List) isBlock()      {}
func (Table) isBlock()     {}
func (PageBreak) isBlock() {}

// Text is a paragraph of plain text.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }

// SignMode is how a document is signed.
type SignMode string

// The ways of signing (Hướng dẫn 36-HD/VPTW): the head of an advisory
// board signs directly; a deputy signs for the head ("K/T TRƯỞNG BAN"
// over "PHÓ TRƯỞNG BAN"); a member of a committee signs on its behalf
// ("T/M BAN THƯỜNG VỤ" over the member's title).
const (
	SignDirect SignMode = "direct"
	SignDeputy SignMode = "deputy" // K/T (ký thay)
	SignBehalf SignMode = "behalf" // T/M (thay mặt)
)

// Valid reports whether m is a known mode.
func (m SignMode) Valid() bool { return m == SignDirect || m == SignDeputy || m == SignBehalf }

// Label is the catalog key of the mode's name in forms ("document.sign.deputy").
func (m SignMode) Label() string { return "document.sign." + string(m) }

// Signature is the signature block.
type Signature struct {
	Mode SignMode
	// For is the head signed for (K/T: "TRƯỞNG BAN") or the body signed
	// on behalf of (T/M: "BAN THƯỜNG VỤ"); empty when signing directly.
	For string
	// Title is the signer's title ("PHÓ TRƯỞNG BAN", "BÍ THƯ").
	Title string
	Name  string
}

// Lines are the capitalized lines above the space for the signature:
// "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"; or "T/M BAN THƯỜNG VỤ", "BÍ THƯ";
// or just "TRƯỞNG BAN".
func (s Signature) Lines() []string {
	var out []string
	switch s.Mode {
	case SignDeputy:
		out = append(out, "K/T "+upper(s.For))
	case SignBehalf:
		out = append(out, "T/M "+upper(s.For))
	}
	if t := upper(s.Title); t != "" {
		out = append(out, t)
	}
	return out
}

// upper is a line in capitals as the rules write it.
func upper(s string) string { return strings.ToUpper(Clean(s)) }

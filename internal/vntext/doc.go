// Package vntext handles Vietnamese text the way danvan needs it: one
// canonical spelling, a search key, collation, and the numbers, dates and
// period codes that mass-mobilization reports are written with.
//
// # Spelling
//
// Normalize returns text in Unicode NFC with one tone-mark placement, the
// "classic" one used in most official documents: in an open syllable ending
// in oa, oe or uy the mark sits on the first vowel (hòa, khỏe, thủy, ủy);
// when a consonant follows it sits on the second (hoàng, huỳnh); a vowel
// with a hat or horn (ă â ê ô ơ ư) always carries it (quyết, thuyền, người).
// The consonant clusters qu and gi count as initials, so quý, quả and già
// keep their marks where they are. Words that are not well-formed
// Vietnamese syllables are left alone. Fold builds on it to produce a search
// key without marks: "Uỷ Ban" and "ủy ban" both fold to "uy ban".
//
// # Collation
//
// Compare, SortKey and Sort order strings with the Vietnamese collation of
// golang.org/x/text/collate (Đ after D, Ă and Â after A, tones ngang <
// huyền < hỏi < ngã < sắc < nặng), after Normalize, with digit runs
// compared by value so "Phường 2" sorts before "Phường 10".
//
// # Numbers
//
// ParseNumber and FindNumbers read numbers written the Vietnamese way: '.'
// groups thousands and ',' is the decimal mark ("5.112" is 5112, "1,5" is
// 1.5), amounts take a word multiplier (nghìn/ngàn, triệu, tỷ/tỉ, and
// combinations such as "1 tỷ 200 triệu"), and a qualifier before the number
// marks a lower bound ("trên", "hơn", "ngoài") or an approximation ("gần",
// "khoảng", "xấp xỉ"). See ParseNumber for the ambiguous cases. FormatInt
// and FormatNumber print numbers the same way.
//
// # Dates
//
// ParseDate and FindDates read the date forms found in reports and news:
// "25/12/2020", "Thứ sáu, 23/04/2021", "ngày 08-10/2020", "14-7-2015",
// "31.12.2015", "Sáng ngày 11/7", "09-13/11/2015", "ngày 19 và 25/7/2019",
// "ngày 25 tháng 12 năm 2020", "tháng 7/2023". A Date may be partial (no
// year, or no day); see Date and FindDates for how a day/month pair is told
// apart from a ratio such as "16/20 xã".
//
// # Periods
//
// Period codes name reporting periods: "2023" (year), "2023S1" and "2023S2"
// (six months), "2023Q3" (quarter), "202307" (month) and "2010-2020" (a
// multi-year stage). ParsePeriod and Period.String convert between codes and
// values; Period.Label gives the Vietnamese label used in reports, and
// FindPeriods finds the periods named in running text ("6 tháng đầu năm
// 2023", "quý III/2023", "giai đoạn 2010-2020", "2016 -2020", "từ năm 2015
// đến năm 2020"), including parts of a year the codes cannot express ("9
// tháng đầu năm 2023"), which it marks as such.
//
// # Offsets
//
// The Find functions return byte offsets into the text they are given and
// do not normalize it; they read NFC or NFD, so callers normalize first
// when they want offsets into normalized text. None of them modify their
// input, and all are safe for concurrent use.
package vntext

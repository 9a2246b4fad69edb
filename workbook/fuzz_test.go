package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"strings"
	"testing"
)

// FuzzWorkbook reads fuzzed workbooks: raw bytes when given, else the
// tobacco example's workbook with its first sheet (and, when styles is
// not empty, its styles) replaced by fuzzed XML, deflated with a correct
// directory, and a fuzzed size declared for a part. Reading must return
// a workbook or an error, never panic, and must not take more memory
// than the limits allow (the fuzzer's own memory limit catches that).
func FuzzWorkbook(f *testing.F) {
	book := tobaccoBook(f)
	f.Add([]byte(nil), `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>name</t></is></c></row><row r="3"><c r="A3"><v>5</v></c></row></sheetData></worksheet>`, "", uint64(0))
	f.Add([]byte(nil), `<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`, "", uint64(0))
	f.Add([]byte(nil), "", `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts></styleSheet>`, uint64(12<<30))
	f.Add(book, "", "", uint64(0))
	f.Add([]byte("PK\x03\x04"), "", "", uint64(0))
	f.Fuzz(func(t *testing.T, raw []byte, sheet, styles string, claim uint64) {
		data := raw
		if len(data) == 0 {
			first := true
			data = rezip(t, book, func(h zip.FileHeader, old []byte) (zip.FileHeader, []byte, bool) {
				var text string
				switch {
				case strings.HasPrefix(h.Name, "xl/worksheets/sheet") && first && sheet != "":
					first, text = false, sheet
				case h.Name == "xl/styles.xml" && styles != "":
					text = styles
				default:
					if claim > 0 && h.Name == "xl/workbook.xml" {
						h.UncompressedSize64 = claim
						return h, old, true
					}
					return h, old, false
				}
				var b bytes.Buffer
				w, _ := flate.NewWriter(&b, flate.BestSpeed)
				w.Write([]byte(text))
				w.Close()
				h.Method, h.CRC32 = zip.Deflate, crc32.ChecksumIEEE([]byte(text))
				h.UncompressedSize64, h.CompressedSize64 = uint64(len(text)), uint64(b.Len())
				return h, b.Bytes(), true
			}, nil)
		}
		Read(data, "f.xlsx", ChainBook)
		Read(data, "f.xlsx", ScenarioBook)
		SurveyCSV(data, "f.xlsx")
	})
}

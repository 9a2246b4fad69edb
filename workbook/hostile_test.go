package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
)

// tobaccoBook returns the tobacco example as a workbook.
func tobaccoBook(t testing.TB) []byte {
	t.Helper()
	text, _ := examples.Chain("tobacco-kyrgyzstan")
	b, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AddChain(text); err != nil {
		t.Fatal(err)
	}
	var x bytes.Buffer
	if _, err := b.WriteTo(&x); err != nil {
		t.Fatal(err)
	}
	return x.Bytes()
}

// rezip copies the parts of a workbook, replacing the headers of the
// parts edit changes (edit returns the header and the raw, compressed
// data to write in their place, or ok false to keep the part) and adding
// extra parts.
func rezip(t testing.TB, book []byte, edit func(h zip.FileHeader, raw []byte) (zip.FileHeader, []byte, bool), extra func(w *zip.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(rc)
		h := f.FileHeader
		if edit != nil {
			if nh, nraw, ok := edit(h, raw); ok {
				h, raw = nh, nraw
			}
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(raw)
	}
	if extra != nil {
		extra(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// zeros returns a raw deflate stream that inflates to mib MiB of zero
// bytes, made without compressing them: one block of 1 MiB of zeros,
// then the same block again, which refers only to the zeros before it.
func zeros(t testing.TB, mib int) []byte {
	t.Helper()
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	block := make([]byte, 1<<20)
	w.Write(block)
	w.Flush()
	first := append([]byte(nil), b.Bytes()...)
	b.Reset()
	w.Write(block)
	w.Flush()
	next := append([]byte(nil), b.Bytes()...)
	b.Reset()
	w.Close()
	end := b.Bytes()
	out := append([]byte(nil), first...)
	for i := 1; i < mib; i++ {
		out = append(out, next...)
	}
	return append(out, end...)
}

// TestZerosStream: the stream of zeros inflates to what it says (checked
// on 8 MiB), so the bombs below are real.
func TestZerosStream(t *testing.T) {
	n, err := io.Copy(io.Discard, flate.NewReader(bytes.NewReader(zeros(t, 8))))
	if err != nil || n != 8<<20 {
		t.Fatalf("%d bytes, %v", n, err)
	}
}

// TestHostileWorkbooks: workbooks made to exhaust the memory are refused
// with a message naming the file, before excelize allocates what they
// claim (issue 21: a 13 KB xlsx whose directory claims a 12 GB
// xl/styles.xml, and a 3 MB zip bomb, killed vcsim with "out of memory").
func TestHostileWorkbooks(t *testing.T) {
	book := tobaccoBook(t)
	bomb := zeros(t, 3072) // 3 GiB of zeros in about 3 MB
	for _, tc := range []struct {
		name string
		book []byte
		want string
	}{
		{"styles claiming 12 GB", rezip(t, book, func(h zip.FileHeader, raw []byte) (zip.FileHeader, []byte, bool) {
			if h.Name != "xl/styles.xml" {
				return h, raw, false
			}
			h.UncompressedSize64 = 12 << 30
			return h, raw, true
		}, nil), "book.xlsx: the workbook's part xl/styles.xml unpacks to 12288 MiB; vcsim reads parts of at most 64 MiB"},
		{"a 3 MB zip bomb that says its size", rezip(t, book, nil, func(w *zip.Writer) {
			h := &zip.FileHeader{Name: "xl/worksheets/sheet99.xml", Method: zip.Deflate, UncompressedSize64: 3 << 30, CompressedSize64: uint64(len(bomb))}
			fw, _ := w.CreateRaw(h)
			fw.Write(bomb)
		}), "book.xlsx: the workbook's part xl/worksheets/sheet99.xml unpacks to 3072 MiB"},
		{"a 3 MB zip bomb that lies about its size", rezip(t, book, func(h zip.FileHeader, raw []byte) (zip.FileHeader, []byte, bool) {
			if h.Name != "xl/styles.xml" {
				return h, raw, false
			}
			h.CompressedSize64 = uint64(len(bomb))
			h.CRC32 = crc32.ChecksumIEEE(nil)
			return h, bomb, true
		}, nil), "book.xlsx: the workbook's part xl/styles.xml unpacks to more than the "},
		// The same part cut short, or with a wrong checksum: refused by
		// name, not as an XML syntax error.
		{"a part shorter than it says", rezip(t, book, func(h zip.FileHeader, raw []byte) (zip.FileHeader, []byte, bool) {
			if h.Name != "xl/styles.xml" {
				return h, raw, false
			}
			h.UncompressedSize64 += 100
			return h, raw, true
		}, nil), "book.xlsx: the workbook's part xl/styles.xml unpacks to fewer than the "},
		{"a part with a wrong checksum", rezip(t, book, func(h zip.FileHeader, raw []byte) (zip.FileHeader, []byte, bool) {
			if h.Name != "xl/styles.xml" {
				return h, raw, false
			}
			h.CRC32++
			return h, raw, true
		}, nil), "book.xlsx: the workbook's part xl/styles.xml does not unpack to what the zip directory says (zip: checksum error)"},
		{"a part packed 1000 times", rezip(t, book, nil, func(w *zip.Writer) {
			z := zeros(t, 40)
			h := &zip.FileHeader{Name: "xl/media/image1.png", Method: zip.Deflate, UncompressedSize64: 40 << 20, CompressedSize64: uint64(len(z))}
			fw, _ := w.CreateRaw(h)
			fw.Write(z)
		}), "book.xlsx: the workbook's part xl/media/image1.png is packed 1"},
		{"parts adding up", rezip(t, book, nil, func(w *zip.Writer) {
			for i := range 5 {
				z := zeros(t, 60)
				// The directory says each part packs 10 times (it does not: the
				// sizes are only read, never checked, before the refusal).
				h := &zip.FileHeader{Name: "xl/media/image" + string(rune('1'+i)) + ".bin", Method: zip.Deflate, UncompressedSize64: 60 << 20, CompressedSize64: 6 << 20}
				fw, _ := w.CreateRaw(h)
				fw.Write(z)
			}
		}), "book.xlsx: the workbook unpacks to 30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, read := range []func() error{
				func() error { _, _, err := Read(tc.book, "book.xlsx", ChainBook); return err },
				func() error { _, err := SurveyCSV(tc.book, "book.xlsx"); return err },
			} {
				err := read()
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error %v, want %q", err, tc.want)
				}
			}
		})
	}
}

// TestManyRows: a sheet of more rows than vcsim reads is refused, at the
// sheet, after MaxRows rows (a few MB of XML).
func TestManyRows(t *testing.T) {
	book := tobaccoBook(t)
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= MaxRows+1; r++ {
		x.WriteString(`<row r="` + itoa(r) + `"><c r="A` + itoa(r) + `"><v>1</v></c></row>`)
	}
	x.WriteString(`</sheetData></worksheet>`)
	sheet := x.String()
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestSpeed)
	w.Write([]byte(sheet))
	w.Close()
	big := rezip(t, book, func(h zip.FileHeader, raw []byte) (zip.FileHeader, []byte, bool) {
		if !strings.HasPrefix(h.Name, "xl/worksheets/sheet") {
			return h, raw, false // every sheet becomes the big one
		}
		h.UncompressedSize64, h.CompressedSize64, h.CRC32 = uint64(len(sheet)), uint64(b.Len()), crc32.ChecksumIEEE([]byte(sheet))
		return h, b.Bytes(), true
	}, nil)
	f, err := open(big, "book.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = sheetRows(f, "book.xlsx", f.GetSheetList()[0])
	if err == nil || !strings.Contains(err.Error(), "the sheet has more than 200000 rows") {
		t.Errorf("error %v", err)
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

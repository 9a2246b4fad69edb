package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Limits on what a workbook may unpack to. A workbook of a chain, its
// scenarios and a survey of some thousand households unpacks to a few MiB;
// the limits leave room for a hundred times that and keep a hostile file
// (a zip directory that claims a 12 GB part, a zip bomb) from exhausting
// the memory: excelize allocates a part's declared size before reading
// it, and archive/zip refuses a part that unpacks to more than it
// declares, so checking the declared sizes bounds what is read.
const (
	// MaxPartSize is the most one part (a sheet, the styles...) may unpack to.
	MaxPartSize = 64 << 20
	// MaxUnpacked is the most all the parts together may unpack to.
	MaxUnpacked = 256 << 20
	// MaxParts is the most parts a workbook may hold.
	MaxParts = 10000
	// MaxRatio is the most a part of more than 1 MiB may be compressed by:
	// spreadsheets' XML packs 5 to 50 times smaller; deflate's limit is
	// about 1030.
	MaxRatio = 500
	// MaxRows and MaxCols bound the rows and columns of a sheet vcsim reads.
	MaxRows = 200000
	MaxCols = 1000
)

// open checks a workbook's zip directory against the limits and opens it
// with excelize's own limits set to the same; errors name the file.
func open(data []byte, name string) (*excelize.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, valuechain.CellError(name, "", "not an Excel workbook (xlsx): %v", err)
	}
	if len(zr.File) > MaxParts {
		return nil, valuechain.CellError(name, "", "the workbook has %d parts; vcsim reads workbooks of at most %d (a damaged or hostile file?)", len(zr.File), MaxParts)
	}
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		if size > MaxPartSize {
			return nil, valuechain.CellError(name, "", "the workbook's part %s unpacks to %d MiB; vcsim reads parts of at most %d MiB (a damaged or hostile file?)", partName(f.Name), mib(size), MaxPartSize>>20)
		}
		if size > 1<<20 && f.CompressedSize64 > 0 && size/f.CompressedSize64 > MaxRatio {
			return nil, valuechain.CellError(name, "", "the workbook's part %s is packed %d times smaller than it unpacks (a zip bomb?); vcsim refuses it", partName(f.Name), size/f.CompressedSize64)
		}
		total += size
		if total > MaxUnpacked {
			return nil, valuechain.CellError(name, "", "the workbook unpacks to %d MiB; vcsim reads workbooks of at most %d MiB unpacked (a damaged or hostile file?)", mib(total), MaxUnpacked>>20)
		}
	}
	// Unpack every part once, into nothing: archive/zip stops a part at
	// the size its directory declares (ErrFormat) and checks its CRC, so a
	// zip bomb that lies about its size is refused here, by name, before
	// excelize reads the declared bytes of it and fails on its XML. The
	// declared sizes are checked above, so this reads at most MaxUnpacked.
	for _, f := range zr.File {
		switch err := unpack(f); {
		case err == nil:
		case errors.Is(err, zip.ErrFormat):
			return nil, valuechain.CellError(name, "", "the workbook's part %s unpacks to more than the %d bytes its zip directory says (a zip bomb?); vcsim refuses it", partName(f.Name), f.UncompressedSize64)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, valuechain.CellError(name, "", "the workbook's part %s unpacks to fewer than the %d bytes its zip directory says: a damaged or hostile file?", partName(f.Name), f.UncompressedSize64)
		default:
			return nil, valuechain.CellError(name, "", "the workbook's part %s does not unpack to what the zip directory says (%v): a damaged or hostile file?", partName(f.Name), err)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnpacked, UnzipXMLSizeLimit: MaxPartSize})
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, flate.CorruptInputError(0)) {
		return nil, valuechain.CellError(name, "", "the workbook is damaged: a part does not unpack to what the zip directory says (%v); a damaged or hostile file?", err)
	}
	if err != nil {
		return nil, valuechain.CellError(name, "", "not an Excel workbook (xlsx): %v", err)
	}
	return f, nil
}

// unpack reads a part to its end and discards it, returning archive/zip's
// error: ErrFormat for a part longer than its directory says,
// io.ErrUnexpectedEOF for a shorter one, ErrChecksum for a wrong CRC.
func unpack(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

func mib(n uint64) uint64 { return (n + 1<<20 - 1) >> 20 }

// partName shortens a part's name for a message.
func partName(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return s
}

// sheetRows reads a sheet's rows as raw values, as excelize's GetRows
// does, but refuses a sheet of more than MaxRows rows with values or a
// value beyond MaxCols columns (a few bytes of XML can place a cell in
// column XFD of a million rows, which GetRows would pad with empty
// cells). Trailing empty rows are dropped.
func sheetRows(f *excelize.File, name, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, valuechain.CellError(name, sheet, "cannot read the sheet: %v", err)
	}
	defer it.Close()
	var rows [][]string
	last := 0 // rows up to the last with a value
	for n := 1; it.Next(); n++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, valuechain.CellError(name, sheet, "cannot read the sheet: %v", err)
		}
		if len(row) == 0 {
			if n <= MaxRows {
				rows = append(rows, nil)
			}
			continue
		}
		if n > MaxRows {
			return nil, valuechain.CellError(name, sheet, "the sheet has more than %d rows; vcsim reads at most %d", MaxRows, MaxRows)
		}
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		if len(row) > MaxCols {
			return nil, valuechain.CellError(name, sheet+"!"+cellName(len(row), n), "a value in column %s, beyond the %d columns vcsim reads (is a cell filled far to the right?)", colName(len(row)), MaxCols)
		}
		rows = append(rows, row)
		last = n
	}
	if err := it.Error(); err != nil {
		return nil, valuechain.CellError(name, sheet, "cannot read the sheet: %v", err)
	}
	return rows[:last], nil
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

package workbook

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"reflect"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
)

// Results is a workbook of results: a Summary sheet first, a sheet per
// table, and the charts as pictures on a Charts sheet.
type Results struct {
	b        *Book
	styles   map[string]int
	chartRow int
}

// NewResults returns an empty results workbook.
func NewResults(l lang.Lang) (*Results, error) {
	b, err := New(l)
	if err != nil {
		return nil, err
	}
	r := &Results{b: b, styles: map[string]int{}}
	// In a fixed order, so that the styles' numbers, and the file, are the
	// same from run to run (a map's order made them differ).
	for _, st := range []struct{ name, format string }{
		// People (children) are whole numbers: the cell keeps the model's
		// expected count, the format rounds it, as the CSV does.
		{"Money", "#,##0.00"}, {"Share", "0.0%"}, {"Qty", "#,##0.###"}, {"Ratio4", "0.0000"}, {"Count", "#,##0"},
		{"People", "#,##0"}, {"Ratio", "0.00"},
	} {
		id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: ptr(st.format)})
		if err != nil {
			return nil, err
		}
		r.styles[st.name] = id
	}
	return r, nil
}

// sheetNames are the names of the Summary and Charts sheets in Russian.
var sheetNames = map[string]string{"Summary": "Сводка", "Charts": "Графики"}

// sheet returns the name of the sheet name in the workbook's language.
func (r *Results) sheet(name string) string {
	if r.b.lang == lang.RU {
		return sheetNames[name]
	}
	return name
}

// Summary adds the Summary sheet: label-value rows, the values formatted
// by their type (tables.People as whole numbers, tables.Share as a
// percentage...).
func (r *Results) Summary(rows [][2]any) error {
	f := r.b.f
	name := r.sheet("Summary")
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, row := range rows {
		f.SetCellValue(name, cellName(1, i+1), row[0])
		x := reflect.ValueOf(row[1])
		switch v := row[1].(type) {
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			f.SetCellValue(name, cellName(2, i+1), v)
			f.SetCellStyle(name, cellName(2, i+1), cellName(2, i+1), r.b.num)
		case int64:
			f.SetCellValue(name, cellName(2, i+1), v)
			f.SetCellStyle(name, cellName(2, i+1), cellName(2, i+1), r.styles["Count"])
		default:
			// A typed number (tables.People, tables.Share...) gets the
			// style of its type, as in the tables.
			if id, ok := r.styles[x.Type().Name()]; ok && x.CanFloat() {
				if y := x.Float(); !math.IsNaN(y) && !math.IsInf(y, 0) {
					f.SetCellValue(name, cellName(2, i+1), y)
					f.SetCellStyle(name, cellName(2, i+1), cellName(2, i+1), id)
				}
				continue
			}
			f.SetCellValue(name, cellName(2, i+1), v)
		}
	}
	f.SetColWidth(name, "A", "A", 50)
	f.SetColWidth(name, "B", "B", 40)
	return f.SetCellStyle(name, "A1", "B1", r.b.header)
}

// Tables adds a sheet for each table of tables.List of the given parts
// that in has (summary.json aside: the Summary sheet holds its numbers),
// in the workbook's language: Russian sheet names, column labels (with the
// currency) and words, and scenario names; English sheet names and the CSV
// keys otherwise. Numbers are formatted by their column's kind, children
// as whole numbers; the cells keep the unrounded numbers.
func (r *Results) Tables(in *tables.Input, currency string, parts ...tables.Part) error {
	l := r.b.lang
	for _, t := range tables.Present(in, l, parts...) {
		if t.JSON {
			continue
		}
		if err := outfile.Finite(t.Name, t.Rows); err != nil {
			return err
		}
		if err := r.sheetOf(t.Sheet(l), tables.Columns(t.Rows), tables.Cells(t.Rows, l), l, currency); err != nil {
			return fmt.Errorf("workbook: %s: %w", t.Name, err)
		}
	}
	return nil
}

// sheetOf adds a sheet of cells under the columns' headings.
func (r *Results) sheetOf(sheet string, cols []tables.Column, cells [][]any, l lang.Lang, currency string) error {
	f := r.b.f
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	for j, c := range cols {
		f.SetCellStr(sheet, cellName(j+1, 1), c.Heading(l, currency))
	}
	f.SetCellStyle(sheet, "A1", cellName(max(len(cols), 1), 1), r.b.header)
	for i, row := range cells {
		for j, v := range row {
			cell := cellName(j+1, i+2)
			switch x := v.(type) {
			case float64:
				if math.IsNaN(x) || math.IsInf(x, 0) {
					continue
				}
				f.SetCellValue(sheet, cell, x)
				if id, ok := r.styles[string(cols[j].Kind)]; ok {
					f.SetCellStyle(sheet, cell, cell, id)
				}
			case int64:
				f.SetCellValue(sheet, cell, x)
				f.SetCellStyle(sheet, cell, cell, r.styles["Count"])
			case bool:
				f.SetCellBool(sheet, cell, x)
			case string:
				f.SetCellStr(sheet, cell, x)
			}
		}
	}
	for j := range cols {
		c, _ := excelize.ColumnNumberToName(j + 1)
		f.SetColWidth(sheet, c, c, 16)
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// Chart adds a PNG picture to the Charts sheet, below the others.
func (r *Results) Chart(title string, png []byte) error {
	f := r.b.f
	name := r.sheet("Charts")
	if idx, _ := f.GetSheetIndex(name); idx < 0 {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	f.SetCellStr(name, cellName(1, r.chartRow+1), title)
	err := f.AddPictureFromBytes(name, cellName(1, r.chartRow+2), &excelize.Picture{
		Extension: ".png", File: png, Format: &excelize.GraphicOptions{ScaleX: 0.5, ScaleY: 0.5},
	})
	r.chartRow += 22
	return err
}

// WriteTo writes the workbook.
func (r *Results) WriteTo(w io.Writer) (int64, error) { return r.b.WriteTo(w) }

// Bytes returns the workbook's bytes.
func (r *Results) Bytes() ([]byte, error) {
	var b bytes.Buffer
	_, err := r.WriteTo(&b)
	return b.Bytes(), err
}

// Sheets returns a workbook's sheets and each sheet's rows as text (raw
// values), for checking a workbook written by vcsim.
func Sheets(data []byte) (map[string][][]string, []string, error) {
	f, err := open(data, "")
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, err
		}
		out[s] = rows
	}
	return out, f.GetSheetList(), nil
}

package workbook

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/xuri/excelize/v2"
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
	for name, format := range map[string]string{
		"Money": "#,##0.00", "Share": "0.0%", "Qty": "#,##0.###", "Ratio4": "0.0000", "Count": "#,##0",
	} {
		id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: ptr(format)})
		if err != nil {
			return nil, err
		}
		r.styles[name] = id
	}
	return r, nil
}

// Summary adds the Summary sheet: label-value rows.
func (r *Results) Summary(rows [][2]any) error {
	f := r.b.f
	name := "Summary"
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, row := range rows {
		f.SetCellValue(name, cellName(1, i+1), row[0])
		switch v := row[1].(type) {
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			f.SetCellValue(name, cellName(2, i+1), v)
			f.SetCellStyle(name, cellName(2, i+1), cellName(2, i+1), r.b.num)
		default:
			f.SetCellValue(name, cellName(2, i+1), v)
		}
	}
	f.SetColWidth(name, "A", "A", 50)
	f.SetColWidth(name, "B", "B", 40)
	return f.SetCellStyle(name, "A1", "B1", r.b.header)
}

// Table adds a sheet holding rows, a slice of structs with csv tags (the
// rows of one of vcsim's CSV files): the tags head the columns, numbers
// are numbers formatted by their type (Money with thousands and two
// decimals, Share as a percentage...), undefined (NaN) numbers are empty.
func (r *Results) Table(sheet string, rows any) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return fmt.Errorf("workbook: %s: rows must be a slice", sheet)
	}
	t := v.Type().Elem()
	f := r.b.f
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	var cols []int
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("csv"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		cols = append(cols, i)
		f.SetCellStr(sheet, cellName(len(cols), 1), tag)
	}
	f.SetCellStyle(sheet, "A1", cellName(max(len(cols), 1), 1), r.b.header)
	for row := 0; row < v.Len(); row++ {
		e := v.Index(row)
		for j, i := range cols {
			cell := cellName(j+1, row+2)
			x := e.Field(i)
			switch x.Kind() {
			case reflect.Float64, reflect.Float32:
				y := x.Float()
				if math.IsNaN(y) || math.IsInf(y, 0) {
					continue
				}
				f.SetCellValue(sheet, cell, y)
				if id, ok := r.styles[x.Type().Name()]; ok {
					f.SetCellStyle(sheet, cell, cell, id)
				}
			case reflect.Int, reflect.Int64:
				f.SetCellValue(sheet, cell, x.Int())
				f.SetCellStyle(sheet, cell, cell, r.styles["Count"])
			case reflect.Bool:
				f.SetCellBool(sheet, cell, x.Bool())
			case reflect.String:
				f.SetCellStr(sheet, cell, x.String())
			default:
				f.SetCellStr(sheet, cell, fmt.Sprint(x.Interface()))
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
	name := "Charts"
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

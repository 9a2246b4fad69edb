package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Book is a workbook being written.
type Book struct {
	f      *excelize.File
	lang   lang.Lang
	header int // style of row 1
	keyRow int // style of row 2
	num    int // style of money and counts
}

// New returns an empty workbook with headers in lang ("en" or "ru").
func New(l lang.Lang) (*Book, error) {
	f := excelize.NewFile()
	b := &Book{f: f, lang: l}
	var err error
	if b.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}); err != nil {
		return nil, err
	}
	if b.keyRow, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080", Size: 9}}); err != nil {
		return nil, err
	}
	if b.num, err = f.NewStyle(&excelize.Style{CustomNumFmt: ptr("#,##0.##########")}); err != nil {
		return nil, err
	}
	return b, nil
}

func ptr(s string) *string { return &s }

// WriteTo writes the workbook (removing the empty first sheet of a new
// file when others were added).
func (b *Book) WriteTo(w io.Writer) (int64, error) {
	if list := b.f.GetSheetList(); len(list) > 1 && list[0] == "Sheet1" {
		b.f.DeleteSheet("Sheet1")
	}
	var buf bytes.Buffer
	if _, err := b.f.WriteTo(&buf); err != nil {
		return 0, err
	}
	data, err := stable(buf.Bytes())
	if err != nil {
		return 0, err
	}
	n, err := w.Write(data)
	return int64(n), err
}

// defaultRE finds the <Default> elements of [Content_Types].xml.
var defaultRE = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// stable returns the workbook data with the <Default> elements of
// [Content_Types].xml in sorted order: excelize writes the image types it
// adds for charts in a map's order, so the same results gave different
// bytes from run to run. Every other part is copied as it is.
func stable(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != "[Content_Types].xml" {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		text, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		defaults := defaultRE.FindAll(text, -1)
		slices.SortFunc(defaults, bytes.Compare)
		i := 0
		text = defaultRE.ReplaceAllFunc(text, func([]byte) []byte { i++; return defaults[i-1] })
		h := f.FileHeader
		fw, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(text); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// numberKeys are formatted with thousands separators.
var numberKeys = map[string]bool{"count": true, "price": true, "output_per_unit": true, "fixed_costs": true,
	"other_income": true, "transfers": true, "poverty_line": true, "adult_wage": true, "subsidies": true,
	"depreciation": true, "land_rent": true}

// AddChain adds the sheets of a chain file (its TOML text).
func (b *Book) AddChain(text []byte) error {
	return b.add(text, reflect.TypeOf(valuechain.Chain{}), "Chain")
}

// AddScenarios adds the sheets of a scenario file.
func (b *Book) AddScenarios(text []byte) error {
	return b.add(text, reflect.TypeOf(scenarios.File{}), "Appraisal")
}

func (b *Book) add(text []byte, t reflect.Type, top string) error {
	var root map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&root); err != nil {
		return err
	}
	fields, lists, _ := flatten(root, t, "", "")
	if err := b.keyValueSheet(top, fields); err != nil {
		return err
	}
	for _, k := range orderedListKeys(lists, t) {
		if err := b.listSheet(k, lists[k], elemType(t, k), "", nil); err != nil {
			return err
		}
	}
	return nil
}

// orderedListKeys orders the lists of the top of a file by the type's
// fields ("economic.border_price" after "economic").
func orderedListKeys(lists map[string][]map[string]any, t reflect.Type) []string {
	var keys []string
	for k := range lists {
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		order[name] = i
	}
	sortStable(keys, func(a, b string) bool {
		ra, _, _ := strings.Cut(a, ".")
		rb, _, _ := strings.Cut(b, ".")
		return order[ra] < order[rb]
	})
	return keys
}

// keyValueSheet writes a sheet of key-value rows.
func (b *Book) keyValueSheet(name string, fields []field) error {
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	head := map[lang.Lang][3]string{lang.EN: {"What", "key", "Value"}, lang.RU: {"Что", "key", "Значение"}}[b.lang]
	if head[0] == "" {
		head = [3]string{"What", "key", "Value"}
	}
	for i, h := range head {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue(name, cell, h)
		cell2, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellValue(name, cell2, []string{"label", "key", "value"}[i])
	}
	f.SetCellStyle(name, "A1", "C1", b.header)
	f.SetCellStyle(name, "A2", "C2", b.keyRow)
	for r, fl := range fields {
		row := r + 3
		f.SetCellValue(name, cellName(1, row), b.lang.Key(fl.key))
		f.SetCellValue(name, cellName(2, row), fl.key)
		if err := b.value(name, cellName(3, row), fl.key, fl.value); err != nil {
			return err
		}
		if fl.key == "labour_market" {
			b.dropList(name, cellName(3, row), []string{"open", "local"})
		}
	}
	f.SetColWidth(name, "A", "A", 45)
	f.SetColWidth(name, "B", "B", 28)
	f.SetColWidth(name, "C", "C", 40)
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
}

// listSheet writes the rows of a list of tables, and the sheets of the
// lists and own-sheet tables inside them; parent names each row's parent
// table for a child sheet.
func (b *Book) listSheet(path string, rows []map[string]any, t reflect.Type, parentCol string, parents []string) error {
	name := sheetOf[path]
	if name == "" {
		name = path
	}
	var keys []string
	seen := map[string]bool{}
	var flat [][]field
	children := map[string][]map[string]any{}
	childParents := map[string][]string{}
	own := map[string][]map[string]any{}
	ownParents := map[string][]string{}
	for i, m := range rows {
		fields, lists, tables := flatten(m, t, "", path)
		flat = append(flat, fields)
		for _, fl := range fields {
			if !seen[fl.key] {
				seen[fl.key] = true
				keys = append(keys, fl.key)
			}
		}
		id := identity(m, i)
		for k, l := range lists {
			children[k] = append(children[k], l...)
			for range l {
				childParents[k] = append(childParents[k], id)
			}
		}
		for k, tb := range tables {
			own[k] = append(own[k], tb)
			ownParents[k] = append(ownParents[k], id)
		}
	}
	if parentCol != "" {
		keys = append([]string{parentCol}, keys...)
	}
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for j, k := range keys {
		f.SetCellValue(name, cellName(j+1, 1), b.lang.Key(k))
		f.SetCellValue(name, cellName(j+1, 2), k)
		width := 14.0
		if k == "name" || k == "description" {
			width = 30
		}
		col, _ := excelize.ColumnNumberToName(j + 1)
		f.SetColWidth(name, col, col, width)
		b.validation(name, path, k, j+1)
	}
	last, _ := excelize.CoordinatesToCellName(max(len(keys), 1), 1)
	f.SetCellStyle(name, "A1", last, b.header)
	last2, _ := excelize.CoordinatesToCellName(max(len(keys), 1), 2)
	f.SetCellStyle(name, "A2", last2, b.keyRow)
	f.SetRowHeight(name, 1, 45)
	col := map[string]int{}
	for j, k := range keys {
		col[k] = j + 1
	}
	for i, fields := range flat {
		row := i + 3
		if parentCol != "" {
			f.SetCellValue(name, cellName(1, row), parents[i])
		}
		for _, fl := range fields {
			if err := b.value(name, cellName(col[fl.key], row), fl.key, fl.value); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	pc := path
	if i := strings.IndexByte(pc, '.'); i >= 0 {
		pc = pc[:i]
	}
	for _, k := range sortedKeys(children) {
		if err := b.listSheet(path+"."+k, children[k], elemType(t, k), pc, childParents[k]); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(own) {
		if err := b.tableSheet(path+"."+k, own[k], fieldTypeOf(t, k), pc, ownParents[k]); err != nil {
			return err
		}
	}
	return nil
}

// tableSheet writes single tables of list rows (actor.household) as rows
// of a sheet of their own.
func (b *Book) tableSheet(path string, tables []map[string]any, t reflect.Type, parentCol string, parents []string) error {
	return b.listSheet(path, tables, t, parentCol, parents)
}

func fieldTypeOf(t reflect.Type, key string) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return fieldType(t, key)
}

// validation adds the drop-down lists of a column.
func (b *Book) validation(sheet, path, key string, col int) {
	rng := func() string {
		c, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("%s3:%s2000", c, c)
	}
	switch {
	case key == "kind":
		b.dropList(sheet, rng(), []string{valuechain.Household, valuechain.Enterprise})
	case key == "stage":
		b.dropList(sheet, rng(), []string{"input", "production", "collection", "processing", "trade", "export", "retail"})
	case key == "final_market":
		b.dropList(sheet, rng(), []string{valuechain.Domestic, valuechain.Export})
	case key == "type" && path == "scenario.intervention":
		b.dropList(sheet, rng(), guide.IDs())
	case (key == "from" || key == "to") && path == "link", key == "actor":
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng()
		dv.SetSqrefDropList("Actors!$A$3:$A$2000")
		b.f.AddDataValidation(sheet, dv)
	}
}

func (b *Book) dropList(sheet, sqref string, items []string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if dv.SetDropList(items) == nil {
		b.f.AddDataValidation(sheet, dv)
	}
}

// value writes a TOML value into a cell: numbers as numbers, text as
// text, true and false as booleans.
func (b *Book) value(sheet, cell, key string, v any) error {
	f := b.f
	switch x := v.(type) {
	case int64:
		f.SetCellValue(sheet, cell, x)
	case float64:
		f.SetCellValue(sheet, cell, x)
		base := key
		if i := strings.LastIndex(base, "."); i >= 0 {
			base = base[i+1:]
		}
		if numberKeys[base] || strings.HasPrefix(key, "costs.") {
			f.SetCellStyle(sheet, cell, cell, b.num)
		}
	case string:
		f.SetCellStr(sheet, cell, x)
	case bool:
		f.SetCellBool(sheet, cell, x)
	default:
		return fmt.Errorf("workbook: %s: cannot write %T", key, v)
	}
	return nil
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sortStable(ks, func(a, b string) bool { return a < b })
	return ks
}

func sortStable(s []string, less func(a, b string) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

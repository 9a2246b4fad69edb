package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Cells maps the key paths of the TOML text read from a workbook ("actor.2.price")
// to the cells they came from ("Actors!E5").
type Cells map[string]string

// Read reads the chain (kind ChainBook) or the scenario file (ScenarioBook)
// of a workbook and returns it as TOML text, with the cell of every key.
// Empty rows are skipped; a formula cell is read by its cached value (an
// error names the cell when there is none).
func Read(data []byte, name string, kind Kind) ([]byte, Cells, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, &valuechain.InputError{File: name, Msg: fmt.Sprintf("not an Excel workbook (xlsx): %v", err)}
	}
	defer f.Close()
	r := &reader{f: f, name: name, cells: Cells{}, root: map[string]any{}, t: reflect.TypeOf(valuechain.Chain{})}
	if kind == ScenarioBook {
		r.t = reflect.TypeOf(scenarios.File{})
	}
	top := "Chain"
	lists := []string{"actor", "actor.product", "actor.task", "actor.household", "link", "price_ratio", "correlate", "economic.border_price"}
	if kind == ScenarioBook {
		top = "Appraisal"
		lists = []string{"scenario", "scenario.intervention"}
	}
	r.keyValues(top, kind == ChainBook)
	for _, path := range lists {
		r.list(path)
	}
	if len(r.errs) > 0 {
		return nil, nil, r.errs
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(r.root); err != nil {
		return nil, nil, &valuechain.InputError{File: name, Msg: err.Error()}
	}
	return b.Bytes(), r.cells, nil
}

type reader struct {
	t     reflect.Type // the file's Go type, for booleans saved as 1 and 0
	f     *excelize.File
	name  string
	root  map[string]any
	cells Cells
	errs  valuechain.InputErrors
	// ids of each list's rows, for children: list path -> id -> index.
	ids map[string]map[string]int
}

func (r *reader) fail(cell, format string, args ...any) {
	r.errs = append(r.errs, &valuechain.InputError{File: r.name, Cell: cell, Msg: fmt.Sprintf(format, args...)})
}

func (r *reader) has(sheet string) bool {
	idx, err := r.f.GetSheetIndex(sheet)
	return err == nil && idx >= 0
}

// rows returns a sheet's rows from row 3 with the keys of row 2.
func (r *reader) rows(sheet string) (keys []string, rows [][]string, ok bool) {
	all, err := r.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		r.fail(sheet, "cannot read the sheet: %v", err)
		return nil, nil, false
	}
	if len(all) < 2 {
		return nil, nil, true
	}
	if merged, _ := r.f.GetMergeCells(sheet); len(merged) > 0 {
		for _, m := range merged {
			r.fail(sheet+"!"+m.GetStartAxis(), "merged cells (%s:%s): unmerge them, every value needs its own cell", m.GetStartAxis(), m.GetEndAxis())
		}
		return nil, nil, false
	}
	return all[1], all[2:], true
}

// value reads a cell as a TOML value: a number, true/false or text.
func (r *reader) value(sheet string, col, row int, raw string) (any, string) {
	cell := cellName(col, row)
	ref := sheet + "!" + cell
	typ, _ := r.f.GetCellType(sheet, cell)
	if typ == excelize.CellTypeFormula || hasFormula(r.f, sheet, cell) {
		if raw == "" {
			r.fail(ref, "a formula without a cached value: open and save the workbook in a spreadsheet program, or type the value")
			return nil, ref
		}
		if x, err := strconv.ParseFloat(raw, 64); err == nil {
			return number(x), ref
		}
		return raw, ref
	}
	switch typ {
	case excelize.CellTypeBool:
		return raw == "1" || strings.EqualFold(raw, "true"), ref
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return raw, ref
	}
	if (raw == "0" || raw == "1") && booleanFormat(r.f, sheet, cell) {
		// LibreOffice saves TRUE and FALSE as 1 and 0 with a boolean format.
		return raw == "1", ref
	}
	if x, err := strconv.ParseFloat(raw, 64); err == nil {
		return number(x), ref
	}
	return raw, ref
}

// booleanFormat reports whether a cell's number format shows TRUE/FALSE.
func booleanFormat(f *excelize.File, sheet, cell string) bool {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return false
	}
	return strings.Contains(strings.ToUpper(*st.CustomNumFmt), "TRUE")
}

func hasFormula(f *excelize.File, sheet, cell string) bool {
	s, err := f.GetCellFormula(sheet, cell)
	return err == nil && s != ""
}

// number keeps whole numbers whole, so that they fill integer keys.
func number(x float64) any {
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return int64(x)
	}
	return x
}

// keyValues reads a sheet of key-value rows into the top of the file.
func (r *reader) keyValues(sheet string, required bool) {
	if !r.has(sheet) {
		if required {
			r.fail(sheet, "the workbook has no sheet %q (vcsim init --format xlsx writes one to start from)", sheet)
		}
		return
	}
	_, rows, ok := r.rows(sheet)
	if !ok {
		return
	}
	for i, row := range rows {
		if len(row) < 2 || strings.TrimSpace(row[1]) == "" {
			continue
		}
		key := strings.TrimSpace(row[1])
		if len(row) < 3 || strings.TrimSpace(row[2]) == "" {
			if hasFormula(r.f, sheet, cellName(3, i+3)) {
				r.fail(sheet+"!"+cellName(3, i+3), "a formula without a cached value: open and save the workbook in a spreadsheet program, or type the value")
			}
			continue
		}
		v, ref := r.value(sheet, 3, i+3, row[2])
		if v == nil {
			continue
		}
		v = r.coerce(v, "", key)
		if err := set(r.root, key, v); err != nil {
			r.fail(ref, "%v", err)
			continue
		}
		r.cells[pathOf(key)] = ref
	}
}

// pathOf turns a sheet key (beta[2]) into a Positions path (beta.1).
func pathOf(key string) string {
	if i := strings.IndexByte(key, '['); i > 0 && strings.HasSuffix(key, "]") {
		n, _ := strconv.Atoi(key[i+1 : len(key)-1])
		return key[:i] + "." + strconv.Itoa(n-1)
	}
	return key
}

// list reads the sheet of a list of tables (or of own-sheet tables).
func (r *reader) list(path string) {
	sheet := sheetOf[path]
	if !r.has(sheet) {
		return
	}
	keys, rows, ok := r.rows(sheet)
	if !ok {
		return
	}
	parent, child := "", path
	if i := strings.IndexByte(path, '.'); i >= 0 {
		parent, child = path[:i], path[i+1:]
	}
	_, own := tableSheets[path]
	if r.ids == nil {
		r.ids = map[string]map[string]int{}
	}
	for i, row := range rows {
		rowNum := i + 3
		empty := true
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		m := map[string]any{}
		var cells []struct{ path, ref string }
		var parentID string
		for j, k := range keys {
			k = strings.TrimSpace(k)
			if j >= len(row) || strings.TrimSpace(row[j]) == "" || k == "" {
				if k != "" && hasFormula(r.f, sheet, cellName(j+1, rowNum)) {
					r.fail(sheet+"!"+cellName(j+1, rowNum), "a formula without a cached value: open and save the workbook in a spreadsheet program, or type the value")
				}
				continue
			}
			if parent != "" && k == parentKey[sheet] {
				parentID = strings.TrimSpace(row[j])
				continue
			}
			v, ref := r.value(sheet, j+1, rowNum, row[j])
			if v == nil {
				continue
			}
			v = r.coerce(v, path, k)
			if err := set(m, k, v); err != nil {
				r.fail(ref, "%v", err)
				continue
			}
			cells = append(cells, struct{ path, ref string }{pathOf(k), ref})
		}
		var base string
		switch {
		case parent == "":
			list, _ := r.root[path].([]map[string]any)
			base = fmt.Sprintf("%s.%d", path, len(list))
			if r.ids[path] == nil {
				r.ids[path] = map[string]int{}
			}
			r.ids[path][identity(m, len(list))] = len(list)
			r.root[path] = append(list, m)
		case r.ids[parent] == nil && !isList(r.root[parent]):
			// A nested list of a single table (economic.border_price).
			tab, _ := r.root[parent].(map[string]any)
			if tab == nil {
				tab = map[string]any{}
				r.root[parent] = tab
			}
			list, _ := tab[child].([]map[string]any)
			base = fmt.Sprintf("%s.%d", path, len(list))
			tab[child] = append(list, m)
		default:
			idx, found := r.ids[parent][parentID]
			if !found {
				r.fail(sheet+"!"+cellName(1, rowNum), "%s %q is not in the sheet %s", parentKey[sheet], parentID, sheetOf[parent])
				continue
			}
			pm := r.root[parent].([]map[string]any)[idx]
			if own {
				if _, dup := pm[child]; dup {
					r.fail(sheet+"!"+cellName(1, rowNum), "%s %q has two rows here: give one", parentKey[sheet], parentID)
					continue
				}
				pm[child] = m
				base = fmt.Sprintf("%s.%d.%s", parent, idx, child)
			} else {
				list, _ := pm[child].([]map[string]any)
				base = fmt.Sprintf("%s.%d.%s.%d", parent, idx, child, len(list))
				pm[child] = append(list, m)
			}
		}
		r.cells[base] = sheet + "!" + cellName(1, rowNum)
		for _, c := range cells {
			r.cells[base+"."+c.path] = c.ref
		}
	}
}

// Translate rewrites the errors of a chain or scenario file read from a
// workbook so that they name the workbook's cells instead of the lines of
// the TOML text vcsim made of it.
func Translate(err error, text []byte, cells Cells) error {
	if err == nil {
		return nil
	}
	pos, perr := valuechain.Locate(text)
	if perr != nil {
		return err
	}
	byLine := map[int]string{}
	for path, line := range pos {
		if ref, ok := cells[path]; ok {
			if _, taken := byLine[line]; !taken || len(path) > 0 {
				byLine[line] = ref
			}
		}
	}
	fix := func(line *int, cell *string) {
		if ref, ok := byLine[*line]; ok && *line > 0 {
			*cell, *line = ref, 0
		}
	}
	var ie *valuechain.InputError
	var ies valuechain.InputErrors
	var ve *valuechain.ValidationError
	switch {
	case errors.As(err, &ies):
		for _, e := range ies {
			fix(&e.Line, &e.Cell)
		}
	case errors.As(err, &ie):
		fix(&ie.Line, &ie.Cell)
	case errors.As(err, &ve):
		for i := range ve.Problems {
			fix(&ve.Problems[i].Line, &ve.Problems[i].Cell)
		}
	}
	return err
}

// coerce turns 1 and 0 into true and false where the key is a boolean:
// spreadsheet programs (LibreOffice) save TRUE and FALSE as numbers.
func (r *reader) coerce(v any, listPath, key string) any {
	n, ok := v.(int64)
	if !ok || (n != 0 && n != 1) {
		return v
	}
	t := r.t
	if listPath != "" {
		t = elemType(t, listPath)
	}
	for _, k := range strings.Split(key, ".") {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return v
		}
		t = fieldType(t, k)
	}
	if t != nil && t.Kind() == reflect.Bool {
		return n == 1
	}
	return v
}

func isList(v any) bool {
	_, ok := v.([]map[string]any)
	return ok
}

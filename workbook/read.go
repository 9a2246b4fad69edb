package workbook

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
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
	f, err := open(data, name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	r := &reader{f: f, name: name, cells: Cells{}, root: map[string]any{}, t: reflect.TypeOf(valuechain.Chain{})}
	if kind == ScenarioBook {
		r.t = reflect.TypeOf(scenarios.File{})
	}
	top := "Chain"
	lists := []string{"actor", "actor.product", "actor.task", "actor.household", "link", "price_ratio", "correlate", "economic.border_price", "economic.factors"}
	if kind == ScenarioBook {
		top = "Appraisal"
		lists = []string{"scenario", "scenario.intervention"}
	}
	r.sheets(kind)
	if len(r.errs) > 0 {
		return nil, nil, r.errs
	}
	r.keyValues(top, kind == ChainBook)
	for _, path := range lists {
		r.list(path)
	}
	if kind == ChainBook {
		r.householdSheets()
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
	r.errs = append(r.errs, valuechain.CellError(r.name, cell, format, args...))
}

// chainSheets and scenarioSheets are the sheets vcsim reads in a chain
// and in a scenario workbook, in the order init writes them.
var (
	chainSheets    = []string{"Read-me", "Chain", "Actors", "Products", "Tasks", "Households", "Links", "PriceRatios", "Correlations", "BorderPrices", "Factors", "Appraisal", "Scenarios", "Interventions", "Survey"}
	scenarioSheets = []string{"Read-me", "Appraisal", "Scenarios", "Interventions", "Chain", "Actors", "Products", "Tasks", "Households", "Links", "PriceRatios", "Correlations", "BorderPrices", "Factors", "Survey"}
)

// sheets checks the workbook's sheets: each must be one vcsim reads (a
// renamed sheet would be skipped without a word), and the ones a kind of
// workbook needs must be there.
func (r *reader) sheets(kind Kind) {
	known := chainSheets
	if kind == ScenarioBook {
		known = scenarioSheets
	}
	list := strings.Join(known, ", ")
	for _, s := range r.f.GetSheetList() {
		if !slices.Contains(known, s) {
			r.fail(s, "the sheet %q is not one vcsim reads (it reads %s): rename it to one of these, or delete it", s, list)
		}
	}
	need := []string{"Chain", "Actors"}
	if kind == ScenarioBook {
		need = []string{"Scenarios", "Interventions"}
	}
	for _, s := range need {
		if r.has(s) {
			continue
		}
		if kind == ScenarioBook {
			r.fail(s, "the workbook has no sheet %q, which vcsim needs (a scenario workbook has the sheets %s)", s, list)
		} else {
			r.fail(s, "the workbook has no sheet %q, which vcsim needs (a chain workbook has the sheets %s)", s, list)
		}
	}
}

// householdSheets checks, once the actors are read, that a chain with
// household actors has the sheets of their work and their households.
func (r *reader) householdSheets() {
	actors, _ := r.root["actor"].([]map[string]any)
	for _, a := range actors {
		if a["kind"] != "household" {
			continue
		}
		for _, s := range []string{"Tasks", "Households"} {
			if !r.has(s) {
				r.fail(s, "the workbook has no sheet %q, which the household actors need: without it their work, and so their children's, is not known (a chain workbook has the sheets %s)", s, strings.Join(chainSheets, ", "))
			}
		}
		return
	}
}

func (r *reader) has(sheet string) bool {
	idx, err := r.f.GetSheetIndex(sheet)
	return err == nil && idx >= 0
}

// rows returns a sheet's rows from row 3 with the keys of row 2.
func (r *reader) rows(sheet string) (keys []string, rows [][]string, ok bool) {
	all, err := sheetRows(r.f, r.name, sheet)
	if err != nil {
		r.errs = append(r.errs, err.(*valuechain.InputError))
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
func (r *reader) value(sheet, key string, col, row int, raw string) (any, string) {
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
		if date, ok := dateCell(r.f, sheet, cell, x); ok {
			r.fail(ref, "%s: a date (%s) in a cell that needs a number: the cell is formatted as a date (Excel turns 5.4 into 5 April in some languages); format the cell as a number and type the value again", key, date)
			return nil, ref
		}
		return number(x), ref
	}
	return raw, ref
}

// dateCell reports whether a number cell is formatted as a date or a
// time, and the date it shows (its serial x as a date, ISO 8601).
func dateCell(f *excelize.File, sheet, cell string, x float64) (string, bool) {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return "", false
	}
	st, err := f.GetStyle(id)
	if err != nil || !isDateFormat(st.NumFmt, st.CustomNumFmt) {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(x, false)
	if err != nil {
		return fmt.Sprintf("serial %v", x), true
	}
	if x == math.Trunc(x) {
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02 15:04"), true
}

// isDateFormat reports whether a number format shows a date or a time:
// the built-in formats 14-22, 27-36, 45-47 and 50-58 (ECMA-376, 18.8.30),
// or a custom format with a date or time code (y, m, d, h, s; an h or m is a time) outside
// quoted text, escapes and [brackets] (colours, locales).
func isDateFormat(id int, custom *string) bool {
	if custom == nil || *custom == "" {
		return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
	}
	s := strings.ToLower(*custom)
	if s == "general" || s == "@" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // an escaped character, a space the width of one, a fill
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return false
			}
			if b := s[i+1 : i+j]; b == "h" || b == "hh" || b == "m" || b == "mm" || b == "s" || b == "ss" {
				return true // elapsed time
			}
			i += j
		case 'y', 'm', 'd', 'h', 's':
			return true
		}
	}
	return false
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
		return
	}
	_, rows, ok := r.rows(sheet)
	if !ok {
		return
	}
	// Every key once, and not both a number and a part of it.
	keyRow := map[string]int{}
	for i, row := range rows {
		if len(row) < 2 || strings.TrimSpace(row[1]) == "" {
			if len(row) >= 3 && strings.TrimSpace(row[2]) != "" {
				r.fail(sheet+"!"+cellName(2, i+3), "the key in column B is blank but the row has a value (%s): type the key back, or delete the row", sheet+"!"+cellName(3, i+3))
			}
			continue
		}
		key := strings.TrimSpace(row[1])
		if prev, dup := keyRow[key]; dup {
			r.fail(sheet+"!"+cellName(2, i+3), "the key %q is given twice (rows %d and %d): give it once", key, prev, i+3)
			continue
		}
		keyRow[key] = i + 3
	}
	for _, k := range slices.Sorted(maps.Keys(keyRow)) {
		if p, ok := partOf(k, keyRow); ok {
			r.fail(sheet+"!"+cellName(2, keyRow[k]), "the row %d gives %q and the row %d gives %q, a part of it: give the number or its distribution, not both", keyRow[p], p, keyRow[k], k)
		}
	}
	if len(r.errs) > 0 {
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
		v, ref := r.value(sheet, key, 3, i+3, row[2])
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

// columnKeys checks the keys of a list sheet's row 2: each once, none
// blank over a column with values, and not a number and a part of it
// (price and price.dist) side by side; it reports whether they are sound.
func (r *reader) columnKeys(sheet string, keys []string, rows [][]string) bool {
	ok := true
	col := map[string]int{}
	for j, k := range keys {
		k = strings.TrimSpace(k)
		if k == "" {
			for i, row := range rows {
				if j < len(row) && strings.TrimSpace(row[j]) != "" {
					r.fail(sheet+"!"+cellName(j+1, 2), "the key in row 2 is blank but the column has values (first in %s): type the key back, or delete the column", sheet+"!"+cellName(j+1, i+3))
					ok = false
					break
				}
			}
			continue
		}
		if prev, dup := col[k]; dup {
			r.fail(sheet+"!"+cellName(j+1, 2), "the key %q is in columns %s and %s: give each key one column", k, colName(prev+1), colName(j+1))
			ok = false
			continue
		}
		col[k] = j
	}
	for _, k := range slices.Sorted(maps.Keys(col)) {
		if p, found := partOf(k, col); found {
			r.fail(sheet+"!"+cellName(col[k]+1, 2), "the column %s gives %q and the column %s gives %q, a part of it: give the number or its distribution, not both", colName(col[p]+1), p, colName(col[k]+1), k)
			ok = false
		}
	}
	return ok
}

// partOf returns the key of keys that k is a part of (price for
// price.dist, beta for beta[2]), if any.
func partOf[V any](k string, keys map[string]V) (string, bool) {
	for i := len(k) - 1; i > 0; i-- {
		if k[i] == '.' || k[i] == '[' {
			if _, ok := keys[k[:i]]; ok {
				return k[:i], true
			}
		}
	}
	return "", false
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
	if !r.columnKeys(sheet, keys, rows) {
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
			v, ref := r.value(sheet, k, j+1, rowNum, row[j])
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

// elementRE finds an array element named in a message: beta[2].
var elementRE = regexp.MustCompile(`([a-z_]+)\[(\d+)\]`)

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
	// The paths with a cell on each line, in order: an array written on
	// one line (beta = [4, 3, 2]) has a cell per element.
	byLine := map[int][]string{}
	for _, path := range slices.Sorted(maps.Keys(pos)) {
		if _, ok := cells[path]; ok {
			byLine[pos[path]] = append(byLine[pos[path]], path)
		}
	}
	// fix names the cell of a line: the element's cell where the message
	// names one (beta[2]), else the first on the line.
	fix := func(line *int, cell *string, text string) {
		paths := byLine[*line]
		if len(paths) == 0 || *line <= 0 {
			return
		}
		ref := cells[paths[0]]
		for _, m := range elementRE.FindAllStringSubmatch(text, -1) {
			n, _ := strconv.Atoi(m[2])
			for _, p := range paths {
				if strings.HasSuffix(p, "."+m[1]+"."+strconv.Itoa(n-1)) {
					ref = cells[p]
				}
			}
		}
		*cell, *line = ref, 0
	}
	// Every error of the tree: a chain's unknown keys and its validation
	// problems come joined (load.Chain), and each names lines.
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case valuechain.InputErrors:
			for _, ie := range e {
				fix(&ie.Line, &ie.Cell, ie.Msg)
			}
		case *valuechain.InputError:
			fix(&e.Line, &e.Cell, e.Msg)
		case *valuechain.ValidationError:
			for i := range e.Problems {
				fix(&e.Problems[i].Line, &e.Problems[i].Cell, e.Problems[i].Field+" "+e.Problems[i].Msg)
			}
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return err
}

// coerce turns 1 and 0 into true and false where the key is a boolean:
// spreadsheet programs (LibreOffice) save TRUE and FALSE as numbers.
func (r *reader) coerce(v any, listPath, key string) any {
	n, isInt := v.(int64)
	text, isText := v.(string)
	if !(isInt && (n == 0 || n == 1)) && !isText {
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
		if j := strings.IndexByte(k, '['); j > 0 {
			k = k[:j] // beta[1]: the field beta
		}
		t = fieldType(t, k)
	}
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Array || t.Kind() == reflect.Slice) {
		t = t.Elem() // beta[1]: an element of the array
	}
	switch {
	case t == nil:
	case isInt && t.Kind() == reflect.Bool:
		return n == 1
	case isText && (t.Kind() == reflect.Float64 || t.Kind() == reflect.Int):
		// A number stored as text (a pasted column, a cell formatted as
		// text): Excel shows it as a number, so it is read as one, with a
		// decimal comma and spaces between thousands as a Russian Excel
		// writes them ("1 500,5"). Other text stays text, for the
		// checks to refuse with the cell.
		if x, ok := numberText(text); ok {
			return number(x)
		}
	}
	return v
}

// numberText reads a number typed as text: "150", "-3", "1.5", "1,5",
// "1 500", "1 500,5" (spaces, no-break spaces or thin spaces between
// thousands, a comma or a point before the decimals; a comma with a point
// elsewhere, or a comma followed by three digits, is ambiguous and not
// read). It reports whether text is such a number.
func numberText(text string) (float64, bool) {
	s := strings.TrimSpace(text)
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "\u2009", "", "\u2212", "-").Replace(s)
	if strings.Contains(s, ",") {
		i := strings.IndexByte(s, ',')
		if strings.Contains(s, ".") || strings.Count(s, ",") > 1 || len(s)-i-1 == 3 {
			return 0, false
		}
		s = strings.Replace(s, ",", ".", 1)
	}
	if s == "" || strings.ContainsAny(s, "eExXpP_nNiI") {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, false
	}
	return x, true
}

func isList(v any) bool {
	_, ok := v.([]map[string]any)
	return ok
}

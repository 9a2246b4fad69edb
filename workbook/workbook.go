// Package workbook reads and writes chains and scenario files as Excel
// workbooks (xlsx), and results as workbooks, so that the data of a rapid
// market assessment can be collected and reported in a spreadsheet. It
// keeps excelize to itself: callers see TOML text, rows and errors.
//
// A chain file becomes a workbook by a fixed rule that keeps every value:
// the top-level keys go to the sheet Chain, one key a row (a list's values
// side by side); each list of tables ([[actor]], [[link]]...) gets a sheet
// with one row per table and one column per key, nested tables flattened
// as dotted keys (household.adults, costs.fertiliser, a distribution's
// price.dist, price.min...) and lists of numbers or text as key[1],
// key[2]...; the lists inside a table's rows ([[actor.task]]) get their
// own sheet whose first column names the parent (its id or name). Row 1
// of every sheet holds the headers in the workbook's language, row 2 the
// keys, which is what vcsim reads back.
package workbook

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Kind says what a workbook holds.
type Kind int

// Kinds of workbook.
const (
	ChainBook Kind = iota
	ScenarioBook
)

// sheetOf names the sheet of a list of tables by its path (without
// indices).
var sheetOf = map[string]string{
	"actor": "Actors", "actor.product": "Products", "actor.task": "Tasks", "link": "Links",
	"price_ratio": "PriceRatios", "correlate": "Correlations", "economic.border_price": "BorderPrices", "economic.factors": "Factors",
	"scenario": "Scenarios", "scenario.intervention": "Interventions", "actor.household": "Households",
}

// tableSheets are the single tables inside list rows that get a sheet of
// their own (the others are flattened into their row).
var tableSheets = map[string]string{"actor.household": "Households"}

// parentKey is the column that names a sheet's parent table.
var parentKey = map[string]string{
	"Products": "actor", "Tasks": "actor", "Households": "actor", "Interventions": "scenario",
}

// identity returns the id (or name) of a table of a list, for children.
func identity(m map[string]any, i int) string {
	for _, k := range []string{"id", "name"} {
		if s, ok := m[k].(string); ok && s != "" {
			return s
		}
	}
	return "#" + strconv.Itoa(i+1)
}

// field is a flattened key of a table and its value.
type field struct {
	key   string
	value any
}

// flatten turns a table into ordered key-value pairs, following the
// order of the Go type's fields (maps in key order); lists of tables are
// returned apart, by their key, with the single tables that get a sheet.
//
// listPath is the path of the list m is a row of ("actor"), or "" for the
// top of the file.
func flatten(m map[string]any, t reflect.Type, prefix, listPath string) (fields []field, lists map[string][]map[string]any, tables map[string]map[string]any) {
	lists, tables = map[string][]map[string]any{}, map[string]map[string]any{}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for _, k := range orderedKeys(m, t) {
		v := m[k]
		var ft reflect.Type
		if t != nil && t.Kind() == reflect.Struct {
			ft = fieldType(t, k)
		} else if t != nil && t.Kind() == reflect.Map {
			ft = t.Elem()
		}
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		switch x := v.(type) {
		case []map[string]any:
			lists[k] = x
		case map[string]any:
			if _, own := tableSheets[join(listPath, k)]; own && prefix == "" {
				tables[k] = x
				continue
			}
			f, l, tb := flatten(x, ft, key, listPath)
			fields = append(fields, f...)
			for lk, lv := range l {
				lists[k+"."+lk] = lv
			}
			for tk, tv := range tb {
				tables[k+"."+tk] = tv
			}
		case []any:
			if len(x) > 0 {
				if _, ok := x[0].(map[string]any); ok {
					var ms []map[string]any
					for _, e := range x {
						ms = append(ms, e.(map[string]any))
					}
					lists[k] = ms
					continue
				}
			}
			for i, e := range x {
				fields = append(fields, field{fmt.Sprintf("%s[%d]", key, i+1), e})
			}
		default:
			fields = append(fields, field{key, v})
		}
	}
	return fields, lists, tables
}

// orderedKeys returns m's keys in the order of t's fields, then the rest
// sorted.
func orderedKeys(m map[string]any, t reflect.Type) []string {
	var keys []string
	seen := map[string]bool{}
	if t != nil && t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
			if _, ok := m[name]; ok && !seen[name] {
				keys = append(keys, name)
				seen[name] = true
			}
		}
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

func fieldType(t reflect.Type, key string) reflect.Type {
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if name == key {
			return t.Field(i).Type
		}
	}
	return nil
}

// elemType returns the element type of a list field of t.
func elemType(t reflect.Type, path string) reflect.Type {
	for _, k := range strings.Split(path, ".") {
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return nil
		}
		t = fieldType(t, k)
	}
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	return t
}

// set puts value at a dotted key with optional [i] into m, building the
// nested tables and lists.
func set(m map[string]any, key string, value any) error {
	parts := strings.Split(key, ".")
	for i, p := range parts {
		name, idx := p, 0
		if j := strings.IndexByte(p, '['); j > 0 && strings.HasSuffix(p, "]") {
			n, err := strconv.Atoi(p[j+1 : len(p)-1])
			if err != nil || n < 1 || n > 1000 {
				return fmt.Errorf("the key %q has a bad index", key)
			}
			name, idx = p[:j], n
		}
		last := i == len(parts)-1
		switch {
		case idx > 0:
			if !last {
				return fmt.Errorf("the key %q: only the last part may have an index", key)
			}
			list, _ := m[name].([]any)
			for len(list) < idx {
				list = append(list, nil)
			}
			list[idx-1] = value
			m[name] = list
		case last:
			m[name] = value
		default:
			next, ok := m[name].(map[string]any)
			if !ok {
				if _, taken := m[name]; taken {
					return fmt.Errorf("the key %q is both a value and a table", key)
				}
				next = map[string]any{}
				m[name] = next
			}
			m = next
		}
	}
	return nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

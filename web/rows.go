package web

import (
	"math"
	"reflect"
	"strings"
)

// Rows are the rows of one of vcsim's tables in JSON: each row an object
// whose keys are the CSV file's columns, numbers as numbers, a number that
// is not defined (NaN) as null.
type Rows []map[string]any

// toRows turns a slice of structs with csv tags into Rows; the fields of
// an embedded struct without a tag (tables.GroupSchoolRow's SchoolRow) are
// the row's own, as in the CSV file.
func toRows(rows any) Rows {
	v := reflect.ValueOf(rows)
	out := make(Rows, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		m := map[string]any{}
		addFields(m, v.Index(i))
		out = append(out, m)
	}
	return out
}

// addFields puts the csv-tagged fields of the struct e into m.
func addFields(m map[string]any, e reflect.Value) {
	t := e.Type()
	for j := 0; j < t.NumField(); j++ {
		sf := t.Field(j)
		tag, _, _ := strings.Cut(sf.Tag.Get("csv"), ",")
		if tag == "" && sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			addFields(m, e.Field(j))
			continue
		}
		if tag == "" || tag == "-" {
			continue
		}
		f := e.Field(j)
		switch f.Kind() {
		case reflect.Float64, reflect.Float32:
			x := f.Float()
			if math.IsNaN(x) || math.IsInf(x, 0) {
				m[tag] = nil
			} else {
				m[tag] = x
			}
		default:
			m[tag] = f.Interface()
		}
	}
}

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

// toRows turns a slice of structs with csv tags into Rows.
func toRows(rows any) Rows {
	v := reflect.ValueOf(rows)
	out := make(Rows, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		e := v.Index(i)
		t := e.Type()
		m := map[string]any{}
		for j := 0; j < t.NumField(); j++ {
			tag, _, _ := strings.Cut(t.Field(j).Tag.Get("csv"), ",")
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
		out = append(out, m)
	}
	return out
}

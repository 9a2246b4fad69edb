package outfile

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
)

// NonFiniteError is a number in an output that is NaN or infinite.
type NonFiniteError struct {
	File  string // output file
	Where string // row and column, or JSON path
	Value float64
}

func (e *NonFiniteError) Error() string {
	return fmt.Sprintf("%s: %s is %v, not a finite number: an input is out of the range the model can compute (check the magnitudes of prices, counts and quantities); nothing was written", e.File, e.Where, e.Value)
}

// Finite checks that every number in v (a struct, a slice of rows, or
// anything made of them) is finite, and returns a *NonFiniteError naming
// the first that is not. Fields tagged `undefined:"empty"` may be NaN:
// they are written as empty cells meaning "not defined" (a ratio without
// a denominator). file names v in the error.
func Finite(file string, v any) error {
	return finite(file, reflect.ValueOf(v), "", false)
}

func finite(file string, v reflect.Value, where string, nanOK bool) error {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		x := v.Float()
		if math.IsInf(x, 0) || (math.IsNaN(x) && !nanOK) {
			return &NonFiniteError{File: file, Where: strings.TrimPrefix(where, "."), Value: x}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return finite(file, v.Elem(), where, nanOK)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := finite(file, v.Index(i), fmt.Sprintf("%s[row %d%s]", where, i+1, rowName(v.Index(i))), nanOK); err != nil {
				return err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			if err := finite(file, v.MapIndex(k), fmt.Sprintf("%s.%v", where, k), nanOK); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if err := finite(file, v.Field(i), where+"."+fieldName(f), f.Tag.Get("undefined") == "empty"); err != nil {
				return err
			}
		}
	}
	return nil
}

// rowName returns `, actor "x"` for a row whose first string field names it.
func rowName(v reflect.Value) string {
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || v.NumField() == 0 || v.Field(0).Kind() != reflect.String {
		return ""
	}
	return fmt.Sprintf(", %s %q", fieldName(v.Type().Field(0)), v.Field(0).String())
}

func fieldName(f reflect.StructField) string {
	for _, tag := range []string{"csv", "json"} {
		if n, _, _ := strings.Cut(f.Tag.Get(tag), ","); n != "" && n != "-" {
			return n
		}
	}
	return f.Name
}

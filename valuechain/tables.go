package valuechain

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// tableHeader matches a line that opens a table or a list of tables,
// "[economic]" or "[[actor]]", and gives its brackets and the first part
// of its name.
var tableHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_-]+)`)

// unknownTable returns the error of the first table header in data whose
// name is not one of the tables of t (a struct type): a misspelt header
// ("[[actr]]" for "[[actor]]") makes the TOML reader complain about
// something else further down ("Key 'actor' was already created"), so the
// header is named at its own line, with the names expected. It returns nil
// when every header is known.
func unknownTable(data []byte, name string, t reflect.Type) *InputError {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	known := map[string]string{} // name -> how it is written, "[[actor]]"
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			known[tag] = "[[" + tag + "]]"
		case ft.Kind() == reflect.Struct, ft.Kind() == reflect.Map:
			known[tag] = "[" + tag + "]"
		}
	}
	for i, line := range strings.Split(string(data), "\n") {
		m := tableHeader.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if _, ok := known[m[2]]; ok {
			continue
		}
		names := make([]string, 0, len(known))
		for _, w := range known {
			names = append(names, w)
		}
		slices.Sort(names)
		close := m[1][:1] + "]"
		if m[1] == "[[" {
			close = "]]"
		}
		written := m[1] + m[2] + close
		if best := closest(m[2], known); best != "" {
			return fileErr(name, i+1, "", "unknown table %s: did you mean %s? (the tables of this file: %s)", written, best, strings.Join(names, ", "))
		}
		return fileErr(name, i+1, "", "unknown table %s (the tables of this file: %s)", written, strings.Join(names, ", "))
	}
	return nil
}

// closest returns how the known name nearest to s is written, when it is
// at most two edits away, or "".
func closest(s string, known map[string]string) string {
	best, bestD := "", 3
	for k, w := range known {
		if d := editDistance(s, k); d < bestD || (d == bestD && w < best) {
			best, bestD = w, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

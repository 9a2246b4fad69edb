package valuechain

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/ilo-rma/vcsim/lang"
)

// InputError is a problem with a file: its syntax, a value of the wrong
// type or a key that vcsim does not know.
type InputError struct {
	File   string
	Line   int    // 0 when unknown
	Where  string // the table: `actor "farm"`, `link 3`; empty at the top
	Column string // the CSV column the message is about, when Msg does not name it
	Cell   string // the workbook cell ("Links!D7"), for files read from xlsx
	Msg    string

	format string // Msg's format and arguments, for In
	args   []any
	// syntax is the TOML reader's own message, when Msg is one, and comma
	// whether Msg adds the hint about decimal commas: In translates them.
	syntax string
	comma  bool
}

// fileErr returns the InputError of file at line (0: unknown) and CSV
// column ("" for none) whose message format makes of args.
func fileErr(file string, line int, column, format string, args ...any) *InputError {
	return &InputError{File: file, Line: line, Column: column, Msg: fmt.Sprintf(format, args...), format: format, args: args}
}

func (e *InputError) Error() string { return e.In("en") }

// In returns the error in the language lang ("ru" or English).
func (e *InputError) In(l lang.Lang) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Cell != "" {
		b.WriteString(": " + e.Cell)
	} else if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Where != "" {
		b.WriteString(": " + place(e.Where, l))
	}
	if e.Column != "" {
		word := "column"
		if l == "ru" {
			word = "столбец"
		}
		fmt.Fprintf(&b, ": %s %q", word, e.Column)
	}
	b.WriteString(": ")
	if e.syntax != "" && l == "ru" {
		b.WriteString(syntaxRU(e.syntax))
		if e.comma {
			b.WriteString(ruCommaHint)
		}
		return b.String()
	}
	b.WriteString(message(e.Msg, e.format, e.args, l))
	return b.String()
}

// InputErrors is a list of input errors found in one file.
type InputErrors []*InputError

func (es InputErrors) Error() string { return es.In("en") }

// In returns the errors in the language lang, one a line.
func (es InputErrors) In(l lang.Lang) string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.In(l)
	}
	return strings.Join(msgs, "\n")
}

// typeErrors reports whether the list holds more than unknown keys.
func (es InputErrors) typeErrors() bool {
	for _, e := range es {
		if !strings.HasPrefix(e.Msg, "unknown key") {
			return true
		}
	}
	return false
}

// Load reads a chain from a TOML file, as Parse does. It does not validate the chain.
func Load(path string) (*Chain, error) {
	data, err := ReadInput(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse reads a chain from TOML text; name is used in error messages.
// Unknown keys are errors (InputErrors) that give their line; with them
// Parse still returns the chain it read, so that it can be validated too
// and every problem reported at once.
func Parse(data []byte, name string) (*Chain, error) {
	var c Chain
	meta, err := DecodeStrict(data, name, "docs/chain-format.md", &c)
	var unknown InputErrors
	if err != nil && (!errors.As(err, &unknown) || unknown.typeErrors()) {
		return nil, err
	}
	c.pos = meta.Positions
	c.Uncertain = meta.Uncertain
	c.index = &actorIndex{}
	return &c, err
}

// DecodeStrict decodes TOML text into v (a pointer to a struct) and
// reports syntax errors, values of the wrong type and every unknown key,
// each with the file name, its line and the table it is in. Other
// packages reading TOML files (scenarios) use it too; doc names the
// document that lists the keys. It returns the
// positions of the file's keys, for later messages (see Positions).
//
// Unknown keys do not stop decoding: v is filled and the errors
// (InputErrors) returned with it. Syntax and type errors leave v unfilled.
func DecodeStrict(data []byte, name, doc string, v any) (Meta, error) {
	pos, unc, err := decodeStrict(data, name, doc, v)
	return Meta{Positions: pos, Uncertain: unc}, err
}

// Meta is what DecodeStrict learns of a file besides its values: the line
// of every key, and the numbers given as distributions (the values decoded
// hold their central values, see Distribution.Central).
type Meta struct {
	Positions Positions
	Uncertain []Uncertain
}

func decodeStrict(data []byte, name, doc string, v any) (Positions, []Uncertain, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	pos, err := Locate(data)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.File = name
			return nil, nil, ie
		}
		return nil, nil, &InputError{File: name, Msg: err.Error()}
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		if ue := unknownTable(data, name, reflect.TypeOf(v)); ue != nil {
			return pos, nil, ue
		}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			hint := decimalCommaHint(data, pe.Position.Line)
			return pos, nil, &InputError{File: name, Line: pe.Position.Line, Msg: pe.Message + hint, syntax: pe.Message, comma: hint != ""}
		}
		return pos, nil, &InputError{File: name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	w := &walker{file: name, doc: doc, pos: pos}
	w.walk(raw, reflect.TypeOf(v).Elem(), "", "")
	if len(w.types) > 0 {
		return pos, nil, append(w.types, w.unknown...)
	}
	text := data
	if len(w.uncertain) > 0 {
		// Numbers given as distributions now hold their central values in
		// raw: decode from it.
		var b bytes.Buffer
		if err := toml.NewEncoder(&b).Encode(raw); err != nil {
			return pos, nil, &InputError{File: name, Msg: err.Error()}
		}
		text = b.Bytes()
	}
	if _, err := toml.NewDecoder(bytes.NewReader(text)).Decode(v); err != nil {
		// The walk accepts only what the decoder can take: this is a bug.
		return pos, nil, &InputError{File: name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	if len(w.unknown) > 0 {
		return pos, w.uncertain, w.unknown
	}
	return pos, w.uncertain, nil
}

// decimalCommaHint explains a syntax error on a line with a decimal comma.
func decimalCommaHint(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	if decimalComma.Match(lines[line-1]) {
		return " (numbers take a decimal point, not a comma: write 0.85, not 0,85)"
	}
	return ""
}

var decimalComma = regexp.MustCompile(`=\s*-?\d+,\d`)

// walker checks decoded TOML values against the Go type they will fill.
type walker struct {
	file, doc      string
	pos            Positions
	types, unknown InputErrors
	uncertain      []Uncertain
}

// distribution reports whether x is a distribution table in place of a
// number at path; if so it records it and returns its central value.
func (w *walker) distribution(x any, path, where string) (float64, bool) {
	if x == "guide" {
		// The guide's default and range: the reader of the file (package
		// scenarios) fills the distribution in.
		w.uncertain = append(w.uncertain, Uncertain{Path: path, Line: w.pos.Line(path), Distribution: Distribution{Dist: "guide"}})
		return 0, true
	}
	m, ok := x.(map[string]any)
	if !ok {
		return 0, false
	}
	if _, ok := m["dist"]; !ok {
		return 0, false
	}
	d, bad := parseDistribution(m)
	for _, p := range bad {
		w.errorf(&w.types, path, where, "%s: "+p.format, append([]any{fieldName(path)}, p.args...)...)
	}
	if len(bad) > 0 {
		return 0, true
	}
	w.uncertain = append(w.uncertain, Uncertain{Path: path, Line: w.pos.Line(path), Distribution: d})
	return d.Central(), true
}

// isNumber reports whether t (after pointers) is a float.
func isNumber(t reflect.Type) bool {
	k := deref(t).Kind()
	return k == reflect.Float64 || k == reflect.Float32
}

func (w *walker) errorf(list *InputErrors, path, where, format string, args ...any) {
	*list = append(*list, &InputError{File: w.file, Line: w.pos.Line(path), Where: where, Msg: fmt.Sprintf(format, args...), format: format, args: args})
}

// walk checks value x at path (label where) against type t.
func (w *walker) walk(x any, t reflect.Type, path, where string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	field := fieldName(path)
	switch t.Kind() {
	case reflect.Struct:
		m, ok := x.(map[string]any)
		if !ok {
			w.errorf(&w.types, path, where, "%s must be a table, got %s", field, Describe(x))
			return
		}
		fields := tomlFields(t)
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			f, ok := fields[k]
			p := join(path, k)
			if !ok {
				w.errorf(&w.unknown, p, where, "unknown key %q (check its spelling; %s lists the keys)", k, w.doc)
				continue
			}
			wh := where
			if ft := deref(f); (ft.Kind() == reflect.Struct || ft.Kind() == reflect.Map) && where != "" {
				wh = join2(where, k)
			}
			if isNumber(f) {
				if c, ok := w.distribution(m[k], p, wh); ok {
					m[k] = c
					continue
				}
			}
			w.walk(m[k], f, p, wh)
		}
	case reflect.Map:
		m, ok := x.(map[string]any)
		if !ok {
			w.errorf(&w.types, path, where, "%s must be a table, got %s", field, Describe(x))
			return
		}
		for k, v := range m {
			if isNumber(t.Elem()) {
				if c, ok := w.distribution(v, join(path, k), where); ok {
					m[k] = c
					continue
				}
			}
			w.walk(v, t.Elem(), join(path, k), where)
		}
	case reflect.Slice, reflect.Array:
		var items []any
		switch v := x.(type) {
		case []any:
			items = v
		case []map[string]any:
			for _, e := range v {
				items = append(items, e)
			}
		default:
			w.errorf(&w.types, path, where, "%s must be a list, got %s", field, Describe(x))
			return
		}
		if t.Kind() == reflect.Array && len(items) != t.Len() {
			w.errorf(&w.types, path, where, "%s must be a list of %d values (one per age band 5-11, 12-14, 15-17), got %d", field, t.Len(), len(items))
			return
		}
		for i, e := range items {
			p := join(path, strconv.Itoa(i))
			wh := where
			if isNumber(t.Elem()) {
				if c, ok := w.distribution(e, p, wh); ok {
					items[i] = c
					continue
				}
			}
			if m, ok := e.(map[string]any); ok {
				wh = join2(where, label(field, i, m))
			}
			w.walk(e, t.Elem(), p, wh)
		}
	case reflect.Float64, reflect.Float32:
		switch v := x.(type) {
		case float64:
		case int64:
			if math.Abs(float64(v)) > 1<<53 {
				w.errorf(&w.types, path, where, "%s: %d is too large", field, v)
			}
		default:
			w.errorf(&w.types, path, where, "%s must be a number, got %s", field, Describe(x))
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		switch v := x.(type) {
		case int64:
			if v < math.MinInt32 || v > math.MaxInt32 {
				w.errorf(&w.types, path, where, "%s: %d is out of range", field, v)
			}
		case float64:
			w.errorf(&w.types, path, where, "%s must be a whole number, got %v", field, v)
		default:
			w.errorf(&w.types, path, where, "%s must be a whole number, got %s", field, Describe(x))
		}
	case reflect.Uint, reflect.Uint64:
		if v, ok := x.(int64); !ok || v < 0 {
			w.errorf(&w.types, path, where, "%s must be a whole number not below 0, got %s", field, Describe(x))
		}
	case reflect.String:
		if _, ok := x.(string); !ok {
			w.errorf(&w.types, path, where, "%s must be text in quotes, got %s", field, Describe(x))
		}
	case reflect.Bool:
		if _, ok := x.(bool); !ok {
			w.errorf(&w.types, path, where, "%s must be true or false, got %s", field, Describe(x))
		}
	}
}

// fieldName names the key at path for messages: "count", or "beta[2]"
// for the second element of beta.
func fieldName(path string) string {
	parts := strings.Split(path, ".")
	last := parts[len(parts)-1]
	if n, err := strconv.Atoi(last); err == nil && len(parts) > 1 {
		return fmt.Sprintf("%s[%d]", parts[len(parts)-2], n+1)
	}
	return last
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// join2 joins two labels of a message: `actor "farm": household`.
func join2(where, key string) string {
	if where == "" {
		return key
	}
	return where + ": " + key
}

// label names the i-th table of an array for messages: `actor "farm"`,
// `link 3`.
func label(key string, i int, m map[string]any) string {
	for _, k := range []string{"id", "name"} {
		if s, ok := m[k].(string); ok && s != "" {
			return fmt.Sprintf("%s %q", key, s)
		}
	}
	return fmt.Sprintf("%s %d", key, i+1)
}

// Describe says what a decoded TOML or JSON value is, for messages: "the
// text \"abc\"", "the number 4", "true", "a table", "a list".
func Describe(x any) string {
	switch v := x.(type) {
	case string:
		if len(v) > 40 {
			v = v[:40] + "..."
		}
		return fmt.Sprintf("the text %q", v)
	case bool:
		return fmt.Sprintf("%v", v)
	case int64:
		return fmt.Sprintf("the number %d", v)
	case float64:
		return fmt.Sprintf("the number %v", v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	}
	return fmt.Sprintf("%T", x)
}

var fieldCache sync.Map // reflect.Type -> map[string]reflect.Type

// tomlFields returns the TOML keys of a struct type and their types.
func tomlFields(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	f := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f[name] = sf.Type
	}
	fieldCache.Store(t, f)
	return f
}

// readErr says why path cannot be read.
func readErr(path string, err error) *InputError {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileErr(path, 0, "", "does not exist (check the name and the folder)")
	case errors.Is(err, fs.ErrPermission):
		return fileErr(path, 0, "", "cannot be read: permission denied")
	}
	return fileErr(path, 0, "", "cannot read: %v", unwrapPath(err))
}

// ReadInput reads an input file of at most MaxFileSize bytes.
func ReadInput(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readErr(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fileErr(path, 0, "", "is a folder, not a file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, readErr(path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fileErr(path, 0, "", "the file is larger than %d MiB, the most vcsim reads", MaxFileSize>>20)
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

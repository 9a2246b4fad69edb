package valuechain

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/ilo-rma/vcsim/lang"
)

// EditError is a value SetValue refuses: it would not be TOML, or not of
// the kind the key holds. It says itself in English and Russian.
type EditError struct {
	Path string
	en   string
	ru   string
}

func (e *EditError) Error() string { return e.In("en") }

// In returns the error in the language lang ("ru" or English).
func (e *EditError) In(l lang.Lang) string {
	if l == "ru" {
		return e.Path + ": " + e.ru
	}
	return e.Path + ": " + e.en
}

// SetValue returns a copy of the TOML text data in which the key at path
// (see Positions: "actor.0.household.alpha") has the value value, written
// as TOML (a number, a boolean, a quoted string as Quote writes it, an
// array or an inline table). Everything else, comments and the order of
// keys included, is kept byte for byte: an existing value is replaced
// over its span as the scanner reads it (Spans), however it is written
// (spaces, commas, quotes, '#' inside strings); a missing key is added on
// the line after its table's [header]. A table written inline or as
// dotted keys that holds no such key is an error.
//
// The text returned always parses: a value that would break the file, or
// that changes the kind of value the key holds (text, number, boolean,
// list, table), is refused with an *EditError.
func SetValue(data []byte, path, value string) ([]byte, error) {
	if _, err := toml.Decode(string(data), new(map[string]any)); err != nil {
		return nil, fmt.Errorf("the text does not parse before the change: %w", err)
	}
	nv, err := parseValue(value)
	if err != nil {
		return nil, &EditError{Path: path, en: "not a TOML value: " + value, ru: "это не значение TOML: " + value}
	}
	spans, err := Spans(data)
	if err != nil {
		return nil, err
	}
	var out []byte
	if sp, ok := spans[path]; ok {
		old, err := parseValue(string(data[sp.Start:sp.End]))
		// A number may become a distribution (an inline table) and back.
		numberOrTable := func(k string) bool { return k == "number" || k == "table" }
		if err == nil && kind(old) != kind(nv) && !(numberOrTable(kind(old)) && numberOrTable(kind(nv))) {
			return nil, kindError(path, kind(old))
		}
		out = make([]byte, 0, len(data)+len(value))
		out = append(append(append(out, data[:sp.Start]...), value...), data[sp.End:]...)
	} else if out, err = addKey(data, path, value); err != nil {
		return nil, err
	}
	if _, err := toml.Decode(string(out), new(map[string]any)); err != nil {
		return nil, &EditError{Path: path, en: "the value would break the file: " + err.Error(), ru: "значение испортило бы файл: " + err.Error()}
	}
	return out, nil
}

// addKey adds key = value on the line after the [header] of path's table.
func addKey(data []byte, path, value string) ([]byte, error) {
	pos, err := Locate(data)
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	table, key := path, path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		table, key = path[:i], path[i+1:]
	}
	l, ok := pos[table]
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(lines[l-1]), []byte("[")) {
		return nil, fmt.Errorf("cannot add %s: the file has no [%s] table header to add it under", key, strings.Trim(table, ".0123456789"))
	}
	header := lines[l-1]
	indent := header[:len(header)-len(bytes.TrimLeft(header, " \t"))]
	add := string(indent) + key + " = " + value + "\n"
	if !bytes.HasSuffix(header, []byte("\n")) {
		add = "\n" + add
	}
	out := make([][]byte, 0, len(lines)+1)
	out = append(out, lines[:l]...)
	out = append(out, []byte(add))
	out = append(out, lines[l:]...)
	return bytes.Join(out, nil), nil
}

// parseValue decodes one TOML value written as text.
func parseValue(text string) (any, error) {
	var m map[string]any
	if strings.ContainsAny(text, "\n\r") && !strings.HasPrefix(strings.TrimSpace(text), `"""`) && !strings.HasPrefix(strings.TrimSpace(text), `'''`) &&
		!strings.HasPrefix(strings.TrimSpace(text), "[") {
		return nil, fmt.Errorf("a value on several lines")
	}
	if _, err := toml.Decode("v = "+text, &m); err != nil {
		return nil, err
	}
	v, ok := m["v"]
	if !ok || len(m) != 1 {
		return nil, fmt.Errorf("not one value")
	}
	return v, nil
}

// kind names the kind of a decoded TOML value: text, number, boolean,
// list, table or date.
func kind(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64, float64:
		return "number"
	case bool:
		return "boolean"
	case []any, []map[string]any:
		return "list"
	case map[string]any:
		return "table"
	}
	return "date"
}

// kindError is the refusal of a value of another kind than the key's.
func kindError(path, want string) *EditError {
	ru := map[string]string{"text": "текст", "number": "число", "boolean": "true или false", "list": "список", "table": "таблица", "date": "дата"}
	en := map[string]string{"text": "a text", "number": "a number", "boolean": "true or false", "list": "a list", "table": "a table", "date": "a date"}
	return &EditError{Path: path, en: "must be " + en[want], ru: "здесь должно быть: " + ru[want]}
}

// Quote returns s as a TOML basic string: in double quotes, with
// backslashes, quotes and control characters escaped, everything else
// (Cyrillic, '#', commas) as it is.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// KeyValue is a key and its value written as TOML (see SetValue).
type KeyValue struct {
	Key, Value string
}

// headerPath reads the table path of a [header] or [[header]] line, or
// "" when the line is not one.
func headerPath(line []byte) (path string, array bool) {
	s := strings.TrimSpace(string(line))
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if strings.HasPrefix(s, "[[") && strings.HasSuffix(s, "]]") {
		return strings.TrimSpace(s[2 : len(s)-2]), true
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		return strings.TrimSpace(s[1 : len(s)-1]), false
	}
	return "", false
}

// section returns the lines [from, to) (from 0) of the table whose header
// is on line from: up to the next header that is not one of its own
// sub-tables (for an [[actor]], its [actor.household] and [[actor.task]]
// belong to it), without the blank and comment lines just before that
// header (they introduce the next table).
func section(lines [][]byte, from int) int {
	own, _ := headerPath(lines[from])
	to := len(lines)
	for i := from + 1; i < len(lines); i++ {
		p, _ := headerPath(lines[i])
		if p != "" && !strings.HasPrefix(p, own+".") {
			to = i
			break
		}
	}
	if to == len(lines) {
		return to
	}
	for to > from+1 {
		s := bytes.TrimSpace(lines[to-1])
		if len(s) > 0 && s[0] != '#' {
			break
		}
		to--
	}
	return to
}

// AddTable adds an element to an array of tables of a TOML text, with its
// keys and values in order: "actor" and "link" at the end of the text;
// "actor.2.task" or "actor.2.product" at the end of actor 2's section
// (indented as the blank template writes sub-tables). The text returned
// parses, or the error says why not.
func AddTable(data []byte, array string, kvs []KeyValue) ([]byte, error) {
	if _, err := toml.Decode(string(data), new(map[string]any)); err != nil {
		return nil, fmt.Errorf("the text does not parse before the change: %w", err)
	}
	parts := strings.Split(array, ".")
	var b strings.Builder
	indent := ""
	switch {
	case len(parts) == 1 && (array == "actor" || array == "link"):
	case len(parts) == 3 && parts[0] == "actor" && (parts[2] == "task" || parts[2] == "product"):
		indent = "  "
	default:
		return nil, fmt.Errorf("cannot add a table to %q: only actor, link, actor.N.task and actor.N.product", array)
	}
	b.WriteString(indent + "[[" + parts[0])
	if len(parts) == 3 {
		b.WriteString("." + parts[2])
	}
	b.WriteString("]]\n")
	for _, kv := range kvs {
		if _, err := parseValue(kv.Value); err != nil || strings.ContainsAny(kv.Key, " \t\n=.[]\"'#") || kv.Key == "" {
			return nil, &EditError{Path: array + "." + kv.Key, en: "not a TOML value: " + kv.Value, ru: "это не значение TOML: " + kv.Value}
		}
		b.WriteString(indent + kv.Key + " = " + kv.Value + "\n")
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	if n := len(lines); n > 0 && !bytes.HasSuffix(lines[n-1], []byte("\n")) {
		lines[n-1] = append(append([]byte{}, lines[n-1]...), '\n')
	}
	at := len(lines)
	if len(parts) == 3 {
		pos, err := Locate(data)
		if err != nil {
			return nil, err
		}
		l, ok := pos[parts[0]+"."+parts[1]]
		if !ok {
			return nil, fmt.Errorf("the text has no %s", parts[0]+" "+parts[1])
		}
		if p, arr := headerPath(lines[l-1]); p != "actor" || !arr {
			return nil, fmt.Errorf("actor %s is not written as an [[actor]] table", parts[1])
		}
		at = section(lines, l-1)
	}
	add := []byte("\n" + b.String())
	out := make([][]byte, 0, len(lines)+1)
	out = append(out, lines[:at]...)
	out = append(out, add)
	out = append(out, lines[at:]...)
	res := bytes.Join(out, nil)
	if _, err := toml.Decode(string(res), new(map[string]any)); err != nil {
		return nil, fmt.Errorf("the new table would break the file: %w", err)
	}
	return res, nil
}

// RemoveTable removes an element of an array of tables ("actor.3",
// "link.0", "actor.1.task.2") with its sub-tables; comments inside it go
// with it, the rest of the text is kept byte for byte.
func RemoveTable(data []byte, path string) ([]byte, error) {
	pos, err := Locate(data)
	if err != nil {
		return nil, err
	}
	l, ok := pos[path]
	lines := bytes.SplitAfter(data, []byte("\n"))
	if !ok || l < 1 || l > len(lines) {
		return nil, fmt.Errorf("the text has no %s", path)
	}
	if _, arr := headerPath(lines[l-1]); !arr {
		return nil, fmt.Errorf("%s is not written as a [[table]] of its own", path)
	}
	to := section(lines, l-1)
	from := l - 1
	// A blank line before the table goes with it.
	if from > 0 && len(bytes.TrimSpace(lines[from-1])) == 0 {
		from--
	}
	out := bytes.Join(append(append([][]byte{}, lines[:from]...), lines[to:]...), nil)
	if _, err := toml.Decode(string(out), new(map[string]any)); err != nil {
		return nil, fmt.Errorf("removing %s would break the file: %w", path, err)
	}
	return out, nil
}

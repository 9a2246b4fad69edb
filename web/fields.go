package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Field is one value of a chain file for the page's tables: its key path
// ("actor.0.price"), its key, its value as the file writes it, its line and
// whether it is text.
type Field struct {
	Path  string `json:"path"`
	Key   string `json:"key"`
	Value string `json:"value"`
	Line  int    `json:"line"`
	Text  bool   `json:"text"`
}

// FieldGroup is the fields of the chain itself, of one actor or of one
// link, in the order of the file.
type FieldGroup struct {
	Title  string  `json:"title"`
	Fields []Field `json:"fields"`
}

// Fields lists the values of a chain file by group: the chain's own keys,
// then each actor's (with its products, tasks and household composition
// as dotted keys), then each link's. Lists of numbers and inline tables
// are left to the text editor.
func Fields(data []byte) ([]FieldGroup, error) {
	pos, err := valuechain.Locate(data)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		return nil, err
	}
	groups := map[string]*FieldGroup{}
	var order []string
	group := func(key, title string) *FieldGroup {
		g, ok := groups[key]
		if !ok {
			g = &FieldGroup{Title: title}
			groups[key] = g
			order = append(order, key)
		}
		return g
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(join(prefix, k), e)
			}
		case []map[string]any:
			for i, e := range x {
				walk(join(prefix, strconv.Itoa(i)), e)
			}
		case string, int64, float64, bool:
			key, title := "chain", "chain"
			parts := strings.Split(prefix, ".")
			if len(parts) >= 3 && (parts[0] == "actor" || parts[0] == "link") {
				key = parts[0] + "." + parts[1]
				title = groupTitle(m, parts[0], parts[1])
				parts = parts[2:]
			}
			g := group(key, title)
			s, isText := x.(string)
			if !isText {
				s = fmt.Sprint(x)
			}
			g.Fields = append(g.Fields, Field{Path: prefix, Key: strings.Join(parts, "."), Value: s, Line: pos.Line(prefix), Text: isText})
		}
	}
	walk("", m)
	out := make([]FieldGroup, 0, len(order))
	for _, k := range order {
		g := groups[k]
		sort.SliceStable(g.Fields, func(i, j int) bool { return g.Fields[i].Line < g.Fields[j].Line })
		out = append(out, *g)
	}
	line := func(g FieldGroup) int {
		if len(g.Fields) == 0 {
			return 0
		}
		return g.Fields[0].Line
	}
	sort.SliceStable(out, func(i, j int) bool { return line(out[i]) < line(out[j]) })
	return out, nil
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// groupTitle names actor or link i: the actor's id, or "from -> to".
func groupTitle(m map[string]any, kind, i string) string {
	n, _ := strconv.Atoi(i)
	list, _ := m[kind].([]map[string]any)
	if n >= len(list) {
		return kind + " " + i
	}
	if kind == "actor" {
		return fmt.Sprint(list[n]["id"])
	}
	return fmt.Sprintf("%v -> %v", list[n]["from"], list[n]["to"])
}

func (s *Server) fields(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	gs, err := Fields(data)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, gs)
}

// setRequest is the body of /api/set: a chain's text, a key path and the
// new value as typed (text values are quoted by the server).
type setRequest struct {
	Chain string `json:"chain"`
	Path  string `json:"path"`
	Value string `json:"value"`
}

// set changes one value of a chain's text, keeping its comments and the
// order of its keys (valuechain.SetValue), and answers the new text. A
// value of a text key is written as TOML text; any other as typed, so a
// number stays a number and a mistake is caught by the checks that follow.
func (s *Server) set(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	var req setRequest
	if err := json.Unmarshal(data, &req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be JSON with chain, path and value: %v", err))
		return
	}
	gs, err := Fields([]byte(req.Chain))
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	var f *Field
	for gi := range gs {
		for fi := range gs[gi].Fields {
			if gs[gi].Fields[fi].Path == req.Path {
				f = &gs[gi].Fields[fi]
			}
		}
	}
	if f == nil {
		writeError(w, http.StatusBadRequest, errors.New("the chain has no key "+strconv.Quote(req.Path)))
		return
	}
	value := strings.TrimSpace(req.Value)
	if f.Text {
		value = valuechain.Quote(req.Value)
	} else if value == "" {
		writeError(w, http.StatusBadRequest, fmt.Errorf("%s: give a value", req.Path))
		return
	} else if _, err := strconv.ParseFloat(f.Value, 64); err == nil {
		// A number's field takes a number as people type it.
		x, ok := typedNumber(value, pageLang(r))
		if !ok {
			writeError(w, http.StatusBadRequest, notNumber(req.Path, req.Value, pageLang(r)))
			return
		}
		value = x
	} else if f.Value == "true" || f.Value == "false" {
		if value != "true" && value != "false" {
			writeError(w, http.StatusBadRequest, notBool(req.Path, req.Value, pageLang(r)))
			return
		}
	}
	out, err := valuechain.SetValue([]byte(req.Chain), req.Path, value)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"chain": string(out)})
}

// tableRequest is the body of /api/table: a chain's text, "add" or
// "remove", the array to add to ("actor", "link", "actor.2.task",
// "actor.2.product") or the table to remove ("link.3"), and the new
// table's values as typed (text values are quoted by the server).
type tableRequest struct {
	Chain  string `json:"chain"`
	Op     string `json:"op"`
	Path   string `json:"path"`
	Values []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
		Text  bool   `json:"text"`
	} `json:"values"`
}

// table adds or removes an actor, a link, a task or a product in a
// chain's text (valuechain.AddTable, RemoveTable) and answers the new
// text; the page then checks and runs it.
func (s *Server) table(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	var req tableRequest
	if err := json.Unmarshal(data, &req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be JSON with chain, op, path and values: %v", err))
		return
	}
	var out []byte
	var err error
	switch req.Op {
	case "add":
		var kvs []valuechain.KeyValue
		for _, v := range req.Values {
			value := strings.TrimSpace(v.Value)
			if v.Text {
				value = valuechain.Quote(v.Value)
			} else if value == "" {
				continue // left for the tables, or for the checks to ask for
			}
			kvs = append(kvs, valuechain.KeyValue{Key: v.Key, Value: value})
		}
		out, err = valuechain.AddTable([]byte(req.Chain), req.Path, kvs)
	case "remove":
		out, err = valuechain.RemoveTable([]byte(req.Chain), req.Path)
	default:
		err = fmt.Errorf("op must be add or remove, got %q", req.Op)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"chain": string(out)})
}

// typedNumber reads a number as a person types it into the page's table
// and returns it as TOML writes it: spaces, no-break spaces and thin
// spaces between digits are thousands separators ("1 000", as the page
// itself writes numbers in Russian); on the Russian page a comma is the
// decimal mark ("1,5"); on the English page a comma separates thousands
// when it is followed by groups of three digits ("1,000.5"), else it is a
// decimal mark too. ok is false for anything else ("150 сом").
func typedNumber(s string, l lang.Lang) (string, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'':
			return -1
		case '\u2212': // the minus sign
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	if l != lang.RU && thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	} else if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "_xXoObBpP") {
		return "", false
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return strings.ToLower(s), true // TOML's nan and inf: the checks that follow refuse them at their key
	case math.Abs(x) < 1e15:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return strconv.FormatFloat(x, 'g', -1, 64), true
}

// thousands is a number whose commas separate groups of three digits.
var thousands = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$`)

// notNumber says, in the page's language, that a number's field got
// something else, and what to type.
func notNumber(path, typed string, l lang.Lang) error {
	if l == lang.RU {
		return fmt.Errorf("%s: «%s» — не число; введите только число, без единиц измерения, например 1,5 или 1 000", path, typed)
	}
	return fmt.Errorf("%s: %q is not a number; type the number alone, without a unit, such as 1.5 or 1,000", path, typed)
}

// notBool says that a yes-or-no field got something else.
func notBool(path, typed string, l lang.Lang) error {
	if l == lang.RU {
		return fmt.Errorf("%s: «%s» — здесь нужно true (да) или false (нет)", path, typed)
	}
	return fmt.Errorf("%s: %q: type true (yes) or false (no)", path, typed)
}

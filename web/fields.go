package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

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

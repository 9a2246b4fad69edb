package valuechain

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// tricky are texts that broke the old line pattern of SetValue: spaces,
// commas, quotes, Cyrillic, '#', backslashes, brackets and braces.
var tricky = []string{
	"Абрикос, Баткен",
	"Фермеры",
	`say "hi", then # not a comment`,
	`C:\path\to, {x} [y]`,
	"tab\there = and, more",
	"",
}

func decodeMap(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatalf("does not parse: %v\n%s", err, data)
	}
	return m
}

// setPath sets the value at path (Positions' names) in a decoded TOML
// document.
func setPath(t *testing.T, doc any, path string, v any) {
	t.Helper()
	parts := strings.Split(path, ".")
	for i, p := range parts {
		last := i == len(parts)-1
		switch x := doc.(type) {
		case map[string]any:
			if last {
				x[p] = v
				return
			}
			doc = x[p]
		case []map[string]any:
			n, _ := strconv.Atoi(p)
			if last {
				x[n] = v.(map[string]any)
				return
			}
			doc = x[n]
		case []any:
			n, _ := strconv.Atoi(p)
			if last {
				x[n] = v
				return
			}
			doc = x[n]
		default:
			t.Fatalf("%s: no container at %q", path, p)
		}
	}
}

// TestSetValueRoundTrip edits every value of every example file (chains
// and scenario files): writing a value's own text back gives the file
// byte for byte; a new value of the same kind (texts with spaces, commas,
// quotes, Cyrillic and '#'; numbers; booleans; lists; inline tables)
// changes that value and nothing else, as the decoder reads the result;
// a value of another kind, or text that is not TOML, is refused.
func TestSetValueRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	if len(files) < 5 {
		t.Fatalf("found %d example files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		spans, err := Spans(data)
		if err != nil {
			t.Fatal(err)
		}
		paths := make([]string, 0, len(spans))
		for p := range spans {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		kinds := map[string]int{}
		for i, p := range paths {
			sp := spans[p]
			own := string(data[sp.Start:sp.End])
			out, err := SetValue(data, p, own)
			if err != nil || !bytes.Equal(out, data) {
				t.Fatalf("%s %s: writing the value %q back changed the file (err %v)", f, p, own, err)
			}
			old, err := parseValue(own)
			if err != nil {
				t.Fatalf("%s %s: span %q is not a value: %v", f, p, own, err)
			}
			k := kind(old)
			kinds[k]++
			var news []string
			var wants []any
			switch k {
			case "text":
				ss := []string{tricky[i%len(tricky)]}
				if kinds[k] <= 3 {
					ss = tricky
				}
				for _, s := range ss {
					news, wants = append(news, Quote(s)), append(wants, s)
				}
			case "number":
				news, wants = append(news, "12345.5", "-7"), append(wants, 12345.5, int64(-7))
			case "boolean":
				news, wants = append(news, strconv.FormatBool(!old.(bool))), append(wants, !old.(bool))
			case "list":
				news, wants = append(news, `["а, б", "#x", 3]`), append(wants, []any{"а, б", "#x", int64(3)})
			case "table":
				news, wants = append(news, `{ a = "x, y # z", b = 2 }`), append(wants, map[string]any{"a": "x, y # z", "b": int64(2)})
			}
			for j, nv := range news {
				out, err := SetValue(data, p, nv)
				if err != nil {
					t.Fatalf("%s %s = %s: %v", f, p, nv, err)
				}
				want := decodeMap(t, data)
				setPath(t, want, p, wants[j])
				if got := decodeMap(t, out); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %s = %s: the file reads otherwise than with that one value changed", f, p, nv)
				}
			}
			// Another kind, or no TOML value at all, is refused.
			bad := map[string]string{"text": "12", "number": `"12"`, "boolean": "1", "list": "1", "table": `"x"`}[k]
			for _, b := range []string{bad, "abc", `"unclosed`, "1 2", "x = 1"} {
				if b == "" {
					continue
				}
				if _, err := SetValue(data, p, b); err == nil {
					t.Errorf("%s %s: %s was accepted", f, p, b)
				}
			}
		}
		for _, k := range []string{"text", "number"} {
			if kinds[k] == 0 {
				t.Errorf("%s: no %s value seen", f, k)
			}
		}
		t.Logf("%s: %d values edited (%v)", filepath.Base(f), len(paths), kinds)
	}
}

// TestSetValueIssue20 is the issue's case: renaming the chain to
// «Абрикос, Баткен» and the farm to «Фермеры».
func TestSetValueIssue20(t *testing.T) {
	data := []byte("name = \"Apricot value chain\"  # the chain\n[[actor]]\nid = \"farm\"\nname = \"Farm households\"\ncount = 1_000\n")
	out, err := SetValue(data, "name", Quote("Абрикос, Баткен"))
	if err != nil {
		t.Fatal(err)
	}
	out, err = SetValue(out, "actor.0.name", Quote("Фермеры"))
	if err != nil {
		t.Fatal(err)
	}
	want := "name = \"Абрикос, Баткен\"  # the chain\n[[actor]]\nid = \"farm\"\nname = \"Фермеры\"\ncount = 1_000\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := SetValue(data, "actor.0.count", "abc"); err == nil || !strings.Contains((err.(*EditError)).In("ru"), "не значение TOML") {
		t.Errorf("abc for a count: %v", err)
	}
	if _, err := SetValue(data, "actor.0.count", `"5"`); err == nil || (err.(*EditError)).In("ru") != "actor.0.count: здесь должно быть: число" {
		t.Errorf("text for a count: %v", err)
	}
}

// TestKeyParts: a key or table name of more than MaxKeyParts parts is
// refused by the scanner before the decoder sees it.
func TestKeyParts(t *testing.T) {
	long := strings.Repeat("a.", 20000) + "b = 1\n"
	if _, err := Locate([]byte(long)); err == nil || !strings.Contains(err.Error(), "more than 16 parts") {
		t.Errorf("key: %v", err)
	}
	if _, err := Locate([]byte("[" + strings.Repeat("a.", 20) + "b]\n")); err == nil {
		t.Error("table name accepted")
	}
	if _, err := Locate([]byte("a.b.c.d = 1\n")); err != nil {
		t.Error(err)
	}
}

// TestAddRemoveTables builds farm -> trader -> processor from the blank
// template's text with AddTable (an actor, a link, a task, a product),
// then removes a task and a link with RemoveTable; the chain read after
// each step has what was added or removed and nothing else changed.
func TestAddRemoveTables(t *testing.T) {
	data, err := os.ReadFile("../examples/tobacco-kyrgyzstan.toml")
	if err != nil {
		t.Fatal(err)
	}
	count := func(data []byte) (actors, links, tasks0, products2 int) {
		var c Chain
		if _, err := toml.Decode(string(data), &c); err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if len(c.Actors) > 2 {
			products2 = len(c.Actors[2].Products)
		}
		return len(c.Actors), len(c.Links), len(c.Actors[0].Tasks), products2
	}
	a0, l0, t0, _ := count(data)
	out, err := AddTable(data, "actor", []KeyValue{{"id", Quote("processor")}, {"name", Quote("Переработчики, «Баткен»")}, {"kind", Quote("enterprise")}, {"count", "5"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, data) {
		t.Error("adding an actor changed the text before it")
	}
	out, err = AddTable(out, "link", []KeyValue{{"from", Quote("trader")}, {"to", Quote("processor")}, {"share", "0.5"}})
	if err != nil {
		t.Fatal(err)
	}
	out, err = AddTable(out, "actor.0.task", []KeyValue{{"name", Quote("weeding")}, {"days_per_unit", "0.01"}, {"hazardous", "true"}})
	if err != nil {
		t.Fatal(err)
	}
	out, err = AddTable(out, "actor."+strconv.Itoa(a0)+".product", []KeyValue{{"id", Quote("oil")}, {"price", "10"}})
	if err != nil {
		t.Fatal(err)
	}
	a, l, tk, _ := count(out)
	if a != a0+1 || l != l0+1 || tk != t0+1 {
		t.Errorf("after adding: %d actors, %d links, %d tasks of actor 0; want %d, %d, %d", a, l, tk, a0+1, l0+1, t0+1)
	}
	var c Chain
	toml.Decode(string(out), &c)
	if c.Actors[a0].Name != "Переработчики, «Баткен»" || len(c.Actors[a0].Products) != 1 || c.Actors[0].Tasks[t0].Name != "weeding" || c.Links[l0].To != "processor" {
		t.Errorf("the tables added read otherwise: %+v", c.Actors[a0])
	}
	out2, err := RemoveTable(out, "actor.0.task."+strconv.Itoa(t0))
	if err != nil {
		t.Fatal(err)
	}
	out2, err = RemoveTable(out2, "link."+strconv.Itoa(l0))
	if err != nil {
		t.Fatal(err)
	}
	if a, l, tk, _ := count(out2); a != a0+1 || l != l0 || tk != t0 {
		t.Errorf("after removing: %d actors, %d links, %d tasks", a, l, tk)
	}
	out3, err := RemoveTable(out2, "actor."+strconv.Itoa(a0))
	if err != nil {
		t.Fatal(err)
	}
	if string(out3) != string(data) {
		t.Errorf("adding then removing gives another text:\n%s", out3)
	}
	if _, err := AddTable(data, "actor", []KeyValue{{"id", "farm"}}); err == nil {
		t.Error("a bare word value was accepted")
	}
	if _, err := RemoveTable(data, "name"); err == nil {
		t.Error("removed a key that is not a table")
	}
}

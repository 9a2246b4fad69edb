package docs_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/docs"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// tomlKeys returns the TOML keys of the struct type t and of the structs
// it holds, with the path of the table each is in ("actor.household").
func tomlKeys(t reflect.Type, table string, keys map[string]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if tag == "-" || !f.IsExported() {
			continue
		}
		if tag == "" {
			if f.Anonymous {
				tomlKeys(f.Type, table, keys)
			}
			continue
		}
		path := strings.TrimPrefix(table+"."+tag, ".")
		keys[tag] = path
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice || ft.Kind() == reflect.Map {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft.PkgPath() != "time" {
			tomlKeys(ft, path, keys)
		}
	}
}

// documented reports whether key is a word of a backquoted span of the
// text (`[[actor.task]]` documents task, `{ fixed, per_child_per_year }`
// documents fixed), or a key of the same family is (girls_12_14 is
// documented by `girls_5_11`, ... on one line).
func documented(text, key string) bool {
	span := regexp.MustCompile("`[^`]+`")
	word := regexp.MustCompile(`[a-z0-9_]+`)
	for _, line := range strings.Split(text, "\n") {
		for _, s := range span.FindAllString(line, -1) {
			if slices.Contains(word.FindAllString(s, -1), key) {
				return true
			}
		}
	}
	band := regexp.MustCompile(`_(5_11|12_14|15_17)$`)
	if !band.MatchString(key) {
		return false
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "...") && strings.Contains(line, "`"+band.ReplaceAllString(key, "_5_11")+"`") {
			return true
		}
	}
	return false
}

// TestEveryKeyDocumented: every key the chain and scenario files accept
// and every survey column is named in its doc, in English and in Russian.
func TestEveryKeyDocumented(t *testing.T) {
	chain, scen := map[string]string{}, map[string]string{}
	tomlKeys(reflect.TypeOf(valuechain.Chain{}), "", chain)
	tomlKeys(reflect.TypeOf(scenarios.File{}), "", scen)
	survey := map[string]string{}
	for _, c := range valuechain.SurveyColumns {
		survey[c] = c
	}
	if len(chain) < 60 || len(scen) < 10 || len(survey) < 5 {
		t.Fatalf("found %d chain keys, %d scenario keys, %d survey columns: the reflection lost some", len(chain), len(scen), len(survey))
	}
	// In English, the keys of the tables that have their own topic are
	// explained there; the Russian chain-format names every key.
	for _, c := range []struct {
		topic string
		more  []string
		keys  map[string]string
	}{{"chain-format", []string{"pam", "uncertainty"}, chain}, {"scenario-format", []string{"uncertainty"}, scen}, {"survey-format", nil, survey}} {
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			text, got, err := docs.Get(c.topic, l)
			if err != nil || got != string(l) {
				t.Errorf("%s has no %s version (%v)", c.topic, l, err)
				continue
			}
			if l == "en" {
				for _, m := range c.more {
					b, _, err := docs.Get(m, l)
					if err != nil {
						t.Fatal(err)
					}
					text = append(append(text, '\n'), b...)
				}
			}
			var missing []string
			for _, k := range slices.Sorted(mapsKeys(c.keys)) {
				if !documented(string(text), k) {
					missing = append(missing, c.keys[k])
				}
			}
			if len(missing) > 0 {
				dir := "docs/"
				if l == "ru" {
					dir = "docs/ru/"
				}
				t.Errorf("%s%s.md does not name (in backquotes) the keys %s", dir, c.topic, strings.Join(missing, ", "))
			}
		}
	}
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestDocRefsAreTopics: every docs/TOPIC.md the Go sources name is a
// topic the binary can show, so that Refs names the command for it.
func TestDocRefsAreTopics(t *testing.T) {
	ref := regexp.MustCompile(`docs/([a-z0-9-]+)\.md`)
	err := filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != ".." {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range ref.FindAllStringSubmatch(string(b), -1) {
			if !slices.Contains(docs.Topics(), m[1]) {
				t.Errorf("%s names docs/%s.md, which is no topic", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRefs(t *testing.T) {
	for _, c := range []struct{ msg, lang, want string }{
		{"unknown key (see docs/chain-format.md)", "en", "unknown key (see docs/chain-format.md (vcsim docs chain-format))"},
		{"см. docs/outputs.md: укажите --force", "ru", "см. docs/outputs.md (vcsim docs outputs --lang ru): укажите --force"},
		{"docs/nosuch.md stays", "en", "docs/nosuch.md stays"},
		{"docs/pam.md, already vcsim docs pam", "en", "docs/pam.md, already vcsim docs pam"},
	} {
		if got := docs.Refs(c.msg, lang.Lang(c.lang)); got != c.want {
			t.Errorf("Refs(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

func TestGet(t *testing.T) {
	b, l, err := docs.Get("facilitator", "ru")
	if err != nil || l != "ru" || !strings.Contains(string(b), "Руководство ведущего") {
		t.Errorf("facilitator in Russian: %v %s", err, l)
	}
	if b, l, err := docs.Get("performance", "ru"); err != nil || l != "ru" || !strings.HasPrefix(string(b), "# Производительность") {
		t.Errorf("performance in Russian: %s %v", l, err)
	}
	if b, l, err := docs.Get("performance", "en"); err != nil || l != "en" || !strings.HasPrefix(string(b), "# Performance") {
		t.Errorf("performance in English: %s %v", l, err)
	}
	if _, _, err := docs.Get("../LICENSE", "en"); err == nil {
		t.Error("a path outside the docs was served")
	}
	for _, want := range []string{"chain-format", "facilitator", "plausibility", "scenario-format", "survey-format", "workbooks"} {
		if !docs.HasRussian(want) {
			t.Errorf("%s has no Russian version", want)
		}
	}
}

// TestGuideNamesPageLabels: every label the facilitator's guide quotes
// («...» in Russian) is a label of the page (a ui.* message), so that the
// guide does not send the room to a tab that is not there (QA: it said
// «Базовый вариант», the tab is «Базовый сценарий»).
func TestGuideNamesPageLabels(t *testing.T) {
	labels := map[string]bool{}
	for k, v := range lang.All(lang.RU) {
		if strings.HasPrefix(k, "ui.") {
			labels[v] = true
		}
	}
	// Quoted texts that are not labels: what Excel says.
	notLabels := map[string]bool{"Закройте results.xlsx в Excel и запустите снова": true}
	b, _, err := docs.Get("facilitator", lang.RU)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	quoted := regexp.MustCompile(`«([^»]+)»`).FindAllStringSubmatch(text, -1)
	if len(quoted) < 6 {
		t.Fatalf("the guide quotes %d labels: %v", len(quoted), quoted)
	}
	for _, q := range quoted {
		if !labels[q[1]] && !notLabels[q[1]] {
			t.Errorf("docs/ru/facilitator.md quotes «%s», which is no label of the page", q[1])
		}
	}
}

// summaries are the topics whose Russian version is a summary that says
// the full text is in English.
var summaries = []string{"performance"}

// TestEveryTopicInRussian: every topic has a Russian version with a
// Russian title, and one translated in full keeps the English one's
// shape: as many headings, tables, table rows and code blocks, so that a
// section, a route or a key added in English and not in Russian fails.
// The Russian chain-format groups some keys in one row (its keys are
// checked one by one by TestEveryKeyDocumented).
func TestEveryTopicInRussian(t *testing.T) {
	cyrillic := regexp.MustCompile(`[А-Яа-яЁё]`)
	shape := func(blocks []docs.Block) (code, headings, tables, rows int) {
		for _, b := range blocks {
			switch b.Kind {
			case "code":
				code++
			case "h":
				headings++
			case "table":
				tables++
				rows += len(b.Rows)
			}
		}
		return
	}
	for _, topic := range docs.Topics() {
		ru, got, err := docs.Get(topic, lang.RU)
		if err != nil || got != "ru" {
			t.Errorf("%s has no Russian version: add docs/ru/%s.md (%v)", topic, topic, err)
			continue
		}
		if title := docs.Title(topic, lang.RU); !cyrillic.MatchString(title) {
			t.Errorf("%s: the Russian title %q is not in Russian", topic, title)
		}
		if slices.Contains(summaries, topic) {
			if !strings.Contains(string(ru), "vcsim docs "+topic) {
				t.Errorf("%s: the Russian summary does not say where the full text is (vcsim docs %s)", topic, topic)
			}
			continue
		}
		en, _, _ := docs.Get(topic, lang.EN)
		ec, eh, et, er := shape(docs.Blocks(en))
		rc, rh, rt, rr := shape(docs.Blocks(ru))
		if topic == "chain-format" {
			er, rr = 0, 0
		}
		if ec != rc || eh != rh || et != rt || er != rr {
			t.Errorf("%s: English has %d code blocks, %d headings, %d tables, %d table rows; Russian %d, %d, %d, %d", topic, ec, eh, et, er, rc, rh, rt, rr)
		}
	}
}

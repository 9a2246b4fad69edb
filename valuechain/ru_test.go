package valuechain

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/internal/msgscan"
	"github.com/ilo-rma/vcsim/lang"
)

// TestEveryMessageInRussian reads the validators' source (this package's
// and package scenarios') and checks that every message format passed to
// add or Add has its Russian in ruFormats, every one of the decoder's
// (errorf) in ruDecode, the survey reader's (fail) in ruSurvey and those
// about whole files (fileErr) in ruFiles, with the same verbs in the same
// order.
func TestEveryMessageInRussian(t *testing.T) {
	calls, err := msgscan.Scan([]string{".", "../scenarios"}, map[string]int{"add": 2, "Add": 2, "errorf": 3, "fail": 1, "fileErr": 3})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range calls {
		if !c.Literal {
			continue
		}
		n++
		ru, ok := lang.RU.Text(c.Format)
		if !ok {
			t.Errorf("%s: no Russian for %q", c.File, c.Format)
		} else if msgscan.Verbs(ru) != msgscan.Verbs(c.Format) {
			t.Errorf("%q: verbs %s in Russian, %s in English", c.Format, msgscan.Verbs(ru), msgscan.Verbs(c.Format))
		}
	}
	if n < 80 {
		t.Errorf("found %d messages; the scan is broken", n)
	}
}

// TestProblemsInRussian: a validation error reads in Russian, place and
// message, with the line, and in English as before.
func TestProblemsInRussian(t *testing.T) {
	c, err := Parse([]byte("name = \"x\"\ncurrency = \"KGS\"\npoverty_line = 1000\n[[actor]]\nid = \"farm\"\nkind = \"household\"\ncount = -5\nunit = \"kg\"\nprice = 10\noutput_per_unit = 10\n[actor.household]\nadults = 2\n"), "c.toml")
	if err != nil {
		t.Fatal(err)
	}
	verr := Validate(c, "c.toml")
	ve, ok := verr.(*ValidationError)
	if !ok {
		t.Fatalf("%v", verr)
	}
	ru := ve.In("ru")
	if !strings.Contains(ru, `c.toml:7: участник "farm": count: должно быть числом больше 0, указано -5`) {
		t.Errorf("in Russian:\n%s", ru)
	}
	if !strings.Contains(ve.Error(), `c.toml:7: actor "farm": count: must be a number greater than 0, got -5`) {
		t.Errorf("in English:\n%s", ve.Error())
	}
}

// TestTOMLSyntaxInRussian: the TOML reader's messages on common mistakes
// are said in Russian at their line, with the decimal-comma hint where it
// applies; a message ruSyntax does not know keeps its English after a
// Russian lead.
func TestTOMLSyntaxInRussian(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"name = \"x\ncurrency = \"TJS\"\n", "t.toml:1: строка в кавычках не может переноситься на другую строку"},
		{"name = \"x\"\nadult_wage = 1,5\n", "t.toml:2: после значения ожидался конец строки или комментарий (#), а стоит ',' (в числах пишется десятичная точка, а не запятая: 0.85, а не 0,85)"},
		{"name = \"x\"\nadult wage = 15\n", "t.toml:2: после имени ключа ожидался знак =, а стоит 'w'"},
		{"name = \"x\"\nadult_wage =\n", "t.toml:2: ожидалось значение"},
		{"name = \"x\"\nname = \"y\"\n", "t.toml:2: ключ «name» уже задан выше"},
		{"beta = [1, 2 3]\n", "t.toml:1: в списке ожидалась запятая или ], а стоит '3'"},
		{"costs = { a = 1\n b = 2 }\n", "t.toml:2: в таблице { ... } ожидалась запятая или }, а стоит 'b'"},
		{"[actor\nid = 1\n", "t.toml:2: имя таблицы должно закончиться ], а стоит конец строки"},
		// QA finding 15: these were English after a Russian lead.
		{"name = \"x\"\nadult_wage = 5.4.1\n", `t.toml:2: неверное число "5.4.1": в числе только цифры и не больше одной десятичной точки (5.4)`},
		{"name = \"x\"\nadult_wage = 5.\n", `t.toml:2: неверное число "5.": после десятичной точки нужны цифры`},
		{"name = \"x\"\nadult_wage = 05\n", `t.toml:2: неверное число "05": число не может начинаться с лишних нулей`},
		{"name = \"x\"\nadult_wage = 1__0\n", `t.toml:2: неверное число "1__0": знак _ может стоять только между цифрами`},
		// A message the catalogue does not know: Russian lead, the
		// reader's words, still at its line.
		{"name = \"x\"\nadult_wage = 0b2\n", "t.toml:2: ошибка в записи TOML; программа чтения сообщает (по-английски): not a binary number"},
	} {
		_, err := Parse([]byte(c.text), "t.toml")
		if err == nil {
			t.Errorf("%q: no error", c.text)
			continue
		}
		if got := ErrorIn(err, "ru"); !strings.Contains(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
	if got := syntaxRU("something new"); got != "ошибка в записи TOML; программа чтения сообщает (по-английски): something new" {
		t.Errorf("unknown message: %q", got)
	}
}

// TestSurveyFileMessagesInRussian: the survey reader's messages about the
// file, its header and its rows are Russian with --lang ru, the separator
// named in Russian too.
func TestSurveyFileMessagesInRussian(t *testing.T) {
	c, err := Parse([]byte(base), "t")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ text, want string }{
		{"", "s.csv: файл пуст: нужна строка заголовков (group,weight,adults"},
		{"group,adults\nfarm,2\n", `s.csv:1: столбец "weight": обязательного столбца нет`},
		{"group;weight;adults;adults\n", `s.csv:1: столбец "adults": указан дважды (столбцы 3 и 4)`},
		{"group;weight;adults;childs\n", `s.csv:1: столбец "childs": неизвестный столбец (разделитель: точка с запятой; столбцы: group, weight`},
		{"group,weight,adults\nfarm,1,2,3\n", "s.csv:2: ячеек в строке: 4, а столбцов в заголовке: 3"},
		{"group,weight,adults\nfa\"rm,1,2\n", "s.csv:2: кавычка внутри ячейки, которая не начинается с кавычки"},
	} {
		_, err := ParseSurvey([]byte(x.text), "s.csv", c)
		if got := ErrorIn(err, "ru"); !strings.Contains(got, x.want) {
			t.Errorf("%q: %q, want %q", x.text, got, x.want)
		}
	}
}

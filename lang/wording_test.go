package lang

import (
	"strings"
	"testing"
)

// TestRussianWording: the grammar the new-user QA found wrong (qa-cli.md
// findings 14 and 15), each sentence as it now reads.
func TestRussianWording(t *testing.T) {
	hh := "Домохозяйства дехканских хозяйств" // a plural actor name
	for _, c := range []struct{ name, got, want string }{
		// "Домохозяйства …, крупнейший участник, получает": the verb agreed
		// with "участник", not with the plural subject. The participant is
		// now the subject; the name stands after a dash.
		{"summary", RU.T("r.summary.chain", "1", "TJS", hh, "48,8 %", "50 %", "5", "TJS", "кг"),
			"Цепочка создаёт добавленную стоимость 1 TJS в год. Крупнейший участник — " + hh + ", на него приходится 48,8 % этой суммы."},
		{"summary bought", RU.T("r.summary.chain.bought", "1", "TJS", hh, "48,8 %", "50 %", "5", "TJS", "кг"),
			"Крупнейший участник — " + hh + ", на него приходится 48,8 % этой суммы."},
		{"summary en", EN.T("r.summary.chain", "1", "TJS", "Apricot-growing households", "75.8%", "50%", "5", "TJS", "kg"),
			"The largest actor is Apricot-growing households, with 75.8% of it."}, // was "households … earns"
		// "convert нужны два файла": a command name is not a subject in
		// the dative.
		{"convert", RU.Sprintf("convert needs two files: IN and OUT (flags first)"), "команде convert нужны два файла: ИЗ и В (флаги пишутся первыми)"},
		{"init", RU.Sprintf("init needs one directory argument (flags first: vcsim init --example NAME DIR)"), "команде init нужна одна папка"},
		{"validate", RU.Sprintf("validate needs at least one file"), "команде validate нужен хотя бы один файл"},
		// "указано текст": the participle did not agree with the noun.
		{"got text", RU.Sprintf("%s must be a number, got %s", "price", `текст "5,4"`), `price должно быть числом, а в файле текст "5,4"`},
		{"got table", RU.Sprintf("%s must be a list, got %s", "beta", "таблица"), "beta должно быть списком, а в файле таблица"},
		// "не называет ни одного участника": says what is missing.
		{"no actor", RU.Sprintf("names no actor of the chain: %q", "dekan"), `нет участника цепочки с таким кодом: "dekan"`},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%s:\n got %s\nwant it to contain %s", c.name, c.got, c.want)
		}
	}
	// No Russian text says "указано" before a described value.
	for en, ru := range russian.Texts {
		if strings.HasSuffix(en, "got %s") && strings.Contains(en, "must be") && strings.Contains(ru, "указано %s") &&
			!strings.Contains(en, "finite") && !strings.Contains(en, "at least") {
			t.Errorf("%q: %q", en, ru)
		}
	}
}

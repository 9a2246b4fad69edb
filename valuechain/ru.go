package valuechain

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
)

// ruSeparators names the CSV separators in Russian.
var ruSeparators = map[sepName]string{',': "запятая", ';': "точка с запятой", '\t': "табуляция"}

// ruCommaHint is the Russian of decimalCommaHint's words.
const ruCommaHint = " (в числах пишется десятичная точка, а не запятая: 0.85, а не 0,85)"

// ruSyntax translates the TOML reader's messages (github.com/BurntSushi/toml,
// its lexer and parser), the common ones word for word; the others are
// given in English after a Russian lead (see syntaxRU).
var ruSyntax = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`^strings cannot contain newlines$`), "строка в кавычках не может переноситься на другую строку: закройте кавычки на той же строке"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`), "после значения ожидался конец строки или комментарий (#), а стоит $1"},
	{regexp.MustCompile(`^expected value but found (.*) instead$`), "ожидалось значение (число, текст в кавычках, true/false, список [...]), а стоит $1"},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), "файл кончился, а значение после = не указано"},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), "файл кончился, а после ключа нет знака ="},
	{regexp.MustCompile(`^unexpected EOF; expected (.*)$`), "файл кончился внутри строки в кавычках: не хватает $1"},
	{regexp.MustCompile(`^unexpected EOF$`), "файл неожиданно кончился"},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`), "после имени ключа ожидался знак =, а стоит $1 (в именах ключей нет пробелов: пишите adult_wage)"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.*)$`), "в списке ожидалась запятая или ], а стоит $1"},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.*) instead$`), "в таблице { ... } ожидалась запятая или }, а стоит $1"},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.*) instead$`), "имя таблицы должно закончиться ], а стоит $1"},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.*) instead$`), "имя списка таблиц должно закончиться ]], а стоит $1"},
	{regexp.MustCompile(`^expected a digit but got (.*)$`), "ожидалась цифра, а стоит $1"},
	{regexp.MustCompile(`^invalid float: '(.*)'$`), "неверное число: $1"},
	{regexp.MustCompile(`^Invalid float value: (.*)$`), "неверное число $1: в числе только цифры и не больше одной десятичной точки (5.4)"},
	{regexp.MustCompile(`^Invalid float (.*): '\.' must be followed by one or more digits$`), "неверное число $1: после десятичной точки нужны цифры (5.0, а не 5.)"},
	{regexp.MustCompile(`^Invalid (?:float|integer) (.*): cannot have leading zeroes$`), "неверное число $1: число не может начинаться с лишних нулей"},
	{regexp.MustCompile(`^Invalid (?:float|integer) (.*): underscores must be surrounded by digits$`), "неверное число $1: знак _ может стоять только между цифрами"},
	{regexp.MustCompile(`^floats must start with a digit, not '\.'$`), "число должно начинаться с цифры, а не с точки: пишите 0.5, а не .5"},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), "перед знаком = нет имени ключа"},
	{regexp.MustCompile(`^unexpected '='$`), "лишний знак ="},
	{regexp.MustCompile(`^unexpected comma$`), "лишняя запятая"},
	{regexp.MustCompile(`^unexpected '\.'.*$`), "лишняя точка"},
	{regexp.MustCompile(`^unexpected (end of table name|table separator) \(table names cannot be empty\)$`), "пустое имя таблицы: в [ ] нужно имя"},
	{regexp.MustCompile(`^newlines not allowed within inline tables$`), "таблицу { ... } нельзя переносить на другую строку"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), "ключ «$1» уже задан выше"},
	{regexp.MustCompile(`^Key '(.*)' was already created (as a hash|and cannot be used as an array)\.$`), "ключ «$1» уже задан как таблица"},
	{regexp.MustCompile(`^(.*) is not a table$`), "$1 — не таблица"},
	{regexp.MustCompile(`^invalid escape in string '\\(.)'$`), "неверная последовательность \\$1 в строке (в путях Windows пишите / вместо \\)"},
	{regexp.MustCompile(`^invalid UTF-8 byte: (.*)$`), "неверный байт UTF-8: $1 (сохраните файл в кодировке UTF-8)"},
	{regexp.MustCompile(`^TOML files cannot contain control characters: (.*)$`), "в файле TOML не может быть управляющих символов: $1"},
	{regexp.MustCompile(`^(.*) is out of range for (.*)$`), "$1 — слишком большое число"},
}

// ruTokens names in Russian what the TOML reader quotes as found.
var ruTokens = strings.NewReplacer(`'\n'`, "конец строки", `'\r'`, "конец строки", "end of file", "конец файла")

// syntaxRU returns the TOML reader's message msg in Russian: translated
// when ruSyntax knows it, else in English after a Russian lead.
func syntaxRU(msg string) string {
	for _, r := range ruSyntax {
		if r.re.MatchString(msg) {
			return ruTokens.Replace(r.re.ReplaceAllString(msg, r.to))
		}
	}
	return "ошибка в записи TOML; программа чтения сообщает (по-английски): " + msg
}

// ruDescribe translates what describe says a value is.
var ruDescribe = strings.NewReplacer("the text ", "текст ", "the number ", "число ", "a table", "таблица", "a list", "список")

// message returns msg in the language lang: its format's Russian with the
// same arguments (descriptions of values translated too), or msg.
func message(msg, format string, args []any, l lang.Lang) string {
	if format == "" {
		return msg
	}
	f, ok := l.Text(format)
	if !ok {
		return msg
	}
	out := make([]any, len(args))
	for i, a := range args {
		if l == lang.RU {
			switch v := a.(type) {
			case string:
				a = ruDescribe.Replace(v)
			case sepName:
				a = ruSeparators[v]
			}
		}
		out[i] = a
	}
	return fmt.Sprintf(f, out...)
}

// place returns a problem's place in the language lang.
func place(where string, l lang.Lang) string {
	if l != "ru" {
		return where
	}
	for _, r := range ruPlaces {
		where = r.re.ReplaceAllString(where, r.to)
	}
	return where
}

// ruPlaces translates the start of a problem's place: `actor "farm"` is
// `участник "farm"`, `link 2 (a -> b)` is `связь 2 (a -> b)`.
var ruPlaces = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`^chain$`), "цепочка"},
	{regexp.MustCompile(`^actor `), "участник "},
	{regexp.MustCompile(`^link `), "связь "},
	{regexp.MustCompile(`^price_ratio `), "соотношение цен (price_ratio) "},
	{regexp.MustCompile(`^economic: `), "экономические значения: "},
	{regexp.MustCompile(`^scenario `), "сценарий "},
	{regexp.MustCompile(`: task `), ": задача "},
	{regexp.MustCompile(`: intervention `), ": вмешательство "},
	{regexp.MustCompile(`: product `), ": продукт "},
}

// In returns the problem in the language lang ("ru" or English).
func (p Problem) In(l lang.Lang) string {
	if l != "ru" {
		return p.String()
	}
	parts := []string{place(p.Where, l)}
	if p.Field != "" {
		parts = append(parts, p.Field)
	}
	return strings.Join(append(parts, message(p.Msg, p.format, p.args, l)), ": ")
}

// ErrorIn returns err's text in the language lang: any error with an
// In(lang) method says itself (validation problems, the decoder's and the
// readers' errors, output conflicts), wrapped errors keep the words put
// before them, joined errors go one by one, anything else as it is.
func ErrorIn(err error, l lang.Lang) string {
	if err == nil {
		return ""
	}
	switch e := err.(type) {
	case interface{ In(lang.Lang) string }: // this package's errors, and others that say themselves in a language
		return e.In(l)
	case interface{ Unwrap() error }:
		// A wrapper that adds words before the error keeps them.
		inner := e.Unwrap()
		if inner != nil && strings.HasSuffix(err.Error(), inner.Error()) {
			return strings.TrimSuffix(err.Error(), inner.Error()) + ErrorIn(inner, l)
		}
	case interface{ Unwrap() []error }:
		var parts []string
		for _, x := range e.Unwrap() {
			if s := ErrorIn(x, l); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n")
	}
	return err.Error()
}

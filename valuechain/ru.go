package valuechain

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
)

// ruFormats holds the Russian of the validators' messages, by their
// English format; the arguments are the same, in the same order.
var ruFormats = map[string]string{
	// package scenarios' checks of scenario files
	"must be a number from 0 to %g, got %v":                                                                      "должно быть числом от 0 до %g, указано %v",
	"no scenarios: the file needs at least one [[scenario]]":                                                     "нет сценариев: в файле нужен хотя бы один [[scenario]]",
	"is used twice or is %q: scenario names must be unique":                                                      "встречается дважды или равно %q: названия сценариев должны быть разными",
	"is 0: years count from 1 (the first scenario year); leave the key out to start in year 1":                   "равно 0: годы считаются с 1 (первый год сценария); уберите ключ, чтобы начать с 1-го года",
	"unknown intervention type %q (known: %s)":                                                                   "неизвестный тип вмешательства %q (известные: %s)",
	"is missing: name the actor ids the intervention reaches":                                                    "не указано: перечислите коды участников, которых охватывает вмешательство",
	"names no actor of the chain: %q":                                                                            "не называет ни одного участника цепочки: %q",
	"%s acts on the children an actor hires, but %q hires none (child_share)":                                    "%s действует на детей, которых нанимает участник, но %q детей не нанимает (child_share)",
	"%s acts on households, but %q is an enterprise":                                                             "%s действует на домохозяйства, а %q — предприятие",
	"must be in (0, 1], the share of the targets reached, got %v":                                                "должно быть в (0, 1] — доля охваченных, указано %v",
	"must be a year from 1 to the horizon %d, got %d":                                                            "должно быть годом от 1 до горизонта %d, указано %d",
	"must be a year from start to the horizon %d, got %d":                                                        "должно быть годом от start до горизонта %d, указано %d",
	"must be between 0 and 50, got %v":                                                                           "должно быть от 0 до 50, указано %v",
	"must be \"linear\" or \"logistic\", got %q":                                                                 "должно быть \"linear\" или \"logistic\", указано %q",
	"is not an effect of %s (its effects: %s)":                                                                   "не является эффектом %s (его эффекты: %s)",
	"a change of hazard exposure must be at least -1 (-100%%: no exposure left), got %v":                         "изменение подверженности опасностям должно быть не меньше -1 (-100%%: опасностей не остаётся), указано %v",
	"a relative change must be above -1 (-100%%), got %v":                                                        "относительное изменение должно быть больше -1 (-100%%), указано %v",
	"a relative change must be at most 100 (+10,000%%), got %v":                                                  "относительное изменение должно быть не больше 100 (+10 000%%), указано %v",
	"must be at most 366 days a year, got %v":                                                                    "должно быть не больше 366 дней в году, указано %v",
	"must be at most 168 hours a week, got %v":                                                                   "должно быть не больше 168 часов в неделю, указано %v",
	"must be a share between 0 and 1, got %v":                                                                    "должно быть долей от 0 до 1, указано %v",
	"acts on households' children, but target %q is an enterprise":                                               "действует на детей в домохозяйствах, а цель %q — предприятие",
	"only mechanisation names tasks":                                                                             "задачи указываются только для механизации",
	"no target has a task named %q":                                                                              "ни у одной цели нет задачи %q",
	"only a cooperative bypasses an intermediary":                                                                "обойти посредника может только кооператив",
	"%q transforms what it buys (conversion or joint products): only a trader with conversion 1 can be bypassed": "%q перерабатывает то, что покупает (conversion или несколько продуктов): обойти можно только торговца с conversion = 1",
	"%q sells %.3g of what it buys to final demand: only an intermediary that sells everything on to other actors can be bypassed": "%q продаёт %.3g закупленного конечным покупателям: обойти можно только посредника, который всё перепродаёт другим участникам",
	"target %q sells nothing to %q": "цель %q ничего не продаёт %q",
	"%s":                            "%s",
	"%s has two border prices":      "у %s две пограничные цены",
	"%s sells %.3g of its output to final demand but has no price":                               "%s продаёт %.3g своего выпуска конечным покупателям, но у него нет цены",
	"a local labour market needs the chain's adult_wage, where the search for equilibria starts": "местному рынку труда нужен adult_wage цепочки: с него начинается поиск равновесия",
	"actor %q makes no product %q":                                                                                           "участник %q не производит продукт %q",
	"adult_days + off_farm_days must be at most 366 days a year, got %v":                                                     "adult_days + off_farm_days должно быть не больше 366 дней в году, указано %v",
	"alpha and beta are all zero: the household has no preferences to weigh":                                                 "alpha и beta все равны нулю: у домохозяйства нет предпочтений, которые можно сравнить",
	"an actor cannot sell to itself":                                                                                         "участник не может продавать сам себе",
	"give children either by band (children_*) or by sex (girls_*, boys_*), not both":                                        "укажите детей либо по возрасту (children_*), либо по полу (girls_*, boys_*), но не так и так",
	"households are counted whole, got %v":                                                                                   "домохозяйства считаются целыми, указано %v",
	"is 0: give a value greater than 0, or leave the key out for the default (%s)":                                           "равно 0: укажите значение больше 0 или уберите ключ, чтобы взять значение по умолчанию (%s)",
	"is also the id of actor %d: ids must be unique":                                                                         "это также код участника %d: коды должны быть разными",
	"is given but kind is %q: only household actors have one":                                                                "указано, но kind = %q: это бывает только у домохозяйств",
	"is given but the actor buys from no one: a primary producer's output is count x output_per_unit":                        "указано, но участник ни у кого не покупает: выпуск первичного производителя = count x output_per_unit",
	"is given but the actor buys from other actors of the chain: only an actor no link sells to buys from outside the chain": "указано, но участник покупает у других участников цепочки: вне цепочки покупает только участник, которому никто в цепочке не продаёт",
	"is given but the actor buys from other actors: its output is conversion x input":                                        "указано, но участник покупает у других: его выпуск = conversion x закупки",
	"is missing": "не указано",
	"is missing (e.g. \"TJS\", \"KGS\", \"USD\")":                                                              "не указано (например, \"TJS\", \"KGS\", \"USD\")",
	"is missing or 0: give the part of the seller's output sold on this link":                                  "не указано или 0: укажите долю выпуска продавца, проданную по этой связи",
	"is missing: a household actor needs an [actor.household] table":                                           "не указано: домохозяйству нужна таблица [actor.household]",
	"is missing: actor %q makes several products (%s)":                                                         "не указано: участник %q производит несколько продуктов (%s)",
	"is needed (on the actor or the chain) because the actor has tasks":                                        "нужно (у участника или у цепочки), потому что у участника есть задачи",
	"is needed (on the actor or the chain): it values children's and hired work":                               "нужно (у участника или у цепочки): по нему оценивается труд детей и наёмных работников",
	"is needed: neither the link nor %s has a price":                                                           "нужно: ни у связи, ни у %s нет цены",
	"is used twice in this actor":                                                                              "встречается у этого участника дважды",
	"must be \"domestic\" or \"export\", got %q":                                                               "должно быть \"domestic\" или \"export\", указано %q",
	"must be \"household\" or \"enterprise\", got %q":                                                          "должно быть \"household\" или \"enterprise\", указано %q",
	"must be \"open\" or \"local\", got %q":                                                                    "должно быть \"open\" или \"local\", указано %q",
	"must be a finite number, got %v":                                                                          "должно быть конечным числом, указано %v",
	"must be a number greater than 0, got %v":                                                                  "должно быть числом больше 0, указано %v",
	"must be at least 1 (adults per household) and at most 100, got %v":                                        "должно быть не меньше 1 (взрослых в домохозяйстве) и не больше 100, указано %v",
	"must be at most %g, got %v":                                                                               "должно быть не больше %g, указано %v",
	"must be at most 12, got %v":                                                                               "должно быть не больше 12, указано %v",
	"must be between %v and %v, got %v":                                                                        "должно быть от %v до %v, указано %v",
	"only monitoring names the transfer of its package":                                                        "пакет с выплатой (with) указывается только для мониторинга",
	"must name a cash_transfer or cct intervention of the same scenario (by its name), got %q":                 "должно называть вмешательство cash_transfer или cct того же сценария (по его name), указано %q",
	"must be a number of months from 0 to 12, got %v":                                                          "должно быть числом месяцев от 0 до 12, указано %v",
	"must be less than max_child_hours (%v hours a week), got %v":                                              "должно быть меньше max_child_hours (%v ч в неделю), указано %v",
	"must be between 1 and 100 years, got %d":                                                                  "должно быть от 1 до 100 лет, указано %d",
	"must be in [0, 1), got %v":                                                                                "должно быть в [0, 1), указано %v",
	"must not be negative, got %v":                                                                             "не может быть отрицательным, указано %v",
	"names no actor: %q":                                                                                       "не называет ни одного участника: %q",
	"no actors: a chain needs at least one [[actor]]":                                                          "нет участников: цепочке нужен хотя бы один [[actor]]",
	"no primary producer: every actor buys from another, so nothing enters the chain":                          "нет первичного производителя: каждый участник покупает у другого, и в цепочку ничего не поступает",
	"the actor lists products: give price, unit, conversion and final_market in each [[actor.product]]":        "у участника перечислены продукты: укажите price, unit, conversion и final_market в каждом [[actor.product]]",
	"the chain needs a poverty_line > 0 because it has household actors":                                       "цепочке нужна poverty_line > 0, потому что в ней есть домохозяйства",
	"must be \"anyone\", \"men\", \"women\", \"boys\", \"girls\" or \"adults\", got %q":                        "должно быть \"anyone\", \"men\", \"women\", \"boys\", \"girls\" или \"adults\", указано %q",
	"the shares of 5-11, 12-14 and 15-17 must add up to 1, got %v":                                             "доли 5–11, 12–14 и 15–17 лет в сумме должны давать 1, указано %v",
	"the shares of %s's links add up to %v: they must not exceed 1":                                            "доли связей %s в сумме дают %v: они не должны превышать 1",
	"the seller sells %q but %q counts %q: give the buyer a conversion (units of its product per unit bought)": "продавец продаёт в единицах %q, а %q считает в %q: укажите покупателю conversion (единиц его продукта на единицу закупки)",
}

// ruDecode holds the Russian of the decoder's messages (a key of the wrong
// type, an unknown key), by their English format.
var ruDecode = map[string]string{
	"%s must be a list of %d values (one per age band 5-11, 12-14, 15-17), got %d": "%s должно быть списком из %d значений (по одному на возраст 5–11, 12–14, 15–17), указано %d",
	"%s must be a list, got %s":                              "%s должно быть списком, указано %s",
	"%s must be a number, got %s":                            "%s должно быть числом, указано %s",
	"%s must be a table, got %s":                             "%s должно быть таблицей, указано %s",
	"%s must be a whole number not below 0, got %s":          "%s должно быть целым числом не меньше 0, указано %s",
	"%s must be a whole number, got %s":                      "%s должно быть целым числом, указано %s",
	"%s must be a whole number, got %v":                      "%s должно быть целым числом, указано %v",
	"%s must be text in quotes, got %s":                      "%s должно быть текстом в кавычках, указано %s",
	"%s must be true or false, got %s":                       "%s должно быть true или false, указано %s",
	"%s: %d is out of range":                                 "%s: %d вне допустимых пределов",
	"%s: %d is too large":                                    "%s: %d слишком велико",
	"%s: %s":                                                 "%s: %s",
	"unknown key %q (check its spelling; %s lists the keys)": "неизвестный ключ %q (проверьте написание; ключи перечислены в %s)",
}

// ruSurvey holds the Russian of the survey reader's messages about a cell.
var ruSurvey = map[string]string{
	"is empty: a number is needed": "пусто: нужно число",
	"%q is not a number: write a decimal point (or save the file with semicolons, as a Russian-locale Excel does, to use decimal commas)": "%q — не число: пишите десятичную точку (или сохраните файл с точками с запятой, как это делает Excel с русскими настройками, чтобы писать десятичные запятые)",
	"%q is not a number":                                     "%q — не число",
	"must be a finite number, got %s":                        "должно быть конечным числом, указано %s",
	"must be at least %v, got %s":                            "должно быть не меньше %v, указано %s",
	"must be at most %g, got %v":                             "должно быть не больше %g, указано %v",
	"is empty: give the id of a household actor":             "пусто: укажите код участника-домохозяйства",
	"%q is no actor of the chain":                            "%q — не участник цепочки",
	"%q is an enterprise: surveys describe household actors": "%q — предприятие: обследования описывают домохозяйства",
	"must be greater than 0":                                 "должно быть больше 0",
	"weekly hours must be at most 168, got %v":               "часов в неделю должно быть не больше 168, указано %v",
	"must be 0 or 1 (or yes/no), got %q":                     "должно быть 0 или 1 (или yes/no), указано %q",
}

// ruFiles holds the Russian of the messages about whole files, headers
// and rows (fileErr), by their English format.
var ruFiles = map[string]string{
	"%v":                      "%v",
	"is a folder, not a file": "это папка, а не файл",
	"does not exist (check the name and the folder)":            "не существует (проверьте имя файла и папку)",
	"cannot be read: permission denied":                         "не читается: нет прав доступа",
	"cannot read: %v":                                           "не удаётся прочитать: %v",
	"the file is larger than %d MiB, the most vcsim reads":      "файл больше %d МиБ — больше, чем читает vcsim",
	"the file is %d bytes; vcsim reads files of at most %d MiB": "в файле %d байт; vcsim читает файлы не больше %d МиБ",
	"a key has more than %d parts (dots)":                       "в ключе больше %d частей (через точку)",
	"a table name has more than %d parts (dots)":                "в названии таблицы больше %d частей (через точку)",
	"tables and arrays are nested more than %d deep":            "таблицы и списки вложены глубже %d уровней",
	"the file is empty: it needs a header row (%s)":             "файл пуст: нужна строка заголовков (%s)",
	"the header %q has one column: vcsim found no separator (comma, semicolon or tab) between the columns %s": "в заголовке %q один столбец: vcsim не нашёл разделителя (запятой, точки с запятой или табуляции) между столбцами %s",
	"unknown column (separator %s; the columns are: %s)":                                                      "неизвестный столбец (разделитель: %s; столбцы: %s)",
	"is given twice (columns %d and %d)":                                                                      "указан дважды (столбцы %d и %d)",
	"required column is missing":                                                                              "обязательного столбца нет",
	"has %d cells but the header has %d columns":                                                              "в строке %d ячеек, а в заголовке %d столбцов",
	"no households: the file has a header but no rows":                                                        "нет домохозяйств: в файле есть заголовок, но нет строк",
	"a quote mark inside a cell that does not start with one: put the whole cell in quotes and double the quote marks inside it": "кавычка внутри ячейки, которая не начинается с кавычки: заключите всю ячейку в кавычки и удвойте кавычки внутри неё",
	"a quoted cell is not closed, or a quote mark follows its closing quote":                                                     "ячейка в кавычках не закрыта, или после закрывающей кавычки стоит ещё одна",
}

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
	return "ошибка синтаксиса TOML: " + msg
}

// ruDescribe translates what describe says a value is.
var ruDescribe = strings.NewReplacer("the text ", "текст ", "the number ", "число ", "a table", "таблица", "a list", "список")

// message returns msg in the language lang: its format's Russian with the
// same arguments (descriptions of values translated too), or msg.
func message(msg, format string, args []any, l lang.Lang) string {
	if l != "ru" || format == "" {
		return msg
	}
	f, ok := ruFormats[format]
	if !ok {
		if f, ok = ruDecode[format]; !ok {
			if f, ok = ruSurvey[format]; !ok {
				if f, ok = ruFiles[format]; !ok {
					if f, ok = ruReaders[format]; !ok {
						return msg
					}
				}
			}
		}
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			a = ruDescribe.Replace(v)
		case sepName:
			a = ruSeparators[v]
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

package valuechain

import (
	"fmt"
	"regexp"
	"strings"
)

// ruFormats holds the Russian of the validators' messages, by their
// English format; the arguments are the same, in the same order.
var ruFormats = map[string]string{
	"%s":                       "%s",
	"%s has two border prices": "у %s две пограничные цены",
	"%s sells %.3g of its output to final demand but has no price":                               "%s продаёт %.3g своего выпуска конечным покупателям, но у него нет цены",
	"a local labour market needs the chain's adult_wage, where the search for equilibria starts": "местному рынку труда нужен adult_wage цепочки: с него начинается поиск равновесия",
	"actor %q makes no product %q":                                                                    "участник %q не производит продукт %q",
	"adult_days + off_farm_days must be at most 366 days a year, got %v":                              "adult_days + off_farm_days должно быть не больше 366 дней в году, указано %v",
	"alpha and beta are all zero: the household has no preferences to weigh":                          "alpha и beta все равны нулю: у домохозяйства нет предпочтений, которые можно сравнить",
	"an actor cannot sell to itself":                                                                  "участник не может продавать сам себе",
	"give children either by band (children_*) or by sex (girls_*, boys_*), not both":                 "укажите детей либо по возрасту (children_*), либо по полу (girls_*, boys_*), но не так и так",
	"households are counted whole, got %v":                                                            "домохозяйства считаются целыми, указано %v",
	"is 0: give a value greater than 0, or leave the key out for the default (%s)":                    "равно 0: укажите значение больше 0 или уберите ключ, чтобы взять значение по умолчанию (%s)",
	"is also the id of actor %d: ids must be unique":                                                  "это также код участника %d: коды должны быть разными",
	"is given but kind is %q: only household actors have one":                                         "указано, но kind = %q: это бывает только у домохозяйств",
	"is given but the actor buys from no one: a primary producer's output is count x output_per_unit": "указано, но участник ни у кого не покупает: выпуск первичного производителя = count x output_per_unit",
	"is given but the actor buys from other actors: its output is conversion x input":                 "указано, но участник покупает у других: его выпуск = conversion x закупки",
	"is missing": "не указано",
	"is missing (e.g. \"TJS\", \"KGS\", \"USD\")":                                                       "не указано (например, \"TJS\", \"KGS\", \"USD\")",
	"is missing or 0: give the part of the seller's output sold on this link":                           "не указано или 0: укажите долю выпуска продавца, проданную по этой связи",
	"is missing: a household actor needs an [actor.household] table":                                    "не указано: домохозяйству нужна таблица [actor.household]",
	"is missing: actor %q makes several products (%s)":                                                  "не указано: участник %q производит несколько продуктов (%s)",
	"is needed (on the actor or the chain) because the actor has tasks":                                 "нужно (у участника или у цепочки), потому что у участника есть задачи",
	"is needed (on the actor or the chain): it values children's and hired work":                        "нужно (у участника или у цепочки): по нему оценивается труд детей и наёмных работников",
	"is needed: neither the link nor %s has a price":                                                    "нужно: ни у связи, ни у %s нет цены",
	"is used twice in this actor":                                                                       "встречается у этого участника дважды",
	"must be \"domestic\" or \"export\", got %q":                                                        "должно быть \"domestic\" или \"export\", указано %q",
	"must be \"household\" or \"enterprise\", got %q":                                                   "должно быть \"household\" или \"enterprise\", указано %q",
	"must be \"open\" or \"local\", got %q":                                                             "должно быть \"open\" или \"local\", указано %q",
	"must be a finite number, got %v":                                                                   "должно быть конечным числом, указано %v",
	"must be a number greater than 0, got %v":                                                           "должно быть числом больше 0, указано %v",
	"must be at least 1 (adults per household) and at most 100, got %v":                                 "должно быть не меньше 1 (взрослых в домохозяйстве) и не больше 100, указано %v",
	"must be at most %g, got %v":                                                                        "должно быть не больше %g, указано %v",
	"must be at most 12, got %v":                                                                        "должно быть не больше 12, указано %v",
	"must be between %v and %v, got %v":                                                                 "должно быть от %v до %v, указано %v",
	"must be between 1 and 100 years, got %d":                                                           "должно быть от 1 до 100 лет, указано %d",
	"must be in [0, 1), got %v":                                                                         "должно быть в [0, 1), указано %v",
	"must not be negative, got %v":                                                                      "не может быть отрицательным, указано %v",
	"names no actor: %q":                                                                                "не называет ни одного участника: %q",
	"no actors: a chain needs at least one [[actor]]":                                                   "нет участников: цепочке нужен хотя бы один [[actor]]",
	"no primary producer: every actor buys from another, so nothing enters the chain":                   "нет первичного производителя: каждый участник покупает у другого, и в цепочку ничего не поступает",
	"the actor lists products: give price, unit, conversion and final_market in each [[actor.product]]": "у участника перечислены продукты: укажите price, unit, conversion и final_market в каждом [[actor.product]]",
	"the chain needs a poverty_line > 0 because it has household actors":                                "цепочке нужна poverty_line > 0, потому что в ней есть домохозяйства",
	"the shares of %s's links add up to %v: they must not exceed 1":                                     "доли связей %s в сумме дают %v: они не должны превышать 1",
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

// ruDescribe translates what describe says a value is.
var ruDescribe = strings.NewReplacer("the text ", "текст ", "the number ", "число ", "a table", "таблица", "a list", "список")

// message returns msg in the language lang: its format's Russian with the
// same arguments (descriptions of values translated too), or msg.
func message(msg, format string, args []any, lang string) string {
	if lang != "ru" || format == "" {
		return msg
	}
	f, ok := ruFormats[format]
	if !ok {
		if f, ok = ruDecode[format]; !ok {
			if f, ok = ruSurvey[format]; !ok {
				return msg
			}
		}
	}
	out := make([]any, len(args))
	for i, a := range args {
		if s, isText := a.(string); isText {
			a = ruDescribe.Replace(s)
		}
		out[i] = a
	}
	return fmt.Sprintf(f, out...)
}

// place returns a problem's place in the language lang.
func place(where, lang string) string {
	if lang != "ru" {
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
func (p Problem) In(lang string) string {
	if lang != "ru" {
		return p.String()
	}
	parts := []string{place(p.Where, lang)}
	if p.Field != "" {
		parts = append(parts, p.Field)
	}
	return strings.Join(append(parts, message(p.Msg, p.format, p.args, lang)), ": ")
}

// ErrorIn returns err's text in the language lang: validation problems and
// the decoder's errors translated (see ValidationError.In), joined errors
// one by one, anything else as it is.
func ErrorIn(err error, lang string) string {
	if err == nil {
		return ""
	}
	switch e := err.(type) {
	case *ValidationError:
		return e.In(lang)
	case InputErrors:
		return e.In(lang)
	case *InputError:
		return e.In(lang)
	case interface{ Unwrap() error }:
		// A wrapper that adds words before the error keeps them.
		inner := e.Unwrap()
		if inner != nil && strings.HasSuffix(err.Error(), inner.Error()) {
			return strings.TrimSuffix(err.Error(), inner.Error()) + ErrorIn(inner, lang)
		}
	case interface{ Unwrap() []error }:
		var parts []string
		for _, x := range e.Unwrap() {
			if s := ErrorIn(x, lang); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n")
	}
	return err.Error()
}

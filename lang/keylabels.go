package lang

import "strings"

// keyLabels are the headers of keys in English and Russian, with units.
var keyLabels = map[string][2]string{
	"name": {"Name", "Название"}, "name_ru": {"Name in Russian", "Название по-русски"}, "unit_ru": {"Unit in Russian", "Единица по-русски"},
	"country": {"Country", "Страна"}, "region": {"Region", "Регион"},
	"description": {"Description", "Описание"}, "currency": {"Currency", "Валюта"},
	"base_year": {"Base year", "Базовый год"}, "horizon": {"Scenario years", "Лет в сценариях"},
	"discount_rate": {"Discount rate (share a year)", "Ставка дисконтирования (доля в год)"},
	"poverty_line":  {"Poverty line (currency per adult equivalent a year)", "Черта бедности (валюта на взрослый эквивалент в год)"},
	"adult_wage":    {"Adult wage (currency a day)", "Зарплата взрослого (валюта в день)"},
	"hours_per_day": {"Hours in a working day", "Часов в рабочем дне"},
	"fte_days":      {"Days in a full-time equivalent", "Дней в эквиваленте полной занятости"},
	"labour_market": {"Labour market (open or local)", "Рынок труда (open или local)"},
	"sources":       {"Source", "Источник"},
	"id":            {"Id (short, no spaces)", "Код (кратко, без пробелов)"}, "kind": {"Kind", "Тип"},
	"stage": {"Stage", "Звено"}, "count": {"Households or firms", "Домохозяйств или фирм"},
	"unit": {"Unit of product", "Единица продукта"}, "price": {"Price (currency per unit)", "Цена (валюта за единицу)"},
	"conversion":      {"Units made per unit bought", "Единиц продукта на единицу сырья"},
	"final_market":    {"Final market (domestic or export)", "Конечный рынок (domestic или export)"},
	"output_per_unit": {"Output per household or firm (units)", "Выпуск на домохозяйство или фирму (ед.)"},
	"fixed_costs":     {"Fixed costs (currency per household or firm a year)", "Постоянные затраты (валюта на домохозяйство или фирму в год)"},
	"interest_rate":   {"Interest rate (share a year)", "Процентная ставка (доля в год)"},
	"credit_months":   {"Months of credit", "Месяцев кредита"}, "tax_rate": {"Tax rate (share of revenue)", "Ставка налога (доля выручки)"},
	"subsidies":    {"Subsidies (currency per household or firm a year)", "Субсидии (валюта на домохозяйство или фирму в год)"},
	"depreciation": {"Depreciation (currency per household or firm a year)", "Амортизация (валюта на домохозяйство или фирму в год)"},
	"land_rent":    {"Land rent (currency per household or firm a year)", "Арендная плата (валюта на домохозяйство или фирму в год)"},
	"child_wage":   {"Child wage (currency a day)", "Зарплата ребёнка (валюта в день)"},
	"child_share":  {"Share of child-suitable days given to hired children", "Доля посильных дней, отдаваемых нанятым детям"},
	"female_share": {"Share of adult days worked by women", "Доля дней взрослых, отработанных женщинами"},
	"actor":        {"Actor (id)", "Участник (код)"}, "from": {"From actor (id)", "От участника (код)"}, "to": {"To actor (id)", "К участнику (коду)"},
	"product": {"Product (id)", "Продукт (код)"}, "share": {"Share of the seller's output (0-1)", "Доля выпуска продавца (0-1)"},
	"loss":           {"Share lost in transit (0-1)", "Доля потерь при перевозке (0-1)"},
	"transport_cost": {"Transport cost (currency per unit shipped)", "Транспорт (валюта за единицу)"},
	"days_per_unit":  {"Days of work per unit of product", "Дней работы на единицу продукта"},
	"child_suitable": {"Share of the days children can do (0-1)", "Доля дней, посильных детям (0-1)"},
	"hazardous":      {"Hazardous (true or false)", "Опасная (true или false)"},
	"adults":         {"Adults per household", "Взрослых в домохозяйстве"}, "adult_days": {"Days per adult a year on the farm", "Дней в году на взрослого в хозяйстве"},
	"children_5_11":   {"Children 5-11 per household", "Детей 5-11 в домохозяйстве"},
	"children_12_14":  {"Children 12-14 per household", "Детей 12-14 в домохозяйстве"},
	"children_15_17":  {"Children 15-17 per household", "Детей 15-17 в домохозяйстве"},
	"other_income":    {"Other income (currency per household a year)", "Прочий доход (валюта на домохозяйство в год)"},
	"off_farm_days":   {"Off-farm days per adult a year", "Дней работы вне хозяйства на взрослого в год"},
	"transfers":       {"Transfers (currency per household a year)", "Трансферты (валюта на домохозяйство в год)"},
	"alpha":           {"Alpha: weight of consumption", "Альфа: вес потребления"},
	"max_child_hours": {"Child's hours a week available", "Часов в неделю у ребёнка"},
	"season_weeks":    {"Weeks of the working season", "Недель рабочего сезона"},
	"scale_sd":        {"Spread of household size (sd of scale)", "Разброс размера хозяйств (ст. откл.)"},
	"type":            {"Intervention type (guide)", "Тип вмешательства (руководство)"},
	"targets":         {"Target actor (id)", "Целевой участник (код)"}, "coverage": {"Coverage (share reached, 0-1)", "Охват (доля, 0-1)"},
	"start": {"First year", "Первый год"}, "end": {"Last year", "Последний год"},
	"ramp_years": {"Years to full coverage", "Лет до полного охвата"},
	"scenario":   {"Scenario (name)", "Сценарий (название)"},
	"group":      {"Household group (actor id)", "Группа домохозяйств (код участника)"},
	"weight":     {"Households this row stands for", "Домохозяйств за строкой"},
}

// Key returns the readable name of a chain file's key, with its unit, in
// language l: "price" is "Price (currency per unit)"; a key it does not
// know is returned as it is. The workbooks head their columns with it and
// the report labels its assumptions with it.
func (l Lang) Key(key string) string { return label(key, string(l)) }

// label returns the header of a key in the language, or the key.
func label(key, lang string) string {
	if item, ok := strings.CutPrefix(key, "costs."); ok {
		return map[bool]string{false: "Cost per unit of product: ", true: "Затраты на единицу продукта: "}[lang == "ru"] + item
	}
	base := key
	if i := indexAny(key, "["); i > 0 {
		base = key[:i]
	}
	if j := lastDot(base); j >= 0 {
		if l, ok := keyLabels[base[j+1:]]; ok {
			return pick(l, lang) + " (" + key + ")"
		}
	}
	if l, ok := keyLabels[base]; ok {
		if base != key {
			return pick(l, lang) + " " + key[len(base):]
		}
		return pick(l, lang)
	}
	return key
}

func pick(l [2]string, lang string) string {
	if lang == "ru" {
		return l[1]
	}
	return l[0]
}

func indexAny(s, chars string) int {
	for i, c := range s {
		for _, d := range chars {
			if c == d {
				return i
			}
		}
	}
	return -1
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

package tables

import (
	"reflect"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
)

// Kind is what a column holds; it decides how the column is formatted on
// every surface (CSV, workbook, page).
type Kind string

// Kinds of column, named after the Go types of the rows' fields.
const (
	KindText   Kind = "Text"   // words, names, ids
	KindPeople Kind = "People" // children: whole numbers (rounded only when written)
	KindMoney  Kind = "Money"  // an amount in the chain's currency, two decimals
	KindShare  Kind = "Share"  // a fraction, shown as a percentage
	KindRatio  Kind = "Ratio"  // a ratio of two amounts (BCR), a plain number
	KindRatio4 Kind = "Ratio4" // a ratio of the policy analysis matrix, four decimals
	KindQty    Kind = "Qty"    // a volume, count, days or hours
	KindNum    Kind = "Num"    // a statistic of any indicator (Monte Carlo)
	KindCount  Kind = "Count"  // an integer (households, a year, a step)
	KindBool   Kind = "Bool"   // yes or no
)

// Column is a column of a result table: its CSV header (Key), what it
// holds (Kind), its unit and its label in each language.
type Column struct {
	Key  string
	Kind Kind
	// Unit is "currency" (the chain's), "children", "days", "hours",
	// "households", "share", "ratio", "units" (the product's), "FTE" or
	// "" (text, counts with no unit).
	Unit   string
	EN, RU string
}

// Heading is the column's header in the language l: the CSV key in
// English (what docs/outputs.md documents and scripts read), the Russian
// label in Russian, with the currency when the column is an amount.
func (c Column) Heading(l lang.Lang, currency string) string {
	if l != lang.RU {
		return c.Key
	}
	h := c.RU
	if c.Unit == "currency" && currency != "" {
		h += ", " + currency
	}
	return h
}

// Columns returns the columns of rows, a slice of structs with csv tags
// (embedded structs' columns in their place), with their labels. A column
// without a label is labelled by its key (TestEveryColumnLabelled keeps
// that from happening).
func Columns(rows any) []Column {
	t := reflect.TypeOf(rows)
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var cols []Column
	for _, f := range fieldsOf(t) {
		cols = append(cols, columnOf(f.key, f.typ))
	}
	return cols
}

type field struct {
	key   string
	typ   reflect.Type
	index []int
}

// fieldsOf lists the csv-tagged fields of t, embedded structs flattened.
func fieldsOf(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			for _, g := range fieldsOf(f.Type) {
				g.index = append([]int{i}, g.index...)
				out = append(out, g)
			}
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("csv"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		out = append(out, field{tag, f.Type, []int{i}})
	}
	return out
}

// columnOf is the column of key whose values have the type t.
func columnOf(key string, t reflect.Type) Column {
	c := Column{Key: key, Kind: kindOf(t), EN: key, RU: key}
	if l, ok := labels[key]; ok {
		c.EN, c.RU, c.Unit = l.en, l.ru, l.unit
	}
	return c
}

func kindOf(t reflect.Type) Kind {
	switch t.Kind() {
	case reflect.Float64, reflect.Float32:
		switch k := Kind(t.Name()); k {
		case KindPeople, KindMoney, KindShare, KindRatio, KindRatio4, KindQty, KindNum:
			return k
		}
		return KindQty
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64:
		return KindCount
	case reflect.Bool:
		return KindBool
	}
	return KindText
}

// Cells returns the cells of rows in the language l, row by row in the
// order of Columns: text translated (Value), numbers as float64 (NaN where
// undefined, left unrounded: the surface formats them by Kind), integers
// as int64 and booleans as bool (Russian: "да" or "нет" as text).
func Cells(rows any, l lang.Lang) [][]any {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return nil
	}
	fs := fieldsOf(v.Type().Elem())
	out := make([][]any, v.Len())
	for i := range out {
		e := v.Index(i)
		row := make([]any, len(fs))
		for j, f := range fs {
			x := e.FieldByIndex(f.index)
			switch x.Kind() {
			case reflect.Float64, reflect.Float32:
				row[j] = x.Float()
			case reflect.Int, reflect.Int64, reflect.Int32:
				row[j] = x.Int()
			case reflect.Uint64:
				row[j] = int64(x.Uint())
			case reflect.Bool:
				if l == lang.RU {
					row[j] = Value(f.key, boolText(x.Bool()), l)
				} else {
					row[j] = x.Bool()
				}
			case reflect.String:
				row[j] = Value(f.key, x.String(), l)
			default:
				row[j] = Value(f.key, x.String(), l)
			}
		}
		out[i] = row
	}
	return out
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Value returns a text cell of the column key in the language l: the words
// vcsim writes (kinds, stages, sexes, "total", "baseline", yes and no,
// work classes, indicator names) in Russian; names the user wrote come back
// as they are.
func Value(key, s string, l lang.Lang) string {
	if l != lang.RU || s == "" {
		return s
	}
	if m, ok := valueWords[key]; ok {
		if t, ok := m[s]; ok {
			return t
		}
	}
	switch key {
	case "scenario", "scenario_a", "scenario_b":
		if s == "baseline" {
			return "базовый сценарий"
		}
	case "indicator":
		if lb, ok := labels[s]; ok {
			return lb.ru
		}
	}
	if t, ok := anyWords[s]; ok {
		return t
	}
	return s
}

// Rename returns a copy of rows (a slice of structs) whose scenario
// columns (scenario, scenario_a, scenario_b) hold names[old] where names
// gives one: the scenarios' names in the language of the table.
func Rename(rows any, names map[string]string) any {
	v := reflect.ValueOf(rows)
	if len(names) == 0 || v.Kind() != reflect.Slice {
		return rows
	}
	cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(cp, v)
	for _, f := range fieldsOf(v.Type().Elem()) {
		if f.key != "scenario" && f.key != "scenario_a" && f.key != "scenario_b" {
			continue
		}
		for i := 0; i < cp.Len(); i++ {
			x := cp.Index(i).FieldByIndex(f.index)
			if n, ok := names[x.String()]; ok && n != "" {
				x.SetString(n)
			}
		}
	}
	return cp.Interface()
}

// valueWords translate the words vcsim writes in a column, by column.
var valueWords = map[string]map[string]string{
	"kind":                {"household": "домохозяйство", "enterprise": "предприятие"},
	"stage":               {"input": "поставка ресурсов", "production": "производство", "collection": "заготовка", "processing": "переработка", "trade": "торговля", "export": "экспорт", "retail": "розничная торговля"},
	"source":              {"household": "дети домохозяйств", "hired": "нанятые дети", "all": "все"},
	"sex":                 {"all": "все", "girls": "девочки", "boys": "мальчики"},
	"group":               {"all": "все группы", "hired": "нанятые дети"},
	"name":                {"whole chain": "вся цепочка", "sum of the actors": "сумма участников"},
	"actor":               {"sum_of_actors": "сумма участников"},
	"below_poverty_line":  {"yes": "да", "no": "нет"},
	"hazardous_task":      {"yes": "да", "no": "нет"},
	"done_by":             {"anyone": "все", "men": "мужчины", "women": "женщины", "boys": "мальчики", "girls": "девочки", "adults": "взрослые"},
	"stable":              {"true": "да", "false": "нет"},
	"market_settles_here": {"true": "да", "false": "нет"},
}

// anyWords translate words vcsim writes in any text column.
var anyWords = map[string]string{
	"total":                  "итого",
	"not working":            "не работает",
	"permitted work":         "допустимая работа",
	"child labour":           "детский труд",
	"hazardous child labour": "опасный детский труд",
}

// label is a column's label in English and Russian, and its unit.
type label struct{ en, ru, unit string }

// labels are the columns of every result table, by CSV key. Adding a
// column to a table is adding its label here (TestEveryColumnLabelled).
var labels = map[string]label{
	// Who and what.
	"actor":          {"actor", "участник", ""},
	"name":           {"name", "название", ""},
	"name_ru":        {"name in Russian", "название по-русски", ""},
	"kind":           {"kind", "тип", ""},
	"stage":          {"stage", "звено", ""},
	"group":          {"household group", "группа домохозяйств", ""},
	"source":         {"source", "источник", ""},
	"task":           {"task", "задача", ""},
	"done_by":        {"who does it", "кто выполняет", ""},
	"hazardous_task": {"hazardous task", "опасная задача", ""},
	"band":           {"age band", "возраст", ""},
	"sex":            {"sex", "пол", ""},
	"product":        {"product", "продукт", ""},
	"unit":           {"unit", "единица", ""},
	"scenario":       {"scenario", "сценарий", ""},
	"year":           {"year", "год", ""},
	"step":           {"step", "шаг", ""},
	"count":          {"households or firms", "домохозяйств или предприятий", ""},
	"output":         {"output", "выпуск", "units"},
	// Accounts.
	"revenue":                            {"revenue", "выручка", "currency"},
	"purchases":                          {"purchases", "закупки", "currency"},
	"transport":                          {"transport", "транспорт", "currency"},
	"external_inputs":                    {"external inputs", "внешние ресурсы", "currency"},
	"intermediate_consumption":           {"intermediate consumption", "промежуточное потребление", "currency"},
	"value_added":                        {"value added", "добавленная стоимость", "currency"},
	"wages":                              {"wages", "оплата труда", "currency"},
	"interest":                           {"interest", "проценты", "currency"},
	"taxes":                              {"taxes", "налоги", "currency"},
	"depreciation":                       {"depreciation", "амортизация", "currency"},
	"rent":                               {"rent", "рента", "currency"},
	"net_operating_profit":               {"net operating profit", "чистая операционная прибыль", "currency"},
	"va_share":                           {"share of value added", "доля добавленной стоимости", "share"},
	"revenue_per_household":              {"revenue per household", "выручка на домохозяйство", "currency"},
	"value_added_per_household":          {"value added per household", "добавленная стоимость на домохозяйство", "currency"},
	"net_operating_profit_per_household": {"net operating profit per household", "чистая операционная прибыль на домохозяйство", "currency"},
	"revenue_per_firm":                   {"revenue per firm", "выручка на предприятие", "currency"},
	"value_added_per_firm":               {"value added per firm", "добавленная стоимость на предприятие", "currency"},
	"net_operating_profit_per_firm":      {"net operating profit per firm", "чистая операционная прибыль на предприятие", "currency"},
	// Margins.
	"price":                    {"price", "цена", "currency"},
	"units_per_final_unit":     {"units per unit of the final product", "единиц на единицу конечного продукта", "units"},
	"price_per_final_unit":     {"price per unit of the final product", "цена на единицу конечного продукта", "currency"},
	"transport_per_final_unit": {"transport per unit of the final product", "транспорт на единицу конечного продукта", "currency"},
	"margin_per_final_unit":    {"margin per unit of the final product", "маржа на единицу конечного продукта", "currency"},
	"share_of_final_price":     {"share of the final price", "доля в конечной цене", "share"},
	"services_per_final_unit":  {"services per unit of the final product", "услуги на единицу конечного продукта", "currency"},
	"services_share":           {"services' share of the final price", "доля услуг в конечной цене", "share"},
	"transport_share":          {"transport's share of the final price", "доля транспорта в конечной цене", "share"},
	"cumulative_share":         {"cumulative share", "накопленная доля", "share"},
	// Labour.
	"need_days":   {"days of work needed", "нужно дней работы", "days"},
	"family_days": {"family days", "дней работы семьи", "days"},
	"hired_days":  {"hired days", "дней наёмного труда", "days"},
	"adult_days":  {"adults' days", "дней работы взрослых", "days"},
	"female_days": {"women's days", "дней работы женщин", "days"},
	"male_days":   {"men's days", "дней работы мужчин", "days"},
	"child_days":  {"children's days", "дней работы детей", "days"},
	"fte":         {"full-time equivalents", "эквивалент полной занятости", "FTE"},
	// Children.
	"children":                           {"children", "дети", "children"},
	"working":                            {"working children", "работающие дети", "children"},
	"child_labour":                       {"children in child labour", "дети в детском труде", "children"},
	"hazardous_child_labour":             {"children in hazardous child labour", "дети в опасном детском труде", "children"},
	"child_labour_prevalence":            {"child labour prevalence", "распространённость детского труда", "share"},
	"hazardous_prevalence":               {"hazardous child labour prevalence", "распространённость опасного детского труда", "share"},
	"child_labour_hours_per_year":        {"hours of child labour a year", "часов детского труда в год", "hours"},
	"children_in_child_labour":           {"children in child labour", "дети в детском труде", "children"},
	"children_in_hazardous_child_labour": {"children in hazardous child labour", "дети в опасном детском труде", "children"},
	// Households.
	"households":                        {"households", "домохозяйства", "households"},
	"poverty_line_per_adult_equivalent": {"poverty line per adult equivalent", "черта бедности на взрослый эквивалент", "currency"},
	"poverty_line_per_household":        {"poverty line per household", "черта бедности на домохозяйство", "currency"},
	"mean_income_without_child_work":    {"mean income without children's work", "средний доход без работы детей", "currency"},
	"mean_cash_income":                  {"mean cash income", "средний денежный доход", "currency"},
	"mean_net_operating_profit":         {"mean net operating profit", "средняя чистая операционная прибыль", "currency"},
	"mean_adults_off_farm_wages":        {"mean adults' wages off the farm", "средний заработок взрослых вне хозяйства", "currency"},
	"mean_children_wages_from_chain":    {"mean children's wages in the chain", "средний заработок детей в цепочке", "currency"},
	"mean_children_wages_from_outside":  {"mean children's wages outside the chain", "средний заработок детей вне цепочки", "currency"},
	"mean_other_income":                 {"mean other income", "средний прочий доход", "currency"},
	"mean_transfers":                    {"mean transfers", "средние трансферты", "currency"},
	"mean_full_income":                  {"mean full income", "средний полный доход", "currency"},
	"median_cash_income":                {"median cash income", "медианный денежный доход", "currency"},
	"p10_cash_income":                   {"cash income, 10th percentile", "денежный доход, 10-й процентиль", "currency"},
	"p90_cash_income":                   {"cash income, 90th percentile", "денежный доход, 90-й процентиль", "currency"},
	"share_below_poverty_line":          {"share below the poverty line", "доля за чертой бедности", "share"},
	// One simulated household.
	"household":                 {"household", "домохозяйство", ""},
	"weight":                    {"weight", "вес", ""},
	"scale":                     {"adult equivalents", "взрослых эквивалентов", ""},
	"income_without_child_work": {"income without children's work", "доход без работы детей", "currency"},
	"cash_income":               {"cash income", "денежный доход", "currency"},
	"full_income":               {"full income", "полный доход", "currency"},
	"below_poverty_line":        {"below the poverty line", "за чертой бедности", ""},
	"children_5_11":             {"children 5-11", "дети 5–11 лет", "children"},
	"weekly_hours_5_11":         {"weekly hours, 5-11", "часов в неделю, 5–11 лет", "hours"},
	"work_5_11":                 {"work, 5-11", "работа, 5–11 лет", ""},
	"children_12_14":            {"children 12-14", "дети 12–14 лет", "children"},
	"weekly_hours_12_14":        {"weekly hours, 12-14", "часов в неделю, 12–14 лет", "hours"},
	"work_12_14":                {"work, 12-14", "работа, 12–14 лет", ""},
	"children_15_17":            {"children 15-17", "дети 15–17 лет", "children"},
	"weekly_hours_15_17":        {"weekly hours, 15-17", "часов в неделю, 15–17 лет", "hours"},
	"work_15_17":                {"work, 15-17", "работа, 15–17 лет", ""},
	// School.
	"enrolled":       {"enrolled", "учатся", "children"},
	"enrolment_rate": {"enrolment rate", "охват обучением", "share"},
	"work_only":      {"work only", "только работают", "share"},
	"work_and_study": {"work and study", "работают и учатся", "share"},
	"study_only":     {"study only", "только учатся", "share"},
	"neither":        {"neither", "не работают и не учатся", "share"},
	// Local labour market.
	"wage":                {"wage", "зарплата", "currency"},
	"stable":              {"stable", "устойчивое", ""},
	"market_settles_here": {"the market settles here", "рынок приходит сюда", ""},
	// Scenarios.
	"weekly_child_work_hours":                       {"children's weekly hours of work", "часов работы детей в неделю", "hours"},
	"mean_household_income":                         {"mean household income", "средний доход домохозяйства", "currency"},
	"intervention_cost":                             {"intervention cost", "затраты на вмешательства", "currency"},
	"adult_wage":                                    {"adult wage", "зарплата взрослого", "currency"},
	"children_in_child_labour_final_year":           {"children in child labour, final year", "дети в детском труде, последний год", "children"},
	"children_in_hazardous_child_labour_final_year": {"children in hazardous child labour, final year", "дети в опасном детском труде, последний год", "children"},
	"mean_household_income_final_year":              {"mean household income, final year", "средний доход домохозяйства, последний год", "currency"},
	"share_below_poverty_line_final_year":           {"share below the poverty line, final year", "доля за чертой бедности, последний год", "share"},
	"pv_cost":                                       {"present value of costs", "приведённая стоимость затрат", "currency"},
	"child_years_of_child_labour_avoided":           {"child-years of child labour avoided", "предотвращено ребёнко-лет детского труда", ""},
	"child_years_of_hazardous_child_labour_avoided": {"child-years of hazardous child labour avoided", "предотвращено ребёнко-лет опасного труда", ""},
	"cost_per_child_year_avoided":                   {"cost per child-year avoided", "затраты на предотвращённый ребёнко-год", "currency"},
	"pv_household_income_gained":                    {"present value of household income gained", "приведённая стоимость прироста дохода домохозяйств", "currency"},
	"pv_income_gained_per_household":                {"present value of income gained per household", "приведённая стоимость прироста дохода на домохозяйство", "currency"},
	"pv_education_benefit":                          {"present value of the education benefit", "приведённая стоимость выгоды от образования", "currency"},
	"benefit_cost_ratio":                            {"benefit-cost ratio", "соотношение выгод и затрат", "ratio"},
	"benefit_cost_ratio_with_spillover":             {"benefit-cost ratio with spillover", "соотношение выгод и затрат с мультипликатором", "ratio"},
	// Monte Carlo.
	"indicator":                {"indicator", "показатель", ""},
	"draws":                    {"draws", "расчётов", ""},
	"mean":                     {"mean", "среднее", ""},
	"sd":                       {"standard deviation", "стандартное отклонение", ""},
	"p05":                      {"5th percentile", "5-й процентиль", ""},
	"p25":                      {"25th percentile", "25-й процентиль", ""},
	"p50":                      {"median", "медиана", ""},
	"p75":                      {"75th percentile", "75-й процентиль", ""},
	"p95":                      {"95th percentile", "95-й процентиль", ""},
	"scenario_a":               {"scenario A", "сценарий А", ""},
	"scenario_b":               {"scenario B", "сценарий Б", ""},
	"p_a_better_than_b":        {"chance that A is better than B", "вероятность, что А лучше Б", "share"},
	"difference_a_minus_b_p05": {"A minus B, 5th percentile", "А минус Б, 5-й процентиль", ""},
	"difference_a_minus_b_p50": {"A minus B, median", "А минус Б, медиана", ""},
	"difference_a_minus_b_p95": {"A minus B, 95th percentile", "А минус Б, 95-й процентиль", ""},
	// Sensitivity.
	"parameter":         {"uncertain number", "неопределённое число", ""},
	"label":             {"label", "описание", ""},
	"line":              {"line", "строка", ""},
	"low_value":         {"low value (5th percentile)", "нижнее значение (5-й процентиль)", ""},
	"high_value":        {"high value (95th percentile)", "верхнее значение (95-й процентиль)", ""},
	"indicator_at_low":  {"indicator at the low value", "показатель при нижнем значении", ""},
	"indicator_at_high": {"indicator at the high value", "показатель при верхнем значении", ""},
	"swing":             {"swing", "размах", ""},
	"s1":                {"first-order index S1", "индекс первого порядка S1", ""},
	"s1_low":            {"S1, lower bound", "S1, нижняя граница", ""},
	"s1_high":           {"S1, upper bound", "S1, верхняя граница", ""},
	"st":                {"total index ST", "полный индекс ST", ""},
	"st_low":            {"ST, lower bound", "ST, нижняя граница", ""},
	"st_high":           {"ST, upper bound", "ST, верхняя граница", ""},
	// Policy analysis matrix.
	"revenue_private":             {"revenue at private prices (A)", "выручка в рыночных ценах (A)", "currency"},
	"tradable_inputs_private":     {"tradable inputs at private prices (B)", "торгуемые ресурсы в рыночных ценах (B)", "currency"},
	"domestic_factors_private":    {"domestic factors at private prices (C)", "внутренние факторы в рыночных ценах (C)", "currency"},
	"profit_private":              {"profit at private prices (D)", "прибыль в рыночных ценах (D)", "currency"},
	"revenue_social":              {"revenue at social prices (E)", "выручка в экономических ценах (E)", "currency"},
	"tradable_inputs_social":      {"tradable inputs at social prices (F)", "торгуемые ресурсы в экономических ценах (F)", "currency"},
	"domestic_factors_social":     {"domestic factors at social prices (G)", "внутренние факторы в экономических ценах (G)", "currency"},
	"profit_social":               {"profit at social prices (H)", "прибыль в экономических ценах (H)", "currency"},
	"revenue_divergence":          {"revenue divergence (I)", "расхождение выручки (I)", "currency"},
	"tradable_inputs_divergence":  {"tradable inputs divergence (J)", "расхождение торгуемых ресурсов (J)", "currency"},
	"domestic_factors_divergence": {"domestic factors divergence (K)", "расхождение внутренних факторов (K)", "currency"},
	"profit_divergence":           {"profit divergence (L)", "расхождение прибыли (L)", "currency"},
	"npco":                        {"nominal protection coefficient on output (NPCO)", "номинальный коэффициент защиты выпуска (NPCO)", "ratio"},
	"npci":                        {"nominal protection coefficient on inputs (NPCI)", "номинальный коэффициент защиты ресурсов (NPCI)", "ratio"},
	"epc":                         {"effective protection coefficient (EPC)", "коэффициент эффективной защиты (EPC)", "ratio"},
	"pcr":                         {"private cost ratio (PCR)", "коэффициент частных затрат (PCR)", "ratio"},
	"drc":                         {"domestic resource cost ratio (DRC)", "коэффициент внутренних затрат (DRC)", "ratio"},
	"pc":                          {"profitability coefficient (PC)", "коэффициент прибыльности (PC)", "ratio"},
	"srp":                         {"subsidy ratio to producers (SRP)", "коэффициент субсидирования (SRP)", "ratio"},
	"scb":                         {"social cost-benefit ratio (SCB)", "социальное соотношение затрат и выгод (SCB)", "ratio"},
	"pse":                         {"producer subsidy equivalent (PSE)", "эквивалент субсидии производителю (PSE)", "share"},
	"value_added_private":         {"value added at private prices", "добавленная стоимость в рыночных ценах", "currency"},
	"value_added_social":          {"value added at social prices", "добавленная стоимость в экономических ценах", "currency"},
	"drc_not_defined":             {"why the DRC is not defined", "почему коэффициент внутренних затрат не определён", ""},
}

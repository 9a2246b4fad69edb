package lang

import "strings"

// fieldLabels name, for a reader, the keys keyLabels leaves out (the
// report's assumptions use both; the workbooks only keyLabels).
var fieldLabels = map[string][2]string{
	"name":                 {"Name", "Название"},
	"beta":                 {"Beta: weight of children's time out of work, by age 5-11; 12-14; 15-17", "Бета: вес времени детей вне работы, по возрастам 5-11; 12-14; 15-17"},
	"boys_5_11":            {"Boys 5-11 per household", "Мальчиков 5-11 в домохозяйстве"},
	"boys_12_14":           {"Boys 12-14 per household", "Мальчиков 12-14 в домохозяйстве"},
	"boys_15_17":           {"Boys 15-17 per household", "Мальчиков 15-17 в домохозяйстве"},
	"girls_5_11":           {"Girls 5-11 per household", "Девочек 5-11 в домохозяйстве"},
	"girls_12_14":          {"Girls 12-14 per household", "Девочек 12-14 в домохозяйстве"},
	"girls_15_17":          {"Girls 15-17 per household", "Девочек 15-17 в домохозяйстве"},
	"hazard_exposure":      {"Share of working children exposed to hazards (0-1)", "Доля работающих детей, подверженных опасностям (0-1)"},
	"observed_prevalence":  {"Observed child-labour prevalence (share of children)", "Наблюдаемая доля детского труда (доля детей)"},
	"observed_enrolment":   {"Observed school enrolment, by age 5-11; 12-14; 15-17", "Наблюдаемый охват школой, по возрастам 5-11; 12-14; 15-17"},
	"school_cost":          {"School cost (currency per child a year), by age 5-11; 12-14; 15-17", "Расходы на школу (валюта на ребёнка в год), по возрастам 5-11; 12-14; 15-17"},
	"school_hours":         {"School hours a week, by age 5-11; 12-14; 15-17", "Часов школы в неделю, по возрастам 5-11; 12-14; 15-17"},
	"school_value":         {"Delta: value of schooling, by age 5-11; 12-14; 15-17", "Дельта: ценность учёбы, по возрастам 5-11; 12-14; 15-17"},
	"school_taste_sd":      {"Spread of the value of schooling between households (sd)", "Разброс ценности учёбы между домохозяйствами (ст. откл.)"},
	"poverty_line":         {"Poverty line (currency per adult equivalent a year)", "Черта бедности (валюта на взрослый эквивалент в год)"},
	"family_time_value":    {"Value of family time (share of the wage)", "Ценность семейного времени (доля зарплаты)"},
	"child_wage_work":      {"Children of the group may work for wages (true or false)", "Дети группы могут работать по найму (true или false)"},
	"off_farm_days_max":    {"Most off-farm days per adult a year", "Наибольшее число дней вне хозяйства на взрослого в год"},
	"off_farm_wage":        {"Off-farm wage (currency a day)", "Зарплата вне хозяйства (валюта в день)"},
	"child_productivity":   {"Child's output as a share of an adult's, by age 5-11; 12-14; 15-17", "Выработка ребёнка как доля выработки взрослого, по возрастам 5-11; 12-14; 15-17"},
	"first_adult":          {"Weight of the first adult", "Вес первого взрослого"},
	"other_adult":          {"Weight of each other adult", "Вес каждого следующего взрослого"},
	"child":                {"Weight of each child", "Вес каждого ребёнка"},
	"exchange_rate_factor": {"Shadow exchange rate factor", "Коэффициент теневого обменного курса"},
	"wage_factor":          {"Shadow wage factor (social cost of a day of hired work)", "Коэффициент теневой зарплаты (общественная цена дня наёмного труда)"},
	"remove_taxes":         {"Taxes and subsidies left out of social prices (true or false)", "Налоги и субсидии исключены из общественных цен (true или false)"},
	"domestic_costs":       {"Non-traded cost items", "Статьи неторгуемых затрат"},
	"labour_demand":        {"Labour demand outside the chain (days a year)", "Спрос на труд вне цепочки (дней в год)"},
	"demand_elasticity":    {"Elasticity of labour demand", "Эластичность спроса на труд"},
	"hired_child_hours":    {"Hours a week of a hired child", "Часов в неделю у нанятого ребёнка"},
	"hired_child_weeks":    {"Weeks a year of a hired child", "Недель в году у нанятого ребёнка"},
	"hired_girls_share":    {"Share of girls among hired children", "Доля девочек среди нанятых детей"},
	"hired_child_ages":     {"Hired children by age 5-11; 12-14; 15-17 (shares)", "Нанятые дети по возрастам 5-11; 12-14; 15-17 (доли)"},
	"done_by":              {"Done by", "Кем выполняется"},
	"supplied_by":          {"Supplied by", "Кем поставляется"},
	"area":                 {"Area (hectares per household or firm)", "Площадь (га на домохозяйство или фирму)"},
	"capital":              {"Capital (currency per household or firm)", "Капитал (валюта на домохозяйство или фирму)"},
	"rate":                 {"Rate (share)", "Ставка (доля)"},
	"fee":                  {"Fee (currency per unit)", "Плата (валюта за единицу)"},
	"tradable":             {"Tradable (true or false)", "Торгуемый (true или false)"},
	"social_price_factor":  {"Social price factor", "Коэффициент общественной цены"},
	"social_wage":          {"Social wage (currency a day)", "Общественная зарплата (валюта в день)"},
	"social_rent":          {"Social land rent (currency a year)", "Общественная арендная плата (валюта в год)"},
	"bypass":               {"Share that bypasses this actor (0-1)", "Доля, минующая этого участника (0-1)"},
	"split":                {"Split", "Распределение"},
	"label":                {"Label", "Подпись"},
	"source":               {"Source", "Источник"},
	"study":                {"Study", "Исследование"},
	"commodity":            {"Commodity", "Товар"},
	"farm_price":           {"Farm-gate price (currency per unit)", "Цена у фермы (валюта за единицу)"},
	"end_price":            {"End price (currency per unit)", "Конечная цена (валюта за единицу)"},
	// effects of interventions (scenario files)
	"amount":              {"Amount (poverty lines)", "Сумма (в чертах бедности)"},
	"beta_change":         {"Change of the weight of children's time", "Изменение веса времени детей"},
	"compliance":          {"Compliance (share)", "Соблюдение (доля)"},
	"conversion_change":   {"Change of conversion (relative)", "Изменение выхода продукта (относительное)"},
	"cost_change":         {"Change of costs (relative)", "Изменение затрат (относительное)"},
	"days_change":         {"Change of days of work (relative)", "Изменение дней работы (относительное)"},
	"hazard_change":       {"Change of hazards (relative)", "Изменение опасности (относительное)"},
	"hours_cap":           {"Cap on children's hours a week", "Предел часов детей в неделю"},
	"interest_change":     {"Change of the interest rate (relative)", "Изменение процентной ставки (относительное)"},
	"months":              {"Months", "Месяцев"},
	"output_change":       {"Change of output (relative)", "Изменение выпуска (относительное)"},
	"premium":             {"Price premium (relative)", "Надбавка к цене (относительная)"},
	"price_change":        {"Change of price (relative)", "Изменение цены (относительное)"},
	"school_cost_change":  {"Change of school costs (relative)", "Изменение расходов на школу (относительное)"},
	"school_value_gain":   {"Gain in the value of schooling", "Рост ценности учёбы"},
	"wage_change":         {"Change of the wage (relative)", "Изменение зарплаты (относительное)"},
	"withdrawal":          {"Share of children withdrawn", "Доля выведенных детей"},
	"youth_hazard_change": {"Change of hazards for youth 15-17 (relative)", "Изменение опасности для 15-17 лет (относительное)"},
}

// sectionLabels name the tables and lists of a chain file for a reader:
// the report prefixes a key's label with its section's ("Task «hand
// harvest»: Days of work per unit of product").
var sectionLabels = map[string][2]string{
	"task": {"Task", "Операция"}, "product": {"Product", "Продукт"}, "economic": {"Economic analysis", "Экономический анализ"},
	"border_price": {"Border price", "Мировая цена"}, "costs": {"Cost per unit of product", "Затраты на единицу продукта"},
	"equivalence": {"Adult equivalence scale", "Шкала эквивалентности"}, "link": {"Link", "Связь"},
	"price_ratio": {"Price ratio", "Соотношение цен"}, "factors": {"Factors", "Факторы"}, "appraisal": {"Appraisal", "Оценка"},
}

// Field returns the readable name of one key of a chain or scenario file
// (the last part of its path: "days_per_unit", "beta"), with its unit, in
// language l. A key it does not know is written as words ("off_farm_x"
// is "Off farm x"), never as it is: KnownField says which are known.
func (l Lang) Field(name string) string {
	if v, ok := fieldLabels[name]; ok {
		return v[l.index()]
	}
	if s := l.Key(name); s != name {
		return s
	}
	return words(name)
}

// KnownField reports whether Field has a label of name in both languages.
func KnownField(name string) bool {
	_, ok := fieldLabels[name]
	return ok || RU.Key(name) != name
}

// Section returns the readable name of a table or list of a chain file
// ("task" is "Task"), or the key as words.
func (l Lang) Section(name string) string {
	if v, ok := sectionLabels[name]; ok {
		return v[l.index()]
	}
	return l.Field(name)
}

// index is 1 for Russian, 0 for English: the column of the label maps.
func (l Lang) index() int {
	if l == RU {
		return 1
	}
	return 0
}

// words writes a key as words: "off_farm_x" is "Off farm x".
func words(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

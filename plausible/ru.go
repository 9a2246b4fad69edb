package plausible

// ru holds the Russian of the warnings' messages and hints, by their
// English; the arguments are the same, in the same order.
var ru = map[string]string{
	"the tasks need %s days a year per adult of its households, more than its adults and four hired workers each can work": "число дней работы в год на взрослого в домохозяйствах — %s: больше, чем могут отработать взрослые и по четыре наёмных работника на каждого",
	"the tasks need %s full-time workers per firm":                              "число работников полной занятости на предприятие — %s",
	"the chain's wage bill is %s times its final sales":                         "фонд оплаты труда цепочки больше её конечных продаж: отношение — %s",
	"the chain's %s FTE at the adult wage cost %s times its final sales":        "труд цепочки по зарплате взрослого (работников полной занятости: %s) стоит больше её конечных продаж: отношение — %s",
	"sells at %s what it buys at %s on link %d, with nothing lost or converted": "продаёт по %s то, что покупает по %s по связи %d, ничего не теряя и не перерабатывая",
	"its margin is %s of the final price":                                       "доля его наценки в конечной цене — %s",
	"its share of the chain's value added is %s (the whole chain's is 1)":       "его доля в добавленной стоимости цепочки — %s (у всей цепочки — 1)",
	"mean household income is %s poverty lines":                                 "отношение среднего дохода домохозяйства к черте бедности — %s",
	"%s%% of its children are in child labour":                                  "доля его детей, занятых детским трудом, — %s\u00a0%%",
	"makes %s %s of each unit it buys":                                          "производит %s (%s) из каждой купленной единицы",

	"days per tonne typed as days per kg? days_per_unit is per unit of the actor's product":                  "дни на тонну введены как дни на кг? days_per_unit — на единицу продукта участника",
	"a wage per month typed as per day, or days per tonne as per kg?":                                        "месячная зарплата введена как дневная или дни на тонну — как дни на кг?",
	"days per tonne typed as days per kg? the chain employs more than its sales can pay":                     "дни на тонну введены как дни на кг? в цепочке занято больше, чем могут оплатить её продажи",
	"a price per kg typed as per tonne, or the other way round?":                                             "цена за кг введена как цена за тонну или наоборот?",
	"check the unit of this price and of the one before it":                                                  "проверьте единицы этой цены и предыдущей",
	"another actor's value added is negative: check its costs and prices":                                    "у другого участника отрицательная добавленная стоимость: проверьте его затраты и цены",
	"an income or poverty line per month typed as per year, or the other way round?":                         "доход или черта бедности за месяц введены как годовые или наоборот?",
	"a monthly poverty line, or a yearly income typed where a monthly one belongs?":                          "черта бедности за месяц или годовой доход там, где нужен месячный?",
	"check child_suitable, the hours of the tasks and the household's preferences (alpha, beta)":             "проверьте child_suitable, часы работ и предпочтения домохозяйства (alpha, beta)",
	"conversion is units of product per unit bought: 0.35 kg of lint per kg of raw cotton, not 35 or 1/0.35": "conversion — единиц продукта на единицу закупки: 0,35 кг волокна на кг хлопка-сырца, а не 35 и не 1/0,35",
}

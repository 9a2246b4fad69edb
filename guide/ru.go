package guide

import "github.com/ilo-rma/vcsim/lang"

// ru holds the Russian of the catalogue's effect descriptions, units and
// "moves" lines, by their English text; a test checks that every one has
// its translation.
var ru = map[string]string{
	// Effect descriptions.
	"change in output per household or firm":                                                     "изменение выпуска на домохозяйство или предприятие",
	"change in external inputs per unit of output":                                               "изменение внешних затрат на единицу продукции",
	"change in days per unit of the tasks named in `tasks` (default: every child-suitable task)": "изменение дней труда на единицу продукции для задач из `tasks` (по умолчанию: всех задач, доступных детям)",
	"change in adopters' hazard exposure":                                                        "изменение подверженности опасностям у участников",
	"change in the price members get":                                                            "изменение цены, которую получают члены",
	"cooperative fee, share of members' revenue":                                                 "взнос кооперативу, доля выручки членов",
	"change in the interest rate":                                                                "изменение процентной ставки",
	"change in output from more working capital":                                                 "изменение выпуска благодаря большему оборотному капиталу",
	"premium as a share of the household's farm revenue, paid if no child is in child labour":    "надбавка как доля выручки хозяйства, выплачивается, если ни один ребёнок не занят детским трудом",
	"transfer per household a year":                                                              "выплата на домохозяйство в год",
	"transfer per complying child a year":                                                        "выплата на ребёнка, выполняющего условие, в год",
	"weekly hours a child may work and still count as complying":                                 "часов в неделю, которые ребёнок может работать, всё ещё выполняя условие",
	"extra paid days per adult of adopting households":                                           "дополнительные оплачиваемые дни на взрослого в домохозяйствах-участниках",
	"change in the adult wage the targets pay and earn":                                          "изменение заработка взрослых, который платят и получают участники",
	"change in the weight of children's non-work time":                                           "изменение веса времени детей вне работы",
	"change in the cost of enrolling a child (school_cost), when the chain has school keys (supplies, uniforms, transport given; range -1 to 0)": "изменение затрат на обучение ребёнка (school_cost), если в цепочке есть ключи школы (принадлежности, форма, транспорт предоставляются; диапазон от -1 до 0)",
	"added to the value of school (school_value) of every band, when the chain has school keys (range 0 to 0.5)":                                 "прибавляется к ценности школы (school_value) для всех возрастов, если в цепочке есть ключи школы (диапазон от 0 до 0,5)",
	"change in the hazard exposure of adopters' children aged 15-17":                                                                             "изменение подверженности опасностям детей 15–17 лет у участников",
	"change in the prices the targets get": "изменение цен, которые получают участники",
	"change in the targets' conversion":    "изменение выхода продукции у участников",
	"months from identification to withdrawal (the pilots: about four); a withdrawn child works that part of the year": "месяцев от выявления до вывода из труда (в пилотах — около четырёх); выведенный ребёнок работает эту часть года",
	"months": "месяцев",
	"share of the children at risk (who would start work this year) kept from starting; the pilots prevented 73 and 100 children at risk but published no count of those at risk, so the share withdrawn (about 0.6) is assumed": "доля детей группы риска (которые начали бы работать в этом году), которым не дают начать работать; пилоты предотвратили начало работы 73 и 100 детей группы риска, но не сообщили, сколько всего было детей группы риска, поэтому принята доля выведенных (около 0,6)",
	"share of identified children in child labour withdrawn each year": "доля выявленных детей в детском труде, выводимых из него каждый год",
	"share of signatories that stop hiring children":                   "доля подписавших, которые перестают нанимать детей",
	"change in the hired children's hazard exposure":                   "изменение подверженности опасностям у нанятых детей",
	// Units.
	Relative:     "относительное изменение",
	Share:        "доля",
	PovertyLines: "черт бедности в год (если сумма не указана)",
	UtilityUnits: "единиц полезности на ребёнка (как school_value)",
	DaysPerAdult: "дней на взрослого в год",
	"hours a week (0: the child-labour limit of each age band)": "часов в неделю (0: предел детского труда для каждой возрастной группы)",
	// What each type moves in the model.
	"child_share of the signatories to 0 (compliance) and their hired children's hazard exposure down (hazard_change); the actor's wage bill rises":                                      "child_share подписавших обнуляется (compliance), подверженность нанятых детей опасностям снижается (hazard_change); расходы участника на оплату труда растут",
	"output_per_unit up (output_change); costs per unit (cost_change)":                                                                                                                   "output_per_unit вверх (output_change); затраты на единицу (cost_change)",
	"days_per_unit of the named tasks down (days_change); hazard_exposure down (hazard_change); capital cost":                                                                            "days_per_unit названных задач вниз (days_change); hazard_exposure вниз (hazard_change); капитальные затраты",
	"producer price up (price_change); intermediary bypassed (`bypass`); fee as an external cost (fee)":                                                                                  "цена производителя вверх (price_change); посредник обходится (`bypass`); взнос как внешние затраты (fee)",
	"interest_rate down (interest_change); output up (output_change)":                                                                                                                    "interest_rate вниз (interest_change); выпуск вверх (output_change)",
	"price up for compliant adopting households (premium, a share of farm revenue); monitoring cost":                                                                                     "цена вверх для участников, выполняющих условие (premium, доля выручки хозяйства); затраты на мониторинг",
	"income without child work Y0 up (amount per household a year)":                                                                                                                      "доход без труда детей Y0 вверх (amount на домохозяйство в год)",
	"per-child transfer T paid when the child's hours stay below the child-labour limit (docs/model.md section 5); with school keys, only for enrolled children (section 5b)":            "выплата T на ребёнка, если его часы ниже предела детского труда (docs/model.md, раздел 5); при ключах школы — только на детей, записанных в школу (раздел 5b)",
	"adult off-farm days up (off_farm_days); adult_wage of the targets (wage_change)":                                                                                                    "дни работы взрослых вне хозяйства вверх (off_farm_days); adult_wage участников (wage_change)",
	"hazard_exposure of adopters down (hazard_change)":                                                                                                                                   "hazard_exposure участников вниз (hazard_change)",
	"beta_b up (beta_change): the value of children's time out of work; with school keys, school costs down (school_cost_change) and the value of school up (school_value_gain) instead": "beta_b вверх (beta_change): ценность времени детей вне работы; при ключах школы вместо этого затраты на школу вниз (school_cost_change) и ценность школы вверх (school_value_gain)",
	"beta_b up, smaller (beta_change)":                                         "beta_b вверх, слабее (beta_change)",
	"15-17 hazard exposure down (youth_hazard_change)":                         "подверженность опасностям в 15–17 лет вниз (youth_hazard_change)",
	"the targets' prices up (price_change); conversion up (conversion_change)": "цены участников вверх (price_change); выход продукции вверх (conversion_change)",
	"withdraws a share of identified child labourers of adopting households each year (withdrawal), months after identification (months); keeps a share of the children at risk, who would start work, from starting (prevention); with = the name of the package's cash_transfer or cct pays their households per withdrawn or prevented child": "каждый год выводит долю выявленных работающих детей в домохозяйствах-участниках (withdrawal) через months месяцев после выявления; не даёт начать работать доле детей группы риска, которые начали бы работать (prevention); with = название cash_transfer или cct из того же пакета: их домохозяйства получают выплату на каждого выведенного или не начавшего работать ребёнка",
	"children's hours of the targets set to zero while in force (start to end)": "часы работы детей у участников равны нулю, пока запрет действует (от start до end)",
}

// in returns the text s in the language lang: its Russian from ru when
// lang is "ru", s otherwise.
func in(l lang.Lang, s string) string {
	if l == lang.RU {
		if t, ok := ru[s]; ok {
			return t
		}
	}
	return s
}

package guide

// Units of effects.
const (
	Relative     = "relative change"
	Share        = "share"
	PovertyLines = "poverty lines a year (used when no amount is given)"
	DaysPerAdult = "days per adult a year"
	UtilityUnits = "utility units per child (as school_value)"
)

// ipecKyrgyz2011 is the evidence the seed programme itself produced.
var ipecKyrgyz2011 = Evidence{
	Source: "ILO-IPEC child labour monitoring pilots, Kyrgyzstan",
	Year:   2011,
	Finding: "a school-based service package (non-formal education, school reintegration, school supplies, " +
		"a monthly food basket, family counselling) withdrew 28 of 45 identified working children in one pilot " +
		"and 25 of 40 in another within four months, and prevented 73 and 100 children at risk from starting work", FindingRU: "школьный пакет услуг (неформальное образование, возвращение в школу, школьные принадлежности, ежемесячный продуктовый набор, консультирование семей) за четыре месяца вывел из труда 28 из 45 выявленных работающих детей в одном пилоте и 25 из 40 в другом и предотвратил начало работы 73 и 100 детей группы риска",
}

// Catalogue is the list of intervention types, in the order of docs/model.md section 8,
// followed by the legal ban that the labour-market analysis uses.
var Catalogue = []Intervention{
	{
		ID: "productivity", Name: "Productivity (training, farmer field schools)",
		NameRU:        "Повышение производительности (обучение, полевые школы фермеров)",
		Description:   "Farmers learn better practices in groups on demonstration plots: seed, spacing, fertiliser, water and pest management. Output per household rises; some practices cost more.",
		DescriptionRU: "Фермеры в группах на демонстрационных участках осваивают лучшие методы: семена, густоту посадки, удобрения, полив и защиту растений. Выпуск на хозяйство растёт; некоторые методы требуют больших затрат.",
		Moves:         "output_per_unit up (output_change); costs per unit (cost_change)",
		Effects: []Effect{
			{Key: "output_change", Default: 0.13, Low: 0.05, High: 0.25, Unit: Relative, Doc: "change in output per household or firm"},
			{Key: "cost_change", Default: 0.05, Low: 0, High: 0.15, Unit: Relative, Doc: "change in external inputs per unit of output"},
		},
		Evidence: []Evidence{{Source: "Waddington, Snilstveit, Hombrados et al., Campbell Systematic Reviews 10(6)", Year: 2014,
			Finding: "farmer field schools raised yields by about 13% and net incomes by about 19% on average, with wide variation", FindingRU: "полевые школы фермеров повысили урожайность в среднем примерно на 13 %, а чистый доход — примерно на 19 %, с большим разбросом"}},
		CostItems:   []string{"facilitators and master trainers", "demonstration plots and inputs", "farmers' time"},
		CostItemsRU: []string{"фасилитаторы и тренеры", "демонстрационные участки и ресурсы", "время фермеров"},
	},
	{
		ID: "mechanisation", Name: "Mechanisation and labour-saving technology",
		NameRU:        "Механизация и трудосберегающие технологии",
		Description:   "Tools and machines (weeders, sprayers with protection, harvesters, drying racks) that cut the days the tasks children do need, and often their hazards.",
		DescriptionRU: "Инструменты и машины (культиваторы, опрыскиватели с защитой, уборочные машины, сушилки), которые сокращают затраты труда на задачи, выполняемые детьми, и часто их опасность.",
		Moves:         "days_per_unit of the named tasks down (days_change); hazard_exposure down (hazard_change); capital cost",
		Effects: []Effect{
			{Key: "days_change", Default: -0.4, Low: -0.6, High: -0.2, Unit: Relative, Doc: "change in days per unit of the tasks named in `tasks` (default: every child-suitable task)"},
			{Key: "hazard_change", Default: -0.3, Low: -0.6, High: 0, Unit: Relative, Doc: "change in adopters' hazard exposure"},
		},
		Evidence: []Evidence{
			{Source: "Basu and Van, American Economic Review 88(3)", Year: 1998, Finding: "child labour falls when the demand for the work children do falls and adult earnings are above subsistence", FindingRU: "детский труд сокращается, когда падает спрос на работу, которую выполняют дети, а доходы взрослых выше прожиточного минимума"},
			{Source: "Tobacco Reporter (Kyrgyz Ministry of Agriculture)", Year: 2014, Finding: "the ministry sought investors for mechanised tobacco harvesting because manual harvesting is hard and harmful; effect sizes here are assumptions", FindingRU: "министерство искало инвесторов для механизированной уборки табака, поскольку ручная уборка тяжела и вредна; величины эффекта здесь — допущения"},
		},
		CostItems:   []string{"equipment (capital cost)", "maintenance and fuel", "operator training"},
		CostItemsRU: []string{"оборудование (капитальные затраты)", "обслуживание и топливо", "обучение операторов"},
	},
	{
		ID: "cooperative", Name: "Cooperatives and collective marketing",
		NameRU:        "Кооперативы и совместный сбыт",
		Description:   "Producers sell together: they bulk, grade and negotiate, reach buyers directly and share services. Members get a better price and may bypass an intermediary; the cooperative charges a fee.",
		DescriptionRU: "Производители продают вместе: собирают партии, сортируют, ведут переговоры, выходят на покупателей напрямую. Члены получают лучшую цену и могут обойти посредника; кооператив берёт взнос.",
		Moves:         "producer price up (price_change); intermediary bypassed (`bypass`); fee as an external cost (fee)",
		Effects: []Effect{
			{Key: "price_change", Default: 0.08, Low: 0.03, High: 0.15, Unit: Relative, Doc: "change in the price members get"},
			{Key: "fee", Default: 0.02, Low: 0, High: 0.05, Unit: Share, Doc: "cooperative fee, share of members' revenue"},
		},
		Evidence: []Evidence{{Source: "Fischer and Qaim, World Development 40(6)", Year: 2012,
			Finding: "banana farmers in Kenya marketing through groups obtained higher prices and incomes than non-members", FindingRU: "производители бананов в Кении, продававшие через группы, получали более высокие цены и доходы, чем не члены групп"}},
		CostItems:   []string{"organisation and registration", "management training", "storage and weighing equipment"},
		CostItemsRU: []string{"организация и регистрация", "обучение управлению", "склады и весовое оборудование"},
	},
	{
		ID: "finance", Name: "Finance (credit, savings groups)",
		NameRU:        "Доступ к финансам (кредит, группы сбережений)",
		Description:   "Cheaper working capital through savings groups, microfinance or buyer credit. Interest costs fall; more capital may expand the enterprise, and with it the work children could do.",
		DescriptionRU: "Более дешёвый оборотный капитал через группы сбережений, микрофинансирование или кредит покупателя. Процентные расходы снижаются; больше капитала может расширить хозяйство, а с ним и работу, доступную детям.",
		Moves:         "interest_rate down (interest_change); output up (output_change)",
		Effects: []Effect{
			{Key: "interest_change", Default: -0.4, Low: -0.6, High: -0.1, Unit: Relative, Doc: "change in the interest rate"},
			{Key: "output_change", Default: 0.03, Low: 0, High: 0.1, Unit: Relative, Doc: "change in output from more working capital"},
		},
		Evidence: []Evidence{
			{Source: "Banerjee, Duflo, Glennerster and Kinnan, AEJ: Applied 7(1)", Year: 2015, Finding: "microcredit expanded some existing businesses but had no significant effect on average consumption", FindingRU: "микрокредит расширил часть существующих предприятий, но не дал значимого эффекта на среднее потребление"},
			{Source: "Hazarika and Sarangi, World Development 36(5)", Year: 2008, Finding: "household access to microcredit in rural Malawi was associated with more child work", FindingRU: "доступ домохозяйств к микрокредиту в сельском Малави был связан с большим объёмом детского труда"},
		},
		CostItems:   []string{"group formation and training", "loan guarantee or subsidy", "follow-up"},
		CostItemsRU: []string{"создание групп и обучение", "гарантия или субсидия по кредиту", "сопровождение"},
	},
	{
		ID: "premium", Name: "Child-labour-free premium (sourcing, certification)",
		NameRU:        "Премия за продукцию без детского труда (закупки, сертификация)",
		Description:   "A buyer pays a premium to households whose children are not in child labour, checked by monitoring. Households weigh the premium against their children's work.",
		DescriptionRU: "Покупатель платит надбавку хозяйствам, где дети не заняты детским трудом, что проверяется мониторингом. Хозяйство сопоставляет надбавку с доходом от работы детей.",
		Moves:         "price up for compliant adopting households (premium, a share of farm revenue); monitoring cost",
		Effects: []Effect{
			{Key: "premium", Default: 0.10, Low: 0.05, High: 0.20, Unit: Share, Doc: "premium as a share of the household's farm revenue, paid if no child is in child labour"},
		},
		Evidence: []Evidence{{Source: "NORC at the University of Chicago, cocoa report for the US Department of Labor", Year: 2020,
			Finding: "child labour in cocoa growing in Côte d'Ivoire and Ghana rose from 31% to 45% of children in agricultural households between 2008-09 and 2018-19 as production grew; sourcing commitments alone did not reverse it", FindingRU: "доля детского труда в выращивании какао в Кот-д’Ивуаре и Гане выросла с 31 % до 45 % детей сельскохозяйственных домохозяйств между 2008–09 и 2018–19 годами вместе с ростом производства; одни обязательства по закупкам этого не изменили"}},
		CostItems:   []string{"premium paid", "verification and monitoring", "certification fees"},
		CostItemsRU: []string{"выплаченная надбавка", "проверка и мониторинг", "плата за сертификацию"},
	},
	{
		ID: "cash_transfer", Name: "Unconditional cash transfer",
		NameRU:        "Безусловные денежные трансферты",
		Description:   "A regular cash payment to poor households with no conditions. It raises income without child work, so households that need their children's earnings to reach subsistence need them less.",
		DescriptionRU: "Регулярная денежная выплата бедным хозяйствам без условий. Она повышает доход без детского труда, и хозяйства меньше нуждаются в заработке детей.",
		Moves:         "income without child work Y0 up (amount per household a year)",
		Effects: []Effect{
			{Key: "amount", Default: 0.25, Low: 0.1, High: 0.5, Unit: PovertyLines, Doc: "transfer per household a year"},
		},
		Evidence: []Evidence{
			{Source: "Edmonds and Schady, AEJ: Economic Policy 4(4)", Year: 2012, Finding: "Ecuador's Bono de Desarrollo Humano, about USD 15 a month, sharply reduced paid work of children at the margin of working", FindingRU: "программа Bono de Desarrollo Humano в Эквадоре (около 15 долл. США в месяц) резко сократила оплачиваемую работу детей на грани занятости"},
			{Source: "de Hoop and Rosati, World Bank Research Observer 29(2)", Year: 2014, Finding: "most evaluated cash transfer programmes reduced child labour, though some raised it where transfers financed household enterprises", FindingRU: "большинство оценённых программ денежных трансфертов сократили детский труд, хотя некоторые увеличили его там, где трансферты финансировали семейные предприятия"},
		},
		CostItems:   []string{"transfers paid", "targeting and registration", "payment delivery"},
		CostItemsRU: []string{"выплаченные трансферты", "отбор и регистрация", "доставка выплат"},
	},
	{
		ID: "cct", Name: "Conditional transfer (school-linked food basket)",
		NameRU:        "Условные трансферты (продуктовый набор при посещении школы)",
		Description:   "A payment or food basket for each child who attends school and stays out of child labour. The household takes it if it is better off with the condition than with the child's work.",
		DescriptionRU: "Выплата или продуктовый набор на каждого ребёнка, который посещает школу и не занят детским трудом. Хозяйство принимает его, если с условием ему лучше, чем с работой ребёнка.",
		Moves:         "per-child transfer T paid when the child's hours stay below the child-labour limit (docs/model.md section 5); with school keys, only for enrolled children (section 5b)",
		Effects: []Effect{
			{Key: "amount", Default: 0.1, Low: 0.05, High: 0.2, Unit: PovertyLines, Doc: "transfer per complying child a year"},
			{Key: "hours_cap", Default: 0, Low: 0, High: 14, Rule: true, Unit: "hours a week (0: the child-labour limit of each age band)", Doc: "weekly hours a child may work and still count as complying"},
		},
		Evidence: []Evidence{
			ipecKyrgyz2011,
			{Source: "Skoufias and Parker, Economía 2(1) (PROGRESA, Mexico)", Year: 2001, Finding: "school-conditional grants reduced the work of boys and girls of 12-17 while raising school attendance", FindingRU: "пособия при условии посещения школы сократили работу мальчиков и девочек 12–17 лет и повысили посещаемость школ"},
		},
		CostItems:   []string{"transfers or food baskets", "school attendance verification", "family counselling"},
		CostItemsRU: []string{"трансферты или продуктовые наборы", "проверка посещения школы", "консультирование семей"},
	},
	{
		ID: "adult_employment", Name: "Decent work for adults (jobs, wage floor, public works)",
		NameRU:        "Достойная занятость взрослых (рабочие места, минимальная оплата, общественные работы)",
		Description:   "More paid days for adults, or a higher wage. Household income rises; a higher adult wage also raises the value of children's work, so the effect on child labour depends on how poor households are.",
		DescriptionRU: "Больше оплачиваемых дней для взрослых или более высокая оплата. Доход хозяйства растёт; более высокая оплата взрослых повышает и ценность детского труда, поэтому влияние на детский труд зависит от бедности хозяйств.",
		Moves:         "adult off-farm days up (off_farm_days); adult_wage of the targets (wage_change)",
		Effects: []Effect{
			{Key: "off_farm_days", Default: 30, Low: 10, High: 60, Unit: DaysPerAdult, Doc: "extra paid days per adult of adopting households"},
			{Key: "wage_change", Default: 0, Low: 0, High: 0.2, Unit: Relative, Doc: "change in the adult wage the targets pay and earn"},
		},
		Evidence: []Evidence{{Source: "Shah and Steinberg, Journal of Human Resources 56(2) (NREGS, India)", Year: 2021,
			Finding: "the public works programme raised work and lowered schooling of adolescents, who replaced adults in home production", FindingRU: "программа общественных работ увеличила занятость и сократила обучение подростков, которые заменили взрослых в домашнем хозяйстве"}},
		CostItems:   []string{"wages of public works", "job placement services", "labour inspection"},
		CostItemsRU: []string{"оплата общественных работ", "услуги по трудоустройству", "трудовая инспекция"},
	},
	{
		ID: "osh", Name: "Occupational safety and health",
		NameRU:        "Безопасность и гигиена труда",
		Description:   "Safer work: protective equipment, safe pesticide storage and spraying by trained adults, shade, water and lighter loads (WIND-type participatory training). Hazardous child labour falls; child labour by hours does not.",
		DescriptionRU: "Более безопасный труд: средства защиты, безопасное хранение пестицидов и опрыскивание обученными взрослыми, тень, вода, меньшие тяжести (обучение по методике WIND). Опасный детский труд снижается, а детский труд по часам — нет.",
		Moves:         "hazard_exposure of adopters down (hazard_change)",
		Effects: []Effect{
			{Key: "hazard_change", Default: -0.5, Low: -0.8, High: -0.2, Unit: Relative, Doc: "change in adopters' hazard exposure"},
		},
		Evidence: []Evidence{{Source: "ILO, Safety and health in agriculture, code of practice", Year: 2011,
			Finding: "protective measures and the removal of children from spraying and heavy loads are the core of making farm work safe; effect sizes here are assumptions", FindingRU: "защитные меры и отстранение детей от опрыскивания и переноски тяжестей — основа безопасного сельского труда; величины эффекта здесь — допущения"}},
		CostItems:   []string{"protective equipment", "WIND trainers", "safe storage"},
		CostItemsRU: []string{"средства защиты", "тренеры WIND", "безопасное хранение"},
	},
	{
		ID: "education", Name: "Education (non-formal education, catch-up classes, school access)",
		NameRU:        "Образование (неформальное обучение, выравнивающие занятия, доступ к школе)",
		Description:   "Better and closer schooling, catch-up classes for children who dropped out, school supplies. Time in school is worth more to the household, so fewer hours go to work.",
		DescriptionRU: "Лучшее и более доступное обучение, выравнивающие занятия для бросивших школу, школьные принадлежности. Время в школе ценится выше, и меньше часов уходит на работу.",
		Moves:         "beta_b up (beta_change): the value of children's time out of work; with school keys, school costs down (school_cost_change) and the value of school up (school_value_gain) instead",
		Effects: []Effect{
			{Key: "beta_change", Default: 0.3, Low: 0.1, High: 0.6, Unit: Relative, Doc: "change in the weight of children's non-work time"},
			{Key: "school_cost_change", Default: -0.5, Low: -0.5, High: -0.5, Unit: Relative, Doc: "change in the cost of enrolling a child (school_cost), when the chain has school keys (supplies, uniforms, transport given; range -1 to 0)"},
			{Key: "school_value_gain", Default: 0.2, Low: 0.2, High: 0.2, Unit: UtilityUnits, Doc: "added to the value of school (school_value) of every band, when the chain has school keys (range 0 to 0.5)"},
		},
		Evidence: []Evidence{
			ipecKyrgyz2011,
			{Source: "Duflo, American Economic Review 91(4) (INPRES, Indonesia)", Year: 2001, Finding: "each new primary school per 1,000 children raised education by 0.12-0.19 years and wages by 1.5-2.7%", FindingRU: "каждая новая начальная школа на 1000 детей увеличила продолжительность обучения на 0,12–0,19 года и заработки на 1,5–2,7 %"},
		},
		CostItems:   []string{"teachers and classes", "school supplies and uniforms", "transport"},
		CostItemsRU: []string{"учителя и занятия", "школьные принадлежности и форма", "транспорт"},
	},
	{
		ID: "awareness", Name: "Awareness raising (SCREAM, campaigns)",
		NameRU:        "Повышение осведомлённости (SCREAM, кампании)",
		Description:   "Campaigns, community meetings and the SCREAM education-through-arts approach explain the harm of child labour and the value of school. Effects are smaller and less certain than those of services.",
		DescriptionRU: "Кампании, собрания в общинах и методика SCREAM (образование через искусство) объясняют вред детского труда и ценность школы. Эффект меньше и менее определён, чем у услуг.",
		Moves:         "beta_b up, smaller (beta_change)",
		Effects: []Effect{
			{Key: "beta_change", Default: 0.1, Low: 0, High: 0.2, Unit: Relative, Doc: "change in the weight of children's non-work time"},
		},
		Evidence: []Evidence{{Source: "ILO-IPEC, SCREAM: Supporting Children's Rights through Education, the Arts and the Media", Year: 2002,
			Finding: "widely used in Central Asia with trade unions and schools; no rigorous impact estimate, so the range starts at zero", FindingRU: "широко применяется в Центральной Азии вместе с профсоюзами и школами; строгой оценки воздействия нет, поэтому диапазон начинается с нуля"}},
		CostItems:   []string{"campaign materials", "facilitators", "community meetings"},
		CostItemsRU: []string{"материалы кампании", "фасилитаторы", "собрания в общинах"},
	},
	{
		ID: "youth_skills", Name: "Skills and decent work for youth 15-17",
		NameRU:        "Профессиональные навыки и достойный труд для молодёжи 15–17 лет",
		Description:   "Vocational training and safe apprenticeships move youth of working age out of hazardous tasks into decent youth work.",
		DescriptionRU: "Профессиональное обучение и безопасное ученичество переводят подростков трудоспособного возраста с опасных работ на достойную работу для молодёжи.",
		Moves:         "15-17 hazard exposure down (youth_hazard_change)",
		Effects: []Effect{
			{Key: "youth_hazard_change", Default: -0.7, Low: -1, High: -0.3, Unit: Relative, Doc: "change in the hazard exposure of adopters' children aged 15-17"},
		},
		Evidence: []Evidence{{Source: "Card, Kluve and Weber, Journal of the European Economic Association 16(3)", Year: 2018,
			Finding: "training programmes have small short-run effects that grow two to three years after the programme", FindingRU: "программы обучения дают небольшой краткосрочный эффект, который растёт через два–три года после программы"}},
		CostItems:   []string{"training courses", "apprenticeship stipends", "placement"},
		CostItemsRU: []string{"учебные курсы", "стипендии ученикам", "трудоустройство"},
	},
	{
		ID: "market_linkage", Name: "Market linkage and value addition",
		NameRU:        "Выход на рынки и добавление стоимости",
		Description:   "Links to new buyers or markets, grading, drying and processing at source: the targets get a better price or more product from their input.",
		DescriptionRU: "Связи с новыми покупателями и рынками, сортировка, сушка и переработка на месте: целевые участники получают лучшую цену или больше продукции из того же сырья.",
		Moves:         "the targets' prices up (price_change); conversion up (conversion_change)",
		Effects: []Effect{
			{Key: "price_change", Default: 0.05, Low: 0, High: 0.15, Unit: Relative, Doc: "change in the prices the targets get"},
			{Key: "conversion_change", Default: 0, Low: 0, High: 0.1, Unit: Relative, Doc: "change in the targets' conversion"},
		},
		Evidence: []Evidence{{Source: "Ashraf, Giné and Karlan, American Journal of Agricultural Economics 91(4) (DrumNet, Kenya)", Year: 2009,
			Finding: "linking farmers to export crops raised incomes in the first year, then the buyer stopped buying when export standards changed", FindingRU: "подключение фермеров к экспортным культурам повысило доходы в первый год, затем покупатель прекратил закупки из-за изменения экспортных стандартов"}},
		CostItems:   []string{"buyer search and contracts", "grading and drying equipment", "quality training"},
		CostItemsRU: []string{"поиск покупателей и контракты", "оборудование для сортировки и сушки", "обучение качеству"},
	},
	{
		ID: "monitoring", Name: "Child labour monitoring (CLMS: identify, refer, verify, track)",
		NameRU:        "Мониторинг детского труда (СМДТ: выявление, направление, проверка, отслеживание)",
		Description:   "Community monitors identify children in child labour, refer them to services, and follow them up. A share of the identified children leave child labour each year.",
		DescriptionRU: "Общественные мониторы выявляют детей, занятых детским трудом, направляют их к услугам и отслеживают. Каждый год часть выявленных детей прекращает детский труд.",
		Moves:         "withdraws a share of identified child labourers of adopting households each year (withdrawal), months after identification (months); keeps a share of the children at risk, who would start work, from starting (prevention); with = the name of the package's cash_transfer or cct pays their households per withdrawn or prevented child",
		Effects: []Effect{
			{Key: "withdrawal", Default: 0.6, Low: 0.4, High: 0.65, Unit: Share, Doc: "share of identified children in child labour withdrawn each year"},
			{Key: "months", Default: 4, Low: 4, High: 4, Unit: "months", Doc: "months from identification to withdrawal (the pilots: about four); a withdrawn child works that part of the year"},
			{Key: "prevention", Default: 0.6, Low: 0.6, High: 0.6, Unit: Share, Doc: "share of the children at risk (who would start work this year) kept from starting; the pilots prevented 73 and 100 children at risk but published no count of those at risk, so the share withdrawn (about 0.6) is assumed"},
		},
		Evidence: []Evidence{
			ipecKyrgyz2011,
			{Source: "International Cocoa Initiative, CLMRS effectiveness review", Year: 2021, Finding: "about 44% of children identified in child labour and supported were no longer in it after two follow-up visits", FindingRU: "около 44 % детей, выявленных в детском труде и получивших поддержку, не были в нём после двух контрольных визитов"},
		},
		CostItems:   []string{"community monitors", "referral services", "database and verification visits"},
		CostItemsRU: []string{"общественные мониторы", "услуги по направлению", "база данных и проверочные визиты"},
	},
	{
		ID: "code_of_conduct", Name: "Employers' code of conduct on child labour",
		NameRU:        "Кодекс поведения работодателей по детскому труду",
		Description:   "Farms and firms that hire children sign a code: they stop hiring children under the minimum age and keep adolescents out of hazardous tasks, and an employers' organisation verifies it. Adults hired at the adult wage do the days children leave.",
		DescriptionRU: "Хозяйства и предприятия, нанимающие детей, подписывают кодекс: они перестают нанимать детей младше минимального возраста и не допускают подростков к опасным работам, а объединение работодателей проверяет соблюдение. Дни, которые оставляют дети, выполняют взрослые за взрослую заработную плату.",
		Moves:         "child_share of the signatories to 0 (compliance) and their hired children's hazard exposure down (hazard_change); the actor's wage bill rises",
		Effects: []Effect{
			{Key: "compliance", Default: 0.7, Low: 0.4, High: 0.95, Unit: Share, Doc: "share of signatories that stop hiring children"},
			{Key: "hazard_change", Default: -0.3, Low: -0.6, High: 0, Unit: Relative, Doc: "change in the hired children's hazard exposure"},
		},
		Evidence: []Evidence{{Source: "ILO-IPEC and the Union of Employers of the Republic of Tajikistan", Year: 2011,
			Finding:   "the Union of Employers drafted a code of conduct on child labour with 114 farmers' associations; no measured effect on child labour is published: effect sizes here are assumptions",
			FindingRU: "Союз работодателей разработал кодекс поведения по детскому труду вместе со 114 ассоциациями фермеров; измеренный эффект на детский труд не опубликован: величины эффекта здесь — допущения"}},
		CostItems:   []string{"verification visits", "employers' organisation staff", "grievance channel"},
		CostItemsRU: []string{"проверочные визиты", "сотрудники объединения работодателей", "механизм подачи жалоб"},
	},
	{
		ID: "ban", Name: "Enforced ban on child labour (policy)",
		NameRU:        "Обеспечиваемый запрет детского труда (политика)",
		Description:   "Not a lever of the productive-inclusion guide but a policy: while it is enforced no child of the targeted households works. With a local labour market it can move wages from a bad to a good equilibrium (Basu and Van 1998).",
		DescriptionRU: "Не инструмент руководства, а мера политики: пока запрет соблюдается, дети целевых хозяйств не работают. На местном рынке труда он может перевести заработную плату из плохого равновесия в хорошее (Басу и Ван, 1998).",
		Moves:         "children's hours of the targets set to zero while in force (start to end)",
		Evidence: []Evidence{{Source: "Basu and Van, American Economic Review 88(3)", Year: 1998,
			Finding: "with multiple labour-market equilibria a temporary ban can move the economy to the equilibrium without child labour, where it stays after the ban is lifted", FindingRU: "при нескольких равновесиях на рынке труда временный запрет может перевести экономику в равновесие без детского труда, где она остаётся и после отмены запрета"}},
		CostItems:   []string{"labour inspection", "enforcement"},
		CostItemsRU: []string{"трудовая инспекция", "обеспечение соблюдения"},
	},
}

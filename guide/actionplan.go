package guide

import "github.com/ilo-rma/vcsim/lang"

// Plan is what an action plan says about an intervention type: the
// objective it serves and who usually carries it out, in the shape ILO
// action plans against child labour take (objective, responsible actors,
// timeline, budget, expected result).
type Plan struct {
	Objective, ObjectiveRU     string
	Responsible, ResponsibleRU []string
}

// plans holds the action-plan entry of every catalogue type. The
// responsible actors follow the tripartite roles of the ILO guide: the
// employers' organisation works with enterprises and buyers, the trade
// union with workers and households, government with services and law.
var plans = map[string]Plan{
	"productivity": {"Raise farm output and income per household so that families need less of their children's work",
		"Повысить выпуск и доход на хозяйство, чтобы семьи меньше нуждались в труде детей",
		[]string{"employers' organisation", "extension service", "buyers"}, []string{"объединение работодателей", "служба распространения знаний", "покупатели"}},
	"mechanisation": {"Replace the tasks children do with tools and machines, and make them less hazardous",
		"Заменить задачи, выполняемые детьми, инструментами и машинами и сделать их менее опасными",
		[]string{"employers' organisation", "buyers", "government (agriculture)"}, []string{"объединение работодателей", "покупатели", "государство (сельское хозяйство)"}},
	"cooperative": {"Get producers a better price by selling together",
		"Добиться лучшей цены для производителей через совместный сбыт",
		[]string{"employers' organisation", "producers' associations"}, []string{"объединение работодателей", "ассоциации производителей"}},
	"finance": {"Lower the cost of working capital for producers",
		"Снизить стоимость оборотного капитала для производителей",
		[]string{"employers' organisation", "microfinance institutions"}, []string{"объединение работодателей", "микрофинансовые организации"}},
	"premium": {"Reward produce made without child labour with a higher price",
		"Вознаградить продукцию без детского труда более высокой ценой",
		[]string{"buyers", "employers' organisation", "trade union (verification)"}, []string{"покупатели", "объединение работодателей", "профсоюз (проверка)"}},
	"cash_transfer": {"Lift poor households' income so that they do not depend on children's earnings",
		"Поднять доход бедных семей, чтобы они не зависели от заработка детей",
		[]string{"government (social protection)"}, []string{"государство (социальная защита)"}},
	"cct": {"Keep children in school and out of work with a transfer conditional on both",
		"Удержать детей в школе и вне работы с помощью выплаты при этих условиях",
		[]string{"government (social protection)", "schools", "trade union (monitoring)"}, []string{"государство (социальная защита)", "школы", "профсоюз (мониторинг)"}},
	"adult_employment": {"Give adults decent work and wages so that children's work is not needed",
		"Дать взрослым достойную работу и заработок, чтобы труд детей не был нужен",
		[]string{"government (labour)", "employers' organisation", "trade union"}, []string{"государство (труд)", "объединение работодателей", "профсоюз"}},
	"osh": {"Remove hazards from the work adolescents may lawfully do and protect every worker",
		"Устранить опасности в работе, разрешённой подросткам, и защитить всех работников",
		[]string{"trade union", "employers' organisation", "labour inspection"}, []string{"профсоюз", "объединение работодателей", "трудовая инспекция"}},
	"education": {"Bring working children back to school and keep them there",
		"Вернуть работающих детей в школу и удержать их там",
		[]string{"government (education)", "schools", "trade union (teachers)"}, []string{"государство (образование)", "школы", "профсоюз (учителя)"}},
	"awareness": {"Change what parents, employers and communities accept as children's work",
		"Изменить представления родителей, работодателей и общин о допустимой работе детей",
		[]string{"trade union", "employers' organisation", "local authorities"}, []string{"профсоюз", "объединение работодателей", "местные органы власти"}},
	"youth_skills": {"Give young people of working age skills and safe, decent jobs",
		"Дать молодёжи трудоспособного возраста навыки и безопасную достойную работу",
		[]string{"employers' organisation", "vocational schools", "trade union"}, []string{"объединение работодателей", "профессиональные училища", "профсоюз"}},
	"market_linkage": {"Link producers to buyers who pay for quality and processing",
		"Связать производителей с покупателями, которые платят за качество и переработку",
		[]string{"employers' organisation", "buyers"}, []string{"объединение работодателей", "покупатели"}},
	"monitoring": {"Identify working children, refer them to services and check that they stay out of work",
		"Выявлять работающих детей, направлять их к услугам и проверять, что они не возвращаются к работе",
		[]string{"local authorities", "trade union", "schools", "employers' organisation"}, []string{"местные органы власти", "профсоюз", "школы", "объединение работодателей"}},
	"code_of_conduct": {"Commit employers who hire children to stop and verify that they keep to it",
		"Добиться обязательства работодателей, нанимающих детей, прекратить это и проверять соблюдение",
		[]string{"employers' organisation", "farmers' associations", "trade union", "labour inspection"}, []string{"объединение работодателей", "ассоциации фермеров", "профсоюз", "трудовая инспекция"}},
	"ban": {"Enforce the law against child labour",
		"Обеспечить соблюдение закона против детского труда",
		[]string{"government (labour inspection)"}, []string{"государство (трудовая инспекция)"}},
}

// Objective returns the objective of the intervention type in an action
// plan, in the given language ("ru" or English).
func (iv *Intervention) Objective(l lang.Lang) string {
	p := plans[iv.ID]
	if l == "ru" {
		return p.ObjectiveRU
	}
	return p.Objective
}

// Responsible returns who usually carries out the intervention type, in
// the given language ("ru" or English).
func (iv *Intervention) Responsible(l lang.Lang) []string {
	p := plans[iv.ID]
	if l == "ru" {
		return p.ResponsibleRU
	}
	return p.Responsible
}

package lang

// outputMessages are the headings and words of vcsim's printed tables
// beyond the run and compare tables: the uncertainty table of compare
// --draws, pam, sensitivity and screen. They join the catalogue at start.
var outputMessages = map[string][2]string{
	"unc.title": {"%s: uncertainty", "%s: неопределённость"},
	"unc.head":  {"Median and 90%% interval over %d draws (%s sampling, seed %d); %d uncertain numbers", "Медиана и 90-процентный интервал; расчётов: %d (выборка: %s, seed %d); неопределённых чисел: %d"},
	"unc.cols": {"scenario\tchild labour (final year)\tbelow poverty\tcost per child-year (%s)\tBCR\tP(less child labour than baseline)",
		"сценарий\tдетский труд (последний год)\tза чертой бедности\tзатраты на ребёнко-год (%s)\tСВЗ\tP(детского труда меньше, чем в базовом)"},
	"unc.interval": {"%s (%s to %s)", "%s (%s–%s)"},
	"unc.random":   {"random", "случайная"},
	"unc.lhs":      {"lhs", "латинский гиперкуб"},
	"unc.halton":   {"halton", "последовательность Холтона"},
	"unc.tornado":  {"Tornado of %s: each uncertain number alone from its 5th to its 95th percentile", "Торнадо для «%s»: каждое неопределённое число по отдельности от 5-го до 95-го процентиля"},
	"unc.swing":    {"swing", "размах"},
	"unc.to":       {"to", "до"},
	"unc.sobol":    {"Sobol indices of %s (first order S1 and total ST, 95%% bootstrap intervals)", "Индексы Соболя для «%s» (первого порядка S1 и полные ST, 95-процентные бутстреп-интервалы)"},
}

func init() {
	for k, m := range outputMessages {
		if _, dup := messages[k]; dup {
			panic("lang: message " + k + " twice")
		}
		messages[k] = m
	}
}

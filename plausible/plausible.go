// Package plausible checks a chain and its baseline for numbers that are
// valid but implausible, the marks of a unit typed wrong in a workshop
// (days per tonne typed as days per kg, a price per tonne as per kg,
// monthly income as yearly). Each finding is a Warning: the number, the
// plausible range, the key's path and line, and a hint. vcsim run prints
// them; --strict makes them errors. docs/plausibility.md gives every rule
// with its threshold and its reason.
package plausible

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Thresholds of the rules (docs/plausibility.md says why each).
const (
	// MaxNeedPerAdult is the most days a year a household group's tasks
	// may need per adult of its households, hired workers included: 366
	// days of the adults themselves and up to four hired workers each.
	MaxNeedPerAdult = 5 * 366
	// MaxFTEPerFirm is the most full-time equivalents one enterprise of an
	// actor may employ in the chain.
	MaxFTEPerFirm = 5000
	// MinMarginShare is the lowest margin of a stage, as a share of the
	// final price.
	MinMarginShare = -0.5
	// MaxVAShare is the largest share of the chain's value added one
	// actor may have.
	MaxVAShare = 1
	// MaxLabourValue is the most the chain's labour, valued at the adult
	// wage, may be worth in final sales: family work is often paid less
	// than the wage, but not five times less than everything sold.
	MaxLabourValue = 5
	// MinIncomeRatio and MaxIncomeRatio bound a group's mean household
	// income, in poverty lines of its households.
	MinIncomeRatio, MaxIncomeRatio = 0.1, 20
)

// Rules are the names of the rules, in the order Check applies them
// (Warning.Rule is one of them).
var Rules = []string{"labour_need", "wages_over_sales", "fte_over_sales", "price_falls", "margin", "va_share", "income", "prevalence", "conversion"}

// Warning is an implausible number: Rule names the rule, Where the table
// (`actor "farm"`, "chain") and Field the key, Path its path in the file
// (as valuechain.Positions: "actor.0.task.1.days_per_unit") and Line its
// line (0 when unknown or when Cell, the cell of a chain read from a
// workbook, is known: valuechain.Chain.Cell). Value is
// the number, Low and High the plausible range (±Inf for an open end).
type Warning struct {
	Rule  string  `json:"rule"`
	Where string  `json:"where"`
	Field string  `json:"field"`
	Path  string  `json:"path"`
	Line  int     `json:"line,omitempty"`
	Cell  string  `json:"cell,omitempty"`
	Value float64 `json:"value"`
	Low   float64 `json:"-"`
	High  float64 `json:"-"`
	// Message and Hint are in English; In gives them in Russian, and
	// Localized gives a copy of the warning with them in a language.
	Message string `json:"message"`
	Hint    string `json:"hint"`
	// Plausible is the plausible range in words ("at most 1830") and Text
	// the whole warning as In writes it, in the language of Message.
	Plausible string `json:"plausible"`
	Text      string `json:"text"`

	format, hint string
	args         []any
}

// In returns the warning in the language lang ("ru" or English):
// "where: field: message (plausible: range); hint".
func (w Warning) In(l lang.Lang) string {
	msg, hint, rng := w.Message, w.Hint, w.Range("en")
	if l == "ru" {
		msg, hint, rng = w.ruMessage(), ruText(w.hint), w.Range("ru")
	}
	word := map[lang.Lang]string{lang.EN: "plausible", lang.RU: "правдоподобные значения"}[l]
	if word == "" {
		word = "plausible"
	}
	return fmt.Sprintf("%s: %s: %s (%s: %s); %s", place(w.Where, l), w.Field, msg, word, rng, hint)
}

// ruMessage is the message in Russian, with a decimal comma.
func (w Warning) ruMessage() string {
	return decimalComma(fmt.Sprintf(ruText(w.format), w.args...))
}

// decimalComma writes the decimal points of the numbers in s as commas
// (Russian).
func decimalComma(s string) string { return decimalPoint.ReplaceAllString(s, "$1,$2") }

var decimalPoint = regexp.MustCompile(`(\d)\.(\d)`)

// Localized returns a copy of w with Where, Message, Hint, Plausible and
// Text in the language lang ("ru" or English): what the page shows.
func (w Warning) Localized(l lang.Lang) Warning {
	if l == "ru" {
		w.Message, w.Hint = w.ruMessage(), ruText(w.hint)
	}
	w.Plausible, w.Text = w.Range(l), w.In(l)
	w.Where = place(w.Where, l)
	return w
}

// place writes where (`actor "farm"`, "chain", "link 2") in the language
// lang.
func place(where string, l lang.Lang) string {
	if l != lang.RU {
		return where
	}
	return strings.NewReplacer("actor ", "участник ", "chain", "цепочка", "link ", "связь ").Replace(where)
}

// MarshalJSON writes a value that is not finite (a need of +Inf days) as
// null: JSON has no infinity.
func (w Warning) MarshalJSON() ([]byte, error) {
	type plain Warning
	v := struct {
		plain
		Value *float64 `json:"value"`
	}{plain: plain(w)}
	if !math.IsInf(w.Value, 0) && !math.IsNaN(w.Value) {
		v.Value = &w.Value
	}
	return json.Marshal(v)
}

// Range says the plausible range: "at most 1830", "from 0.1 to 20"
// ("не больше 1830", "от 0,1 до 20").
func (w Warning) Range(l lang.Lang) string {
	ru := l == "ru"
	var s string
	switch {
	case math.IsInf(w.Low, -1):
		s = fmt.Sprintf("at most %.4g", w.High)
		if ru {
			s = fmt.Sprintf("не больше %.4g", w.High)
		}
	case math.IsInf(w.High, 1):
		s = fmt.Sprintf("at least %.4g", w.Low)
		if ru {
			s = fmt.Sprintf("не меньше %.4g", w.Low)
		}
	case ru:
		s = fmt.Sprintf("от %.4g до %.4g", w.Low, w.High)
	default:
		s = fmt.Sprintf("from %.4g to %.4g", w.Low, w.High)
	}
	if ru {
		s = decimalComma(s)
	}
	return s
}

// Error is the warnings of a chain as an error (vcsim run --strict).
type Error struct {
	File     string
	Warnings []Warning
}

func (e *Error) Error() string { return e.In("en") }

// In returns the warnings, one a line, each with the file and line.
func (e *Error) In(l lang.Lang) string {
	lines := make([]string, len(e.Warnings))
	for i, w := range e.Warnings {
		lines[i] = Where(e.File, w) + w.In(l)
	}
	return strings.Join(lines, "\n")
}

// Where returns "FILE:LINE: " or "FILE: CELL: " of a warning.
func Where(file string, w Warning) string {
	switch {
	case w.Cell != "":
		return file + ": " + w.Cell + ": "
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: ", file, w.Line)
	}
	return file + ": "
}

type checker struct {
	c    *valuechain.Chain
	pos  valuechain.Positions
	list []Warning
}

func (k *checker) add(rule, where, field, path string, x, lo, hi float64, hint, format string, args ...any) {
	// A chain read from a workbook names the key's cell; its lines are
	// those of the TOML text vcsim made of the workbook.
	line, cell := k.pos.Line(path), k.c.Cell(path)
	if cell != "" {
		line = 0
	}
	w := Warning{Rule: rule, Where: where, Field: field, Path: path, Line: line, Cell: cell,
		Value: x, Low: lo, High: hi, Message: fmt.Sprintf(format, args...), Hint: hint, format: format, hint: hint, args: args}
	k.list = append(k.list, w.Localized("en"))
}

// Check returns the warnings of chain c and its baseline r (model.Simulate
// of c), in the order of the rules and the actors.
func Check(c *valuechain.Chain, r *model.Result) []Warning {
	k := &checker{c: c, pos: c.Positions()}
	k.labour(r)
	k.sales(r)
	k.prices()
	k.margins(r)
	k.income(r)
	k.prevalence(r)
	k.conversions()
	return k.list
}

func actorWhere(a *valuechain.Actor) string { return fmt.Sprintf("actor %q", a.ID) }

// labour: the days an actor's tasks need, against what its households
// (with hired help) or its firms can plausibly give.
func (k *checker) labour(r *model.Result) {
	for i := range k.c.Actors {
		a := &k.c.Actors[i]
		if i >= len(r.Labour) || a.Count <= 0 || len(a.Tasks) == 0 {
			continue
		}
		need := r.Labour[i].Need
		// The warning goes to the task that needs the most days a unit:
		// the one a unit slip most likely made.
		top := 0
		for j, t := range a.Tasks {
			if t.DaysPerUnit > a.Tasks[top].DaysPerUnit {
				top = j
			}
		}
		path := fmt.Sprintf("actor.%d.task.%d.days_per_unit", i, top)
		if a.Kind == valuechain.Household && a.Household != nil && a.Household.Adults > 0 {
			perAdult := need / (a.Count * a.Household.Adults)
			if perAdult > MaxNeedPerAdult {
				k.add("labour_need", actorWhere(a), "task.days_per_unit", path, perAdult, math.Inf(-1), MaxNeedPerAdult,
					"days per tonne typed as days per kg? days_per_unit is per unit of the actor's product",
					"the tasks need %s days a year per adult of its households, more than its adults and four hired workers each can work", num(perAdult))
			}
			continue
		}
		if fte := need / k.c.FTE() / a.Count; a.Kind != valuechain.Household && fte > MaxFTEPerFirm {
			k.add("labour_need", actorWhere(a), "task.days_per_unit", path, fte, math.Inf(-1), MaxFTEPerFirm,
				"days per tonne typed as days per kg? days_per_unit is per unit of the actor's product",
				"the tasks need %s full-time workers per firm", num(fte))
		}
	}
}

// sales: the chain's wage bill, or its labour valued at the adult wage,
// above its final sales.
func (k *checker) sales(r *model.Result) {
	t := r.Totals
	if t.FinalSales <= 0 {
		return
	}
	if t.Wages > t.FinalSales {
		k.add("wages_over_sales", "chain", "adult_wage", "adult_wage", t.Wages/t.FinalSales, math.Inf(-1), 1,
			"a wage per month typed as per day, or days per tonne as per kg?",
			"the chain's wage bill is %s times its final sales", num(t.Wages/t.FinalSales))
	}
	if w := k.c.AdultWage; w > 0 {
		if v := t.LabourDays * w; v > MaxLabourValue*t.FinalSales {
			k.add("fte_over_sales", "chain", "fte", "adult_wage", v/t.FinalSales, math.Inf(-1), MaxLabourValue,
				"days per tonne typed as days per kg? the chain employs more than its sales can pay",
				"the chain's %s FTE at the adult wage cost %s times its final sales", num(t.FTE), num(v/t.FinalSales))
		}
	}
}

// prices: a buyer that neither converts what it buys nor loses any of it
// on the way, selling it for less than it paid.
func (k *checker) prices() {
	for li, l := range k.c.Links {
		if l.Loss > 0 {
			continue
		}
		seller, _ := k.c.Actor(l.From)
		buyer, bi := k.c.Actor(l.To)
		if seller == nil || buyer == nil || len(buyer.Products) > 0 || buyer.Conversion != nil && *buyer.Conversion != 1 {
			continue
		}
		paid := seller.Price
		if l.Price != nil {
			paid = *l.Price
		}
		if paid > 0 && buyer.Price > 0 && buyer.Price < paid {
			k.add("price_falls", actorWhere(buyer), "price", fmt.Sprintf("actor.%d.price", bi), buyer.Price, paid, math.Inf(1),
				"a price per kg typed as per tonne, or the other way round?",
				"sells at %s what it buys at %s on link %d, with nothing lost or converted", num(buyer.Price), num(paid), li+1)
		}
	}
}

// margins: a stage's margin far below zero, or an actor with more than
// the chain's whole value added.
func (k *checker) margins(r *model.Result) {
	for _, s := range r.Margins {
		if s.Share < MinMarginShare {
			a, i := k.c.Actor(s.Actor)
			if a == nil {
				continue
			}
			k.add("margin", actorWhere(a), "price", fmt.Sprintf("actor.%d.price", i), s.Share, MinMarginShare, math.Inf(1),
				"check the unit of this price and of the one before it",
				"its margin is %s of the final price", num(s.Share))
		}
	}
	for i, acc := range r.Accounts {
		if acc.VAShare > MaxVAShare && i < len(k.c.Actors) {
			a := &k.c.Actors[i]
			k.add("va_share", actorWhere(a), "price", fmt.Sprintf("actor.%d.price", i), acc.VAShare, math.Inf(-1), MaxVAShare,
				"another actor's value added is negative: check its costs and prices",
				"its share of the chain's value added is %s (the whole chain's is 1)", num(acc.VAShare))
		}
	}
}

// income: a group's mean household income far below or far above its
// poverty line.
func (k *checker) income(r *model.Result) {
	for _, g := range r.Groups {
		a, i := k.c.Actor(g.Actor)
		if a == nil || g.Subsistence <= 0 || g.Households == 0 {
			continue
		}
		ratio := g.MeanIncome / g.Subsistence
		path := fmt.Sprintf("actor.%d.household.other_income", i)
		switch {
		case ratio < MinIncomeRatio:
			k.add("income", actorWhere(a), "household.other_income", path, ratio, MinIncomeRatio, MaxIncomeRatio,
				"an income or poverty line per month typed as per year, or the other way round?",
				"mean household income is %s poverty lines", num(ratio))
		case ratio > MaxIncomeRatio:
			k.add("income", actorWhere(a), "household.other_income", path, ratio, MinIncomeRatio, MaxIncomeRatio,
				"a monthly poverty line, or a yearly income typed where a monthly one belongs?",
				"mean household income is %s poverty lines", num(ratio))
		}
	}
}

// prevalence: no child or every child of a group in child labour.
func (k *checker) prevalence(r *model.Result) {
	for _, g := range r.Groups {
		a, i := k.c.Actor(g.Actor)
		if a == nil {
			continue
		}
		var t model.Children
		for b := range g.ByBand {
			t.Add(&g.ByBand[b])
		}
		if t.Children < 1 {
			continue
		}
		p := t.ChildLabour / t.Children
		if p <= 0 || p >= 1 {
			k.add("prevalence", actorWhere(a), "task.child_suitable", fmt.Sprintf("actor.%d.household", i), p, 0, 1,
				"check child_suitable, the hours of the tasks and the household's preferences (alpha, beta)",
				"%s%% of its children are in child labour", num(100*p))
		}
	}
}

// conversions: an actor making more mass than it takes in.
func (k *checker) conversions() {
	for i := range k.c.Actors {
		a := &k.c.Actors[i]
		for j, p := range a.Outputs() {
			if p.Conversion == nil || *p.Conversion <= 1 || !mass(p.Unit) {
				continue
			}
			path := fmt.Sprintf("actor.%d.conversion", i)
			if len(a.Products) > 0 {
				path = fmt.Sprintf("actor.%d.product.%d.conversion", i, j)
			}
			k.add("conversion", actorWhere(a), "conversion", path, *p.Conversion, 0, 1,
				"conversion is units of product per unit bought: 0.35 kg of lint per kg of raw cotton, not 35 or 1/0.35",
				"makes %s %s of each unit it buys", num(*p.Conversion), p.Unit)
		}
	}
}

// mass reports whether a unit is a mass (kg, tonne...), whose conversion
// cannot exceed 1 when what is bought is a mass too.
func mass(unit string) bool {
	f := strings.Fields(strings.ToLower(unit))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "kg", "g", "t", "tonne", "tonnes", "ton", "tons", "кг", "г", "т", "тонна", "тонн", "тонны":
		return true
	}
	return false
}

// num writes x with three significant digits and no exponent: 1630000,
// 0.0312, 27.1 (a decimal point; Russian messages get a comma).
func num(x float64) string {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	return strconv.FormatFloat(x, 'f', -1, 64)
}

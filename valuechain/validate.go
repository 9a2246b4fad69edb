package valuechain

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
)

// Problem is one thing wrong with a chain: where it is (an actor, a link,
// the chain), the field and what was expected.
type Problem struct {
	Line  int    // line of the key in the file, 0 when unknown
	Cell  string // the workbook cell ("Links!D7"), for files read from xlsx
	Where string // `actor "gin"`, `link 3 (farm -> gin)`, `chain`
	Field string
	Msg   string

	format string // Msg's format and arguments, for In
	args   []any
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.Where + ": " + p.Msg
	}
	return p.Where + ": " + p.Field + ": " + p.Msg
}

// Problems collects the problems of a file, each with the line of its key.
// Validators name a table with At (its label in messages and its path in
// the file's Positions), then Add problems about its fields.
type Problems struct {
	pos   Positions
	paths map[string]string
	List  []Problem
}

// NewProblems returns an empty list for a file whose keys are at pos
// (nil when unknown).
func NewProblems(pos Positions) *Problems {
	return &Problems{pos: pos, paths: map[string]string{}}
}

// At records that the table labelled where is at path in the file.
func (ps *Problems) At(where, path string) { ps.paths[where] = path }

// Add adds a problem with field of the table labelled where. The field
// may be a dotted key ("costs.fertiliser") and may end in a bracketed
// note ("beta[5-11]").
func (ps *Problems) Add(where, field, format string, args ...any) {
	key, _, _ := strings.Cut(field, "[")
	path, ok := ps.paths[where]
	line := 0
	if ps.pos != nil {
		switch {
		case ok:
			line = ps.pos.Line(join(path, key))
		case where == "chain":
			line = ps.pos.Line(key)
		}
	}
	ps.List = append(ps.List, Problem{Line: line, Where: where, Field: field, Msg: fmt.Sprintf(format, args...), format: format, args: args})
}

// Err returns a *ValidationError for file, or nil when there are no problems.
func (ps *Problems) Err(file string) error {
	if len(ps.List) == 0 {
		return nil
	}
	return &ValidationError{File: file, Problems: ps.List}
}

// ValidationError lists every problem found in a chain.
type ValidationError struct {
	File     string
	Problems []Problem
}

func (e *ValidationError) Error() string { return e.In("en") }

// In returns the problems in the language lang ("ru" or English): the
// places and the messages are translated where the catalogue has them
// (every message of the validators has its Russian; a test checks it);
// keys stay as the file writes them.
func (e *ValidationError) In(l lang.Lang) string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if e.File != "" {
			b.WriteString(e.File)
			if p.Cell != "" {
				b.WriteString(": " + p.Cell)
			} else if p.Line > 0 {
				fmt.Fprintf(&b, ":%d", p.Line)
			}
			b.WriteString(": ")
		}
		b.WriteString(p.In(l))
	}
	return b.String()
}

// Plausible ranges of inputs: a value outside them is an error, so that
// every number the model computes stays finite (docs/chain-format.md).
const (
	MaxCount    = 1e8  // households or firms of one actor
	MaxMoney    = 1e15 // a price, cost, wage or income
	MaxQuantity = 1e12 // output per household or firm, in its unit
	MaxDays     = 1e7  // days of work per unit of product (a unit may be a container)
	MaxRatio    = 1e9  // a conversion factor
)

// Given reports whether the file set the key at path (false for a chain
// built in code).
func (ps *Problems) Given(path string) bool {
	_, ok := ps.pos[path]
	return ok
}

// zero reports a key given explicitly as 0 whose absence means a default:
// an explicit 0 is never silently replaced.
func (ps *Problems) zero(where, path, field string, x float64, def string) {
	if x == 0 && ps.Given(path) {
		ps.Add(where, field, "is 0: give a value greater than 0, or leave the key out for the default (%s)", def)
	}
}

// Validate checks a chain and returns a *ValidationError listing every
// problem, or nil. file names the chain in messages and may be empty.
func Validate(c *Chain, file string) error {
	v := &validator{NewProblems(c.pos)}
	for _, u := range c.Uncertain {
		if u.Dist == "guide" {
			v.List = append(v.List, Problem{Line: u.Line, Where: "chain", Field: u.Path, Msg: `"guide" takes the guide's range for an intervention effect in a scenario file; in a chain give a number or a distribution`})
		}
	}
	CheckCorrelations(v.Problems, c.Correlate, c.Uncertain)
	v.chain(c)
	ids := v.actors(c)
	v.links(c, ids)
	if len(v.List) == 0 {
		// The graph checks need unique ids and known link ends.
		if _, err := Order(c); err != nil {
			v.Add("chain", "link", "%s", err)
		}
	}
	return v.Err(file)
}

type validator struct{ *Problems }

func (v *validator) add(where, field, format string, args ...any) {
	v.Add(where, field, format, args...)
}

// num checks a number is finite and within [lo, hi] (use ±Inf for open ends).
func (v *validator) num(where, field string, x, lo, hi float64) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		v.add(where, field, "must be a finite number, got %v", x)
	case x < lo && lo == 0:
		v.add(where, field, "must not be negative, got %v", x)
	case x < lo || x > hi:
		v.add(where, field, "must be between %v and %v, got %v", lo, hi, x)
	}
}

// pos checks a number is finite and > 0.
func (v *validator) pos(where, field string, x float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x <= 0 {
		v.add(where, field, "must be a number greater than 0, got %v", x)
	}
}

func (v *validator) chain(c *Chain) {
	const w = "chain"
	if c.Name == "" {
		v.add(w, "name", "is missing")
	}
	if c.Currency == "" {
		v.add(w, "currency", "is missing (e.g. \"TJS\", \"KGS\", \"USD\")")
	}
	if c.Horizon < 0 || c.Horizon > 100 {
		v.add(w, "horizon", "must be between 1 and 100 years, got %d", c.Horizon)
	}
	v.zero(w, "horizon", "horizon", float64(c.Horizon), "5 years")
	v.zero(w, "hours_per_day", "hours_per_day", c.HoursPerDay, "8")
	v.zero(w, "fte_days", "fte_days", c.FTEDays, "250")
	v.num(w, "discount_rate", c.DiscountRate, 0, 1)
	v.num(w, "poverty_line", c.PovertyLine, 0, MaxMoney)
	v.num(w, "adult_wage", c.AdultWage, 0, MaxMoney)
	v.num(w, "hours_per_day", c.HoursPerDay, 0, 24)
	v.num(w, "fte_days", c.FTEDays, 0, 366)
	if g := c.ChildProductivity; g != nil {
		for b, x := range g {
			v.num(w, "child_productivity["+BandNames[b]+"]", x, 0, 2)
		}
	}
	if e := c.Equivalence; e != nil {
		v.pos(w, "equivalence.first_adult", e.FirstAdult)
		v.num(w, "equivalence.first_adult", e.FirstAdult, 0, 10)
		v.num(w, "equivalence.other_adult", e.OtherAdult, 0, 10)
		v.num(w, "equivalence.child", e.Child, 0, 10)
	}
	v.num(w, "labour_demand", c.LabourDemand, 0, MaxCount*MaxDays)
	v.num(w, "demand_elasticity", c.DemandElasticity, 0, 10)
	if c.LabourMarket == "local" && c.AdultWage <= 0 {
		v.add(w, "adult_wage", "a local labour market needs the chain's adult_wage, where the search for equilibria starts")
	}
	switch c.LabourMarket {
	case "", "open", "local":
	default:
		v.add(w, "labour_market", "must be \"open\" or \"local\", got %q", c.LabourMarket)
	}
	if c.Study != nil {
		v.num(w, "study.currency_ratio", c.Study.CurrencyRatio, 0, MaxMoney)
	}
	for i, r := range c.PriceRatios {
		pw := fmt.Sprintf("price_ratio %d (%q)", i+1, r.Label)
		v.At(pw, fmt.Sprintf("price_ratio.%d", i))
		v.num(pw, "farm_price", r.FarmPrice, 0, MaxMoney)
		v.num(pw, "end_price", r.EndPrice, 0, MaxMoney)
	}
	if len(c.Actors) == 0 {
		v.add(w, "actor", "no actors: a chain needs at least one [[actor]]")
	}
	v.economic(c)
}

// actors checks every actor and returns the set of valid ids.
func (v *validator) actors(c *Chain) map[string]int {
	ids := map[string]int{}
	known := map[string]bool{}
	for _, a := range c.Actors {
		known[a.ID] = true
	}
	// Whether an actor is a primary producer depends on the links; while
	// a link names an unknown actor the checks that need it wait, so that
	// one mistake gives one message.
	linksOK := true
	buyers := map[string]bool{}
	for _, l := range c.Links {
		buyers[l.To] = true
		linksOK = linksOK && known[l.From] && known[l.To]
	}
	hasPrimary := false
	for i := range c.Actors {
		a := &c.Actors[i]
		w := fmt.Sprintf("actor %q", a.ID)
		if a.ID == "" {
			w = fmt.Sprintf("actor %d", i+1)
			v.add(w, "id", "is missing")
		} else if first, dup := ids[a.ID]; dup {
			w = fmt.Sprintf("actor %d (%q)", i+1, a.ID)
			v.add(w, "id", "is also the id of actor %d: ids must be unique", first+1)
		} else {
			ids[a.ID] = i
		}
		primary := !buyers[a.ID] && a.Kind != Service
		hasPrimary = hasPrimary || primary
		v.At(w, fmt.Sprintf("actor.%d", i))
		if a.Kind == Household && (a.ID == "all" || a.ID == "hired") {
			v.add(w, "id", "%q names a row of the results per household group (\"all\": the whole chain, \"hired\": children hired from outside the groups): give the group another id", a.ID)
		}
		v.actor(c, a, i, w, primary, linksOK)
	}
	if len(c.Actors) > 0 && !hasPrimary && linksOK {
		// Every actor buys: the links go round in a cycle.
		if _, err := Order(c); err != nil {
			v.add("chain", "link", "%s", err)
		} else {
			v.add("chain", "link", "no primary producer: every actor buys from another, so nothing enters the chain")
		}
	}
	return ids
}

func (v *validator) actor(c *Chain, a *Actor, i int, w string, primary, linksOK bool) {
	switch a.Kind {
	case Household, Enterprise:
	case Service:
		v.service(c, a, w)
	default:
		v.add(w, "kind", "must be \"household\", \"enterprise\" or \"service\", got %q", a.Kind)
	}
	if a.Kind != Service && a.Fee != 0 {
		v.add(w, "fee", "is given but kind is %q: only a service actor (kind = \"service\") is paid a fee", a.Kind)
	}
	v.pos(w, "count", a.Count)
	if a.Count > MaxCount {
		v.add(w, "count", "must be at most %g, got %v", MaxCount, a.Count)
	}
	switch {
	case !linksOK, a.Kind == Service:
	case primary:
		v.pos(w, "output_per_unit", a.OutputPerUnit)
		if a.OutputPerUnit > MaxQuantity {
			v.add(w, "output_per_unit", "must be at most %g, got %v", MaxQuantity, a.OutputPerUnit)
		}
		if a.Conversion != nil {
			v.add(w, "conversion", "is given but the actor buys from no one: a primary producer's output is count x output_per_unit")
		}
	case a.OutputPerUnit != 0:
		v.add(w, "output_per_unit", "is given but the actor buys from other actors: its output is conversion x input")
	}
	if linksOK && !primary && a.PurchasePrice != 0 {
		v.add(w, "purchase_price", "is given but the actor buys from other actors of the chain: only an actor no link sells to buys from outside the chain")
	}
	v.zero(w, fmt.Sprintf("actor.%d.adult_wage", i), "adult_wage", a.AdultWage, "the chain's adult_wage")
	v.products(a, i, w)
	keys := slices.Sorted(maps.Keys(a.Costs))
	for _, k := range keys {
		v.num(w, "costs."+k, a.Costs[k], 0, MaxMoney)
	}
	for _, f := range []struct {
		name string
		x    float64
	}{
		{"fixed_costs", a.FixedCosts}, {"purchase_price", a.PurchasePrice}, {"credit_months", a.CreditMonths},
		{"subsidies", a.Subsidies}, {"depreciation", a.Depreciation},
		{"land_rent", a.LandRent}, {"adult_wage", a.AdultWage}, {"child_wage", a.ChildWage},
	} {
		v.num(w, f.name, f.x, 0, MaxMoney)
	}
	v.num(w, "interest_rate", a.InterestRate, 0, 5)
	v.num(w, "tax_rate", a.TaxRate, 0, 1)
	v.num(w, "child_share", a.ChildShare, 0, 1)
	v.num(w, "hired_child_hours", a.HiredChildHours, 0, 168)
	v.num(w, "hired_child_weeks", a.HiredChildWeeks, 0, 52)
	if a.HiredGirlsShare != nil {
		v.num(w, "hired_girls_share", *a.HiredGirlsShare, 0, 1)
	}
	if a.HiredChildAges != nil {
		sum := 0.0
		for b, x := range a.HiredChildAges {
			v.num(w, "hired_child_ages["+BandNames[b]+"]", x, 0, 1)
			sum += x
		}
		if math.Abs(sum-1) > 1e-6 {
			v.add(w, "hired_child_ages", "the shares of 5-11, 12-14 and 15-17 must add up to 1, got %v", sum)
		}
	}
	if a.SuppliedBy != "" {
		v.suppliedBy(c, a, w)
	}
	if a.FemaleShare != nil {
		v.num(w, "female_share", *a.FemaleShare, 0, 1)
	}
	if a.CreditMonths > 12 {
		v.add(w, "credit_months", "must be at most 12, got %v", a.CreditMonths)
	}
	for j, t := range a.Tasks {
		tw := fmt.Sprintf("%s: task %d (%q)", w, j+1, t.Name)
		v.At(tw, fmt.Sprintf("actor.%d.task.%d", i, j))
		v.num(tw, "days_per_unit", t.DaysPerUnit, 0, MaxDays)
		v.num(tw, "child_suitable", t.ChildSuitable, 0, 1)
		switch t.DoneBy {
		case "", DoneByAnyone, DoneByMen, DoneByWomen, DoneByBoys, DoneByGirls, DoneByAdults:
		default:
			v.add(tw, "done_by", "must be \"anyone\", \"men\", \"women\", \"boys\", \"girls\" or \"adults\", got %q", t.DoneBy)
		}
	}
	if len(a.Tasks) > 0 && a.Wage(c) <= 0 {
		v.add(w, "adult_wage", "is needed (on the actor or the chain) because the actor has tasks")
	}
	switch {
	case a.Kind == Household && a.Household == nil:
		v.add(w, "household", "is missing: a household actor needs an [actor.household] table")
	case a.Kind != Household && a.Household != nil:
		v.add(w, "household", "is given but kind is %q: only household actors have one", a.Kind)
	case a.Household != nil:
		v.household(c, a, i, w)
	}
}

func (v *validator) products(a *Actor, i int, w string) {
	if len(a.Products) > 0 {
		if a.Price != 0 || a.Unit != "" || a.Conversion != nil || a.FinalMarket != "" {
			v.add(w, "price", "the actor lists products: give price, unit, conversion and final_market in each [[actor.product]]")
		}
	}
	seen := map[string]bool{}
	for j, p := range a.Outputs() {
		pw := w
		if len(a.Products) > 0 {
			pw = fmt.Sprintf("%s: product %q", w, p.ID)
			if p.ID == "" {
				pw = fmt.Sprintf("%s: product %d", w, j+1)
			}
			v.At(pw, fmt.Sprintf("actor.%d.product.%d", i, j))
			if p.ID == "" {
				v.add(pw, "id", "is missing")
			} else if seen[p.ID] {
				v.add(pw, "id", "is used twice in this actor")
			}
			seen[p.ID] = true
		}
		if p.Conversion != nil {
			v.pos(pw, "conversion", *p.Conversion)
			if *p.Conversion > MaxRatio {
				v.add(pw, "conversion", "must be at most %g, got %v", MaxRatio, *p.Conversion)
			}
		}
		v.num(pw, "price", p.Price, 0, MaxMoney)
		switch p.FinalMarket {
		case "", Domestic, Export:
		default:
			v.add(pw, "final_market", "must be \"domestic\" or \"export\", got %q", p.FinalMarket)
		}
	}
}

func (v *validator) household(c *Chain, a *Actor, i int, w string) {
	h := a.Household
	hp := fmt.Sprintf("actor.%d.household", i)
	v.At(w+": household", hp)
	w += ": household"
	v.zero(w, hp+".max_child_hours", "max_child_hours", h.MaxChildHours, "56 hours a week")
	v.zero(w, hp+".season_weeks", "season_weeks", h.SeasonWeeks, "20 weeks")
	v.zero(w, hp+".off_farm_wage", "off_farm_wage", h.OffFarmWage, "the actor's adult wage")
	if math.Abs(a.Count-math.Round(a.Count)) > 1e-9 {
		v.add(strings.TrimSuffix(w, ": household"), "count", "households are counted whole, got %v", a.Count)
	}
	if math.IsNaN(h.Adults) || h.Adults < 1 || h.Adults > 100 {
		v.add(w, "adults", "must be at least 1 (adults per household) and at most 100, got %v", h.Adults)
	}
	for _, f := range []struct {
		name string
		x    float64
	}{
		{"children_5_11", h.Children5to11}, {"children_12_14", h.Children12to14},
		{"children_15_17", h.Children15to17}, {"girls_5_11", h.Girls5to11}, {"girls_12_14", h.Girls12to14},
		{"girls_15_17", h.Girls15to17}, {"boys_5_11", h.Boys5to11}, {"boys_12_14", h.Boys12to14},
		{"boys_15_17", h.Boys15to17},
	} {
		v.num(w, f.name, f.x, 0, 50)
	}
	for _, f := range []struct {
		name string
		x    float64
	}{
		{"other_income", h.OtherIncome}, {"off_farm_wage", h.OffFarmWage}, {"transfers", h.Transfers},
	} {
		v.num(w, f.name, f.x, 0, MaxMoney)
	}
	v.num(w, "adult_days", h.AdultDays, 0, 366)
	v.num(w, "off_farm_days", h.OffFarmDays, 0, 366)
	if h.AdultDays > 366 || h.OffFarmDays > 366 || h.AdultDays+h.OffFarmDays > 366 {
		v.add(w, "adult_days", "adult_days + off_farm_days must be at most 366 days a year, got %v", h.AdultDays+h.OffFarmDays)
	}
	if h.BySex() && h.Children5to11+h.Children12to14+h.Children15to17 > 0 {
		v.add(w, "children_5_11", "give children either by band (children_*) or by sex (girls_*, boys_*), not both")
	}
	if h.Alpha != nil {
		v.num(w, "alpha", *h.Alpha, 0, 1e6)
	}
	if h.Beta != nil {
		for b, x := range h.Beta {
			v.num(w, "beta["+BandNames[b]+"]", x, 0, 1e6)
		}
	}
	if beta := h.BetaOr(); h.AlphaOr()+beta[0]+beta[1]+beta[2] <= 0 {
		v.add(w, "alpha", "alpha and beta are all zero: the household has no preferences to weigh")
	}
	v.num(w, "max_child_hours", h.MaxChildHours, 0, 168)
	v.num(w, "season_weeks", h.SeasonWeeks, 0, 52)
	if h.HazardExposure != nil {
		v.num(w, "hazard_exposure", *h.HazardExposure, 0, 1)
	}
	if h.ScaleSD != nil {
		v.num(w, "scale_sd", *h.ScaleSD, 0, 10)
	}
	if h.ObservedPrevalence != nil {
		v.num(w, "observed_prevalence", *h.ObservedPrevalence, 0, 1)
	}
	v.school(h, w)
	if h.FamilyTimeValue != nil {
		v.num(w, "family_time_value", *h.FamilyTimeValue, 0, 1)
	}
	v.num(w, "off_farm_days_max", h.OffFarmDaysMax, 0, 366)
	v.num(w, "poverty_line", h.PovertyLine, 0, MaxMoney)
	if h.PovertyLineOr(c) <= 0 {
		v.add(w, "poverty_line", "the chain needs a poverty_line > 0 because it has household actors")
	}
	if a.Wage(c) <= 0 {
		v.add(w, "adult_wage", "is needed (on the actor or the chain): it values children's and hired work")
	}
}

// units checks that the buyer of a link counts the seller's product p in
// the same unit (compared without case and surrounding spaces), or says
// how it changes the unit with a conversion: an undeclared change of unit
// ("loads" sold, "kg" bought) would multiply the volumes by nothing.
func (v *validator) units(w string, p Product, buyer *Actor) {
	sold := strings.ToLower(strings.TrimSpace(p.Unit))
	if sold == "" {
		return
	}
	for _, q := range buyer.Outputs() {
		got := strings.ToLower(strings.TrimSpace(q.Unit))
		if got == "" || got == sold || q.Conversion != nil {
			continue
		}
		v.add(w, "to", "the seller sells %q but %q counts %q: give the buyer a conversion (units of its product per unit bought)", p.Unit, buyer.ID, q.Unit)
		return
	}
}

// service checks a service actor: a fee, no product of its own, named by
// the links it serves and on none as seller or buyer.
func (v *validator) service(c *Chain, a *Actor, w string) {
	v.pos(w, "fee", a.Fee)
	v.num(w, "fee", a.Fee, 0, MaxMoney)
	for _, k := range []struct {
		key   string
		given bool
	}{
		{"output_per_unit", a.OutputPerUnit != 0}, {"price", a.Price != 0}, {"conversion", a.Conversion != nil},
		{"product", len(a.Products) > 0}, {"final_market", a.FinalMarket != ""}, {"purchase_price", a.PurchasePrice != 0},
	} {
		if k.given {
			v.add(w, k.key, "is given but the actor is a service: it makes no product, and is paid its fee per unit of the product on the links it serves")
		}
	}
	served := false
	for _, l := range c.Links {
		if l.From == a.ID || l.To == a.ID {
			// The link reports it (links), with its line.
			return
		}
		served = served || slices.Contains(l.Services, a.ID)
	}
	if !served {
		v.add(w, "kind", "is \"service\" but no link names it: list it in the services of the links whose product it handles")
	}
}

// suppliedBy checks that an actor's supplied_by names a household group
// other than the actor itself, and that the actor hires children from it
// (child_share and child_wage).
func (v *validator) suppliedBy(c *Chain, a *Actor, w string) {
	g, _ := c.Actor(a.SuppliedBy)
	switch {
	case a.Kind == Household:
		v.add(w, "supplied_by", "is given but kind is %q: only a firm or a service hires a household group's children", a.Kind)
	case g == nil:
		v.add(w, "supplied_by", "names %q, but no actor has that id: name the household actor whose children the actor hires", a.SuppliedBy)
	case g.Kind != Household:
		v.add(w, "supplied_by", "names %q, whose kind is %q: name a household actor (kind = \"household\") whose children the actor hires", a.SuppliedBy, g.Kind)
	case a.ChildShare <= 0:
		v.add(w, "supplied_by", "is given but child_share is 0: the actor hires no children")
	case a.ChildWage <= 0:
		v.add(w, "child_wage", "must be above 0 when supplied_by is given: it is what the group's children earn a day")
	}
}

// links checks every link against the actors.
func (v *validator) links(c *Chain, ids map[string]int) {
	type sellerProduct struct{ actor, product string }
	shares := map[sellerProduct]float64{}
	var order []sellerProduct
	for i, l := range c.Links {
		w := fmt.Sprintf("link %d (%s -> %s)", i+1, l.From, l.To)
		v.At(w, fmt.Sprintf("link.%d", i))
		fi, fok := ids[l.From]
		_, tok := ids[l.To]
		if l.From == "" {
			v.add(w, "from", "is missing")
		} else if !fok {
			v.add(w, "from", "names no actor: %q", l.From)
		}
		if l.To == "" {
			v.add(w, "to", "is missing")
		} else if !tok {
			v.add(w, "to", "names no actor: %q", l.To)
		}
		if l.From != "" && l.From == l.To {
			v.add(w, "to", "an actor cannot sell to itself")
		}
		v.num(w, "share", l.Share, 0, 1)
		if l.Share == 0 {
			v.add(w, "share", "is missing or 0: give the part of the seller's output sold on this link")
		}
		if l.Price != nil {
			v.num(w, "price", *l.Price, 0, MaxMoney)
		}
		if math.IsNaN(l.Loss) || l.Loss < 0 || l.Loss >= 1 {
			v.add(w, "loss", "must be in [0, 1), got %v", l.Loss)
		}
		v.num(w, "transport_cost", l.TransportCost, 0, MaxMoney)
		for k, s := range l.Services {
			si, ok := ids[s]
			switch {
			case !ok:
				v.add(w, "services", "names no actor: %q", s)
			case c.Actors[si].Kind != Service:
				v.add(w, "services", "%q is not a service (kind = %q): only an actor of kind \"service\" serves a link", s, c.Actors[si].Kind)
			case slices.Contains(l.Services[:k], s):
				v.add(w, "services", "names %q twice", s)
			}
		}
		for _, end := range []struct{ key, id string }{{"from", l.From}, {"to", l.To}} {
			if i, ok := ids[end.id]; ok && c.Actors[i].Kind == Service {
				v.add(w, end.key, "%q is a service: it neither sells nor buys the product; name it in the link's services", end.id)
				fok = fok && end.key != "from"
			}
		}
		if !fok {
			continue
		}
		seller := &c.Actors[fi]
		pi := seller.ProductIndex(l.Product)
		if pi < 0 {
			if l.Product == "" {
				v.add(w, "product", "is missing: actor %q makes several products (%s)", l.From, productIDs(seller))
			} else {
				v.add(w, "product", "actor %q makes no product %q", l.From, l.Product)
			}
			continue
		}
		p := seller.Outputs()[pi]
		if l.Price == nil && p.Price == 0 {
			v.add(w, "price", "is needed: neither the link nor %s has a price", Label(l.From, l.Product))
		}
		if tok {
			v.units(w, p, &c.Actors[ids[l.To]])
		}
		sp := sellerProduct{l.From, l.Product}
		if _, ok := shares[sp]; !ok {
			order = append(order, sp)
		}
		shares[sp] += l.Share
	}
	for _, sp := range order {
		if s := shares[sp]; s > 1+1e-9 {
			v.add(fmt.Sprintf("actor %q", sp.actor), "share",
				"the shares of %s's links add up to %v: they must not exceed 1", Label(sp.actor, sp.product), s)
		}
	}
	// A product with some output left for final demand needs a price.
	for _, a := range c.Actors {
		if a.Kind == Service {
			continue // sells no product
		}
		for _, p := range a.Outputs() {
			sp := sellerProduct{a.ID, p.ID}
			if shares[sp] < 1-1e-9 && p.Price == 0 {
				v.add(fmt.Sprintf("actor %q", a.ID), "price",
					"%s sells %.3g of its output to final demand but has no price", Label(a.ID, p.ID), 1-shares[sp])
			}
		}
	}
}

func productIDs(a *Actor) string {
	ids := make([]string, len(a.Products))
	for i, p := range a.Products {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}

// Package scenarios reads scenario files (several named scenarios, each a
// list of interventions from the guide's catalogue), validates them against
// a chain, and applies a scenario to a chain for a given year: the actor-
// level effects change a copy of the chain, the household-level effects
// become a model.Policy (docs/model.md section 8).
package scenarios

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// File is a scenario file.
type File struct {
	Appraisal Appraisal  `toml:"appraisal"`
	Scenarios []Scenario `toml:"scenario"`

	// Correlate lists rank correlations between uncertain numbers of the
	// scenario file (paths in this file).
	Correlate []valuechain.Correlation `toml:"correlate,omitempty"`
	// Uncertain lists the numbers given as distributions.
	Uncertain []valuechain.Uncertain `toml:"-"`

	pos valuechain.Positions // lines of the file's keys
}

// Appraisal holds the parameters of costs and benefits (docs/model.md section 9).
type Appraisal struct {
	// SchoolYearsPerHourYear is the schooling lost per hour a week of child
	// work sustained for a year (default 1/57: Beegle, Dehejia, Gatti and
	// Krutikova 2009).
	SchoolYearsPerHourYear *float64 `toml:"school_years_per_hour_year"`
	// ReturnPerSchoolYear is the rise of adult earnings per school year (default 0.10).
	ReturnPerSchoolYear *float64 `toml:"return_per_school_year"`
	// WorkingYears is the length of working life that earns the return (default 40).
	WorkingYears float64 `toml:"working_years"`
	// YearsToWork is the years from childhood to the first adult earnings (default 10).
	YearsToWork *float64 `toml:"years_to_work"`
	// AdultEarnings is an adult's yearly earnings (default adult_wage x fte_days).
	AdultEarnings float64 `toml:"adult_earnings"`
	// Spillover scales income gains for local multiplier effects (default 1).
	Spillover float64 `toml:"spillover"`
}

// Scenario is a named set of interventions.
type Scenario struct {
	Name        string `toml:"name"`
	NameRU      string `toml:"name_ru"` // the name in Russian
	Description string `toml:"description"`
	// DescriptionRU is the description in Russian (the report in Russian).
	DescriptionRU string `toml:"description_ru"`
	// Recommended marks the scenario the workshop recommends: the
	// report's action plan is written for it.
	Recommended   bool           `toml:"recommended"`
	Interventions []Intervention `toml:"intervention"`
}

// NameIn returns the scenario's name in the language lang: name_ru in
// Russian when it is given, else name.
func (s *Scenario) NameIn(l lang.Lang) string {
	if l == "ru" && strings.TrimSpace(s.NameRU) != "" {
		return s.NameRU
	}
	return s.Name
}

// DescriptionIn returns the scenario's description in the language l:
// description_ru in Russian when it is given, else description.
func (s *Scenario) DescriptionIn(l lang.Lang) string {
	if l == lang.RU && strings.TrimSpace(s.DescriptionRU) != "" {
		return s.DescriptionRU
	}
	return s.Description
}

// NameIn returns the intervention's label in the language lang: name_ru
// in Russian when it is given, else name ("" when neither is).
func (iv *Intervention) NameIn(l lang.Lang) string {
	if l == "ru" && strings.TrimSpace(iv.NameRU) != "" {
		return iv.NameRU
	}
	return iv.Name
}

// Intervention is one intervention of a scenario.
type Intervention struct {
	Type    string   `toml:"type"`    // a guide id
	Name    string   `toml:"name"`    // label (default: type on targets)
	NameRU  string   `toml:"name_ru"` // the label in Russian
	Targets []string `toml:"targets"`
	Start   int      `toml:"start"` // first year (default 1)
	End     int      `toml:"end"`   // last year (default: the horizon)
	// Coverage is the share of the targets' households or firms reached
	// after RampYears years (linear or logistic Ramp).
	Coverage  float64            `toml:"coverage"`
	RampYears float64            `toml:"ramp_years"`
	Ramp      string             `toml:"ramp"`
	Cost      Cost               `toml:"cost"`
	Effect    map[string]float64 `toml:"effect"`
	Tasks     []string           `toml:"tasks"`  // mechanisation: the tasks mechanised
	Bypass    string             `toml:"bypass"` // cooperative: the intermediary bypassed
	// With names (by name) the intervention of the same scenario whose
	// transfer a monitored household gets per withdrawn child (monitoring
	// only; docs/model.md section 8).
	With string `toml:"with"`
	// Responsible names who carries the intervention out in the action
	// plan (default: the guide's usual actors for the type).
	Responsible []string `toml:"responsible"`
}

// Cost is what an intervention costs.
type Cost struct {
	Fixed             float64 `toml:"fixed"` // once, in the start year
	PerAdopterPerYear float64 `toml:"per_adopter_per_year"`
	PerChildPerYear   float64 `toml:"per_child_per_year"`
}

// Load reads a scenario file (strict keys, as chain files).
func Load(path string) (*File, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse reads a scenario file from TOML text.
func Parse(data []byte, name string) (*File, error) {
	var f File
	meta, err := valuechain.DecodeStrict(data, name, "docs/scenario-format.md", &f)
	if err != nil {
		return nil, err
	}
	f.pos, f.Uncertain = meta.Positions, meta.Uncertain
	var errs valuechain.InputErrors
	for i, u := range f.Uncertain {
		if u.Dist != "guide" {
			continue
		}
		var si, ii int
		var key string
		if n, _ := fmt.Sscanf(strings.ReplaceAll(u.Path, ".", " "), "scenario %d intervention %d effect %s", &si, &ii, &key); n != 3 {
			errs = append(errs, &valuechain.InputError{File: name, Line: u.Line, Msg: fmt.Sprintf("%s: \"guide\" stands only for an intervention's effect (effect = { price_change = \"guide\" })", u.Path)})
			continue
		}
		iv := &f.Scenarios[si].Interventions[ii]
		g, ok := guide.Lookup(iv.Type)
		e, ok2 := Effect{}, false
		if ok {
			e, ok2 = g.Effect(key)
		}
		if !ok2 {
			errs = append(errs, &valuechain.InputError{File: name, Line: u.Line, Msg: fmt.Sprintf("%s: the guide has no effect %q for type %q", u.Path, key, iv.Type)})
			continue
		}
		f.Uncertain[i].Distribution = guideRange(e)
		if e.Unit == guide.PovertyLines {
			// In poverty lines: leave the amount to the guide's default
			// (the default x the chain's poverty line) and mark the range.
			f.Uncertain[i].PovertyLines = true
			delete(iv.Effect, key)
			continue
		}
		iv.Effect[key] = e.Default
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &f, nil
}

// Effect is an effect of the guide's catalogue.
type Effect = guide.Effect

// guideRange is the distribution of an effect the guide gives a default
// and a range for: triangular over the range with the default as mode (a
// point when the range is empty or the default is a rule, see
// guide.Effect.Rule).
func guideRange(e Effect) valuechain.Distribution {
	if !e.Rule && e.Low < e.High && e.Low <= e.Default && e.Default <= e.High {
		return valuechain.Distribution{Dist: "triangular", Min: e.Low, Mode: e.Default, Max: e.High}
	}
	return valuechain.Distribution{Dist: "point", Value: e.Default}
}

// Positions returns the lines of the file's keys (nil for a file built in
// code).
func (f *File) Positions() valuechain.Positions { return f.pos }

// Uncertainties returns every uncertain number of the file: those it
// gives as distributions (and "guide"), then, for each intervention, every
// effect of its type that it does not give, with the guide's range
// (triangular, mode at the default: the effects uncertain by default).
func (f *File) Uncertainties() []valuechain.Uncertain {
	out := append([]valuechain.Uncertain(nil), f.Uncertain...)
	for si := range f.Scenarios {
		for ii := range f.Scenarios[si].Interventions {
			iv := &f.Scenarios[si].Interventions[ii]
			g, ok := guide.Lookup(iv.Type)
			if !ok {
				continue
			}
			for _, e := range g.Effects {
				if _, given := iv.Effect[e.Key]; given {
					continue
				}
				d := guideRange(e)
				if d.Dist == "point" {
					continue
				}
				out = append(out, valuechain.Uncertain{
					Path:         fmt.Sprintf("scenario.%d.intervention.%d.effect.%s", si, ii, e.Key),
					Line:         f.pos.Line(fmt.Sprintf("scenario.%d.intervention.%d", si, ii)),
					Distribution: d,
					PovertyLines: e.Unit == guide.PovertyLines,
				})
			}
		}
	}
	return out
}

// Clone returns a deep copy of the file, for changing its numbers.
func (f *File) Clone() *File {
	d := *f
	d.Appraisal = f.Appraisal.clone()
	d.Scenarios = make([]Scenario, len(f.Scenarios))
	for i, s := range f.Scenarios {
		s.Interventions = append([]Intervention(nil), s.Interventions...)
		for j := range s.Interventions {
			iv := &s.Interventions[j]
			iv.Targets = append([]string(nil), iv.Targets...)
			iv.Tasks = append([]string(nil), iv.Tasks...)
			iv.Responsible = append([]string(nil), iv.Responsible...)
			if iv.Effect != nil {
				m := make(map[string]float64, len(iv.Effect))
				for k, v := range iv.Effect {
					m[k] = v
				}
				iv.Effect = m
			}
		}
		d.Scenarios[i] = s
	}
	return &d
}

func (a Appraisal) clone() Appraisal {
	cp := func(p *float64) *float64 {
		if p == nil {
			return nil
		}
		x := *p
		return &x
	}
	a.SchoolYearsPerHourYear = cp(a.SchoolYearsPerHourYear)
	a.ReturnPerSchoolYear = cp(a.ReturnPerSchoolYear)
	a.YearsToWork = cp(a.YearsToWork)
	return a
}

// householdOnly are the types whose effects fall on households.
var householdOnly = map[string]bool{
	"cash_transfer": true, "cct": true, "premium": true, "osh": true, "education": true,
	"awareness": true, "youth_skills": true, "monitoring": true, "ban": true,
}

// hiredOnly are the household types that also act on the children an
// enterprise hires (docs/model.md section 4): on its child_share and their
// exposure.
var hiredOnly = map[string]bool{"osh": true, "monitoring": true, "ban": true, "premium": true}

// Validate checks a scenario file against a chain and returns a
// *valuechain.ValidationError listing every problem, or nil.
func Validate(f *File, c *valuechain.Chain, file string) error {
	ps := valuechain.NewProblems(f.pos)
	valuechain.CheckCorrelations(ps, f.Correlate, f.Uncertainties())
	ps.At("appraisal", "appraisal")
	add := ps.Add
	a := f.Appraisal
	for _, x := range []struct {
		name string
		v    float64
		max  float64
		def  string // the default an absent key takes; "" when 0 is a value
	}{
		{"working_years", a.WorkingYears, 100, "40 years"}, {"adult_earnings", a.AdultEarnings, valuechain.MaxMoney, "adult_wage x fte_days"},
		{"spillover", a.Spillover, 100, "1"},
		{"school_years_per_hour_year", ptr(a.SchoolYearsPerHourYear), 1, ""}, {"return_per_school_year", ptr(a.ReturnPerSchoolYear), 1, ""},
		{"years_to_work", ptr(a.YearsToWork), 100, ""},
	} {
		switch {
		case math.IsNaN(x.v) || math.IsInf(x.v, 0) || x.v < 0 || x.v > x.max:
			add("appraisal", x.name, "must be a number from 0 to %g, got %v", x.max, x.v)
		case x.v == 0 && x.def != "" && ps.Given("appraisal."+x.name):
			add("appraisal", x.name, "is 0: give a value greater than 0, or leave the key out for the default (%s)", x.def)
		}
	}
	if len(f.Scenarios) == 0 {
		add("file", "scenario", "no scenarios: the file needs at least one [[scenario]]")
	}
	names := map[string]bool{}
	horizon := c.Years()
	for si, s := range f.Scenarios {
		w := fmt.Sprintf("scenario %q", s.Name)
		if s.Name == "" {
			w = fmt.Sprintf("scenario %d", si+1)
		}
		ps.At(w, fmt.Sprintf("scenario.%d", si))
		if s.Name == "" {
			add(w, "name", "is missing")
		} else if names[s.Name] || strings.EqualFold(s.Name, Baseline) {
			add(w, "name", "is used twice or is %q: scenario names must be unique", Baseline)
		}
		names[s.Name] = true
		for ii := range s.Interventions {
			iv := &s.Interventions[ii]
			iw := fmt.Sprintf("%s: intervention %d (%s)", w, ii+1, iv.Type)
			ps.At(iw, fmt.Sprintf("scenario.%d.intervention.%d", si, ii))
			checkIntervention(c, iv, iw, horizon, add)
			checkWith(&s, iv, iw, add)
			if iv.Start == 0 && ps.Given(fmt.Sprintf("scenario.%d.intervention.%d.start", si, ii)) {
				add(iw, "start", "is 0: years count from 1 (the first scenario year); leave the key out to start in year 1")
			}
		}
	}
	return ps.Err(file)
}

func ptr(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func checkIntervention(c *valuechain.Chain, iv *Intervention, w string, horizon int, add func(string, string, string, ...any)) {
	g, ok := guide.Lookup(iv.Type)
	if !ok {
		add(w, "type", "unknown intervention type %q (known: %s)", iv.Type, strings.Join(guide.IDs(), ", "))
		return
	}
	if len(iv.Targets) == 0 {
		add(w, "targets", "is missing: name the actor ids the intervention reaches")
	}
	for _, id := range iv.Targets {
		a, _ := c.Actor(id)
		switch {
		case a == nil:
			add(w, "targets", "names no actor of the chain: %q", id)
		case iv.Type == "code_of_conduct" && a.ChildShare <= 0:
			add(w, "targets", "%s acts on the children an actor hires, but %q hires none (child_share)", iv.Type, id)
		case householdOnly[iv.Type] && a.Kind != valuechain.Household && !(hiredOnly[iv.Type] && a.ChildShare > 0):
			add(w, "targets", "%s acts on households, but %q is an enterprise", iv.Type, id)
		}
	}
	if math.IsNaN(iv.Coverage) || iv.Coverage <= 0 || iv.Coverage > 1 {
		add(w, "coverage", "must be in (0, 1], the share of the targets reached, got %v", iv.Coverage)
	}
	if iv.Start < 0 || iv.Start > horizon {
		add(w, "start", "must be a year from 1 to the horizon %d, got %d", horizon, iv.Start)
	}
	if iv.End != 0 && (iv.End < max(iv.Start, 1) || iv.End > horizon) {
		add(w, "end", "must be a year from start to the horizon %d, got %d", horizon, iv.End)
	}
	if math.IsNaN(iv.RampYears) || iv.RampYears < 0 || iv.RampYears > 50 {
		add(w, "ramp_years", "must be between 0 and 50, got %v", iv.RampYears)
	}
	if iv.Ramp != "" && iv.Ramp != "linear" && iv.Ramp != "logistic" {
		add(w, "ramp", "must be \"linear\" or \"logistic\", got %q", iv.Ramp)
	}
	for _, x := range []struct {
		name string
		v    float64
	}{{"cost.fixed", iv.Cost.Fixed}, {"cost.per_adopter_per_year", iv.Cost.PerAdopterPerYear}, {"cost.per_child_per_year", iv.Cost.PerChildPerYear}} {
		if math.IsNaN(x.v) || math.IsInf(x.v, 0) || x.v < 0 || x.v > valuechain.MaxMoney {
			add(w, x.name, "must be a number from 0 to %g, got %v", valuechain.MaxMoney, x.v)
		}
	}
	keys := slices.Sorted(maps.Keys(iv.Effect))
	for _, k := range keys {
		v := iv.Effect[k]
		if _, ok := g.Effect(k); !ok {
			add(w, "effect."+k, "is not an effect of %s (its effects: %s)", iv.Type, strings.Join(g.EffectKeys(), ", "))
			continue
		}
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			add(w, "effect."+k, "must be a finite number, got %v", v)
		case strings.HasSuffix(k, "hazard_change") && v < -1:
			add(w, "effect."+k, "a change of hazard exposure must be at least -1 (-100%%: no exposure left), got %v", v)
		case strings.HasSuffix(k, "_change") && !strings.HasSuffix(k, "hazard_change") && v <= -1:
			add(w, "effect."+k, "a relative change must be above -1 (-100%%), got %v", v)
		case strings.HasSuffix(k, "_change") && v > 100:
			add(w, "effect."+k, "a relative change must be at most 100 (+10,000%%), got %v", v)
		case k == "amount" && v > valuechain.MaxMoney:
			add(w, "effect."+k, "must be at most %g, got %v", valuechain.MaxMoney, v)
		case k == "off_farm_days" && v > 366:
			add(w, "effect."+k, "must be at most 366 days a year, got %v", v)
		case k == "hours_cap" && v > 168:
			add(w, "effect."+k, "must be at most 168 hours a week, got %v", v)
		case k == "months" && (v < 0 || v > 12):
			add(w, "effect."+k, "must be a number of months from 0 to 12, got %v", v)
		case (k == "fee" || k == "premium" || k == "withdrawal" || k == "prevention") && (v < 0 || v > 1):
			add(w, "effect."+k, "must be a share between 0 and 1, got %v", v)
		case (k == "amount" || k == "off_farm_days" || k == "hours_cap") && v < 0:
			add(w, "effect."+k, "must not be negative, got %v", v)
		}
	}
	if _, ok := iv.Effect["hazard_change"]; ok && iv.Type == "mechanisation" {
		for _, id := range iv.Targets {
			if a, _ := c.Actor(id); a != nil && a.Kind != valuechain.Household {
				add(w, "effect.hazard_change", "acts on households' children, but target %q is an enterprise", id)
			}
		}
	}
	checkTasks(c, iv, w, add)
	checkBypass(c, iv, w, add)
}

func checkTasks(c *valuechain.Chain, iv *Intervention, w string, add func(string, string, string, ...any)) {
	if len(iv.Tasks) > 0 && iv.Type != "mechanisation" {
		add(w, "tasks", "only mechanisation names tasks")
		return
	}
	for _, name := range iv.Tasks {
		found := false
		for _, id := range iv.Targets {
			if a, _ := c.Actor(id); a != nil {
				for _, t := range a.Tasks {
					found = found || t.Name == name
				}
			}
		}
		if !found {
			add(w, "tasks", "no target has a task named %q", name)
		}
	}
}

func checkBypass(c *valuechain.Chain, iv *Intervention, w string, add func(string, string, string, ...any)) {
	if iv.Bypass == "" {
		return
	}
	if iv.Type != "cooperative" {
		add(w, "bypass", "only a cooperative bypasses an intermediary")
		return
	}
	mid, _ := c.Actor(iv.Bypass)
	if mid == nil {
		add(w, "bypass", "names no actor: %q", iv.Bypass)
		return
	}
	if len(mid.Products) > 0 || (mid.Conversion != nil && *mid.Conversion != 1) {
		add(w, "bypass", "%q transforms what it buys (conversion or joint products): only a trader with conversion 1 can be bypassed", iv.Bypass)
	}
	var sold float64
	for _, l := range c.Links {
		if l.From == iv.Bypass {
			sold += l.Share
		}
	}
	if sold < 1-1e-9 {
		add(w, "bypass", "%q sells %.3g of what it buys to final demand: only an intermediary that sells everything on to other actors can be bypassed", iv.Bypass, 1-sold)
	}
	for _, id := range iv.Targets {
		buys := false
		for _, l := range c.Links {
			buys = buys || (l.From == id && l.To == iv.Bypass)
		}
		if !buys {
			add(w, "bypass", "target %q sells nothing to %q", id, iv.Bypass)
		}
	}
}

// checkWith checks the with key of an intervention of scenario s: only
// monitoring has one, and it names a cash transfer or cct of s.
func checkWith(s *Scenario, iv *Intervention, w string, add func(string, string, string, ...any)) {
	if iv.With == "" {
		return
	}
	if iv.Type != "monitoring" {
		add(w, "with", "only monitoring names the transfer of its package")
		return
	}
	if o := s.named(iv.With); o == nil || (o.Type != "cash_transfer" && o.Type != "cct") {
		add(w, "with", "must name a cash_transfer or cct intervention of the same scenario (by its name), got %q", iv.With)
	}
}

// named returns the intervention of s with the given name, or nil.
func (s *Scenario) named(name string) *Intervention {
	for i := range s.Interventions {
		if s.Interventions[i].Name == name {
			return &s.Interventions[i]
		}
	}
	return nil
}

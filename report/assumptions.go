package report

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Assumption is a parameter set in the chain file: where (the chain or an
// actor), its path in the file (as valuechain.Locate names it:
// "actor.0.task.2.days_per_unit"; not shown), its readable label with the
// unit, its value, and the note on its line of the file.
type Assumption struct {
	Where, Key, Label, Value, Comment string
	// Number says the value is a number (or a list of numbers).
	Number bool
	line   int
}

// AssumptionGroup is the parameters of one actor, or of the whole chain.
type AssumptionGroup struct {
	Where string
	Rows  []Assumption
}

// assumptions lists every parameter the chain file sets (vcsim writes no
// parameter at its zero default), the chain's own first, then each
// actor's, each group in the order of the file.
func (d *doc) assumptions() []AssumptionGroup {
	if d.groups != nil {
		return d.groups
	}
	var pos valuechain.Positions
	var lines []string
	if len(d.in.ChainText) > 0 {
		pos, _ = valuechain.Locate(d.in.ChainText)
		lines = strings.Split(string(d.in.ChainText), "\n")
	}
	c := d.in.Chain.Clone()
	actors := c.Actors
	c.Actors, c.Sources, c.PriceRatios = nil, nil, nil
	c.Name, c.NameRU, c.Description = "", "", ""
	chainRows := d.flatten("", c)
	d.chainPerUnit(chainRows, actors)
	groups := []AssumptionGroup{{Where: d.T("r.chainwide"), Rows: chainRows}}
	for i := range actors {
		a := actors[i]
		where := a.NameIn(d.l)
		a.ID, a.Name, a.NameRU = "", "", ""
		rows := d.flatten(fmt.Sprintf("actor.%d.", i), a)
		d.perUnit(rows, fmt.Sprintf("actor.%d.", i), actors[i].Outputs())
		groups = append(groups, AssumptionGroup{Where: where, Rows: rows})
	}
	for g := range groups {
		rows := groups[g].Rows
		for i := range rows {
			rows[i].Where = groups[g].Where
			if l, ok := pos[rows[i].Key]; ok && l >= 1 && l <= len(lines) {
				rows[i].Comment = comment(lines[l-1])
				rows[i].line = l
			}
		}
		sort.SliceStable(rows, func(i, j int) bool {
			if (rows[i].line == 0) != (rows[j].line == 0) {
				return rows[i].line != 0 // keys of the file first, in its order
			}
			return rows[i].line < rows[j].line
		})
	}
	d.groups = groups
	return groups
}

// perUnit names the unit in an actor's labels "per unit": "Price (KGS per
// unit)" is "Price (KGS / kg dried apricots)", the unit of the product the
// key belongs to (an actor's own keys: its first product's).
func (d *doc) perUnit(rows []Assumption, prefix string, outs []valuechain.Product) {
	for k := range rows {
		rest, ok := strings.CutPrefix(rows[k].Key, prefix)
		if !ok {
			continue
		}
		unit := ""
		if p, ok := strings.CutPrefix(rest, "product."); ok {
			n, _, _ := strings.Cut(p, ".")
			if j, err := strconv.Atoi(n); err == nil && j < len(outs) {
				unit = outs[j].UnitIn(d.l)
			}
		} else if !strings.Contains(rest, ".") && len(outs) > 0 {
			unit = outs[0].UnitIn(d.l)
		}
		if unit == "" {
			continue
		}
		for _, per := range []string{" per unit)", " per unit shipped)", " за единицу)"} {
			rows[k].Label = strings.ReplaceAll(rows[k].Label, per, " / "+unit+")")
		}
	}
}

// chainPerUnit names the unit in the chain's own labels "per unit": a
// border price's is its actor's product's, a link's the seller's product's.
func (d *doc) chainPerUnit(rows []Assumption, actors []valuechain.Actor) {
	outs := func(id string) []valuechain.Product {
		for i := range actors {
			if actors[i].ID == id {
				return actors[i].Outputs()
			}
		}
		return nil
	}
	pick := func(ps []valuechain.Product, product string) []valuechain.Product {
		for _, p := range ps {
			if product != "" && p.ID == product {
				return []valuechain.Product{p}
			}
		}
		return ps
	}
	c := d.in.Chain
	for i, l := range c.Links {
		d.perUnit(rows, fmt.Sprintf("link.%d.", i), pick(outs(l.From), l.Product))
	}
	if c.Economic != nil {
		for i, b := range c.Economic.BorderPrices {
			d.perUnit(rows, fmt.Sprintf("economic.border_price.%d.", i), pick(outs(b.Actor), b.Product))
		}
	}
}

// preference says whether the key is one of a household group's
// preferences, which the table of preferences shows.
func preference(key string) bool {
	for _, k := range []string{".household.alpha", ".household.beta", ".household.school_value"} {
		if strings.HasSuffix(key, k) {
			return true
		}
	}
	return false
}

// KeyAssumptions are the numbers that carry a note (their source) in the
// chain file, households' preferences left to their own table.
func (d *doc) KeyAssumptions() []Assumption {
	var out []Assumption
	for _, g := range d.assumptions() {
		for _, a := range g.Rows {
			if a.Number && a.Comment != "" && !preference(a.Key) {
				out = append(out, a)
			}
		}
	}
	return out
}

// Appendix is every other parameter of the chain file, grouped by actor.
func (d *doc) Appendix() []AssumptionGroup {
	var out []AssumptionGroup
	for _, g := range d.assumptions() {
		var rows []Assumption
		for _, a := range g.Rows {
			if (a.Number && a.Comment != "") || preference(a.Key) {
				continue
			}
			rows = append(rows, a)
		}
		if len(rows) > 0 {
			out = append(out, AssumptionGroup{Where: g.Where, Rows: rows})
		}
	}
	return out
}

// Preferences is the table of each household group's preferences: alpha,
// beta by age band and, with a school layer, delta by age band, each with
// its value and how it was set (fitted to observations, given in the
// chain file, or vcsim's default).
func (d *doc) Preferences() []Row {
	c := d.in.Chain
	var rows []Row
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Kind != valuechain.Household || a.Household == nil {
			continue
		}
		h, name := a.Household, d.actorName(i)
		var fit *model.Fit
		for k := range d.in.Fits {
			if d.in.Fits[k].Group == a.ID {
				fit = &d.in.Fits[k]
			}
		}
		how := func(given bool) string {
			if given {
				return d.T("r.pref.given")
			}
			return d.T("r.pref.default")
		}
		alpha, alphaHow := d.exact(h.AlphaOr()), how(h.Alpha != nil)
		if fit != nil {
			alpha, alphaHow = d.l.Number(fit.Alpha, 4), d.T("r.pref.fitted", d.P(fit.Observed), d.P(fit.Fitted))
		}
		rows = append(rows, Row{Cells: []string{name, d.l.Field("alpha"), alpha, alphaHow}})
		beta := h.BetaOr()
		rows = append(rows, Row{Cells: []string{name, d.l.Field("beta"), d.bands(beta[:], -1), how(h.Beta != nil)}})
		switch {
		case fit != nil && fit.School:
			var obs, mod []string
			for b := range fit.ObservedEnrolment {
				if !math.IsNaN(fit.ObservedEnrolment[b]) && !math.IsNaN(fit.Enrolment[b]) {
					obs, mod = append(obs, d.P(fit.ObservedEnrolment[b])), append(mod, d.P(fit.Enrolment[b]))
				}
			}
			rows = append(rows, Row{Cells: []string{name, d.l.Field("school_value"), d.bands(fit.Delta[:], 3),
				d.T("r.pref.fitted.school", strings.Join(obs, "; "), strings.Join(mod, "; "))}})
		case h.SchoolValue != nil:
			rows = append(rows, Row{Cells: []string{name, d.l.Field("school_value"), d.bands(h.SchoolValue[:], -1), how(true)}})
		}
	}
	return rows
}

// bands joins the values of the age bands, with dec decimals (-1: those
// each needs).
func (d *doc) bands(x []float64, dec int) string {
	parts := make([]string, len(x))
	for i, v := range x {
		if dec < 0 {
			parts[i] = d.exact(v)
		} else {
			parts[i] = d.l.Number(v, dec)
		}
	}
	return strings.Join(parts, "; ")
}

// SensitivityNote says why there is no ranking ("" when there is one).
func (d *doc) SensitivityNote() string {
	switch {
	case !d.in.SensitivityRun:
		return d.T("r.sensitive.off")
	case len(d.SensitiveRows()) == 0:
		return d.T("r.sensitive.none")
	}
	return ""
}

// maxSensitive is the most numbers the ranking shows.
const maxSensitive = 10

// SensitiveRows are the largest swings of the assessment's one-at-a-time
// ranking, over every run, largest first: the run, the number, its range,
// the children in child labour in the final year at each end, the swing.
// A number that moves nothing is left out.
func (d *doc) SensitiveRows() []Row {
	sw := slices.Clone(d.in.Sensitivity)
	sort.SliceStable(sw, func(i, j int) bool { return sw[i].Swing > sw[j].Swing })
	var rows []Row
	for _, s := range sw {
		if len(rows) == maxSensitive || !(s.Swing > 0) {
			break
		}
		run := d.T("baseline")
		if s.Run != "baseline" {
			run = d.runName(s.Run)
		}
		rows = append(rows, Row{Cells: []string{run, d.paramLabel(s.Param), d.exact(round4(s.Low)) + " – " + d.exact(round4(s.High)),
			d.N(s.AtLow), d.N(s.AtHigh), d.N(s.Swing)}})
	}
	return rows
}

// round4 keeps 4 significant digits: a range is read, not recomputed.
func round4(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 4, 64), 64)
	return v
}

// paramLabel names an uncertain number for a reader: a chain number as its
// assumption is labelled (with its actor), a scenario's effect by the
// intervention and the effect.
func (d *doc) paramLabel(p uncertainty.Param) string {
	if p.File == "chain" {
		for _, g := range d.assumptions() {
			for _, a := range g.Rows {
				if a.Key == p.Path {
					if strings.HasPrefix(p.Path, "actor.") {
						return a.Where + ": " + a.Label
					}
					return a.Label
				}
			}
		}
	}
	parts := strings.Split(p.Path, ".")
	if p.File == "scenarios" && d.in.Scenarios != nil && len(parts) >= 6 && parts[0] == "scenario" && parts[2] == "intervention" && parts[4] == "effect" {
		si, err1 := strconv.Atoi(parts[1])
		ii, err2 := strconv.Atoi(parts[3])
		if err1 == nil && err2 == nil && si < len(d.in.Scenarios.Scenarios) && ii < len(d.in.Scenarios.Scenarios[si].Interventions) {
			sc := &d.in.Scenarios.Scenarios[si]
			iv := &sc.Interventions[ii]
			title := iv.NameIn(d.l)
			if g, ok := guide.Lookup(iv.Type); ok && title == "" {
				title = g.Title(d.l)
			}
			if title == "" {
				title = iv.Type
			}
			return title + ": " + d.currency(d.l.Field(strings.Join(parts[5:], "."))) // the run's column names the scenario
		}
	}
	return d.currency(d.l.Field(parts[len(parts)-1]))
}

// flatten lists the keys and values v would have in a TOML file, each with
// its path (prefix and the keys, lists indexed from 0 as Locate does) and
// its readable label.
func (d *doc) flatten(prefix string, v any) []Assumption {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(v); err != nil {
		return nil
	}
	var m map[string]any
	if _, err := toml.Decode(buf.String(), &m); err != nil {
		return nil
	}
	var out []Assumption
	d.walk(&out, prefix, "", m, nil)
	return out
}

// walk adds the leaves of m to out: path is their path's prefix, label
// their label's, skip the keys that name the table (already in label).
func (d *doc) walk(out *[]Assumption, path, label string, m map[string]any, skip map[string]bool) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if skip[k] {
			continue
		}
		switch x := m[k].(type) {
		case map[string]any:
			switch k {
			case "household": // its keys say "per household" themselves
				d.walk(out, path+k+".", label, x, nil)
			case "costs":
				for _, item := range slices.Sorted(maps.Keys(x)) {
					*out = append(*out, d.leaf(path+k+"."+item, label+d.l.Section(k)+": "+strings.ReplaceAll(item, "_", " "), item, x[item]))
				}
			default:
				d.walk(out, path+k+".", label+d.l.Section(k)+": ", x, nil)
			}
		case []map[string]any:
			for i, e := range x {
				name, used := d.itemName(k, i, e)
				d.walk(out, fmt.Sprintf("%s%s.%d.", path, k, i), label+d.l.Section(k)+" "+d.quote(name)+": ", e, used)
			}
		default:
			*out = append(*out, d.leaf(path+k, label+d.l.Field(k), k, x))
		}
	}
}

// leaf is one parameter: its path, label (the currency named, the values
// a file may give left out), value.
func (d *doc) leaf(path, label, key string, x any) Assumption {
	label = choices.ReplaceAllString(d.currency(label), "")
	num := false
	switch v := x.(type) {
	case float64, int64:
		num = true
	case []any:
		num = len(v) > 0
		for _, e := range v {
			switch e.(type) {
			case float64, int64:
			default:
				num = false
			}
		}
	}
	return Assumption{Key: path, Label: label, Value: d.valueOf(key, x), Number: num}
}

// currency names the chain's currency in a label's unit: "Price
// (currency per unit)" is "Price (TJS per unit)".
func (d *doc) currency(label string) string {
	if cur := d.in.Chain.Currency; cur != "" {
		label = strings.ReplaceAll(label, "(currency", "("+cur)
		label = strings.ReplaceAll(label, "(валюта", "("+cur)
	}
	return label
}

// itemName names element i of the list key of a chain file for a reader
// (a task by its name, a product by its id, a border price by its actor
// and product, a link by its two actors) and returns the keys that name
// it, which are then not listed again.
func (d *doc) itemName(key string, i int, e map[string]any) (string, map[string]bool) {
	str := func(k string) string { s, _ := e[k].(string); return s }
	actor := func(id string) string {
		if _, j := d.in.Chain.Actor(id); j >= 0 {
			return d.actorName(j)
		}
		return id
	}
	switch {
	case key == "link" && str("from") != "" && str("to") != "":
		return actor(str("from")) + " → " + actor(str("to")), map[string]bool{"from": true, "to": true}
	case str("actor") != "":
		name, used := actor(str("actor")), map[string]bool{"actor": true}
		if p := str("product"); p != "" {
			name += ", " + p
			used["product"] = true
		}
		return name, used
	case d.l == lang.RU && str("name_ru") != "":
		return str("name_ru"), map[string]bool{"name": true, "name_ru": true}
	case str("name") != "":
		return str("name"), map[string]bool{"name": true, "name_ru": str("name_ru") == ""}
	case str("id") != "":
		return str("id"), map[string]bool{"id": true}
	}
	return strconv.Itoa(i + 1), nil
}

// quote puts a name in the language's quotation marks.
func (d *doc) quote(s string) string {
	if d.l == lang.RU {
		return "«" + s + "»"
	}
	return "“" + s + "”"
}

// comment returns the comment at the end of a line of TOML ("" if none):
// the text after a # that is not inside a quoted string.
func comment(line string) string {
	in := byte(0)
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case in != 0 && ch == '\\' && in == '"':
			i++
		case in != 0 && ch == in:
			in = 0
		case in == 0 && (ch == '"' || ch == '\''):
			in = ch
		case in == 0 && ch == '#':
			return strings.TrimSpace(line[i+1:])
		}
	}
	return ""
}

// choices are the values a key's label lists for the writer of a file
// ("Hazardous (true or false)", "Final market (domestic or export)"): the
// report shows the value in words instead.
var choices = regexp.MustCompile(` \((true|domestic) (or|или) (false|export)\)`)

// enums are the keys whose values are words vcsim defines, with the
// messages that name each value in the report's language
// (ui.stage.production: "production", "производство").
var enums = map[string]string{"kind": "ui.kind.", "stage": "ui.stage.", "final_market": "ui.market."}

// valueOf formats the value x of key for the reader: a year as it is
// written (2022, not 2,022), a word vcsim defines in the report's
// language, anything else as value does.
func (d *doc) valueOf(key string, x any) string {
	if y, ok := x.(int64); ok && strings.HasSuffix(key, "year") {
		return strconv.FormatInt(y, 10)
	}
	if v, ok := x.([]any); ok && key == "domestic_costs" { // cost items, written as the report writes them elsewhere
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = strings.ReplaceAll(fmt.Sprint(e), "_", " ")
		}
		return strings.Join(parts, "; ")
	}
	if v, ok := x.(string); ok && enums[key] != "" {
		if s := d.T(enums[key] + v); !strings.HasPrefix(s, "!") {
			return s
		}
	}
	return d.value(x)
}

// value formats a parameter's value for the reader: numbers with the
// language's separators and no exponent, lists joined with semicolons.
func (d *doc) value(x any) string {
	switch v := x.(type) {
	case float64:
		return d.exact(v)
	case int64:
		return d.exact(float64(v))
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = d.value(e)
		}
		return strings.Join(parts, "; ")
	case bool:
		if v {
			return d.T("yes")
		}
		return d.T("no")
	}
	return fmt.Sprint(x)
}

// exact formats x with the decimals it needs (up to 6), no exponent.
func (d *doc) exact(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	dec := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		dec = min(len(frac), 6)
	}
	return d.l.Number(x, dec)
}

// Package screening ranks candidate value chains for a rapid market
// assessment: each chain's baseline gives computed criteria (children in
// child labour, poor households, value added...), a criteria file adds
// expert scores (growth potential, buyer interest...), and a weighted sum
// of min-max normalised criteria gives each chain's score.
package screening

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Criteria is a criteria file.
type Criteria struct {
	// ExchangeRates give the value of one unit of each chain currency in a
	// common one (say USD), to compare money across chains.
	ExchangeRates map[string]float64 `toml:"exchange_rates"`
	Criteria      []Criterion        `toml:"criterion"`

	pos valuechain.Positions // lines of the file's keys (nil when built in code)
}

// Criterion is a criterion of the screening.
type Criterion struct {
	ID     string  `toml:"id"`
	Name   string  `toml:"name"`
	NameRU string  `toml:"name_ru"`
	Weight float64 `toml:"weight"`
	// Direction is "higher" when a higher value makes a chain more of a
	// priority for the assessment, "lower" otherwise.
	Direction string `toml:"direction"`
	// Scores are expert scores from 1 to 5 by chain key; a criterion with
	// scores is an expert criterion.
	Scores map[string]float64 `toml:"scores"`
}

// Computed are the criteria computed from a chain's baseline, with their
// English and Russian names and whether they are amounts of money.
var Computed = []struct {
	ID, Name, NameRU string
	Money            bool
}{
	{"child_labour", "children in child labour", "дети в детском труде", false},
	{"hazardous_child_labour", "children in hazardous child labour", "дети в опасном детском труде", false},
	{"prevalence", "child-labour prevalence", "распространённость детского труда", false},
	{"households", "households involved", "вовлечённые домохозяйства", false},
	{"poor_households", "households below the poverty line", "домохозяйства за чертой бедности", false},
	{"value_added", "value added", "добавленная стоимость", true},
	{"value_added_per_fte", "value added per FTE", "добавленная стоимость на ЭПЗ", true},
	{"producer_share", "producer share", "доля производителя", false},
	{"employment_fte", "employment (FTE)", "занятость (ЭПЗ)", false},
	{"female_share", "share of women in employment", "доля женщин в занятости", false},
	{"drc", "domestic resource cost (DRC)", "коэффициент внутренних ресурсов (DRC)", false},
}

// DefaultCriteria are used without a criteria file.
var DefaultCriteria = Criteria{Criteria: []Criterion{
	{ID: "child_labour", Weight: 3, Direction: "higher"},
	{ID: "hazardous_child_labour", Weight: 2, Direction: "higher"},
	{ID: "poor_households", Weight: 2, Direction: "higher"},
	{ID: "households", Weight: 1, Direction: "higher"},
	{ID: "producer_share", Weight: 1, Direction: "lower"},
}}

// Candidate is a chain to screen, with its key (the file name without
// .toml, or the example's name) that expert scores refer to.
type Candidate struct {
	Key   string
	Chain *valuechain.Chain
}

// Validate checks a criteria file against the candidates and returns
// every problem (file names the criteria file in messages), each at its
// line when the criteria were read from a file. With cands nil it checks
// the criteria alone (vcsim validate).
func Validate(cr *Criteria, cands []Candidate, file string) error {
	ps := valuechain.NewProblems(cr.pos)
	ps.At("exchange_rates", "exchange_rates")
	ids := map[string]bool{}
	total := 0.0
	currencies := map[string]bool{}
	for _, c := range cands {
		currencies[c.Chain.Currency] = true
	}
	for _, cur := range slices.Sorted(maps.Keys(cr.ExchangeRates)) {
		if r := cr.ExchangeRates[cur]; !(r > 0) || math.IsInf(r, 0) {
			ps.Add("exchange_rates", cur, "must be a number greater than 0 (the value of one %s in a common currency), got %v", cur, r)
		}
	}
	for i, c := range cr.Criteria {
		w := fmt.Sprintf("criterion %d (%s)", i+1, c.ID)
		ps.At(w, fmt.Sprintf("criterion.%d", i))
		comp, money := computed(c.ID)
		switch {
		case c.ID == "":
			ps.Add(w, "id", "is missing")
		case ids[c.ID]:
			ps.Add(w, "id", "is used twice")
		case !comp && len(c.Scores) == 0:
			ps.Add(w, "id", "is not a computed criterion (%s) and has no expert scores", computedIDs())
		case comp && len(c.Scores) > 0:
			ps.Add(w, "scores", "%q is computed from the chains: it takes no scores", c.ID)
		}
		ids[c.ID] = true
		if math.IsNaN(c.Weight) || c.Weight < 0 || c.Weight > 1000 {
			ps.Add(w, "weight", "must be a number from 0 to 1000, got %v", c.Weight)
		}
		total += c.Weight
		if c.Direction != "higher" && c.Direction != "lower" {
			ps.Add(w, "direction", `must be "higher" (a higher value makes a chain more of a priority) or "lower", got %q`, c.Direction)
		}
		if !comp {
			for _, cand := range cands {
				s, ok := c.Scores[cand.Key]
				switch {
				case !ok:
					ps.Add(w, "scores", "has no score for chain %q", cand.Key)
				case math.IsNaN(s) || s < 1 || s > 5:
					ps.Add(w, "scores."+cand.Key, "must be a score from 1 to 5, got %v", s)
				}
			}
		}
		if money && len(currencies) > 1 {
			for cur := range currencies {
				if _, ok := cr.ExchangeRates[cur]; !ok {
					ps.Add(w, "id", "%q is money and the chains are in different currencies: give exchange_rates.%s (the value of one %s in a common currency)", c.ID, cur, cur)
				}
			}
		}
	}
	if len(cr.Criteria) > 0 && !(total > 0) {
		ps.Add("criteria", "weight", "the weights add up to 0: give some weight")
	}
	if len(cr.Criteria) == 0 {
		ps.Add("criteria", "criterion", "no criteria: give at least one [[criterion]]")
	}
	if cands != nil && len(cands) < 2 {
		ps.Add("chains", "chains", "screening needs at least two chains, got %d", len(cands))
	}
	return ps.Err(file)
}

func computed(id string) (ok, money bool) {
	for _, c := range Computed {
		if c.ID == id {
			return true, c.Money
		}
	}
	return false, false
}

func computedIDs() string {
	var ids []string
	for _, c := range Computed {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, ", ")
}

// Result is the screening: each chain's raw and normalised value of every
// criterion, its score and rank, best first.
type Result struct {
	Criteria []Criterion
	Rows     []Row
}

// Row is a chain's line of the screening.
type Row struct {
	Key, Name string
	Raw, Norm []float64 // by criterion
	Score     float64
	Rank      int
}

// Screen runs each chain's baseline (households seeded by seed) and ranks
// the chains. Each criterion is normalised by min-max over the chains:
// (x - min)/(max - min) for "higher", (max - x)/(max - min) for "lower";
// a criterion equal on every chain gives each 0.5. The score is the
// weighted mean of the normalised values; ties keep the order given.
func Screen(cands []Candidate, cr *Criteria, seed uint64) (*Result, error) {
	res := &Result{Criteria: cr.Criteria}
	for _, cand := range cands {
		a, err := assess.Run(context.Background(), assess.Inputs{Chain: cand.Chain, Seed: seed}, assess.Options{}, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cand.Key, err)
		}
		r := a.Base
		row := Row{Key: cand.Key, Name: cand.Chain.Name}
		rate := 1.0
		if x, ok := cr.ExchangeRates[cand.Chain.Currency]; ok {
			rate = x
		}
		for _, c := range cr.Criteria {
			v, err := value(r, c, cand.Key, rate)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", cand.Key, err)
			}
			row.Raw = append(row.Raw, v)
		}
		res.Rows = append(res.Rows, row)
	}
	res.normalise()
	return res, nil
}

func (res *Result) normalise() {
	var wsum float64
	for _, c := range res.Criteria {
		wsum += c.Weight
	}
	for j, c := range res.Criteria {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range res.Rows {
			lo, hi = math.Min(lo, r.Raw[j]), math.Max(hi, r.Raw[j])
		}
		for i := range res.Rows {
			x := res.Rows[i].Raw[j]
			n := 0.5
			if hi > lo {
				n = (x - lo) / (hi - lo)
				if c.Direction == "lower" {
					n = 1 - n
				}
			}
			res.Rows[i].Norm = append(res.Rows[i].Norm, n)
		}
	}
	for i := range res.Rows {
		r := &res.Rows[i]
		r.Score = 0
		for j, c := range res.Criteria {
			r.Score += c.Weight * r.Norm[j] / wsum
		}
	}
	sort.SliceStable(res.Rows, func(a, b int) bool { return res.Rows[a].Score > res.Rows[b].Score })
	for i := range res.Rows {
		res.Rows[i].Rank = i + 1
	}
}

// value returns a criterion's raw value for a chain's baseline r; money
// is multiplied by rate.
func value(r *model.Result, c Criterion, key string, rate float64) (float64, error) {
	if c.Scores != nil {
		return c.Scores[key], nil
	}
	ch := r.ChildTotal()
	t := r.Totals
	switch c.ID {
	case "child_labour":
		return ch.ChildLabour, nil
	case "hazardous_child_labour":
		return ch.Hazardous, nil
	case "prevalence":
		if ch.Children == 0 {
			return 0, nil
		}
		return ch.ChildLabour / ch.Children, nil
	case "households":
		return float64(t.Households), nil
	case "poor_households":
		return t.BelowPoverty * float64(t.Households), nil
	case "value_added":
		return t.ValueAdded * rate, nil
	case "value_added_per_fte":
		if t.FTE == 0 {
			return 0, nil
		}
		return t.ValueAdded * rate / t.FTE, nil
	case "producer_share":
		if len(r.Margins) == 0 {
			return 0, nil
		}
		ps, ok := r.ProducerShare()
		if !ok {
			return 0, fmt.Errorf("the chain has no producer share: its main channel starts with %q, which buys outside the chain (purchase_price)", r.Margins[0].Actor)
		}
		return ps, nil
	case "employment_fte":
		return t.FTE, nil
	case "female_share":
		var f, a float64
		for _, l := range r.Labour {
			f += l.FemaleDays
			a += l.AdultDays()
		}
		if a == 0 {
			return 0, nil
		}
		return f / a, nil
	case "drc":
		if pam.Neutral(r.Chain) {
			return 0, fmt.Errorf("the DRC criterion needs shadow values: the chain has no [economic] table (docs/pam.md)")
		}
		_, total, err := pam.Compute(r)
		if err != nil {
			return 0, err
		}
		for _, x := range total.Ratios() {
			if x.Name == "drc" {
				if math.IsNaN(x.Value) {
					return 0, fmt.Errorf("DRC is %s", x.Reason)
				}
				return x.Value, nil
			}
		}
	}
	return 0, fmt.Errorf("no criterion %q", c.ID)
}

// Swap says which single weight change would swap the first two chains:
// for each criterion, the weight at which their scores are equal, when
// one exists (from 0 to 1000); the smallest change relative to the weight
// given is returned, and ok is false when no weight change swaps them.
func (res *Result) Swap() (criterion int, weight float64, ok bool) {
	if len(res.Rows) < 2 {
		return 0, 0, false
	}
	a, b := res.Rows[0], res.Rows[1]
	best := math.Inf(1)
	for i, c := range res.Criteria {
		// Score difference times the weight sum: sum_j w_j d_j, linear in w_i.
		var rest float64
		for j, cj := range res.Criteria {
			if j != i {
				rest += cj.Weight * (a.Norm[j] - b.Norm[j])
			}
		}
		d := a.Norm[i] - b.Norm[i]
		if d == 0 {
			continue
		}
		w := -rest / d
		if w < 0 || w > 1000 || math.Abs(w-c.Weight) < 1e-12 {
			continue
		}
		if ch := math.Abs(w - c.Weight); ch < best {
			best, criterion, weight, ok = ch, i, w, true
		}
	}
	return criterion, weight, ok
}

// Label returns a criterion's name in the language ("en" or "ru").
func (c Criterion) Label(l lang.Lang) string {
	if l == "ru" && c.NameRU != "" {
		return c.NameRU
	}
	if c.Name != "" {
		return c.Name
	}
	for _, x := range Computed {
		if x.ID == c.ID {
			if l == "ru" {
				return x.NameRU
			}
			return x.Name
		}
	}
	return c.ID
}

// WriteCSV writes screening.csv: chain, each criterion's raw and
// normalised value, score and rank, best first.
func (res *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(res.Records()); err != nil {
		return err
	}
	return cw.Error()
}

// Records returns the records of screening.csv, the header first.
func (res *Result) Records() [][]string {
	head := []string{"chain", "name"}
	for _, c := range res.Criteria {
		head = append(head, c.ID, c.ID+"_normalised")
	}
	head = append(head, "score", "rank")
	recs := [][]string{head}
	for _, r := range res.Rows {
		rec := []string{r.Key, r.Name}
		for j := range res.Criteria {
			rec = append(rec, strconv.FormatFloat(r.Raw[j], 'g', 10, 64), strconv.FormatFloat(r.Norm[j], 'f', 6, 64))
		}
		rec = append(rec, strconv.FormatFloat(r.Score, 'f', 6, 64), strconv.Itoa(r.Rank))
		recs = append(recs, rec)
	}
	return recs
}

package valuechain

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Distribution is what a file says of an uncertain number, in place of the
// number: { dist = "triangular", min = 0.8, mode = 1.0, max = 1.3 }.
// Kinds and their keys:
//
//	point       value
//	uniform     min, max
//	triangular  min, mode, max
//	pert        min, mode, max (a Beta on [min, max] with mode, shape 4)
//	normal      mean, sd, and optionally min and max (truncated)
//	lognormal   mean, sd (of the number itself, not of its log)
//
// Package uncertainty draws from it.
type Distribution struct {
	Dist                  string
	Value, Min, Mode, Max float64
	Mean, SD              float64
	HasMin, HasMax        bool
}

// Central returns the value a deterministic run uses: the point value,
// the mode of a triangular or PERT distribution, the middle of a uniform
// one, the mean of a normal (truncated: its mean clamped to the bounds)
// or lognormal one.
func (d Distribution) Central() float64 {
	switch d.Dist {
	case "point":
		return d.Value
	case "triangular", "pert":
		return d.Mode
	case "uniform":
		return (d.Min + d.Max) / 2
	case "normal":
		x := d.Mean
		if d.HasMin {
			x = math.Max(x, d.Min)
		}
		if d.HasMax {
			x = math.Min(x, d.Max)
		}
		return x
	}
	return d.Mean
}

// Bounds returns the smallest and largest values the distribution gives,
// or, for unbounded ends, the mean plus or minus 6 standard deviations.
func (d Distribution) Bounds() (lo, hi float64) {
	switch d.Dist {
	case "point":
		return d.Value, d.Value
	case "uniform", "triangular", "pert":
		return d.Min, d.Max
	case "lognormal":
		return 0, d.Mean + 6*d.SD
	}
	lo, hi = d.Mean-6*d.SD, d.Mean+6*d.SD
	if d.HasMin {
		lo = d.Min
	}
	if d.HasMax {
		hi = d.Max
	}
	return lo, hi
}

// Uncertain is a number of a file given as a distribution: its path (as
// in Positions: "actor.0.price"), line and distribution.
type Uncertain struct {
	Path string
	Line int
	Distribution
	// PovertyLines says the distribution is in poverty lines of the chain
	// (the guide's transfer amounts), to be multiplied by the chain's
	// poverty_line before use.
	PovertyLines bool
}

// Correlation is a rank correlation between uncertain numbers, given in a
// chain or scenario file as
//
//	[[correlate]]
//	params = ["actor.0.price", "actor.1.price"]
//	rank = 0.8
//
// Every pair of the list has the same rank correlation.
type Correlation struct {
	Params []string `toml:"params"`
	Rank   float64  `toml:"rank"`
}

// distKeys are the keys each kind of distribution takes.
var distKeys = map[string][]string{
	"point": {"value"}, "uniform": {"min", "max"}, "triangular": {"min", "mode", "max"},
	"pert": {"min", "mode", "max"}, "normal": {"mean", "sd", "min", "max"}, "lognormal": {"mean", "sd"},
}

// distProblem is a problem with a distribution table: a message format
// (without the key) and its arguments, so that it can be translated.
type distProblem struct {
	format string
	args   []any
}

// parseDistribution reads a distribution table and returns its problems,
// among them a distribution whose draws cannot all be finite numbers (a
// normal truncated far in its tail, a lognormal whose sd overflows).
func parseDistribution(m map[string]any) (Distribution, []distProblem) {
	var d Distribution
	var bad []distProblem
	distf := func(format string, args ...any) { bad = append(bad, distProblem{format, args}) }
	kind, _ := m["dist"].(string)
	keys, ok := distKeys[kind]
	if !ok {
		distf("dist must be one of point, uniform, triangular, pert, normal, lognormal, got %v", m["dist"])
		return d, bad
	}
	d.Dist = kind
	allowed := map[string]bool{"dist": true}
	for _, k := range keys {
		allowed[k] = true
	}
	names := slices.Sorted(maps.Keys(m))
	num := map[string]float64{}
	for _, k := range names {
		if !allowed[k] {
			distf("a %s distribution takes %s, not %q", kind, strings.Join(keys, ", "), k)
			continue
		}
		if k == "dist" {
			continue
		}
		switch v := m[k].(type) {
		case float64:
			num[k] = v
		case int64:
			num[k] = float64(v)
		default:
			distf("%s must be a number, got %s", k, Describe(m[k]))
		}
		if x := num[k]; math.IsNaN(x) || math.IsInf(x, 0) {
			distf("%s must be a finite number", k)
		}
	}
	need := func(ks ...string) {
		for _, k := range ks {
			if _, ok := m[k]; !ok {
				distf("a %s distribution needs %s", kind, k)
			}
		}
	}
	d.Value, d.Min, d.Mode, d.Max, d.Mean, d.SD = num["value"], num["min"], num["mode"], num["max"], num["mean"], num["sd"]
	_, d.HasMin = m["min"]
	_, d.HasMax = m["max"]
	switch kind {
	case "point":
		need("value")
	case "uniform":
		need("min", "max")
		if len(bad) == 0 && !(d.Min < d.Max) {
			distf("min %v must be below max %v", d.Min, d.Max)
		}
	case "triangular", "pert":
		need("min", "mode", "max")
		if len(bad) == 0 && !(d.Min <= d.Mode && d.Mode <= d.Max) {
			distf("min %v, mode %v and max %v must be in that order", d.Min, d.Mode, d.Max)
		}
	case "normal":
		need("mean", "sd")
		if len(bad) == 0 && !(d.SD > 0) {
			distf("sd must be above 0, got %v", d.SD)
		}
		if len(bad) == 0 && d.HasMin && d.HasMax && !(d.Min < d.Max) {
			distf("min %v must be below max %v", d.Min, d.Max)
		}
	case "lognormal":
		need("mean", "sd")
		if len(bad) == 0 && !(d.Mean > 0 && d.SD > 0) {
			distf("mean and sd must be above 0, got %v and %v", d.Mean, d.SD)
		}
	}
	if len(bad) == 0 {
		bad = reach(d)
	}
	return d, bad
}

// MinMass is the least share of a normal distribution that its min and
// max may keep: drawing from less loses every digit (the draws become
// infinite or all equal to a bound).
const MinMass = 1e-6

// reach checks that every draw of a well-formed distribution is a finite
// number, with the arithmetic package uncertainty draws with: a range
// whose width overflows, a normal whose min and max keep less than
// MinMass of it, a lognormal whose log's parameters overflow.
func reach(d Distribution) []distProblem {
	var bad []distProblem
	distf := func(format string, args ...any) { bad = append(bad, distProblem{format, args}) }
	switch d.Dist {
	case "uniform", "triangular", "pert":
		if w := d.Max - d.Min; math.IsInf(w, 0) {
			distf("the range from min %v to max %v is too wide to draw from: its width is not a finite number", d.Min, d.Max)
		}
	case "normal":
		if math.IsInf(d.Mean+6*d.SD, 0) || math.IsInf(d.Mean-6*d.SD, 0) {
			distf("mean %v and sd %v reach numbers that are not finite: give a smaller sd", d.Mean, d.SD)
			break
		}
		lo, hi := 0.0, 1.0
		if d.HasMin {
			lo = normalCDF(d.Min, d.Mean, d.SD)
		}
		if d.HasMax {
			hi = normalCDF(d.Max, d.Mean, d.SD)
		}
		if !(hi-lo >= MinMass) {
			// Name the bound that cuts the distribution away, in sds.
			bound, z := d.Min, (d.Min-d.Mean)/d.SD
			if d.HasMax && (!d.HasMin || math.Abs((d.Max-d.Mean)/d.SD) > math.Abs(z) || d.Max < d.Mean) {
				bound, z = d.Max, (d.Max-d.Mean)/d.SD
			}
			distf("min and max keep %.2g of the normal distribution (mean %v, sd %v; %v is %.3g sd from the mean), less than %g: draws cannot reach the range; put the mean inside it or give a larger sd", hi-lo, d.Mean, d.SD, bound, z, MinMass)
		}
	case "lognormal":
		// As uncertainty.Quantile: sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2.
		s2 := math.Log1p(d.SD * d.SD / (d.Mean * d.Mean))
		mu := math.Log(d.Mean) - s2/2
		hi := math.Exp(mu + 6*math.Sqrt(s2))
		lo := math.Exp(mu - 6*math.Sqrt(s2))
		if math.IsInf(s2, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) || !(lo > 0) {
			distf("mean %v and sd %v give draws that are not finite numbers above 0 (sd/mean = %.3g): give the mean and sd in the number's own unit", d.Mean, d.SD, d.SD/d.Mean)
		}
	}
	return bad
}

// normalCDF is the normal distribution's CDF, by erfc so that far tails
// keep their digits.
func normalCDF(x, mean, sd float64) float64 {
	return 0.5 * math.Erfc(-(x-mean)/(sd*math.Sqrt2))
}

// SetPath sets the number at path (as in Positions) in v, a pointer to a
// chain, a scenario file or any struct read with DecodeStrict.
func SetPath(v any, path string, x float64) error {
	rv := reflect.ValueOf(v)
	parts := strings.Split(path, ".")
	for i, p := range parts {
		for rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				rv.Set(reflect.New(rv.Type().Elem()))
			}
			rv = rv.Elem()
		}
		switch rv.Kind() {
		case reflect.Struct:
			f, ok := fieldByTag(rv, p)
			if !ok {
				return fmt.Errorf("%s: no key %q", path, p)
			}
			rv = f
		case reflect.Slice, reflect.Array:
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || n >= rv.Len() {
				return fmt.Errorf("%s: no element %q", path, p)
			}
			rv = rv.Index(n)
		case reflect.Map:
			if i != len(parts)-1 || rv.Type().Elem().Kind() != reflect.Float64 {
				return fmt.Errorf("%s: cannot set a number inside %s", path, rv.Type())
			}
			if rv.IsNil() {
				rv.Set(reflect.MakeMap(rv.Type()))
			}
			rv.SetMapIndex(reflect.ValueOf(p), reflect.ValueOf(x))
			return nil
		default:
			return fmt.Errorf("%s: %q is not a table or list", path, strings.Join(parts[:i], "."))
		}
	}
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Float64, reflect.Float32:
		rv.SetFloat(x)
	case reflect.Int, reflect.Int64:
		rv.SetInt(int64(math.Round(x)))
	default:
		return fmt.Errorf("%s is not a number", path)
	}
	return nil
}

func fieldByTag(rv reflect.Value, key string) (reflect.Value, bool) {
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if name == key {
			return rv.Field(i), true
		}
	}
	return reflect.Value{}, false
}

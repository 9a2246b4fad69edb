// Package vca4d reads and writes the economic studies of the EU-funded
// VCA4D programme in the JSON layout of the open VCA4D dashboard, and turns
// a study into a vcsim chain (Import). Writing a vcsim result back as a
// study is model/vca4dresults (Export), above model.
package vca4d

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Study is one VCA4D economic study.
type Study struct {
	ID             string  `json:"id"`
	Country        string  `json:"country"`
	Commodity      string  `json:"commodity"`
	Year           int     `json:"year"`
	LocalCurrency  string  `json:"localCurrency"`
	TargetCurrency string  `json:"targetCurrency"`
	CurrencyRatio  float64 `json:"currencyRatio"`
	Type           string  `json:"type"`
	EcoData        EcoData `json:"ecoData"`
}

// EcoData is the economic part of a study. Amounts of actors, added value
// and imports/exports are in units of CurrencyRatio; flows are in currency.
type EcoData struct {
	MacroData              map[string]any `json:"macroData"`
	Stages                 []Stage        `json:"stages"`
	Actors                 []Actor        `json:"actors"`
	ConsistencyDisplay     map[string]any `json:"consistencyDisplay,omitempty"`
	Flows                  []Flow         `json:"flows"`
	AddedValue             AddedValue     `json:"addedValue"`
	ImportExport           ImportExport   `json:"importExport"`
	FarmToFinalPricesRatio []PriceRatio   `json:"farmToFinalPricesRatio"`
}

// Stage is a stage of the chain.
type Stage struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Index       int    `json:"index"`
}

// Actor is an actor type; actors without NumberOfActors (consumers, export
// markets) are final demand.
type Actor struct {
	Name               string      `json:"name"`
	Stage              string      `json:"stage"`
	ID                 int         `json:"id"`
	NumberOfActors     *float64    `json:"numberOfActors,omitempty"`
	DirectAddedValue   *float64    `json:"directAddedValue,omitempty"`
	PublicFundsBalance *float64    `json:"publicFundsBalance,omitempty"`
	NetOperatingProfit *float64    `json:"netOperatingProfit,omitempty"`
	TotalCosts         *float64    `json:"totalCosts,omitempty"`
	ReceivedAddedValue float64     `json:"receivedAddedValue"`
	Employment         *Employment `json:"employment,omitempty"`
}

// Economic reports whether the actor has economic data (is not final demand).
func (a *Actor) Economic() bool { return a.NumberOfActors != nil }

// Employment is an actor type's employment in full-time equivalents.
type Employment struct {
	TempMale        float64 `json:"tempMale"`
	TempFemale      float64 `json:"tempFemale"`
	UnskilledMale   float64 `json:"unskilledMale"`
	UnskilledFemale float64 `json:"unskilledFemale"`
	SkilledMale     float64 `json:"skilledMale"`
	SkilledFemale   float64 `json:"skilledFemale"`
}

// Total returns all FTE and those of women.
func (e *Employment) Total() (all, female float64) {
	female = e.TempFemale + e.UnskilledFemale + e.SkilledFemale
	return female + e.TempMale + e.UnskilledMale + e.SkilledMale, female
}

// Flow is a product sold by one actor to another.
type Flow struct {
	Seller        string  `json:"sellerActorName"`
	Buyer         string  `json:"buyerActorName"`
	Volume        float64 `json:"volumeExchanged"`
	MonetaryValue float64 `json:"monetaryValue"`
	UnitPrice     float64 `json:"unitPrice"`
	VolumeUnit    string  `json:"volumeUnit"`
	Product       string  `json:"product"`
}

// AddedValue is the split of the chain's value added.
type AddedValue struct {
	LandOwnersFees                 float64 `json:"landOwnersFees"`
	Depreciation                   float64 `json:"depreciation"`
	EmployeeWages                  float64 `json:"employeeWages"`
	FinancialInstitutionsInterests float64 `json:"financialInstitutionsInterests"`
	Government                     float64 `json:"government"`
}

// ImportExport lists imports and exports.
type ImportExport struct {
	Import []Trade `json:"import"`
	Export []Trade `json:"export"`
}

// Trade is one import or export line.
type Trade struct {
	Label        string  `json:"label"`
	ImportExport string  `json:"importExport"`
	Amount       float64 `json:"amount"`
}

// PriceRatio is a farm-to-final price comparison of the study.
type PriceRatio struct {
	Label       string  `json:"label"`
	FarmPrice   float64 `json:"farmPrice"`
	FarmProduct string  `json:"farmProduct,omitempty"`
	EndPrice    float64 `json:"endPrice"`
	EndProducts string  `json:"endProducts,omitempty"`
}

// Load reads and checks a study file.
func Load(path string) (*Study, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// PathError is a problem at a JSON path of a study.
type PathError struct {
	File, Path, Msg string
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %s: %s", e.File, e.Path, e.Msg) }

// Errors lists every problem of a study.
type Errors []*PathError

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Parse reads a study from JSON and checks it: required fields, numbers,
// actor names of flows. Every problem is reported with its JSON path.
func Parse(data []byte, name string) (*Study, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &PathError{File: name, Path: "$", Msg: "not a JSON object: " + err.Error()}
	}
	var generic any
	if err := json.Unmarshal(data, &generic); err != nil {
		return nil, &PathError{File: name, Path: "$", Msg: err.Error()}
	}
	w := &walker{file: name}
	w.walk(generic, reflect.TypeOf(Study{}), "$")
	if len(w.types) > 0 {
		return nil, append(w.types, w.unknown...)
	}
	var s Study
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&s); err != nil {
		return nil, &PathError{File: name, Path: jsonPath(err), Msg: err.Error()}
	}
	if len(w.unknown) > 0 {
		return nil, w.unknown
	}
	if errs := check(&s, raw, name); len(errs) > 0 {
		return nil, errs
	}
	return &s, nil
}

// walker checks a decoded JSON value against the Go type it will fill:
// unknown keys and values of the wrong type, each at its JSON path with
// array indices.
type walker struct {
	file           string
	types, unknown Errors
}

func (w *walker) walk(x any, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if x == nil {
		return // null: the field keeps its zero value; check reports what is required
	}
	bad := func(want string) {
		w.types = append(w.types, &PathError{File: w.file, Path: path, Msg: fmt.Sprintf("must be %s, got %s", want, describe(x))})
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := x.(map[string]any)
		if !ok {
			bad("an object")
			return
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			fields[name] = t.Field(i).Type
		}
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				w.unknown = append(w.unknown, &PathError{File: w.file, Path: path + "." + k, Msg: "unknown key (check its spelling against the VCA4D dashboard's layout, docs/vca4d.md)"})
				continue
			}
			w.walk(m[k], ft, path+"."+k)
		}
	case reflect.Slice:
		a, ok := x.([]any)
		if !ok {
			bad("a list")
			return
		}
		for i, e := range a {
			w.walk(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map, reflect.Interface:
		// macroData and the like: free-form.
	case reflect.Float64:
		if _, ok := x.(float64); !ok {
			bad("a number")
		}
	case reflect.Int:
		if f, ok := x.(float64); !ok || f != math.Trunc(f) || math.Abs(f) > 1e9 {
			bad("a whole number")
		}
	case reflect.String:
		if _, ok := x.(string); !ok {
			bad("text")
		}
	}
}

// describe says what a decoded JSON value is, in JSON's words.
func describe(x any) string {
	if _, ok := x.(map[string]any); ok {
		return "an object"
	}
	return valuechain.Describe(x)
}

// jsonPath names the field of a JSON type error.
func jsonPath(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok && te.Field != "" {
		return "$." + te.Field
	}
	return "$"
}

func check(s *Study, raw map[string]json.RawMessage, name string) Errors {
	var errs Errors
	add := func(path, format string, args ...any) {
		errs = append(errs, &PathError{File: name, Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	for _, k := range []string{"id", "year", "currencyRatio", "ecoData"} {
		if _, ok := raw[k]; !ok {
			add("$."+k, "is missing")
		}
	}
	if s.CurrencyRatio <= 0 || math.IsNaN(s.CurrencyRatio) {
		add("$.currencyRatio", "must be a number greater than 0, got %v", s.CurrencyRatio)
	}
	if s.TargetCurrency == "" && s.LocalCurrency == "" {
		add("$.targetCurrency", "is missing (and so is localCurrency)")
	}
	names := map[string]bool{}
	economic := 0
	for i := range s.EcoData.Actors {
		a := &s.EcoData.Actors[i]
		p := fmt.Sprintf("$.ecoData.actors[%d]", i)
		if a.Name == "" {
			add(p+".name", "is missing")
		} else if names[a.Name] {
			add(p+".name", "%q is used by another actor", a.Name)
		}
		names[a.Name] = true
		if !a.Economic() {
			continue
		}
		economic++
		if *a.NumberOfActors <= 0 {
			add(p+".numberOfActors", "must be greater than 0, got %v", *a.NumberOfActors)
		}
		for _, f := range []struct {
			key string
			v   *float64
		}{{"directAddedValue", a.DirectAddedValue}, {"netOperatingProfit", a.NetOperatingProfit}, {"totalCosts", a.TotalCosts}} {
			if f.v == nil {
				add(p+"."+f.key, "is missing for actor %q (it has numberOfActors)", a.Name)
			} else if math.IsNaN(*f.v) || math.IsInf(*f.v, 0) {
				add(p+"."+f.key, "must be a finite number")
			}
		}
	}
	if economic == 0 {
		add("$.ecoData.actors", "no actor has economic data (numberOfActors, directAddedValue...)")
	}
	for i, f := range s.EcoData.Flows {
		p := fmt.Sprintf("$.ecoData.flows[%d]", i)
		if !names[f.Seller] {
			add(p+".sellerActorName", "%q is not the name of an actor", f.Seller)
		}
		if !names[f.Buyer] {
			add(p+".buyerActorName", "%q is not the name of an actor", f.Buyer)
		}
		if f.Volume <= 0 || math.IsNaN(f.Volume) {
			add(p+".volumeExchanged", "must be greater than 0, got %v", f.Volume)
		}
		if f.MonetaryValue < 0 || f.UnitPrice < 0 {
			add(p+".monetaryValue", "prices and values must not be negative (value %v, unit price %v)", f.MonetaryValue, f.UnitPrice)
		}
		if strings.TrimSpace(f.Product) == "" {
			add(p+".product", "is missing")
		}
	}
	return errs
}

// Slug makes an id from a name as Import does: lower-case letters and
// digits joined by underscores.
func Slug(s string) string { return slug(s) }

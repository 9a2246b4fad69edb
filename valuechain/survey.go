package valuechain

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
)

// SurveyColumns are the columns of a household survey CSV, one row per
// household. group, weight and adults are required; the others may be
// left empty (output: the group's average; hours: not observed).
var SurveyColumns = []string{
	"group", "weight", "adults",
	"girls_5_11", "boys_5_11", "girls_12_14", "boys_12_14", "girls_15_17", "boys_15_17",
	"output", "other_income", "hours_5_11", "hours_12_14", "hours_15_17", "hazardous",
}

// surveyRow is a row as read, every cell as text.
type surveyRow struct {
	Group       string `csv:"group"`
	Weight      string `csv:"weight"`
	Adults      string `csv:"adults"`
	Girls5      string `csv:"girls_5_11"`
	Boys5       string `csv:"boys_5_11"`
	Girls12     string `csv:"girls_12_14"`
	Boys12      string `csv:"boys_12_14"`
	Girls15     string `csv:"girls_15_17"`
	Boys15      string `csv:"boys_15_17"`
	Output      string `csv:"output"`
	OtherIncome string `csv:"other_income"`
	Hours5      string `csv:"hours_5_11"`
	Hours12     string `csv:"hours_12_14"`
	Hours15     string `csv:"hours_15_17"`
	Hazardous   string `csv:"hazardous"`
}

// SurveyHousehold is one surveyed household.
type SurveyHousehold struct {
	Row         int     // line in the file, for messages
	Weight      float64 // households it stands for
	Adults      float64
	Girls, Boys [NumBands]float64
	Output      float64 // NaN when not given
	OtherIncome float64 // NaN when not given: the group's
	// Hours are the observed weekly hours of the household's children of
	// each band (NaN when not observed).
	Hours     [NumBands]float64
	Hazardous bool // the children do hazardous tasks
}

// Children returns the household's children by band.
func (h *SurveyHousehold) Children() [NumBands]float64 {
	var n [NumBands]float64
	for b := range n {
		n[b] = h.Girls[b] + h.Boys[b]
	}
	return n
}

// Survey is a household survey: the surveyed households of each group.
type Survey struct {
	File   string
	Groups map[string][]SurveyHousehold // by household actor id
}

// LoadSurvey reads a household survey CSV for chain c. Every bad cell is
// reported with its line and column; no row is skipped.
func LoadSurvey(path string, c *Chain) (*Survey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &InputError{File: path, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err))}
	}
	return ParseSurvey(data, path, c)
}

// ParseSurvey reads a household survey CSV from its text.
func ParseSurvey(data []byte, name string, c *Chain) (*Survey, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	header, err := csv.NewReader(bytes.NewReader(data)).Read()
	if err == io.EOF {
		return nil, &InputError{File: name, Msg: "the file is empty: it needs a header row (" + strings.Join(SurveyColumns, ",") + ")"}
	}
	if err != nil {
		return nil, &InputError{File: name, Line: 1, Msg: err.Error()}
	}
	var errs InputErrors
	known := map[string]bool{}
	for _, col := range SurveyColumns {
		known[col] = true
	}
	seen := map[string]bool{}
	for _, h := range header {
		h = strings.TrimSpace(h)
		if !known[h] {
			errs = append(errs, &InputError{File: name, Line: 1, Column: h, Msg: "unknown column (the columns are: " + strings.Join(SurveyColumns, ", ") + ")"})
		}
		seen[h] = true
	}
	for _, req := range []string{"group", "weight", "adults"} {
		if !seen[req] {
			errs = append(errs, &InputError{File: name, Line: 1, Column: req, Msg: "required column is missing"})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var rows []surveyRow
	if err := gocsv.UnmarshalBytes(data, &rows); err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	s := &Survey{File: name, Groups: map[string][]SurveyHousehold{}}
	for i, r := range rows {
		p := rowParser{file: name, line: i + 2}
		h := p.household(r, c)
		errs = append(errs, p.errs...)
		if len(p.errs) == 0 {
			s.Groups[r.Group] = append(s.Groups[r.Group], h)
		}
	}
	if len(rows) == 0 {
		errs = append(errs, &InputError{File: name, Msg: "no households: the file has a header but no rows"})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

type rowParser struct {
	file string
	line int
	errs InputErrors
}

func (p *rowParser) fail(col, format string, args ...any) {
	p.errs = append(p.errs, &InputError{File: p.file, Line: p.line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// num parses a cell: a finite number >= min, or def when empty and allowed.
func (p *rowParser) num(col, cell string, min float64, required bool, def float64) float64 {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		if required {
			p.fail(col, "is empty: a number is needed")
		}
		return def
	}
	x, err := strconv.ParseFloat(cell, 64)
	switch {
	case err != nil:
		p.fail(col, "%q is not a number", cell)
	case math.IsNaN(x) || math.IsInf(x, 0):
		p.fail(col, "must be a finite number, got %s", cell)
	case x < min:
		p.fail(col, "must be at least %v, got %s", min, cell)
	}
	return x
}

func (p *rowParser) household(r surveyRow, c *Chain) SurveyHousehold {
	a, _ := c.Actor(r.Group)
	switch {
	case strings.TrimSpace(r.Group) == "":
		p.fail("group", "is empty: give the id of a household actor")
	case a == nil:
		p.fail("group", "%q is no actor of the chain", r.Group)
	case a.Kind != Household:
		p.fail("group", "%q is an enterprise: surveys describe household actors", r.Group)
	}
	h := SurveyHousehold{Row: p.line}
	h.Weight = p.num("weight", r.Weight, 0, true, 1)
	if h.Weight == 0 && len(p.errs) == 0 {
		p.fail("weight", "must be greater than 0")
	}
	h.Adults = p.num("adults", r.Adults, 1, true, 1)
	cells := [2][NumBands]string{{r.Girls5, r.Girls12, r.Girls15}, {r.Boys5, r.Boys12, r.Boys15}}
	for b := range BandNames {
		h.Girls[b] = p.num("girls_"+bandKey(b), cells[0][b], 0, false, 0)
		h.Boys[b] = p.num("boys_"+bandKey(b), cells[1][b], 0, false, 0)
	}
	h.Output = p.num("output", r.Output, 0, false, math.NaN())
	h.OtherIncome = p.num("other_income", r.OtherIncome, 0, false, math.NaN())
	hours := [NumBands]string{r.Hours5, r.Hours12, r.Hours15}
	for b := range hours {
		h.Hours[b] = p.num("hours_"+bandKey(b), hours[b], 0, false, math.NaN())
		if h.Hours[b] > 168 {
			p.fail("hours_"+bandKey(b), "weekly hours must be at most 168, got %v", h.Hours[b])
		}
	}
	switch strings.TrimSpace(strings.ToLower(r.Hazardous)) {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		h.Hazardous = true
	default:
		p.fail("hazardous", "must be 0 or 1 (or yes/no), got %q", r.Hazardous)
	}
	return h
}

func bandKey(b int) string { return strings.ReplaceAll(BandNames[b], "-", "_") }

package valuechain

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
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
	data, err := ReadInput(path)
	if err != nil {
		return nil, err
	}
	return ParseSurvey(data, path, c)
}

// ParseSurvey reads a household survey CSV from its text. The separator
// is found from the header: a comma, or the semicolon or tab that a
// Russian-locale Excel writes; with a semicolon or tab, numbers may have
// a decimal comma and spaces between thousands ("1 250,5").
func ParseSurvey(data []byte, name string, c *Chain) (*Survey, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(data) > MaxFileSize {
		return nil, fileErr(name, 0, "", "the file is larger than %d MiB, the most vcsim reads", MaxFileSize>>20)
	}
	sep := separator(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, fileErr(name, 0, "", "the file is empty: it needs a header row (%s)", strings.Join(SurveyColumns, ","))
	}
	if err != nil {
		return nil, csvErr(name, 1, err)
	}
	var errs InputErrors
	known := map[string]bool{}
	for _, col := range SurveyColumns {
		known[col] = true
	}
	index := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch _, dup := index[h]; {
		case !known[h] && len(header) == 1:
			errs = append(errs, fileErr(name, 1, "", "the header %q has one column: vcsim found no separator (comma, semicolon or tab) between the columns %s", h, strings.Join(SurveyColumns[:3], ",")))
		case !known[h]:
			errs = append(errs, fileErr(name, 1, h, "unknown column (separator %s; the columns are: %s)", sepName(sep), strings.Join(SurveyColumns, ", ")))
		case dup:
			errs = append(errs, fileErr(name, 1, h, "is given twice (columns %d and %d)", index[h]+1, i+1))
		}
		index[h] = i
	}
	for _, req := range []string{"group", "weight", "adults"} {
		if _, ok := index[req]; !ok && len(header) > 1 {
			errs = append(errs, fileErr(name, 1, req, "required column is missing"))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	s := &Survey{File: name, Groups: map[string][]SurveyHousehold{}}
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A row the CSV reader cannot split has no fields to place:
			// its error says the line.
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			errs = append(errs, csvErr(name, line, err))
			break
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		rows++
		if len(rec) != len(header) {
			// A short row would read its missing cells as empty: refused,
			// as docs/survey-format.md says.
			errs = append(errs, fileErr(name, line, "", "has %d cells but the header has %d columns", len(rec), len(header)))
			continue
		}
		cell := func(col string) string {
			if i, ok := index[col]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		row := surveyRow{
			Group: cell("group"), Weight: cell("weight"), Adults: cell("adults"),
			Girls5: cell("girls_5_11"), Boys5: cell("boys_5_11"), Girls12: cell("girls_12_14"),
			Boys12: cell("boys_12_14"), Girls15: cell("girls_15_17"), Boys15: cell("boys_15_17"),
			Output: cell("output"), OtherIncome: cell("other_income"), Hours5: cell("hours_5_11"),
			Hours12: cell("hours_12_14"), Hours15: cell("hours_15_17"), Hazardous: cell("hazardous"),
		}
		p := rowParser{file: name, line: line, decimalComma: sep != ','}
		h := p.household(row, c)
		errs = append(errs, p.errs...)
		if len(p.errs) == 0 {
			s.Groups[row.Group] = append(s.Groups[row.Group], h)
		}
	}
	if rows == 0 {
		errs = append(errs, fileErr(name, 0, "", "no households: the file has a header but no rows"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// separator returns the most frequent of comma, semicolon and tab in the
// first line outside quotes (comma when none is found).
func separator(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, ch := range string(data) {
		if ch == '"' {
			quoted = !quoted
		}
		if ch == '\n' && !quoted {
			break
		}
		if !quoted && (ch == ',' || ch == ';' || ch == '\t') {
			counts[ch]++
		}
	}
	best := ','
	for _, ch := range []rune{';', '\t'} {
		if counts[ch] > counts[best] {
			best = ch
		}
	}
	return best
}

// sepName names a CSV separator in messages; In says it in Russian.
type sepName rune

func (r sepName) String() string {
	switch r {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// csvErr says in plain words what encoding/csv found wrong at line.
func csvErr(name string, line int, err error) *InputError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return fileErr(name, line, "", "a quote mark inside a cell that does not start with one: put the whole cell in quotes and double the quote marks inside it")
		case errors.Is(pe.Err, csv.ErrQuote):
			return fileErr(name, line, "", "a quoted cell is not closed, or a quote mark follows its closing quote")
		}
		err = pe.Err
	}
	return fileErr(name, line, "", "%v", err)
}

type rowParser struct {
	file         string
	line         int
	decimalComma bool // numbers may be written 1 250,5
	errs         InputErrors
}

func (p *rowParser) fail(col, format string, args ...any) {
	p.errs = append(p.errs, &InputError{File: p.file, Line: p.line, Column: col, Msg: fmt.Sprintf(format, args...), format: format, args: args})
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
	if p.decimalComma {
		cell = strings.NewReplacer(",", ".", " ", "", "\u00a0", "", "\u202f", "").Replace(cell)
	}
	x, err := strconv.ParseFloat(cell, 64)
	switch {
	case err != nil && !p.decimalComma && strings.Contains(cell, ","):
		p.fail(col, "%q is not a number: write a decimal point (or save the file with semicolons, as a Russian-locale Excel does, to use decimal commas)", cell)
	case err != nil:
		p.fail(col, "%q is not a number", cell)
	case math.IsNaN(x) || math.IsInf(x, 0):
		p.fail(col, "must be a finite number, got %s", cell)
	case x < min:
		p.fail(col, "must be at least %v, got %s", min, cell)
	}
	return x
}

// atMost reports a parsed number above max.
func (p *rowParser) atMost(col string, x, max float64) {
	if x > max {
		p.fail(col, "must be at most %g, got %v", max, x)
	}
}

// whole reports a count of people in one surveyed household that is not
// a whole number (a chain's household table gives averages; a survey row
// is one household).
func (p *rowParser) whole(col string, x float64) {
	if x != math.Trunc(x) && !math.IsNaN(x) && !math.IsInf(x, 0) {
		p.fail(col, "one surveyed household has whole people, got %v", x)
	}
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
	p.atMost("weight", h.Weight, MaxCount)
	p.atMost("adults", h.Adults, 100)
	p.whole("adults", h.Adults)
	for b := range BandNames {
		p.atMost("girls_"+bandKey(b), h.Girls[b], 50)
		p.atMost("boys_"+bandKey(b), h.Boys[b], 50)
		p.whole("girls_"+bandKey(b), h.Girls[b])
		p.whole("boys_"+bandKey(b), h.Boys[b])
	}
	p.atMost("output", h.Output, MaxQuantity)
	p.atMost("other_income", h.OtherIncome, MaxMoney)
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

package valuechain

import (
	"math"
	"strings"
	"testing"
)

const header = "group,weight,adults,girls_5_11,boys_5_11,girls_12_14,boys_12_14,girls_15_17,boys_15_17,output,other_income,hours_5_11,hours_12_14,hours_15_17,hazardous\n"

func TestParseSurvey(t *testing.T) {
	c, err := Parse([]byte(base), "t")
	if err != nil {
		t.Fatal(err)
	}
	sv, err := ParseSurvey([]byte("\ufeff"+header+"farm,2,3,1,0,0,1,,,120,,10,,,1\n"), "s.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	h := sv.Groups["farm"][0]
	if h.Weight != 2 || h.Adults != 3 || h.Girls[0] != 1 || h.Boys[1] != 1 || h.Output != 120 ||
		!math.IsNaN(h.OtherIncome) || h.Hours[0] != 10 || !math.IsNaN(h.Hours[1]) || !h.Hazardous || h.Row != 2 {
		t.Errorf("household %+v", h)
	}
	if n := h.Children(); n != [3]float64{1, 1, 0} {
		t.Errorf("children %v", n)
	}
}

// TestSurveyDialects: the survey a Russian-locale Excel writes (BOM,
// semicolons, decimal commas, spaces between thousands) and tab-separated
// text read as the comma file does; blank lines keep row numbers right.
func TestSurveyDialects(t *testing.T) {
	c, err := Parse([]byte(base), "t")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"comma":     "group,weight,adults,output,other_income\n\nfarm,1.5,2,1250.5,\"3000\"\n",
		"semicolon": "\ufeffgroup;weight;adults;output;other_income\r\n\r\nfarm;1,5;2;1 250,5;3\u00a0000\r\n",
		"tab":       "group\tweight\tadults\toutput\tother_income\n\nfarm\t1,5\t2\t1250,5\t3000\n",
	} {
		sv, err := ParseSurvey([]byte(text), name, c)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		h := sv.Groups["farm"][0]
		if h.Weight != 1.5 || h.Adults != 2 || h.Output != 1250.5 || h.OtherIncome != 3000 || h.Row != 3 {
			t.Errorf("%s: household %+v", name, h)
		}
	}
}

func TestBadSurveys(t *testing.T) {
	c, err := Parse([]byte(base), "t")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text, want string }{
		{"empty", "", "the file is empty"},
		{"no rows", header, "no households"},
		{"unknown column", "group,weight,adults,childs\nfarm,1,2,1\n", `s.csv:1: column "childs": unknown column`},
		{"missing column", "group,adults\nfarm,2\n", `s.csv:1: column "weight": required column is missing`},
		{"bare quote in a row (was a panic)", "group,weight,adults\nfarm,1,2\nfa\"rm,1,2\n", `s.csv:3: a quote mark inside a cell that does not start with one`},
		{"unclosed quote", "group,weight,adults\n\"farm,1,2\n", `s.csv:2: a quoted cell is not closed`},
		{"not a number", header + "farm,1,two,,,,,,,,,,,,\n", `s.csv:2: column "adults": "two" is not a number`},
		{"empty weight", header + "farm,,2,,,,,,,,,,,,\n", `s.csv:2: column "weight": is empty`},
		{"zero weight", header + "farm,0,2,,,,,,,,,,,,\n", `column "weight": must be greater than 0`},
		{"negative children", header + "farm,1,2,-1,,,,,,,,,,,\n", `column "girls_5_11": must be at least 0, got -1`},
		{"no adult", header + "farm,1,0,,,,,,,,,,,,\n", `column "adults": must be at least 1`},
		{"unknown group", header + "farmer,1,2,,,,,,,,,,,,\n", `"farmer" is no actor`},
		{"enterprise group", header + "trader,1,2,,,,,,,,,,,,\n", `"trader" is an enterprise`},
		{"too many hours", header + "farm,1,2,1,,,,,,,,200,,,\n", "weekly hours must be at most 168"},
		{"bad flag", header + "farm,1,2,,,,,,,,,,,,maybe\n", `column "hazardous": must be 0 or 1`},
		{"infinite output", header + "farm,1,2,,,,,,,inf,,,,,\n", `column "output": must be a finite number`},
		{"duplicate column", "group,weight,adults,weight\nfarm,1,2,1\n", `column "weight": is given twice (columns 2 and 4)`},
		{"no separator", "group weight adults\nfarm 1 2\n", "found no separator"},
		{"decimal comma in a comma file", header + "farm,1,2,,,,,,,\"1,5\",,,,,\n", "write a decimal point"},
		{"huge weight", header + "farm,1e9,2,,,,,,,,,,,,\n", `column "weight": must be at most 1e+08`},
		{"row after a quoted newline", "group,weight,adults\n\"farm\",1,2\n\n\"far\nm\",1,x\n", `s.csv:4: column "adults"`},
		{"ragged row", "group,weight,adults\nfarm,1,2,3,4\n", "s.csv:2: has 5 cells"},
		{"second bad row", header + "farm,1,2,,,,,,,,,,,,\nfarm,1,x,,,,,,,,,,,,\n", `s.csv:3: column "adults"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSurvey([]byte(tt.text), "s.csv", c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEveryBadCellReported(t *testing.T) {
	c, _ := Parse([]byte(base), "t")
	_, err := ParseSurvey([]byte(header+"farm,x,y,,,,,,,,,,,,\nfarm,1,2,,,,,,,,,,,,z\n"), "s.csv", c)
	es, ok := err.(InputErrors)
	if !ok || len(es) != 3 {
		t.Errorf("got %v, want three errors (weight and adults of line 2, hazardous of line 3)", err)
	}
}

package workbook

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
)

// encode returns the canonical TOML of a chain or scenario file, to
// compare every value.
func encode(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func roundTrip(t *testing.T, name string, chainText, scenText []byte) {
	t.Helper()
	b, err := New("ru")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AddChain(chainText); err != nil {
		t.Fatal(err)
	}
	if scenText != nil {
		if err := b.AddScenarios(scenText); err != nil {
			t.Fatal(err)
		}
	}
	var x bytes.Buffer
	if _, err := b.WriteTo(&x); err != nil {
		t.Fatal(err)
	}
	back, cells, err := Read(x.Bytes(), name+".xlsx", ChainBook)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c1, err := valuechain.Parse(chainText, name)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := valuechain.Parse(back, name)
	if err != nil {
		t.Fatalf("%s: the chain read back does not parse: %v\n%s", name, Translate(err, back, cells), back)
	}
	if a, b := encode(t, c1), encode(t, c2); a != b {
		t.Errorf("%s: the chain read back differs:\n%s\n---\n%s", name, a, b)
	}
	if scenText == nil {
		return
	}
	sback, _, err := Read(x.Bytes(), name+".xlsx", ScenarioBook)
	if err != nil {
		t.Fatal(err)
	}
	f1, err := scenarios.Parse(scenText, "s")
	if err != nil {
		t.Fatal(err)
	}
	f2, err := scenarios.Parse(sback, "s")
	if err != nil {
		t.Fatalf("%s: the scenarios read back do not parse: %v\n%s", name, err, sback)
	}
	if a, b := encode(t, f1), encode(t, f2); a != b {
		t.Errorf("%s: the scenarios read back differ:\n%s\n---\n%s", name, a, b)
	}
}

// TestRoundTrip: TOML -> xlsx -> TOML gives the same chain and scenarios,
// every value equal, for every built-in example and every imported VCA4D
// study.
func TestRoundTrip(t *testing.T) {
	for _, name := range examples.Names() {
		c, _ := examples.Chain(name)
		s, _ := examples.Scenarios(name)
		roundTrip(t, name, c, s)
	}
	studies, _ := filepath.Glob("../valuechain/vca4d/testdata/*.json")
	if len(studies) != 5 {
		t.Fatalf("%d studies", len(studies))
	}
	for _, p := range studies {
		st, err := vca4d.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		im, err := vca4d.Import(st)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, filepath.Base(p), []byte(encode(t, im.Chain)), nil)
	}
}

// TestBadWorkbooks: errors name the sheet and the cell.
func TestBadWorkbooks(t *testing.T) {
	text, _ := examples.Chain("tobacco-kyrgyzstan")
	b, _ := New("en")
	if err := b.AddChain(text); err != nil {
		t.Fatal(err)
	}
	edit := func(fn func(b *Book)) []byte {
		nb, _ := New("en")
		nb.AddChain(text)
		fn(nb)
		var x bytes.Buffer
		nb.WriteTo(&x)
		return x.Bytes()
	}
	for _, tc := range []struct {
		name string
		book []byte
		want string
	}{
		{"share over 1", edit(func(b *Book) { b.f.SetCellValue("Links", "C3", 1.4) }), "book.xlsx: Links!C3: link 1 (farm -> fermenter): share: must be between 0 and 1, got 1.4"},
		{"text in a number", edit(func(b *Book) {
			rows, _ := b.f.GetRows("Actors")
			for j, k := range rows[1] {
				if k == "count" {
					b.f.SetCellStr("Actors", cellName(j+1, 3), "2500 farms") // a number as text ("2500") is read as the number
				}
			}
		}), `book.xlsx: Actors!F3: actor "farm": count must be a number, got the text "2500 farms"`},
		{"unknown actor in a link", edit(func(b *Book) { b.f.SetCellStr("Links", "B3", "fermentor") }), `Links!B3: link 1 (farm -> fermentor): to: names no actor: "fermentor"`},
		{"missing sheet", edit(func(b *Book) { b.f.DeleteSheet("Chain") }), `book.xlsx: Chain: the workbook has no sheet "Chain", which vcsim needs (a chain workbook has the sheets Read-me, Chain, Actors,`},
		{"missing Actors", edit(func(b *Book) { b.f.DeleteSheet("Actors") }), `book.xlsx: Actors: the workbook has no sheet "Actors", which vcsim needs`},
		{"missing Tasks", edit(func(b *Book) { b.f.DeleteSheet("Tasks") }), `book.xlsx: Tasks: the workbook has no sheet "Tasks", which the household actors need`},
		{"renamed Tasks", edit(func(b *Book) { b.f.SetSheetName("Tasks", "Задачи") }), `book.xlsx: Задачи: the sheet "Задачи" is not one vcsim reads (it reads Read-me, Chain, Actors, Products, Tasks,`},
		{"date in a price", edit(func(b *Book) {
			st, _ := b.f.NewStyle(&excelize.Style{NumFmt: 14})
			cell := column(b, "Actors", "price") + "3"
			b.f.SetCellValue("Actors", cell, 45387)
			b.f.SetCellStyle("Actors", cell, cell, st)
		}), `: price: a date (2024-04-05) in a cell that needs a number`},
		{"date by a custom format", edit(func(b *Book) {
			f := "dd.mm.yyyy"
			st, _ := b.f.NewStyle(&excelize.Style{CustomNumFmt: &f})
			b.f.SetCellValue("Links", "C3", 45387)
			b.f.SetCellStyle("Links", "C3", "C3", st)
		}), `book.xlsx: Links!C3: share: a date (2024-04-05) in a cell that needs a number`},
		{"two price columns", edit(func(b *Book) {
			b.f.SetCellStr("Actors", "ZZ2", "price")
			b.f.SetCellValue("Actors", "ZZ3", 5)
		}), `book.xlsx: Actors!ZZ2: the key "price" is in columns `},
		{"price beside its distribution", edit(func(b *Book) {
			b.f.SetCellStr("Actors", "ZY2", "price.dist")
			b.f.SetCellStr("Actors", "ZY3", "uniform")
		}), `book.xlsx: Actors!ZY2: the column `},
		{"blank key over values", edit(func(b *Book) { b.f.SetCellStr("Links", "C2", "") }), `book.xlsx: Links!C2: the key in row 2 is blank but the column has values (first in Links!C3)`},
		{"key twice in Chain", edit(func(b *Book) {
			b.f.SetCellStr("Chain", "B40", "currency")
			b.f.SetCellStr("Chain", "C40", "USD")
		}), `book.xlsx: Chain!B40: the key "currency" is given twice (rows `},
		{"a value far to the right", edit(func(b *Book) { b.f.SetCellStr("Actors", "XFD3", "x") }), `book.xlsx: Actors!XFD3: a value in column XFD, beyond the 1000 columns vcsim reads`},
		{"merged cells", edit(func(b *Book) { b.f.MergeCell("Actors", "B3", "C3") }), "merged cells (B3:C3)"},
		{"household of an unknown actor", edit(func(b *Book) { b.f.SetCellStr("Households", "A3", "farmer") }), `Households!A3: actor "farmer" is not in the sheet Actors`},
		{"unknown column", edit(func(b *Book) { b.f.SetCellStr("Actors", "B2", "nmae") }), `Actors!B3: actor "farm": unknown key "nmae"`},
		{"not a workbook", []byte("name = 'x'"), "not an Excel workbook"},
		{"missing column", edit(func(b *Book) { b.f.RemoveCol("Links", "C") }), `link 1 (farm -> fermenter): share: is missing or 0`},
		{"formula without a cached value", edit(func(b *Book) {
			rows, _ := b.f.GetRows("Actors")
			for j, k := range rows[1] {
				if k == "fixed_costs" {
					b.f.SetCellFormula("Actors", cellName(j+1, 4), "=1000*2") // the fermenter's row: no value cached
					b.f.SetCellValue("Actors", cellName(j+1, 4), nil)
					b.f.SetCellFormula("Actors", cellName(j+1, 4), "=1000*2")
				}
			}
		}), "a formula without a cached value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back, cells, err := Read(tc.book, "book.xlsx", ChainBook)
			if err == nil {
				c, perr := valuechain.Parse(back, "book.xlsx")
				if perr == nil {
					perr = valuechain.Validate(c, "book.xlsx")
				}
				err = Translate(perr, back, cells)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// column returns the letter of a list sheet's column with the key k.
func column(b *Book, sheet, k string) string {
	rows, _ := b.f.GetRows(sheet)
	for j, key := range rows[1] {
		if key == k {
			return colName(j + 1)
		}
	}
	panic("no column " + k)
}

var update = flag.Bool("update", false, "rewrite the golden files")

// TestLibreOfficeWorkbook reads a workbook saved by LibreOffice Calc 7
// (soffice --headless --convert-to xlsx of one vcsim wrote from the
// tobacco example and its scenarios): it saves TRUE and FALSE as 1 and 0
// and writes its own styles; the chain and the scenarios read back equal
// the example's.
func TestLibreOfficeWorkbook(t *testing.T) {
	data, err := os.ReadFile("testdata/libreoffice-tobacco.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ct, _ := examples.Chain("tobacco-kyrgyzstan")
	st, _ := examples.Scenarios("tobacco-kyrgyzstan")
	back, cells, err := Read(data, "lo.xlsx", ChainBook)
	if err != nil {
		t.Fatal(err)
	}
	c1, _ := valuechain.Parse(ct, "c")
	c2, err := valuechain.Parse(back, "lo.xlsx")
	if err != nil {
		t.Fatal(Translate(err, back, cells))
	}
	// The workbook was saved before the example gained description_ru.
	c1.DescriptionRU = ""
	if a, b := encode(t, c1), encode(t, c2); a != b {
		t.Errorf("the chain saved by LibreOffice differs:\n%s\n---\n%s", a, b)
	}
	sback, _, err := Read(data, "lo.xlsx", ScenarioBook)
	if err != nil {
		t.Fatal(err)
	}
	f1, _ := scenarios.Parse(st, "s")
	f2, err := scenarios.Parse(sback, "lo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for i := range f1.Scenarios { // saved before the example's scenarios gained description_ru
		f1.Scenarios[i].DescriptionRU = ""
	}
	if a, b := encode(t, f1), encode(t, f2); a != b {
		t.Errorf("the scenarios saved by LibreOffice differ")
	}
}

// TestTemplateStructure: the sheets of the template and the two header
// rows of each, in English and Russian, against testdata/template-LANG.golden
// (go test ./workbook -update rewrites them).
func TestTemplateStructure(t *testing.T) {
	ct, _ := examples.Chain("cotton-tajikistan")
	st, _ := examples.Scenarios("cotton-tajikistan")
	for _, lang := range []lang.Lang{"en", "ru"} {
		b, err := New(lang)
		if err != nil {
			t.Fatal(err)
		}
		b.AddReadme()
		b.AddChain(ct)
		b.AddScenarios(st)
		b.AddSurvey(nil)
		var x bytes.Buffer
		b.WriteTo(&x)
		sheets, order, err := Sheets(x.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, s := range order {
			got.WriteString("== " + s + "\n")
			rows := sheets[s]
			for i := 0; i < 2 && i < len(rows) && s != "Read-me"; i++ {
				got.WriteString(strings.Join(rows[i], " | ") + "\n")
			}
		}
		golden := filepath.Join("testdata", "template-"+string(lang)+".golden")
		if *update {
			os.WriteFile(golden, []byte(got.String()), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want) {
			t.Errorf("%s: the template differs from %s:\n%s", lang, golden, got.String())
		}
		for _, s := range []string{"Read-me", "Chain", "Actors", "Products", "Links", "Tasks", "Households", "Appraisal", "Scenarios", "Interventions", "Survey"} {
			if _, ok := sheets[s]; !ok {
				t.Errorf("%s: no sheet %s", lang, s)
			}
		}
	}
}

package workbook

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// readme is the Read-me sheet, in English and Russian.
var readme = map[lang.Lang][]string{
	"en": {
		"vcsim workbook: a value chain for a rapid market assessment",
		"",
		"Chain: the chain's name, currency, poverty line, wages... one key a row (column B is the key vcsim reads, column C the value).",
		"Actors: one row per type of actor (farm households, collectors, processors, exporters): how many, price, output, costs (costs.ITEM columns, per unit of product).",
		"Products: the joint products of actors that make several (lint and seed).",
		"Links: who sells to whom: share of the seller's output, price, losses, transport.",
		"Tasks: the work of each actor per unit of product, the share children can do, hazardous or not.",
		"Households: the composition of household actors: adults, children by age, other income, preferences.",
		"Scenarios and Interventions: the interventions of the ILO guide to compare (vcsim guide lists them).",
		"Survey: a household survey, one row per household (optional).",
		"",
		"Row 1 holds the headings, row 2 the keys vcsim reads: keep row 2 as it is. Empty rows are skipped.",
		"A number may be a distribution: write its keys as extra columns (price.dist, price.min, price.mode, price.max).",
		"Run: vcsim run --chain THIS.xlsx; compare: vcsim compare --chain THIS.xlsx --scenarios THIS.xlsx.",
	},
	"ru": {
		"Книга vcsim: цепочка создания стоимости для быстрой оценки рынка",
		"",
		"Chain: название цепочки, валюта, черта бедности, зарплаты... по одному параметру в строке (столбец B — ключ для vcsim, столбец C — значение).",
		"Actors: по строке на тип участника (домохозяйства, заготовители, переработчики, экспортёры): число, цена, выпуск, затраты (столбцы costs.СТАТЬЯ, на единицу продукта).",
		"Products: совместные продукты участников (волокно и семена).",
		"Links: кто кому продаёт: доля выпуска продавца, цена, потери, транспорт.",
		"Tasks: работы каждого участника на единицу продукта, доля, посильная детям, опасные или нет.",
		"Households: состав домохозяйств: взрослые, дети по возрастам, прочий доход, предпочтения.",
		"Scenarios и Interventions: вмешательства из руководства МОТ для сравнения (vcsim guide --lang ru).",
		"Survey: обследование домохозяйств, по строке на домохозяйство (необязательно).",
		"",
		"В строке 1 — заголовки, в строке 2 — ключи, которые читает vcsim: не меняйте строку 2. Пустые строки пропускаются.",
		"Число может быть распределением: добавьте столбцы его ключей (price.dist, price.min, price.mode, price.max).",
		"Расчёт: vcsim run --chain ЭТОТ.xlsx; сравнение: vcsim compare --chain ЭТОТ.xlsx --scenarios ЭТОТ.xlsx.",
	},
}

// AddReadme adds the Read-me sheet.
func (b *Book) AddReadme() error {
	name := "Read-me"
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	lines := readme[b.lang]
	if lines == nil {
		lines = readme["en"]
	}
	for i, l := range lines {
		b.f.SetCellStr(name, cellName(1, i+1), l)
	}
	b.f.SetColWidth(name, "A", "A", 140)
	return b.f.SetCellStyle(name, "A1", "A1", b.header)
}

// AddSurvey adds the Survey sheet: the survey's columns, and the rows of
// surveyCSV when given.
func (b *Book) AddSurvey(surveyCSV []byte) error {
	name := "Survey"
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	rows := [][]string{valuechain.SurveyColumns}
	if surveyCSV != nil {
		all, err := csv.NewReader(bytes.NewReader(surveyCSV)).ReadAll()
		if err != nil {
			return err
		}
		rows = all
	}
	for j, k := range rows[0] {
		b.f.SetCellStr(name, cellName(j+1, 1), b.lang.Key(k))
		b.f.SetCellStr(name, cellName(j+1, 2), k)
	}
	last := cellName(len(rows[0]), 1)
	b.f.SetCellStyle(name, "A1", last, b.header)
	b.f.SetCellStyle(name, "A2", cellName(len(rows[0]), 2), b.keyRow)
	b.f.SetRowHeight(name, 1, 45)
	for i, r := range rows[1:] {
		for j, v := range r {
			if v == "" {
				continue
			}
			if x, err := parseNumber(v); err == nil {
				b.f.SetCellValue(name, cellName(j+1, i+3), x)
			} else {
				b.f.SetCellStr(name, cellName(j+1, i+3), v)
			}
		}
	}
	return b.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
}

func parseNumber(s string) (float64, error) { return strconv.ParseFloat(strings.TrimSpace(s), 64) }

// SurveyCSV returns the Survey sheet of a workbook as CSV text: the keys
// of row 2, then the rows from row 3, numbers by their values.
func SurveyCSV(data []byte, name string) ([]byte, error) {
	f, err := open(data, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if idx, err := f.GetSheetIndex("Survey"); err != nil || idx < 0 {
		return nil, valuechain.CellError(name, "", "the workbook has no sheet %q, which vcsim needs (a survey workbook has the sheets %s)", "Survey", "Survey")
	}
	rows, err := sheetRows(f, name, "Survey")
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, valuechain.CellError(name, "Survey", "the sheet needs the keys in row 2")
	}
	// A number formatted as a date is a unit typed wrong (5.4 read as 5 April).
	var errs valuechain.InputErrors
	for i, r := range rows[2:] {
		for j, v := range r {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || j >= len(rows[1]) {
				continue
			}
			cell := cellName(j+1, i+3)
			if date, ok := dateCell(f, "Survey", cell, x); ok {
				errs = append(errs, valuechain.CellError(name, "Survey!"+cell, "%s: a date (%s) in a cell that needs a number: the cell is formatted as a date (Excel turns 5.4 into 5 April in some languages); format the cell as a number and type the value again", strings.TrimSpace(rows[1][j]), date))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var b bytes.Buffer
	width := len(rows[1])
	for _, r := range rows[1:] {
		if strings.TrimSpace(strings.Join(r, "")) == "" {
			b.WriteString("\n") // an empty row: a blank line keeps the row numbers
			continue
		}
		rec := make([]string, width)
		copy(rec, r)
		w := csv.NewWriter(&b)
		w.Write(rec)
		w.Flush()
		if err := w.Error(); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// SurveyCell names the cell of the Survey sheet at a column key and row,
// or the row when the column is not known.
func SurveyCell(column string, row int) string {
	if column == "" {
		return fmt.Sprintf("Survey!row %d", row)
	}
	for j, k := range valuechain.SurveyColumns {
		if k == column {
			return "Survey!" + cellName(j+1, row)
		}
	}
	return fmt.Sprintf("Survey!row %d (%s)", row, column)
}

// HasSheet reports whether a workbook has a sheet with data rows.
func HasSheet(data []byte, sheet string) bool {
	f, err := open(data, "")
	if err != nil {
		return false
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	return err == nil && len(rows) > 2
}

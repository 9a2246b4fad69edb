package screening

import (
	"html/template"
	"io"
	"strconv"

	"github.com/ilo-rma/vcsim/lang"
)

// ReportInput is what the screening report shows.
type ReportInput struct {
	Lang   lang.Lang // en or ru
	Result *Result
	Chart  template.HTML // the scores chart as inline SVG, drawn by vcsim
	Swap   string        // the sensitivity line
	Date   string
}

// WriteReport writes the screening as one self-contained HTML page in
// English or Russian: the ranking, every criterion raw and normalised,
// the weights, the chart and the sensitivity line.
func WriteReport(w io.Writer, in ReportInput) error {
	t := map[string][2]string{
		"title":  {"Which value chains to assess: screening", "Какие цепочки оценивать: отбор"},
		"intro":  {"Each candidate chain's baseline was computed with vcsim and scored on the criteria below. Each criterion is normalised over the chains (min-max: 1 for the chain that makes it most of a priority, 0 for the least) and the score is the weighted mean. The weights and expert scores are the workshop's to agree.", "Для каждой цепочки рассчитан базовый сценарий vcsim и баллы по критериям ниже. Каждый критерий нормирован по цепочкам (от 0 до 1: 1 — наибольший приоритет), итоговый балл — взвешенное среднее. Веса и экспертные оценки согласуются на семинаре."},
		"rank":   {"Rank", "Место"},
		"chain":  {"Chain", "Цепочка"},
		"score":  {"Score", "Балл"},
		"crit":   {"Criteria and weights", "Критерии и веса"},
		"weight": {"Weight", "Вес"},
		"dir":    {"A higher value makes a chain", "Большее значение делает цепочку"},
		"higher": {"more of a priority", "более приоритетной"},
		"lower":  {"less of a priority", "менее приоритетной"},
	}
	ru := in.Lang == "ru"
	l := lang.Lang(in.Lang)
	tr := func(k string) string {
		if ru {
			return t[k][1]
		}
		return t[k][0]
	}
	type row struct {
		Rank  int
		Name  string
		Cells []string
		Score string
	}
	type crit struct {
		Name, Weight, Dir string
	}
	var rows []row
	for _, r := range in.Result.Rows {
		x := row{Rank: r.Rank, Name: r.Name, Score: strconv.FormatFloat(r.Score, 'f', 3, 64)}
		for j := range in.Result.Criteria {
			v := l.Number(r.Raw[j], 2)
			if r.Raw[j] >= 100 || r.Raw[j] <= -100 {
				v = l.Thousands(r.Raw[j])
			}
			x.Cells = append(x.Cells, v+" ("+l.Number(r.Norm[j], 2)+")")
		}
		rows = append(rows, x)
	}
	var crits []crit
	var heads []string
	for _, c := range in.Result.Criteria {
		d := tr("higher")
		if c.Direction == "lower" {
			d = tr("lower")
		}
		crits = append(crits, crit{c.Label(in.Lang), strconv.FormatFloat(c.Weight, 'g', 4, 64), d})
		heads = append(heads, c.Label(in.Lang))
	}
	data := map[string]any{"T": tr, "Lang": in.Lang, "Rows": rows, "Crits": crits, "Heads": heads, "Chart": in.Chart, "Swap": in.Swap, "Date": in.Date}
	return reportPage.Execute(w, data)
}

var reportPage = template.Must(template.New("screening").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{call .T "title"}}</title>
<style>
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:right}
th{background:#ddebf7}td:nth-child(2),th:nth-child(2){text-align:left}svg{max-width:100%;height:auto}
@media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none}}
</style></head><body>
<h1>{{call .T "title"}}</h1>
<p>{{call .T "intro"}}</p>
<table><thead><tr><th>{{call .T "rank"}}</th><th>{{call .T "chain"}}</th>{{range .Heads}}<th>{{.}}</th>{{end}}<th>{{call .T "score"}}</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Rank}}</td><td>{{.Name}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}<td><strong>{{.Score}}</strong></td></tr>
{{end}}</tbody></table>
<p>{{.Swap}}</p>
{{if .Chart}}<figure>{{.Chart}}</figure>{{end}}
<h2>{{call .T "crit"}}</h2>
<table><thead><tr><th>{{call .T "weight"}}</th><th></th><th>{{call .T "dir"}}</th></tr></thead>
<tbody>{{range .Crits}}<tr><td>{{.Weight}}</td><td>{{.Name}}</td><td>{{.Dir}}</td></tr>{{end}}</tbody></table>
<p><small>vcsim {{.Date}}</small></p>
</body></html>
`))

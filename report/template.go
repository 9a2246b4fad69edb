package report

import "html/template"

// page is the report. It is XHTML-clean (every element closed) so that a
// test can check it with an XML parser; styles are inline and nothing is
// fetched from the network.
var page = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{{.T "r.title" .ChainName}}</title>
<style>
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #222; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; border-bottom: 1.5pt solid #0072B2; padding-bottom: 1mm; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p.meta { color: #666; font-size: 9pt; margin: 0 0 4mm; }
figure { margin: 3mm 0; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0 4mm; page-break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #ccc; padding: 1mm 1.5mm; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef5fa; }
tr.total td { font-weight: bold; border-top: 1pt solid #444; }
.summary p { font-size: 11pt; }
ul.evidence { margin: 1mm 0 3mm; padding-left: 5mm; font-size: 9pt; }
table.assume td, table.assume th { text-align: left; }
table.assume td.num { text-align: right; white-space: nowrap; }
table.appendix td:first-child { width: 60%; }
table.sens td:nth-child(2) { text-align: left; }
table.assume td.comment { color: #555; font-style: italic; }
table.checks td, table.checks th { text-align: left; }
section.checks { border-left: 3px solid #e0b84d; padding-left: 3mm; }
table.wide { font-size: 6.8pt; table-layout: fixed; }
table.wide td, table.wide th { padding: 0.6mm 0.8mm; word-wrap: break-word; }
table.wide td:first-child, table.wide th:first-child { width: 28mm; }
td, th { overflow-wrap: break-word; hyphens: auto; }
table.plan td, table.plan th { text-align: left; }
table.plan td:nth-child(2) { width: 45mm; }
.caveats { background: #fff8e6; border-left: 2pt solid #E69F00; padding: 1mm 3mm; margin: 2mm 0 4mm; font-size: 9pt; }
.caveats ul { margin: 0 0 1mm; padding-left: 5mm; }
.caveats p { margin: 1mm 0; }
@media screen and (max-width: 600px) {
  table, table.wide { display: block; overflow-x: auto; table-layout: auto; }
  td, th { overflow-wrap: normal; }
  td { white-space: nowrap; }
  td:first-child { white-space: normal; min-width: 28mm; }
}
</style>
</head>
<body>
<h1>{{.T "r.title" .ChainName}}</h1>
<p class="meta">{{.Generated}}</p>

<section id="summary" class="summary">
<h2>{{.T "r.summary"}}</h2>
{{range .Summary}}<p>{{.}}</p>
{{end}}</section>
{{with .Checks}}
<section id="checks" class="checks">
<h2>{{$.T "r.checks"}}</h2>
<p>{{$.T "r.checks.intro"}}</p>
<table class="wide checks">
<thead><tr><th>{{$.H "t.lineorcell"}}</th><th>{{$.H "t.where"}}</th><th>{{$.H "t.number"}}</th><th>{{$.H "t.plausible"}}</th><th>{{$.H "t.finding"}}</th><th>{{$.H "t.hint"}}</th></tr></thead>
<tbody>{{range .}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>
{{end}}
<section id="map">
<h2>{{.T "r.map"}}</h2>
{{range $i, $c := .ChartsIn "map"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
</section>

<section id="accounts">
<h2>{{.T "r.accounts"}} ({{.Chain.Currency}})</h2>
<table class="wide">
<thead><tr><th>{{.H "t.actor"}}</th><th>{{.H "t.count"}}</th><th>{{.H "t.revenue"}}</th><th>{{.H "t.ic"}}</th><th>{{.H "t.va"}}</th><th>{{.H "t.wages"}}</th><th>{{.H "t.nop"}}</th><th>{{.H "t.share"}}</th><th>{{.H "t.perunit"}}</th></tr></thead>
<tbody>{{range .Accounts}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="margins">
<h2>{{.T "r.margins"}}</h2>
{{range $i, $c := .ChartsIn "margins"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
<table>
<thead><tr><th>{{.H "t.actor"}}</th><th>{{.H "t.price"}}</th><th>{{.H "t.pricefinal"}}</th><th>{{.H "t.transport"}}</th>{{if .HasServices}}<th>{{.H "t.services"}}</th>{{end}}<th>{{.H "t.margin"}}</th><th>{{.H "t.finalshare"}}</th></tr></thead>
<tbody>{{range .Margins}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="employment">
<h2>{{.T "r.employment"}}</h2>
{{range $i, $c := .ChartsIn "employment"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
<table>
<thead><tr><th>{{.H "t.actor"}}</th><th>{{.H "t.familydays"}}</th><th>{{.H "t.hireddays"}}</th><th>{{.H "t.childdays"}}</th><th>{{.H "t.fte"}}</th></tr></thead>
<tbody>{{range .Employment}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="children">
<h2>{{.T "r.children"}}</h2>
{{range $i, $c := .ChartsIn "children"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
<table>
<thead><tr><th>{{.H "t.band"}}</th><th>{{.H "t.children"}}</th><th>{{.H "t.cl"}}</th><th>{{.H "t.hcl"}}</th><th>{{.H "t.prevalence"}}</th></tr></thead>
<tbody>{{range .ChildRows}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<table>
<thead><tr><th>{{.H "t.group"}}</th><th>{{.H "t.households"}}</th><th>{{.H "t.meanincome"}} ({{.Chain.Currency}})</th><th>{{.H "t.medianincome"}} ({{.Chain.Currency}})</th><th>{{.H "t.poor"}}</th></tr></thead>
<tbody>{{range .Households}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="scenarios">
<h2>{{.T "r.scenarios"}}</h2>
{{if .HasScenarios}}
<table class="wide">
<thead><tr><th>{{.H "t.scenario"}}</th><th>{{.H "t.cl"}}</th><th>{{.H "t.hcl"}}</th><th>{{.H "t.meanincome"}}</th><th>{{.H "t.poor"}}</th><th>{{.H "t.pvcost"}}</th><th>{{.H "t.cyavoided"}}</th><th>{{.H "t.costpercy"}}</th><th>{{.H "t.bcr"}}</th><th>{{.H "t.bcrspill"}} (×{{.Spillover}})</th></tr></thead>
<tbody>{{range .ScenarioRows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<div class="caveats"><p><strong>{{.T "r.caveats"}}</strong></p>
<ul>{{range .Caveats}}<li>{{.}}</li>{{end}}</ul></div>
{{with .GroupRows}}<h3>{{$.T "r.bygroup"}}</h3>
<table>
<thead><tr><th>{{$.H "t.scenario"}}</th><th>{{$.H "t.group"}}</th><th>{{$.H "t.poorcash"}}</th><th>{{$.H "t.cl"}}</th><th>{{$.H "t.hcl"}}</th></tr></thead>
<tbody>{{range .}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}<h3>{{.T "r.scendetail"}}</h3>
{{range .ScenarioDetails}}<p><strong>{{.Name}}</strong>{{if .Recommended}} ({{$.T "r.recommendedmark"}}){{end}}{{if .Description}}: {{.Description}}{{end}}</p>
<table class="wide">
<thead><tr><th>{{$.H "t.intervention"}}</th>{{if .Types}}<th>{{$.H "t.type"}}</th>{{end}}<th>{{$.H "t.targets"}}</th><th>{{$.H "t.coverage"}}</th><th>{{$.H "t.timeline"}}</th><th>{{$.H "t.fixed"}}</th><th>{{$.H "t.peradopter"}}</th><th>{{$.H "t.perchild"}}</th></tr></thead>
<tbody>{{range .Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{range .ChartsIn "scenarios"}}<figure>{{.}}</figure>
{{end}}
{{if .HasUncertainty}}<h3>{{.T "r.uncertainty"}}</h3>
<p>{{.T "r.uncertaintytext" .DrawsTimes}}</p>
<table>
<thead><tr><th>{{.H "t.scenario"}}</th><th>{{.H "t.cl"}}</th><th>{{.H "t.costpercy"}}</th><th>{{.H "t.bcr"}}</th><th>{{.H "t.pbetter"}}</th></tr></thead>
<tbody>{{range .UncertaintyRows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{range $i, $c := .ChartsIn "uncertainty"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
{{end}}
{{else}}<p>{{.T "r.noscen"}}</p>{{end}}
</section>

<section id="actionplan">
<h2>{{.T "r.plan"}}</h2>
{{with .Plan}}<p>{{.Note}}</p>
{{range .Plans}}<h3>{{.Name}}</h3>
<table class="wide plan">
<thead><tr><th>{{$.H "t.intervention"}}</th><th>{{$.H "t.objective"}}</th><th>{{$.H "t.responsible"}}</th><th>{{$.H "t.timeline"}}</th><th>{{$.H "t.budgetyear"}} ({{$.Chain.Currency}})</th><th>{{$.H "t.budgettotal"}} ({{$.Chain.Currency}})</th></tr></thead>
<tbody>{{range .Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<table>
<thead><tr><th>{{$.H "t.year"}}</th><th>{{$.H "t.budget"}} ({{$.Chain.Currency}})</th><th>{{$.H "t.clwithout"}}</th><th>{{$.H "t.clwith"}}</th><th>{{$.H "t.clfewer"}}</th></tr></thead>
<tbody>{{range .Years}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{else}}<p>{{.T "r.noscen"}}</p>{{end}}
</section>

<section id="economic">
<h2>{{.T "r.economic"}}</h2>
<p>{{.T "r.economic.text"}}</p>
{{if .PAMNeutral}}<p class="note">{{.T "r.economic.neutral"}}</p>{{end}}
<table class="wide">
<thead><tr><th>{{.H "t.actor"}}</th><th>A</th><th>B</th><th>C</th><th>D</th><th>E</th><th>F</th><th>G</th><th>H</th><th>NPCO</th><th>EPC</th><th>DRC</th><th>PC</th></tr></thead>
<tbody>{{range .PAMRows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<p class="note">{{.T "r.economic.unit" .Chain.Currency}} {{.T "r.economic.legend"}}</p>
{{range $i, $c := .ChartsIn "economic"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
</section>

<section id="interventions">
<h2>{{.T "r.interventions"}}</h2>
{{range .Interventions}}<h3>{{.Name}}</h3>
<p>{{.Description}}</p>
<p><em>{{$.T "r.evidence"}}:</em></p>
<ul class="evidence">{{range .Evidence}}<li>{{.}}</li>{{end}}</ul>
<p><em>{{$.T "r.costs"}}:</em> {{.Costs}}</p>
{{else}}<p>{{.T "r.noscen"}}</p>{{end}}
</section>

<section id="assumptions">
<h2>{{.T "r.assumptions"}}</h2>
<p>{{.T "r.assumptions.intro"}}</p>
<h3>{{.T "r.sourced"}}</h3>
{{with .KeyAssumptions}}<table class="assume">
<thead><tr><th>{{$.H "r.where"}}</th><th>{{$.H "r.parameter"}}</th><th>{{$.H "r.value"}}</th><th>{{$.H "r.comment"}}</th></tr></thead>
<tbody>{{range .}}<tr><td>{{.Where}}</td><td>{{.Label}}</td><td{{if .Number}} class="num"{{end}}>{{.Value}}</td><td class="comment">{{.Comment}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p>{{.T "r.sourced.none"}}</p>{{end}}
<h3>{{.T "r.prefs"}}</h3>
{{with .Preferences}}<table class="assume">
<thead><tr><th>{{$.H "t.group"}}</th><th>{{$.H "r.parameter"}}</th><th>{{$.H "r.value"}}</th><th>{{$.H "r.how"}}</th></tr></thead>
<tbody>{{range .}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{else}}<p>{{.T "r.prefs.none"}}</p>{{end}}
<h3>{{.T "r.sensitive"}}</h3>
{{with .SensitiveRows}}<p>{{$.T "r.sensitive.intro"}}</p>
<table class="sens">
<thead><tr><th>{{$.H "t.scenario"}}</th><th>{{$.H "r.parameter"}}</th><th>{{$.H "t.range"}}</th><th>{{$.H "t.atlow"}}</th><th>{{$.H "t.athigh"}}</th><th>{{$.H "t.swing"}}</th></tr></thead>
<tbody>{{range .}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{else}}<p>{{.SensitivityNote}}</p>{{end}}
</section>

<section id="method">
<h2>{{.T "r.method"}}</h2>
<p>{{.T "r.method.text"}}</p>
<h3>{{.T "r.steps"}}</h3>
<ol>{{range .Steps}}<li><strong>{{index . 0}}.</strong> {{index . 1}}</li>{{end}}</ol>
</section>

<section id="sources">
<h2>{{.T "r.sources"}}</h2>
<ul>{{range .Sources}}<li>{{.}}</li>{{end}}</ul>
</section>
<section id="appendix">
<h2>{{.T "r.appendix"}}</h2>
<p>{{.T "r.appendix.intro"}}</p>
{{range .Appendix}}<h3>{{.Where}}</h3>
<table class="assume appendix">
<thead><tr><th>{{$.H "r.parameter"}}</th><th>{{$.H "r.value"}}</th><th>{{$.H "r.comment"}}</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Label}}</td><td{{if .Number}} class="num"{{end}}>{{.Value}}</td><td class="comment">{{.Comment}}</td></tr>
{{end}}</tbody>
</table>
{{end}}</section>
</body>
</html>
`))

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
<thead><tr><th>{{$.T "t.lineorcell"}}</th><th>{{$.T "t.where"}}</th><th>{{$.T "t.number"}}</th><th>{{$.T "t.plausible"}}</th><th>{{$.T "t.finding"}}</th><th>{{$.T "t.hint"}}</th></tr></thead>
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
<thead><tr><th>{{.T "t.actor"}}</th><th>{{.T "t.count"}}</th><th>{{.T "t.revenue"}}</th><th>{{.T "t.ic"}}</th><th>{{.T "t.va"}}</th><th>{{.T "t.wages"}}</th><th>{{.T "t.nop"}}</th><th>{{.T "t.share"}}</th><th>{{.T "t.perunit"}}</th></tr></thead>
<tbody>{{range .Accounts}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="margins">
<h2>{{.T "r.margins"}}</h2>
{{range $i, $c := .ChartsIn "margins"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
<table>
<thead><tr><th>{{.T "t.actor"}}</th><th>{{.T "t.price"}}</th><th>{{.T "t.pricefinal"}}</th><th>{{.T "t.transport"}}</th>{{if .HasServices}}<th>{{.T "t.services"}}</th>{{end}}<th>{{.T "t.margin"}}</th><th>{{.T "t.finalshare"}}</th></tr></thead>
<tbody>{{range .Margins}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="employment">
<h2>{{.T "r.employment"}}</h2>
{{range $i, $c := .ChartsIn "employment"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
<table>
<thead><tr><th>{{.T "t.actor"}}</th><th>{{.T "t.familydays"}}</th><th>{{.T "t.hireddays"}}</th><th>{{.T "t.childdays"}}</th><th>{{.T "t.fte"}}</th></tr></thead>
<tbody>{{range .Employment}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="children">
<h2>{{.T "r.children"}}</h2>
{{range $i, $c := .ChartsIn "children"}}{{if $i}}
{{end}}<figure>{{$c}}</figure>{{end}}
<table>
<thead><tr><th>{{.T "t.band"}}</th><th>{{.T "t.children"}}</th><th>{{.T "t.cl"}}</th><th>{{.T "t.hcl"}}</th><th>{{.T "t.prevalence"}}</th></tr></thead>
<tbody>{{range .ChildRows}}<tr{{if .Total}} class="total"{{end}}>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<table>
<thead><tr><th>{{.T "t.group"}}</th><th>{{.T "t.households"}}</th><th>{{.T "t.meanincome"}} ({{.Chain.Currency}})</th><th>{{.T "t.medianincome"}} ({{.Chain.Currency}})</th><th>{{.T "t.poor"}}</th></tr></thead>
<tbody>{{range .Households}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>

<section id="scenarios">
<h2>{{.T "r.scenarios"}}</h2>
{{if .HasScenarios}}
<table class="wide">
<thead><tr><th>{{.T "t.scenario"}}</th><th>{{.T "t.cl"}}</th><th>{{.T "t.hcl"}}</th><th>{{.T "t.meanincome"}}</th><th>{{.T "t.poor"}}</th><th>{{.T "t.pvcost"}}</th><th>{{.T "t.cyavoided"}}</th><th>{{.T "t.costpercy"}}</th><th>{{.T "t.bcr"}}</th><th>{{.T "t.bcrspill"}} (×{{.Spillover}})</th></tr></thead>
<tbody>{{range .ScenarioRows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<div class="caveats"><p><strong>{{.T "r.caveats"}}</strong></p>
<ul>{{range .Caveats}}<li>{{.}}</li>{{end}}</ul></div>
{{with .GroupRows}}<h3>{{$.T "r.bygroup"}}</h3>
<table>
<thead><tr><th>{{$.T "t.scenario"}}</th><th>{{$.T "t.group"}}</th><th>{{$.T "t.poorcash"}}</th><th>{{$.T "t.cl"}}</th><th>{{$.T "t.hcl"}}</th></tr></thead>
<tbody>{{range .}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}<h3>{{.T "r.scendetail"}}</h3>
{{range .ScenarioDetails}}<p><strong>{{.Name}}</strong>{{if .Recommended}} ({{$.T "r.recommendedmark"}}){{end}}{{if .Description}}: {{.Description}}{{end}}</p>
<table class="wide">
<thead><tr><th>{{$.T "t.intervention"}}</th><th>{{$.T "t.type"}}</th><th>{{$.T "t.targets"}}</th><th>{{$.T "t.coverage"}}</th><th>{{$.T "t.timeline"}}</th><th>{{$.T "t.fixed"}}</th><th>{{$.T "t.peradopter"}}</th><th>{{$.T "t.perchild"}}</th></tr></thead>
<tbody>{{range .Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{range .ChartsIn "scenarios"}}<figure>{{.}}</figure>
{{end}}
{{if .HasUncertainty}}<h3>{{.T "r.uncertainty"}}</h3>
<p>{{.T "r.uncertaintytext" .DrawsTimes}}</p>
<table>
<thead><tr><th>{{.T "t.scenario"}}</th><th>{{.T "t.cl"}}</th><th>{{.T "t.costpercy"}}</th><th>{{.T "t.bcr"}}</th><th>{{.T "t.pbetter"}}</th></tr></thead>
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
<thead><tr><th>{{$.T "t.intervention"}}</th><th>{{$.T "t.objective"}}</th><th>{{$.T "t.responsible"}}</th><th>{{$.T "t.timeline"}}</th><th>{{$.T "t.budgetyear"}} ({{$.Chain.Currency}})</th><th>{{$.T "t.budgettotal"}} ({{$.Chain.Currency}})</th></tr></thead>
<tbody>{{range .Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<table>
<thead><tr><th>{{$.T "t.year"}}</th><th>{{$.T "t.budget"}} ({{$.Chain.Currency}})</th><th>{{$.T "t.clwithout"}}</th><th>{{$.T "t.clwith"}}</th><th>{{$.T "t.clfewer"}}</th></tr></thead>
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
<thead><tr><th>{{.T "t.actor"}}</th><th>A</th><th>B</th><th>C</th><th>D</th><th>E</th><th>F</th><th>G</th><th>H</th><th>NPCO</th><th>EPC</th><th>DRC</th><th>PC</th></tr></thead>
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
<thead><tr><th>{{$.T "r.where"}}</th><th>{{$.T "r.parameter"}}</th><th>{{$.T "r.value"}}</th><th>{{$.T "r.comment"}}</th></tr></thead>
<tbody>{{range .}}<tr><td>{{.Where}}</td><td>{{.Label}}</td><td class="num">{{.Value}}</td><td class="comment">{{.Comment}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p>{{.T "r.sourced.none"}}</p>{{end}}
<h3>{{.T "r.prefs"}}</h3>
{{with .Preferences}}<table class="assume">
<thead><tr><th>{{$.T "t.group"}}</th><th>{{$.T "r.parameter"}}</th><th>{{$.T "r.value"}}</th><th>{{$.T "r.how"}}</th></tr></thead>
<tbody>{{range .}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{else}}<p>{{.T "r.prefs.none"}}</p>{{end}}
<h3>{{.T "r.sensitive"}}</h3>
{{with .SensitiveRows}}<p>{{$.T "r.sensitive.intro"}}</p>
<table class="sens">
<thead><tr><th>{{$.T "t.scenario"}}</th><th>{{$.T "r.parameter"}}</th><th>{{$.T "t.range"}}</th><th>{{$.T "t.atlow"}}</th><th>{{$.T "t.athigh"}}</th><th>{{$.T "t.swing"}}</th></tr></thead>
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
<thead><tr><th>{{$.T "r.parameter"}}</th><th>{{$.T "r.value"}}</th><th>{{$.T "r.comment"}}</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Label}}</td><td class="num">{{.Value}}</td><td class="comment">{{.Comment}}</td></tr>
{{end}}</tbody>
</table>
{{end}}</section>
</body>
</html>
`))

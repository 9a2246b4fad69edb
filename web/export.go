package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"vcsim/lang"
	"vcsim/model"
	"vcsim/model/tables"
	"vcsim/outfile"
	"vcsim/pam"
	"vcsim/plots"
	"vcsim/plots/report"
)

// export answers one zip of the current state: the chain and scenario
// files, the tables of run and compare as CSV (in the Russian Excel
// dialect when the page is in Russian: semicolons, decimal commas, a
// byte-order mark), summary.json, every chart as SVG and PNG, and the
// report.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	c, f, req, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	l := pageLang(r)
	d := tables.Dialect{BOM: true}
	if l == lang.RU {
		d = tables.ExcelRU
	}
	var buf bytes.Buffer
	err := s.run(r, func(ctx context.Context) error {
		a, err := analyse(ctx, c, f, l, seed(r))
		if err != nil {
			return err
		}
		if rows, _, err := pam.Compute(a.base); err == nil && !pam.Neutral(c) {
			if p, err := plots.PAMChart(rows, l, c.Currency); err == nil {
				a.charts = append(a.charts, plots.Chart{Name: "pam", Plot: p})
			}
		}
		zw := zip.NewWriter(&buf)
		add := func(name string, write func(io.Writer) error) error {
			fw, err := zw.Create(name)
			if err != nil {
				return err
			}
			if err := write(fw); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		}
		text := func(s string) func(io.Writer) error {
			return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
		}
		csv := func(rows any) func(io.Writer) error {
			return func(w io.Writer) error {
				// As for the files of run and compare: no NaN or
				// infinite number in a cell that must hold one.
				if err := outfile.Finite("csv", rows); err != nil {
					return err
				}
				return tables.WriteCSVDialect(w, rows, d)
			}
		}
		files := []struct {
			name  string
			write func(io.Writer) error
		}{
			{"chain.toml", text(req.Chain)},
			{"accounts.csv", csv(tables.Accounts(a.base))},
			{"margins.csv", csv(tables.Margins(a.base))},
			{"labour.csv", csv(tables.Labour(a.base))},
			{"child_labour.csv", csv(tables.ChildLabour(a.base))},
			{"households.csv", csv(tables.Households(a.base))},
			{"summary.json", func(w io.Writer) error { return tables.WriteJSON(w, tables.NewSummary(a.base, seed(r))) }},
		}
		if a.cmp != nil {
			files = append(files, []struct {
				name  string
				write func(io.Writer) error
			}{
				{"scenarios.toml", text(req.Scenarios)},
				{"scenario_years.csv", csv(tables.Years(append([]*model.Run{a.cmp.Baseline}, a.cmp.Runs...)...))},
				{"scenario_summary.csv", csv(tables.Summaries(a.cmp.Baseline, a.cmp.Summaries))},
			}...)
		}
		for _, fl := range files {
			if err := add(fl.name, fl.write); err != nil {
				return err
			}
		}
		for _, ch := range a.charts {
			for _, format := range []string{"svg", "png"} {
				if err := add("charts/"+ch.Name+"."+format, func(w io.Writer) error { return plots.Write(w, ch.Plot, a.source, format) }); err != nil {
					return err
				}
			}
		}
		if err := add("report.html", func(w io.Writer) error { return report.Write(w, a.report) }); err != nil {
			return err
		}
		return zw.Close()
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="vcsim-results.zip"`)
	w.Write(buf.Bytes())
}

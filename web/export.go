package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/report"
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
		a.report.ChainText = []byte(req.Chain) // the notes on its lines
		zw := zip.NewWriter(&buf)
		add := func(name string, write func(io.Writer) error) error {
			fw, err := zw.Create(name)
			if err != nil {
				return err
			}
			return write(fw)
		}
		var files []zipFile
		text := func(name, s string) {
			files = append(files, zipFile{name, nil, func(w io.Writer) error { _, err := io.WriteString(w, s); return err }})
		}
		csv := func(name string, rows any) {
			files = append(files, zipFile{name, rows, func(w io.Writer) error { return tables.WriteCSVDialect(w, rows, d) }})
		}
		text("chain.toml", req.Chain)
		csv("accounts.csv", tables.Accounts(a.Base))
		csv("margins.csv", tables.Margins(a.Base))
		csv("labour.csv", tables.Labour(a.Base))
		csv("child_labour.csv", tables.ChildLabour(a.Base))
		csv("households.csv", tables.Households(a.Base))
		if school := tables.School(a.Base); school != nil {
			csv("school.csv", school)
		}
		sum := tables.NewSummary(a.Base, seed(r))
		if a.Market != nil {
			sum.WithMarket(*a.Market)
		}
		files = append(files, zipFile{"summary.json", sum, func(w io.Writer) error { return tables.WriteJSON(w, sum) }})
		if a.Comparison != nil {
			text("scenarios.toml", req.Scenarios)
			csv("scenario_years.csv", tables.Years(append([]*model.Run{a.Comparison.Baseline}, a.Comparison.Runs...)...))
			csv("scenario_summary.csv", tables.Summaries(a.Comparison.Baseline, a.Comparison.Summaries))
			if school := tables.ScenarioSchool(append([]*model.Run{a.Comparison.Baseline}, a.Comparison.Runs...)...); school != nil {
				csv("scenario_school.csv", school)
			}
		}
		for _, fl := range files {
			// As for the files of run and compare: no NaN or infinite
			// number in a cell that must hold one.
			if fl.rows != nil {
				if err := outfile.Finite(fl.name, fl.rows); err != nil {
					return err
				}
			}
			if err := add(fl.name, fl.write); err != nil {
				return fmt.Errorf("%s: %w", fl.name, err)
			}
		}
		for _, ch := range a.charts {
			for _, format := range []string{"svg", "png"} {
				name := "charts/" + ch.Name + "." + format
				if err := add(name, func(w io.Writer) error { return plots.Write(w, ch.Plot, a.source, format) }); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
		}
		if err := add("report.html", func(w io.Writer) error { return report.Write(w, a.report) }); err != nil {
			return fmt.Errorf("report.html: %w", err)
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

// zipFile is a file of the export: its name, the rows or summary that must
// hold only finite numbers (nil for text), and how to write it.
type zipFile struct {
	name  string
	rows  any
	write func(io.Writer) error
}

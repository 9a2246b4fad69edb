package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/report"
	"github.com/ilo-rma/vcsim/results"
)

// export answers one zip of the current state: the chain and scenario
// files, the tables of run and compare (tables.List) as CSV (in the
// Russian Excel dialect when the page is in Russian: semicolons, decimal
// commas, a byte-order mark, Russian headings and words), summary.json,
// every chart as SVG and PNG, the report, and the results workbooks of
// run and compare (results.xlsx, comparison.xlsx).
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
		a, err := analyse(ctx, c, f, req.sv, l, seed(r))
		if err != nil {
			return err
		}
		a.report.ChainText = []byte(req.Chain) // the notes on its lines
		zw := zip.NewWriter(&buf)
		add := func(name string, write func(io.Writer) error) error {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
			if err != nil {
				return err
			}
			return write(fw)
		}
		text := func(name, s string) error {
			return add(name, func(w io.Writer) error { _, err := io.WriteString(w, s); return err })
		}
		if err := text("chain.toml", req.Chain); err != nil {
			return err
		}
		if a.Comparison != nil {
			if err := text("scenarios.toml", req.Scenarios); err != nil {
				return err
			}
		}
		// The tables of run and compare (tables.List), each checked as the
		// files of run and compare are: no NaN or infinite number in a
		// cell that must hold one.
		in := a.Tables()
		in.Seed = seed(r)
		for _, t := range tables.Present(in, d.Lang, tables.PartBaseline, tables.PartScenarios) {
			if err := outfile.Finite(t.File(), t.Rows); err != nil {
				return err
			}
			if err := add(t.File(), func(w io.Writer) error { return t.Write(w, d) }); err != nil {
				return fmt.Errorf("%s: %w", t.File(), err)
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
		// The results workbooks of run and compare --out FILE.xlsx, in the
		// page's language (package results).
		m := results.Meta{ChainFile: "chain.toml", Version: "vcsim serve", Date: time.Now().UTC().Format("2006-01-02")}
		type book struct {
			name string
			make func() ([]byte, error)
		}
		books := []book{{"results.xlsx", func() ([]byte, error) { return results.Baseline(a.Assessment, l, m) }}}
		if a.Comparison != nil {
			mc := m
			mc.ScenarioFile = "scenarios.toml"
			books = append(books, book{"comparison.xlsx", func() ([]byte, error) { return results.Comparison(a.Assessment, l, mc) }})
		}
		for _, b := range books {
			data, err := b.make()
			if err != nil {
				return fmt.Errorf("%s: %w", b.name, err)
			}
			if err := add(b.name, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
				return err
			}
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

// zipTime is the date of every file in the zip: a fixed valid MS-DOS date
// (1980-01-01 00:00), so that the zip of the same inputs is the same bytes
// whenever it is made (a zero time is written as the invalid 1980-00-00).
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

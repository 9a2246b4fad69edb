package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
)

// comparisonCSV answers scenario_summary.csv exactly as the zip of
// /api/export holds it: in the Russian Excel dialect (semicolons, decimal
// commas, a byte-order mark) when the page is in Russian, with a
// byte-order mark in English, numbers rounded as in every table.
func (s *Server) comparisonCSV(w http.ResponseWriter, r *http.Request) {
	c, f, req, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	if f == nil {
		writeError(w, http.StatusBadRequest, errors.New("compare needs scenarios"))
		return
	}
	d := tables.Dialect{BOM: true}
	if pageLang(r) == lang.RU {
		d = tables.ExcelRU
	}
	var buf bytes.Buffer
	err := s.run(r, func(ctx context.Context) error {
		a, err := assess.Run(ctx, assess.Inputs{Chain: c, Scenarios: f, Survey: req.sv, Seed: seed(r)}, assess.Options{Years: req.Years, TotalsOnly: true}, nil)
		if err != nil {
			return err
		}
		t := tables.Lookup("scenario_summary")
		rows := t.In(a.Tables(), d.Lang)
		if err := outfile.Finite(t.File(), rows); err != nil {
			return err
		}
		return tables.WriteCSVDialect(&buf, rows, d)
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="scenario_summary.csv"`)
	w.Write(buf.Bytes())
}

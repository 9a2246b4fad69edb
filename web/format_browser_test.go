package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/report"
)

// TestPageFormatsAsServer: the page (web/assets/app.js, in a real headless
// Chromium) writes numbers and percentages exactly as lang.Number and
// lang.Percent do, which the report, the console and the workbook's labels
// use: "66,6 %" in Russian on the page and in the report alike.
func TestPageFormatsAsServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	srv := httptest.NewServer((&Server{Workspace: &Workspace{Dir: t.TempDir()}}).Handler())
	defer srv.Close()
	ctx := browserContext(t, path)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?example=tobacco-kyrgyzstan"), chromedp.WaitVisible(`#problems li`)); err != nil {
		t.Fatal(err)
	}
	figures := []struct {
		x float64
		d int
	}{{0, 0}, {0.5, 1}, {1234.5, 1}, {1e6, 0}, {-1234567.25, 2}, {0.666, 0}, {0.1570, 0}, {0.3569666667, 0}, {-0.05, 0}, {12.345, 0}}
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		for _, f := range figures {
			js := fmt.Sprintf(`(() => { lang = %q; return [fmt(%v, %d), pct(%v)]; })()`, l, f.x, f.d, f.x)
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
			if err != nil {
				t.Fatalf("%s: %v", js, err)
			}
			if want := l.Number(f.x, f.d); got[0] != want {
				t.Errorf("%s: the page writes %v with %d decimals as %q, the server %q", l, f.x, f.d, got[0], want)
			}
			if want := l.Percent(f.x); got[1] != want {
				t.Errorf("%s: the page writes %v as a percentage %q, the report %q", l, f.x, got[1], want)
			}
		}
	}
	// The same figure on the page and in the report: the share of the
	// tobacco chain's households below the poverty line.
	if err := chromedp.Do(ctx, chromedp.Click(`#ru`), chromedp.Click(`.tab[data-tab="baseline"]`), chromedp.WaitVisible(`#headline .card b`)); err != nil {
		t.Fatal(err)
	}
	page, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = document.getElementById("headline").textContent; return s.includes("\u00a0%") ? s : null; })()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("no Russian percentage on the baseline cards: %v", err)
	}
	c, err := load.Example("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyse(context.Background(), c, nil, nil, lang.RU, 1)
	if err != nil {
		t.Fatal(err)
	}
	var rep strings.Builder
	if err := report.Write(&rep, a.report); err != nil {
		t.Fatal(err)
	}
	want := lang.RU.Percent(a.Base.Totals.BelowPoverty)
	if !strings.Contains(page, want) || !strings.Contains(rep.String(), want) {
		t.Errorf("the share below the poverty line %q: on the page %v (%q), in the report %v", want, strings.Contains(page, want), page, strings.Contains(rep.String(), want))
	}
}

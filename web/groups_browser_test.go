package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserGroups: in a real headless Chromium, comparing scenarios on a
// chain with two household groups (scenarios/testdata/two-groups.toml)
// shows the chain's table with one row per scenario, then the table per
// group (poverty on cash income, child labour, hazardous) with each
// group's name in the page's language and the children hired from outside
// the groups, in English and Russian. Screenshots at 1366x768 and 390x844
// go to $VCSIM_SHOTS (or the test's temp folder).
func TestBrowserGroups(t *testing.T) {
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	chain, err := os.ReadFile("../scenarios/testdata/two-groups.toml")
	if err != nil {
		t.Fatal(err)
	}
	const scen = `[[scenario]]
name = "Transfer to the upland farms"
name_ru = "Выплаты горным хозяйствам"
  [[scenario.intervention]]
  type = "cash_transfer"
  targets = ["upland"]
  coverage = 1
  effect = { amount = 400 }
  cost = { per_adopter_per_year = 420 }
`
	srv := httptest.NewServer((&Server{Workspace: &Workspace{Dir: t.TempDir()}}).Handler())
	defer srv.Close()
	ctx := browserContext(t, path)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	shots := shotsDir(t)
	eval := func(js string) string { return evalIn(t, ctx, js) }
	poll := func(js string) error { return pollIn(ctx, js, 30*time.Second) }
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	for _, tc := range []struct{ lang, upland, hired, scenario string }{
		{"en", "Upland farms", "Hired from outside the groups", "Transfer to the upland farms"},
		{"ru", "Горные хозяйства", "Наняты со стороны, вне групп", "Выплаты горным хозяйствам"},
	} {
		for _, size := range [][2]int64{{1366, 768}, {390, 844}} {
			name := "groups-" + tc.lang + "-" + map[int64]string{1366: "1366x768", 390: "390x844"}[size[0]]
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]),
				chromedp.Navigate(srv.URL+"/?example=tobacco-kyrgyzstan&lang="+tc.lang), chromedp.WaitReady(`#compare`)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.querySelector("#headline .card b") !== null`); err != nil {
				t.Fatalf("%s: the page did not load: %v", name, err)
			}
			eval(`(() => { document.getElementById("chaintext").value = ` + q(string(chain)) + `;
				document.getElementById("scentext").value = ` + q(scen) + `;
				document.querySelector('.tab[data-tab="scenarios"]').click();
				document.getElementById("compare").click(); return ""; })()`)
			if err := poll(`document.querySelectorAll("#comparison table").length === 2`); err != nil {
				t.Fatalf("%s: no table per group: %v (%s)", name, err, eval(`document.getElementById("comparison").textContent`))
			}
			rows := eval(`[...document.querySelectorAll("#comparison table")].map(t => t.tBodies[0].rows.length).join(",")`)
			if rows != "2,6" { // baseline and the scenario; each with the two groups and the hired children
				t.Errorf("%s: table rows %s, want 2,6", name, rows)
			}
			group := eval(`document.querySelectorAll("#comparison table")[1].textContent`)
			for _, want := range []string{tc.upland, tc.hired, tc.scenario} {
				if !strings.Contains(group, want) {
					t.Errorf("%s: the table per group lacks %q: %s", name, want, group)
				}
			}
			if err := chromedp.Do(ctx, chromedp.ScrollIntoView(`#comparison`)); err != nil {
				t.Fatal(err)
			}
			buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

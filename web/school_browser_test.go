package web

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserSchool: in a real headless Chromium, the baseline tab of a
// chain with school keys (the apricot example) shows the ILO/UCW table:
// one row per age band and one for 5-17 (no sex column: the example
// does not give children by sex), with enrolment and the four shares (work only, work and study, study only, neither) in the page's
// language; the same text without its school and observed keys shows
// none. Screenshots at 1366x768 and
// 390x844 in English and Russian go to $VCSIM_SHOTS (or the test's temp
// folder); at 390 wide the table scrolls in its box and the page does not
// scroll sideways.
func TestBrowserSchool(t *testing.T) {
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	srv := httptest.NewServer((&Server{Workspace: &Workspace{Dir: t.TempDir()}}).Handler())
	defer srv.Close()
	ctx := browserContext(t, path)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	shots := shotsDir(t)
	eval := func(js string) string { return evalIn(t, ctx, js) }
	poll := func(js string) error { return pollIn(ctx, js, 60*time.Second) }
	for _, tc := range []struct{ lang, head, cols string }{
		{"en", "School: enrolment and the four-way table (ILO/UCW)", "Age band|Children|Enrolled|Work only|Work and study|Study only|Neither"},
		{"ru", "Школа: охват обучением и четыре группы детей (МОТ/UCW)", "Возраст|Дети|Учатся|Только работают|Работают и учатся|Только учатся|Не работают и не учатся"},
	} {
		for _, size := range [][2]int64{{1366, 768}, {390, 844}} {
			name := "school-" + tc.lang + "-" + map[int64]string{1366: "1366x768", 390: "390x844"}[size[0]]
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]),
				chromedp.Navigate(srv.URL+"/?example=apricot-batken&lang="+tc.lang), chromedp.WaitReady(`#compare`)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.querySelector("#headline .card b") !== null`); err != nil {
				t.Fatalf("%s: the page did not load: %v", name, err)
			}
			eval(`(() => { document.querySelector('.tab[data-tab="baseline"]').click(); return ""; })()`)
			if err := poll(`document.getElementById("baseline").classList.contains("on") && document.querySelector("#schooltable table") !== null`); err != nil {
				t.Fatalf("%s: no school table: %v", name, err)
			}
			if h := eval(`document.getElementById("schoolhead").hidden ? "" : document.getElementById("schoolhead").textContent`); h != tc.head {
				t.Errorf("%s: heading %q, want %q", name, h, tc.head)
			}
			if cols := eval(`[...document.querySelectorAll("#schooltable th")].map(h => h.textContent).join("|")`); cols != tc.cols {
				t.Errorf("%s: columns %q, want %q", name, cols, tc.cols)
			}
			bands := eval(`[...document.querySelectorAll("#schooltable tbody tr")].map(r => r.cells[0].textContent).join(",")`)
			if bands != "5–11,12–14,15–17,5–17" {
				t.Errorf("%s: rows %q, want the three bands and 5-17", name, bands)
			}
			// The four shares of each row are percentages adding up to 100.
			sums := eval(`[...document.querySelectorAll("#schooltable tbody tr")].map(r => [3,4,5,6].reduce((s, i) => s + parseFloat(r.cells[i].textContent.replace(",", ".")), 0).toFixed(0)).join(",")`)
			if sums != "100,100,100,100" {
				t.Errorf("%s: four shares add up to %s", name, sums)
			}
			if size[0] == 390 {
				if w := eval(`String(document.documentElement.scrollWidth - document.documentElement.clientWidth)`); w != "0" {
					t.Errorf("%s: the page scrolls sideways by %s px", name, w)
				}
			}
			if err := chromedp.Do(ctx, chromedp.ScrollIntoView(`#schooltable`)); err != nil {
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
	// A chain without school keys: no heading, no table.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(srv.URL+"/?example=apricot-batken&lang=en"), chromedp.WaitReady(`#compare`)); err != nil {
		t.Fatal(err)
	}
	if err := poll(`document.querySelector("#schooltable table") !== null`); err != nil {
		t.Fatalf("no school table before the keys go: %v", err)
	}
	eval(`(() => { const c = document.getElementById("chaintext");
		c.value = c.value.split("\n").filter(l => !/^\s*(school_|observed_)/.test(l)).join("\n");
		document.getElementById("run").click(); return ""; })()`)
	if err := poll(`document.getElementById("schoolhead").hidden && document.querySelector("#schooltable table") === null`); err != nil {
		t.Errorf("a chain without school keys still shows a school table: %v", err)
	}
}

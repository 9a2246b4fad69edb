package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/workbook"
)

// TestBrowserImport (issue 19 point 2): in a real headless Chromium, a
// workbook chosen with "Open a file from this computer" puts its chain and
// scenarios in the editors and the page's baseline is that chain's (the
// tobacco example written to a workbook: the example's children in child
// labour, as /api/simulate gives them for the example's TOML); a workbook
// with a negative wage shows its error at its cell, in Russian when the
// page is in Russian; a survey CSV replaces the synthetic households (the
// card shows the number /api/simulate gives with it) until removed; a
// file dropped on the page opens as one chosen. Screenshots at 1366x768 and 390x844 in English
// and Russian go to $VCSIM_SHOTS (or the test's temp folder).
func TestBrowserImport(t *testing.T) {
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	dir := t.TempDir()
	book := func(name, chain, scen string) string {
		t.Helper()
		b, err := workbook.New("en")
		if err != nil {
			t.Fatal(err)
		}
		if err := b.AddChain([]byte(chain)); err != nil {
			t.Fatal(err)
		}
		if scen != "" {
			if err := b.AddScenarios([]byte(scen)); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if _, err := b.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := book("tobacco.xlsx", chain, scen)
	bad := book("bad.xlsx", strings.Replace(chain, "adult_wage = ", "adult_wage = -", 1), "")
	surveyText, err := examples.Survey("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	survey := filepath.Join(dir, "tobacco-survey.csv")
	if err := os.WriteFile(survey, surveyText, 0o644); err != nil {
		t.Fatal(err)
	}

	// The example's baseline, as the page's cards should show it.
	h := (&Server{}).Handler()
	w := post(t, h, "/api/simulate", "application/toml", chain)
	var sim SimulateAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &sim); err != nil || w.Code != 200 {
		t.Fatalf("simulate: status %d, %v", w.Code, err)
	}

	// With the survey, as run --survey gives it.
	body, _ := json.Marshal(CompareRequest{Chain: chain, Survey: string(surveyText)})
	w = post(t, h, "/api/simulate", "application/json", string(body))
	var withSurvey SimulateAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &withSurvey); err != nil || w.Code != 200 {
		t.Fatalf("simulate with the survey: status %d, %v", w.Code, err)
	}
	if withSurvey.Summary.ChildLabour == sim.Summary.ChildLabour {
		t.Fatal("the survey changes nothing: the test proves nothing")
	}

	srv := httptest.NewServer((&Server{Workspace: &Workspace{Dir: t.TempDir()}}).Handler())
	defer srv.Close()
	ctx := browserContext(t, path)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	shots := shotsDir(t)
	eval := func(js string) string { return evalIn(t, ctx, js) }
	poll := func(js string) error { return pollIn(ctx, js, 30*time.Second) }
	shot := func(name string) {
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	for _, tc := range []struct {
		lang     lang.Lang
		children string // the baseline card, as the page formats it
		surveyed string // with the survey
		opened   string
		cyrillic bool
	}{
		{lang.EN, lang.EN.Thousands(sim.Summary.ChildLabour), lang.EN.Thousands(withSurvey.Summary.ChildLabour), "Opened tobacco.xlsx.", false},
		{lang.RU, lang.RU.Thousands(sim.Summary.ChildLabour), lang.RU.Thousands(withSurvey.Summary.ChildLabour), "Открыт файл tobacco.xlsx.", true},
	} {
		for _, size := range [][2]int64{{1366, 768}, {390, 844}} {
			name := "import-" + string(tc.lang) + "-" + map[int64]string{1366: "1366x768", 390: "390x844"}[size[0]]
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]),
				chromedp.Navigate(srv.URL+"/?example=cotton-tajikistan&lang="+string(tc.lang)), chromedp.WaitReady(`#importfile`)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.getElementById("chaintext").value.includes("Cotton")`); err != nil {
				t.Fatalf("%s: the page did not load: %v", name, err)
			}
			if err := chromedp.Do(ctx, chromedp.SetUploadFiles(`#importfile`, []string{good})); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.getElementById("savemsg").textContent === ` + q(tc.opened)); err != nil {
				t.Fatalf("%s: the workbook did not open: %v (%q)", name, err, eval(`document.getElementById("savemsg").textContent`))
			}
			if got := eval(`document.getElementById("scentext").value`); !strings.Contains(got, "[[scenario]]") || !strings.Contains(got, "Cooperative") {
				t.Errorf("%s: the workbook's scenarios are not in the editor: %.200q", name, got)
			}
			if strings.Contains(eval(`document.getElementById("chaintext").value`), "Cotton") {
				t.Errorf("%s: the cotton chain is still in the editor", name)
			}
			if err := chromedp.Do(ctx, chromedp.Click(`.tab[data-tab="baseline"]`)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`(document.querySelector("#headline .card b") || {}).textContent === ` + q(tc.children)); err != nil {
				t.Errorf("%s: the baseline's children in child labour are %q, want the example's %s", name,
					eval(`(document.querySelector("#headline .card b") || {}).textContent || ""`), tc.children)
			}
			shot(name + "-baseline")

			// A workbook with a mistake: the error names its cell, in the
			// page's language; the editor keeps the chain it had.
			if err := chromedp.Do(ctx, chromedp.SetUploadFiles(`#importfile`, []string{bad})); err != nil {
				t.Fatal(err)
			}
			if err := poll(`[...document.querySelectorAll("#problems li")].some(li => li.textContent.includes("bad.xlsx"))`); err != nil {
				t.Fatalf("%s: no error for the bad workbook: %v", name, err)
			}
			msg := eval(`[...document.querySelectorAll("#problems li")].map(li => li.textContent).join("\n")`)
			t.Logf("%s: %s", name, msg)
			if !strings.Contains(msg, "!") {
				t.Errorf("%s: the error does not name a cell: %s", name, msg)
			}
			if hasCyrillic(msg) != tc.cyrillic {
				t.Errorf("%s: the error is not in the page's language: %s", name, msg)
			}
			if !strings.Contains(eval(`document.getElementById("chaintext").value`), "Tobacco") {
				t.Errorf("%s: a refused workbook replaced the chain", name)
			}
			shot(name + "-error")

			// A file dropped on the page opens as one chosen: a scenario
			// file goes to the Scenarios tab.
			eval(`(() => { const dt = new DataTransfer();
				dt.items.add(new File([` + q("[[scenario]]\nname = \"Dropped\"\n") + `], "dropped-scenarios.toml", {type: "text/plain"}));
				document.getElementById("headline").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
				return ""; })()`)
			if err := poll(`document.getElementById("scentext").value.includes("Dropped") && document.getElementById("scenarios").classList.contains("on")`); err != nil {
				t.Errorf("%s: a dropped scenario file did not open: %v", name, err)
			}

			// The survey replaces the synthetic households, as --survey;
			// removing it brings them back.
			if err := chromedp.Do(ctx, chromedp.SetUploadFiles(`#importfile`, []string{survey})); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.getElementById("surveyname").textContent === "tobacco-survey.csv" && (document.querySelector("#headline .card b") || {}).textContent === ` + q(tc.surveyed)); err != nil {
				t.Errorf("%s: with the survey the card says %q, want %s", name, eval(`(document.querySelector("#headline .card b") || {}).textContent || ""`), tc.surveyed)
			}
			shot(name + "-survey")
			if err := chromedp.Do(ctx, chromedp.Click(`#surveyoff`)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.getElementById("surveybox").hidden && (document.querySelector("#headline .card b") || {}).textContent === ` + q(tc.children)); err != nil {
				t.Errorf("%s: without the survey the card says %q, want %s", name, eval(`(document.querySelector("#headline .card b") || {}).textContent || ""`), tc.children)
			}
		}
	}
}

func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'а' && r <= 'я' || r >= 'А' && r <= 'Я' })
}

package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ilo-rma/vcsim/examples"
)

// qaPage is a headless Chromium on a page of srv, with the helpers the QA
// tests use: eval (a script's string), poll (wait for a condition, fail
// with what the page shows), shot (a screenshot at the given size).
type qaPage struct {
	t     *testing.T
	ctx   context.Context
	url   string
	shots string
}

func newQAPage(t *testing.T, s *Server) *qaPage {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1366, 768),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancel)
	shots := os.Getenv("VCSIM_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	return &qaPage{t: t, ctx: ctx, url: srv.URL, shots: shots}
}

// open loads the page at query q in a viewport of w x h and waits for the
// example's baseline.
func (p *qaPage) open(q string, w, h int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, h), chromedp.Navigate(p.url+"/?"+q), chromedp.WaitReady(`#compare`)); err != nil {
		p.t.Fatal(err)
	}
	p.poll("the example's baseline", `document.querySelectorAll("#headline .card b").length > 0 && !document.getElementById("baseline").classList.contains("stale") && document.querySelector("#whatifcards .card") !== null && document.querySelector("#fieldtables input") !== null`)
}

func (p *qaPage) eval(js string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	return s
}

func (p *qaPage) poll(what, js string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(40*time.Second))); err != nil {
		p.t.Fatalf("waiting for %s (%s): %v", what, js, err)
	}
}

func (p *qaPage) shot(name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	f := filepath.Join(p.shots, name+".png")
	if err := os.WriteFile(f, buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot %s", f)
}

func jsq(s string) string { b, _ := json.Marshal(s); return string(b) }

// TestBrowserPastedChain (QA 23, 33, 48): a chain pasted into the text
// box over the cotton example makes the tables stale at once (greyed,
// with a note, their fields disabled, so an edit cannot write into the
// pasted text a value meant for cotton), then the tables follow the text
// (tobacco's first actor "farm", not cotton's "dekhan"); an edit in the
// refreshed tables changes the tobacco chain; Run refreshes What if? too
// (zero levers: the what-if cards show the tobacco baseline, not
// cotton's); opening X.toml from the folder brings X-scenarios.toml, and a
// chain without its scenario file flags the scenarios left as another
// chain's. In Russian at 1366x768 and in English at 390x844.
func TestBrowserPastedChain(t *testing.T) {
	dir := t.TempDir()
	tob, _ := examples.Chain("tobacco-kyrgyzstan")
	tobScen, _ := examples.Scenarios("tobacco-kyrgyzstan")
	os.WriteFile(filepath.Join(dir, "tobacco.toml"), tob, 0o644)
	os.WriteFile(filepath.Join(dir, "tobacco-scenarios.toml"), tobScen, 0o644)
	os.WriteFile(filepath.Join(dir, "lone.toml"), tob, 0o644)

	// Tobacco's baseline as the server gives it: the what-if cards at zero
	// levers must show it.
	w := post(t, (&Server{}).Handler(), "/api/simulate", "application/toml", string(tob))
	var sim SimulateAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &sim); err != nil || w.Code != 200 {
		t.Fatalf("simulate: status %d, %v", w.Code, err)
	}
	p := newQAPage(t, &Server{Workspace: &Workspace{Dir: dir}})
	for _, tc := range []struct {
		lang         string
		w, h         int64
		stale, other string
	}{
		{"ru", 1366, 768, "Таблицы показывают цепочку до вашей правки", "Эти сценарии относятся к цепочке, открытой до lone.toml"},
		{"en", 390, 844, "The tables show the chain before your change", "These scenarios belong to the chain open before lone.toml"},
	} {
		name := tc.lang + "-" + strconv.Itoa(int(tc.w)) + "x" + strconv.Itoa(int(tc.h))
		p.open("example=cotton-tajikistan&lang="+tc.lang, tc.w, tc.h)
		if got := p.eval(`document.querySelector('#fieldtables input[data-path="actor.0.id"]').value`); got != "dekhan" {
			t.Fatalf("%s: the cotton example's first actor is %q", name, got)
		}
		cotton := p.eval(`document.querySelector("#whatifcards .card b").textContent`)
		// Paste: the tables are stale and cannot be edited at once.
		got := p.eval(`(() => { const x = document.getElementById("chaintext"); x.value = ` + jsq(string(tob)) + `;
			x.dispatchEvent(new Event("input"));
			const i = document.querySelector('#fieldtables input[data-path="actor.0.price"]');
			return [document.getElementById("tablesstale").hidden, i.disabled, document.getElementById("fieldtables").classList.contains("stale"),
				document.getElementById("tablesstale").textContent].join("|"); })()`)
		if parts := strings.Split(got, "|"); parts[0] != "false" || parts[1] != "true" || parts[2] != "true" || !strings.HasPrefix(parts[3], tc.stale) {
			t.Errorf("%s: right after the paste, tables note hidden|field disabled|greyed|note = %s, want false|true|true|%s…", name, got, tc.stale)
		}
		if tc.lang == "ru" {
			p.shot("pasted-stale-" + name)
		}
		// They follow the text.
		p.poll("the tables to follow the pasted chain", `document.querySelector('#fieldtables input[data-path="actor.0.id"]').value === "farm" && !document.getElementById("fieldtables").classList.contains("stale") && document.getElementById("tablesstale").hidden`)
		// An edit in the tables now edits the tobacco chain.
		p.eval(`(() => { const i = document.querySelector('#fieldtables input[data-path="actor.0.price"]'); i.value = "7"; i.dispatchEvent(new Event("change")); return ""; })()`)
		p.poll("the edit in the text", `/id = "farm"[\s\S]*?\nprice = 7[ \n]/.test(document.getElementById("chaintext").value) && document.getElementById("chaintext").value.includes("Tobacco")`)
		// Run refreshes What if? (QA 33): paste tobacco again, Run, zero levers.
		p.eval(`(() => { const x = document.getElementById("chaintext"); x.value = ` + jsq(string(tob)) + `; x.dispatchEvent(new Event("input"));
			document.querySelector('.tab[data-tab="whatif"]').click(); return ""; })()`)
		if got := p.eval(`String(document.getElementById("whatifstale").hidden)`); got != "false" {
			t.Errorf("%s: What if? after the paste is not marked stale", name)
		}
		p.eval(`document.getElementById("run").click(); ""`)
		want := p.eval(`Number(` + strconv.FormatFloat(sim.Summary.ChildLabour, 'f', -1, 64) + `).toLocaleString(` + jsq(map[string]string{"en": "en-GB", "ru": "ru-RU"}[tc.lang]) + `, {maximumFractionDigits: 0})`)
		p.poll("What if? to show the pasted chain's baseline", `document.querySelector("#whatifcards .card b").textContent === `+jsq(want)+` && document.getElementById("whatifstale").hidden && !document.getElementById("whatif").classList.contains("stale")`)
		if want == cotton {
			t.Fatalf("%s: cotton and tobacco have the same figure %s: the test proves nothing", name, want)
		}
		p.shot("pasted-whatif-" + name)
		// Opening X.toml brings X-scenarios.toml (QA 48).
		p.eval(`document.querySelector('.tab[data-tab="chain"]').click(); document.getElementById("files").value = "tobacco.toml"; document.getElementById("open").click(); ""`)
		p.poll("the chain's scenarios", `document.getElementById("scentext").value === `+jsq(string(tobScen))+` && document.getElementById("scenother").hidden`)
		// A chain without one flags the scenarios it leaves.
		p.eval(`document.getElementById("files").value = "lone.toml"; document.getElementById("open").click(); ""`)
		p.poll("the flag on the scenarios", `!document.getElementById("scenother").hidden && document.getElementById("scenother").textContent.startsWith(`+jsq(tc.other)+`)`)
		p.eval(`document.querySelector('.tab[data-tab="scenarios"]').click(); ""`)
		p.shot("scen-other-" + name)
		// The bands bar stays hidden until bands run (QA 5).
		if got := p.eval(`getComputedStyle(document.getElementById("bandsbar")).display`); got != "none" {
			t.Errorf("%s: the bands bar's display is %q before any bands run, want none", name, got)
		}
	}
}

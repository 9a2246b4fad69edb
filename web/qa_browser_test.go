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
	ctx := browserContext(t, path)
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancel)
	shots := shotsDir(t)
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
		// A number typed as the page writes it (QA 40).
		typed := map[string]string{"ru": "1 000,5", "en": "1,000.5"}[tc.lang]
		p.eval(`(() => { const i = document.querySelector('#fieldtables input[data-path="actor.0.price"]'); i.value = ` + jsq(typed) + `; i.dispatchEvent(new Event("change")); return ""; })()`)
		p.poll("the typed number in the text", `/\nprice = 1000.5 /.test(document.getElementById("chaintext").value)`)
		p.poll("the tables after the edit", `document.querySelector('#fieldtables input[data-path="actor.0.price"]') !== null && !document.querySelector('#fieldtables input[data-path="actor.0.price"]').disabled`)
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

// TestBrowserHeadline (QA 2, 6, 24): the baseline's cards give each figure
// its unit, share or basis (the apricot example: KGS a year; 27.8 % of the
// children; on cash income, as `vcsim run` prints them) and a note that
// they are model estimates, point estimates until bands are run; the
// comparison table has hazardous child labour and the benefit-cost ratio
// (apricot's BCRs 3.68, 0.13, 1.14, 1.49, as `vcsim compare` gives them).
// With bands (tobacco, 200 draws), each figure of the comparison gets its
// 90-percent interval, and each card the baseline's final-year median and
// interval. In Russian at 1366x768 and in English at 390x844.
func TestBrowserHeadline(t *testing.T) {
	p := newQAPage(t, &Server{})
	for _, tc := range []struct {
		lang        string
		w, h        int64
		cl, cur     string
		basis, note string
		bcr         string
	}{
		{"ru", 1366, 768, "доля среди детей 5–17 лет: 27,8\u00a0%", "KGS", "по денежному доходу", "точечные оценки", "3,68|0,13|1,14|1,49"},
		{"en", 390, 844, "27.8% of the children aged 5–17", "KGS", "on cash income", "point estimates", "3.68|0.13|1.14|1.49"},
	} {
		name := tc.lang + "-" + strconv.Itoa(int(tc.w)) + "x" + strconv.Itoa(int(tc.h))
		p.open("example=apricot-batken&lang="+tc.lang, tc.w, tc.h)
		p.eval(`document.querySelector('.tab[data-tab="baseline"]').click(); ""`)
		cards := p.eval(`[...document.querySelectorAll("#headline .card")].map(c => c.textContent).join("|")`)
		for _, want := range []string{tc.cl, tc.cur, tc.basis} {
			if !strings.Contains(cards, want) {
				t.Errorf("%s: the cards lack %q: %s", name, want, cards)
			}
		}
		// QA 3: the children table names the actor in the page's language.
		if got, want := p.eval(`document.querySelector("#childtable tbody td").textContent`), map[string]string{"ru": "Домохозяйства, выращивающие абрикос", "en": "Apricot-growing households"}[tc.lang]; got != want {
			t.Errorf("%s: the children table's first actor is %q, want %q", name, got, want)
		}
		if note := p.eval(`document.getElementById("headnote").textContent`); !strings.Contains(note, tc.note) {
			t.Errorf("%s: the note under the cards is %q, want it to say %q", name, note, tc.note)
		}
		p.shot("headline-" + name)
		// QA 36: the scenario builder lists the codes a target may name.
		hint := p.eval(`document.getElementById("b_targets_hint").textContent`)
		if want := map[string]string{"ru": "коды участников цепочки: grower (Домохозяйства, выращивающие абрикос), collector (", "en": "codes of the chain's actors: grower (Apricot-growing households), collector ("}[tc.lang]; !strings.HasPrefix(hint, want) {
			t.Errorf("%s: the builder's hint is %q, want it to start %q", name, hint, want)
		}
		p.eval(`document.querySelector('.tab[data-tab="scenarios"]').click(); document.getElementById("compare").click(); ""`)
		p.poll("the comparison", `document.querySelector("#comparison table") !== null`)
		heads := p.eval(`[...document.querySelectorAll("#comparison table th")].map(x => x.textContent).join("|")`)
		haz, bcrHead := map[string]string{"ru": "В опасном детском труде", "en": "In hazardous child labour"}[tc.lang], map[string]string{"ru": "Соотношение выгод и затрат", "en": "Benefit-cost ratio"}[tc.lang]
		if !strings.Contains(heads, haz) || !strings.HasSuffix(heads, bcrHead) {
			t.Errorf("%s: comparison columns %s", name, heads)
		}
		if got := p.eval(`[...document.querySelectorAll("#comparison tbody tr")].slice(1).map(r => r.cells[r.cells.length - 1].textContent).join("|")`); got != tc.bcr {
			t.Errorf("%s: benefit-cost ratios %s, want %s", name, got, tc.bcr)
		}
		p.eval(`document.getElementById("comparison").scrollIntoView(); ""`)
		p.shot("comparison-" + name)
		// QA 41: a key with a fixed list of words is a drop-down in the
		// page's language, and choosing writes the code into the text.
		p.eval(`document.querySelector('.tab[data-tab="chain"]').click(); ""`)
		kind := p.eval(`document.querySelector('#fieldtables select[data-path="actor.0.kind"]').selectedOptions[0].textContent`)
		if want := map[string]string{"ru": "группа домохозяйств (household)", "en": "household group (household)"}[tc.lang]; kind != want {
			t.Errorf("%s: the first actor's kind shows %q, want %q", name, kind, want)
		}
		p.eval(`(() => { const s = document.querySelector('#fieldtables select[data-path="actor.0.final_market"]'); s.value = "export"; s.dispatchEvent(new Event("change")); return ""; })()`)
		p.poll("the market written into the text", `/final_market = "(\w+)"/.exec(document.getElementById("chaintext").value)[1] === "export"`) // the first actor's, "domestic" in the example
	}
	// Bands: intervals in the table and under the cards.
	p.open("example=tobacco-kyrgyzstan&lang=ru", 1366, 768)
	p.eval(`document.querySelector('.tab[data-tab="scenarios"]').click(); document.getElementById("bands").checked = true; document.getElementById("compare").click(); ""`)
	p.poll("the bands to finish", `document.getElementById("bandsmsg").textContent.includes("✓")`)
	cell := p.eval(`document.querySelector("#comparison tbody tr").cells[1].textContent`)
	if !strings.Contains(cell, " (") || !strings.Contains(cell, "–") {
		t.Errorf("the baseline's children in child labour with bands: %q, want a figure and its interval", cell)
	}
	if note := p.eval(`document.getElementById("cmpnote").textContent`); !strings.HasPrefix(note, "С полосами каждая цифра — медиана, в скобках — её 90-процентный интервал") || !strings.Contains(note, "200") {
		t.Errorf("the note under the comparison: %q", note)
	}
	p.eval(`document.getElementById("comparison").scrollIntoView(); ""`)
	p.shot("comparison-bands-ru-1366x768")
	// QA 24: the band charts' Russian titles.
	titles := p.eval(`["scenario_paths_fan", "scenario_children_interval"].map(n => { const f = document.querySelector('#scencharts figure[data-chart="' + n + '"]'); return f ? f.textContent : n + " missing"; }).join("|")`)
	if !strings.Contains(titles, "медиана, полосы 50 % и 90 % (200 расч.)") || !strings.Contains(titles, "Детский труд, последний год: медиана и интервал 90\u00a0% (200 расч.)") {
		t.Errorf("the band charts' titles: %.300q", titles)
	}
	p.eval(`document.querySelector('#scencharts figure[data-chart="scenario_paths_fan"]').scrollIntoView(); ""`)
	p.shot("bands-charts-ru-1366x768")
	p.eval(`document.querySelector('.tab[data-tab="baseline"]').click(); ""`)
	ranges := p.eval(`[...document.querySelectorAll("#headline .card .range")].map(x => x.textContent).join("|")`)
	if strings.Count(ranges, "последний год: ") != 4 || strings.Count(ranges, "–") != 4 {
		t.Errorf("the cards' ranges after the bands: %q", ranges)
	}
	if note := p.eval(`document.getElementById("headnote").textContent`); !strings.Contains(note, "расчётов с неопределёнными числами: 200") {
		t.Errorf("the note under the cards after the bands: %q", note)
	}
	p.shot("headline-bands-ru-1366x768")
	// QA 34: unnamed actors go by their ids in the accounts and children
	// tables (scenarios/testdata/two-groups.toml: farm and trader).
	two, err := os.ReadFile("../scenarios/testdata/two-groups.toml")
	if err != nil {
		t.Fatal(err)
	}
	p.eval(`(() => { const x = document.getElementById("chaintext"); x.value = ` + jsq(string(two)) + `; x.dispatchEvent(new Event("input"));
		document.getElementById("run").click(); document.querySelector('.tab[data-tab="baseline"]').click(); return ""; })()`)
	p.poll("the two groups' accounts", `document.getElementById("accounts").textContent.includes("Горные хозяйства")`)
	if got := p.eval(`[...document.querySelectorAll("#accounts tbody tr")].map(r => r.cells[0].textContent).join("|")`); !strings.Contains(got, "|farm|") && !strings.HasPrefix(got, "farm|") || !strings.Contains(got, "trader") {
		t.Errorf("accounts' actors %q, want farm and trader by their ids", got)
	}
	if got := p.eval(`[...document.querySelectorAll("#childtable tbody tr")].map(r => r.cells[0].textContent).join("|")`); strings.Contains(got, "||") || strings.HasPrefix(got, "|") || !strings.Contains(got, "farm") {
		t.Errorf("children table's actors %q", got)
	}
	p.eval(`document.getElementById("accounts").scrollIntoView(); ""`)
	p.shot("two-groups-baseline-ru-1366x768")
}

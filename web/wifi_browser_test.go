package web

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/ilo-rma/vcsim/examples"
)

// TestBrowserWifi drives the facilitator's whole path in Russian in wifi
// mode, as `vcsim serve --addr 0.0.0.0:PORT --lang ru --dir FOLDER` runs
// it: a token, the page opened at the laptop's LAN address with ?token=
// (its script and styles load with the cookie that sets), the Join QR
// code; a name with a comma and a space typed in the tables, a word
// refused in a number's field, an actor and a link added with the forms,
// the baseline, a compared scenario with uncertainty bands, what-if,
// saving from the Scenarios tab, the comparison CSV; a chain whose names
// hold HTML opened from the workspace runs no script. Screenshots at
// 1366x768 and 390x844, in Russian and English, go to $VCSIM_SHOTS.
func TestBrowserWifi(t *testing.T) {
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	dir := t.TempDir()
	tob, _ := examples.Chain("tobacco-kyrgyzstan")
	xss := strings.Replace(string(tob), `name = "Tobacco-growing households"`, `name = "<img src=x onerror=\"window.__xss=1\">"`, 1)
	xss = strings.Replace(xss, `name_ru = "Домохозяйства табаководов"`, `name_ru = "<img src=x onerror=\"window.__xss=2\"><script>window.__xss=3</script>"`, 1)
	if xss == string(tob) {
		t.Fatal("the payload was not put into the chain")
	}
	os.WriteFile(filepath.Join(dir, "xss.toml"), []byte(xss), 0o644)

	s := &Server{Token: NewToken(), Lang: "ru", Workspace: &Workspace{Dir: dir}}
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := "127.0.0.1"
	if lan := LANAddresses(ln.Addr().(*net.TCPAddr)); len(lan) > 0 {
		host = lan[0].IP.String()
		for _, l := range lan {
			s.JoinURLs = append(s.JoinURLs, fmt.Sprintf("http://%s/?lang=ru&token=%s", net.JoinHostPort(l.IP.String(), strconv.Itoa(port)), s.Token))
		}
	} else {
		t.Log("no LAN address on this machine: the room's page is tested at 127.0.0.1")
	}
	srv := s.HTTPServer()
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + net.JoinHostPort(host, strconv.Itoa(port))
	t.Logf("serving the room at %s", base)

	// Without the token nothing is served; with it in the address, the
	// page's files load too (the cookie).
	for _, p := range []string{"/", "/app.js", "/style.css", "/api/examples"} {
		res, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 403 {
			t.Errorf("%s without the token: %d, want 403", p, res.StatusCode)
		}
	}

	ctx := browserContext(t, path)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	shots := shotsDir(t)
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(shots, "wifi-"+name+".png")
		os.WriteFile(p, buf, 0o644)
		t.Logf("screenshot %s", p)
	}
	await := func(p *runtime.EvaluateParams) { yes := true; p.AwaitPromise = &yes }
	eval := func(js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](js)); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	str := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	poll := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("waiting for %s (%s): %v; problems: %s", what, js, err, str(`document.getElementById("problems").textContent`))
		}
	}
	chain := `document.getElementById("chaintext").value`
	setField := func(path, value string) {
		t.Helper()
		eval(`(() => { const i = document.querySelector('#fieldtables input[data-path="` + path + `"]');
			i.value = ` + strconv.Quote(value) + `; i.dispatchEvent(new Event("change")); return 1; })()`)
	}

	// The facilitator opens the address the terminal printed.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?token="+s.Token+"&example=tobacco-kyrgyzstan")); err != nil {
		t.Fatal(err)
	}
	poll("the page in Russian with the example", `document.querySelector("h1").textContent.includes("цепочки") && `+chain+`.includes("Tobacco")`)
	poll("the tables", `document.querySelector('#fieldtables input[data-path="name"]') !== null`)
	// Help: the facilitator's guide, in Russian, from the binary (issue 25).
	eval(`document.querySelector('.tab[data-tab="help"]').click()`)
	poll("the guide in the Help tab", `document.getElementById("helptext").textContent.includes("Руководство ведущего")`)
	if got := str(`document.querySelector('.tab[data-tab="help"]').textContent`); got != "Справка" {
		t.Errorf("Help tab %q, want Справка", got)
	}
	shot("help-ru-1366")
	eval(`document.querySelector('.tab[data-tab="chain"]').click()`)
	// The tables' labels are in Russian, each with its key in the file.
	if got := str(`(() => { const i = document.querySelector('#fieldtables input[data-path="actor.0.count"]'); return document.querySelector('label[for="' + i.id + '"]').textContent; })()`); got != "Количество" {
		t.Errorf("the count's label is %q", got)
	}
	if len(s.JoinURLs) > 0 {
		poll("the Join button and its QR code", `!document.getElementById("joinbtn").hidden && document.querySelector("#joinqr svg path") !== null`)
		eval(`document.getElementById("joinbtn").click(); 1`)
		if got := str(`document.getElementById("joinurls").textContent`); !strings.Contains(got, s.JoinURLs[0]) {
			t.Errorf("the page's join addresses: %q", got)
		}
		shot("join-ru-1366")
		eval(`document.getElementById("joinbtn").click(); 1`)
	}

	// A name with a comma and a space, and a Cyrillic name: the text keeps
	// them whole.
	setField("name", "Абрикос, Баткен")
	poll("the chain's new name", chain+`.includes('name = "Абрикос, Баткен"\n')`)
	poll("the tables again", `document.querySelector('#fieldtables input[data-path="actor.0.name"]') !== null`)
	setField("actor.0.name", "Фермеры, юг")
	poll("the farm's new name", chain+`.includes('name = "Фермеры, юг"\n')`)
	// A word in a number's field is refused there, in Russian; the text
	// stays as it was.
	poll("the tables again", `document.querySelector('#fieldtables input[data-path="actor.0.count"]') !== null`)
	before := str(chain)
	setField("actor.0.count", "abc")
	poll("the refusal at the count's field", `document.querySelector('#fieldtables input[data-path="actor.0.count"]').classList.contains("bad")`)
	msg := str(`document.querySelector('#fieldtables input[data-path="actor.0.count"]').parentElement.querySelector(".fieldmsg").textContent`)
	if !strings.Contains(msg, "«abc» — не число; введите только число") { // QA 40: plain words, what to type
		t.Errorf("the count's field says %q", msg)
	}
	if str(chain) != before {
		t.Error("the refused value changed the text")
	}
	eval(`document.querySelector('#fieldtables input[data-path="actor.0.count"]').scrollIntoView({block: "center"}); 1`)
	shot("tables-refused-ru-1366")

	// An actor and a link from the forms: the exporter sells a fifth of
	// its leaf to a new processor.
	eval(`document.getElementById("addforms").open = true; const fa = document.getElementById("f_actor");
		fa.elements.id.value = "processor"; fa.elements.name.value = "Processors"; fa.elements.name_ru.value = "Переработчики, Ош";
		fa.elements.kind.value = "enterprise"; fa.elements.stage.value = "processing"; fa.elements.count.value = "4"; fa.elements.price.value = "900"; fa.elements.unit.value = "kg fermented leaf";
		fa.requestSubmit(); 1`)
	poll("the new actor", chain+`.includes('id = "processor"') && [...document.querySelectorAll("#f_link select[name=to] option")].some(o => o.value === "processor")`)
	exporter := str(`[...document.querySelectorAll("#f_link select[name=from] option")].map(o => o.value).filter(v => v !== "processor").pop()`)
	eval(`const fl = document.getElementById("f_link"); fl.elements.from.value = ` + strconv.Quote(exporter) + `; fl.elements.to.value = "processor";
		fl.elements.share.value = "0.2"; fl.requestSubmit(); 1`)
	poll("the new link", chain+`.includes('to = "processor"')`)
	poll("the chain checked", `document.querySelector("#problems li.good") !== null`)
	eval(`document.getElementById("addforms").scrollIntoView(); 1`)
	shot("add-ru-1366")

	// The baseline with the new actor.
	eval(`document.querySelector('.tab[data-tab="baseline"]').click(); 1`)
	poll("the baseline", `document.querySelectorAll("#headline .card b").length === 4 && !document.getElementById("baseline").classList.contains("stale")`)
	poll("the chain map with the processor", `[...document.querySelectorAll('figure[data-chart="chain_map"] text')].some(e => e.textContent.includes("Переработчики"))`)
	if inc := str(`document.querySelectorAll("#headline .card b")[2].textContent`); inc == "н/д" {
		t.Error("the baseline's mean household income is n/a")
	}
	shot("baseline-ru-1366")

	// A scenario from the builder, compared with uncertainty bands.
	eval(`document.querySelector('.tab[data-tab="scenarios"]').click(); 1`)
	if got := str(`document.getElementById("b_name").value`); got != "Мой сценарий" {
		t.Errorf("the builder's default name is %q", got)
	}
	if got := str(`document.getElementById("b_targets").value`); got != "farm" {
		t.Errorf("the builder's default targets are %q, want the household group", got)
	}
	eval(`document.getElementById("scentext").value = ""; document.getElementById("b_type").value = "cash_transfer";
		document.getElementById("b_amount").value = "20000"; document.getElementById("b_add").click();
		document.getElementById("bands").checked = true; document.getElementById("compare").click(); 1`)
	poll("the comparison", `document.querySelector("#comparison table") !== null && document.getElementById("comparison").textContent.includes("Мой сценарий") && document.getElementById("comparison").textContent.includes("базовый сценарий")`)
	poll("the first bands", `document.querySelector('#scencharts figure[data-chart="scenario_paths_fan"]') !== null`)
	first := str(`document.getElementById("bandsmsg").textContent`)
	poll("the bands of 200 draws", `document.querySelector('#scencharts figure[data-chart="scenario_paths_fan"]').dataset.draws === "200"`)
	t.Logf("bands: %q, then %q", first, str(`document.getElementById("bandsmsg").textContent`))
	if !strings.Contains(str(`document.getElementById("bandsmsg").textContent`), "расчётов 200 из 200") {
		t.Errorf("the bands' count reads %q", str(`document.getElementById("bandsmsg").textContent`))
	}
	if !strings.Contains(str(`document.getElementById("b_type").selectedOptions[0].textContent`), "трансферт") {
		t.Errorf("the intervention list is not in Russian: %q", str(`document.getElementById("b_type").selectedOptions[0].textContent`))
	}
	shot("scenarios-ru-1366")
	// Saving from the Scenarios tab saves the scenarios, under a name
	// ending in -scenarios.toml.
	eval(`document.getElementById("savename").value = "workshop.toml"; document.getElementById("save").click(); 1`)
	poll("the save", `document.getElementById("savemsg").textContent.startsWith("Сохранено.")`)
	saved, err := os.ReadFile(filepath.Join(dir, "workshop-scenarios.toml"))
	if err != nil || !strings.Contains(string(saved), "[[scenario]]") || strings.Contains(string(saved), "[[actor]]") {
		t.Errorf("saved from the Scenarios tab: %v %.200q", err, saved)
	}
	// The comparison CSV, as the zip has it: BOM, semicolons.
	csvText, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => { const r = await fetch("/api/comparison.csv?lang=ru", {method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({chain: document.getElementById("chaintext").value, scenarios: document.getElementById("scentext").value})});
		const b = new Uint8Array(await r.arrayBuffer()); return r.status + " " + (b[0] === 0xEF && b[1] === 0xBB && b[2] === 0xBF ? "BOM " : "") + new TextDecoder().decode(b); })()`, await))
	if err != nil || !strings.HasPrefix(csvText, "200 BOM ") || !strings.Contains(csvText, ";") {
		t.Errorf("the comparison CSV: %v %.120q", err, csvText)
	}

	// Typing in the chain's text marks the figures stale (11).
	eval(`const ct = document.getElementById("chaintext"); ct.value += "\n# a note\n"; ct.dispatchEvent(new Event("input")); 1`)
	if got := str(`String(document.getElementById("scenariosstale").hidden) + " " + String(document.getElementById("baselinestale").hidden)`); got != "false false" {
		t.Errorf("after typing, the stale notes' hidden are %s, want false false", got)
	}
	shot("stale-ru-1366")

	// What if? answers.
	eval(`document.querySelector('.tab[data-tab="whatif"]').click(); const s = document.getElementById("transfer"); s.value = 20000; s.dispatchEvent(new Event("input")); 1`)
	poll("what-if", `document.querySelectorAll("#whatifcards .card").length > 0 && document.getElementById("latency").textContent.includes("мс")`)
	shot("whatif-ru-1366")

	// A phone: 390 px wide, nothing runs off the edge.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, tab := range []string{"chain", "baseline", "scenarios", "whatif"} {
		eval(`document.querySelector('.tab[data-tab="` + tab + `"]').click(); 1`)
		time.Sleep(300 * time.Millisecond)
		if w := str(`String(document.documentElement.scrollWidth)`); w != "390" {
			t.Errorf("%s at 390 px: the page is %s px wide", tab, w)
		}
		shot(tab + "-ru-390")
	}
	// English: the comparison and the charts follow the switch.
	eval(`document.getElementById("en").click(); 1`)
	poll("the comparison in English", `document.getElementById("comparison").textContent.includes("baseline")`)
	eval(`document.querySelector('.tab[data-tab="scenarios"]').click(); 1`)
	shot("scenarios-en-390")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatal(err)
	}
	shot("scenarios-en-1366")
	eval(`document.getElementById("ru").click(); 1`)
	poll("back in Russian", `document.getElementById("comparison").textContent.includes("базовый сценарий")`)

	// A chain whose farm is named with HTML, opened from the workspace.
	poll("the workspace list", `[...document.getElementById("files").options].some(o => o.value === "xss.toml")`)
	eval(`document.getElementById("files").value = "xss.toml"; document.getElementById("open").click(); 1`)
	poll("the chain with HTML in a name", chain+`.includes("onerror") && document.querySelector('#fieldtables input[data-path="actor.0.name"]') !== null`)
	eval(`document.querySelector('.tab[data-tab="baseline"]').click(); 1`)
	poll("its baseline", `document.querySelector("#accounts table") !== null && document.getElementById("accounts").textContent.includes("<img")`)
	time.Sleep(500 * time.Millisecond)
	if got := str(`String(window.__xss)`); got != "undefined" {
		t.Errorf("the name's HTML ran as script: window.__xss = %s", got)
	}
	if n := str(`String(document.querySelectorAll("main img").length)`); n != "0" {
		t.Errorf("the name became %s img elements", n)
	}
	// In presentation mode the charts take the screen's width.
	eval(`document.getElementById("present").click(); 1`)
	poll("the charts", `document.querySelector('#basecharts figure') !== null`)
	shot("present-ru-1366")
	res, _ := http.Get(base + "/api/examples")
	if res != nil {
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
}

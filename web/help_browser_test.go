package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserHelp: in a real headless Chromium, the Help tab in English and
// in Russian shows the facilitator's guide built as elements (an <h2>, a
// <table>, a <strong>, a list) and no Markdown left as text (no "**", no
// "| ---", no line starting "##"), on a laptop and on a phone; in Russian,
// every other topic too, each listed with a Russian title.
// Screenshots at 1366x768 and 390x844 go to $VCSIM_SHOTS (or the test's
// temp folder).
func TestBrowserHelp(t *testing.T) {
	path := chromium()
	if path == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium): the browser test is skipped")
	}
	srv := httptest.NewServer((&Server{Workspace: &Workspace{Dir: t.TempDir()}}).Handler())
	defer srv.Close()
	ctx := browserContext(t, path)
	shots := shotsDir(t)
	shot := func(name string) chromedp.Action[chromedp.Void] { return shotTo(shots, name) }
	eval := func(js string) string { return evalIn(t, ctx, js) }
	poll := func(js string) error { return pollIn(ctx, js, 15*time.Second) }
	// leftover is the Markdown the text of #helptext shows, or "".
	const leftover = `(() => { const h = document.getElementById("helptext");
	  const text = [...h.querySelectorAll("h2,h3,h4,p,li,td,th")].map(e => e.textContent).join("\n");
	  for (const m of ["**", "| ---", "|---", "\n##", "\n# "]) if (("\n" + text).includes(m)) return m;
	  return ""; })()`
	for _, c := range []struct{ lang, title string }{{"en", "The facilitator's guide"}, {"ru", "Руководство ведущего"}} {
		for _, size := range [][2]int64{{1366, 768}, {390, 844}} {
			name := "help-" + c.lang + "-" + map[int64]string{1366: "1366x768", 390: "390x844"}[size[0]]
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]),
				chromedp.Navigate(srv.URL+"/?lang="+c.lang), chromedp.WaitVisible(`.tab[data-tab="help"]`)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.documentElement.lang === "` + c.lang + `" && document.querySelector('.tab[data-tab="help"]').onclick !== null`); err != nil {
				t.Fatalf("%s: the page did not start: %v", name, err)
			}
			eval(`document.querySelector('.tab[data-tab="help"]').click(); ""`)
			if err := poll(`document.querySelector("#helptext h2") !== null && document.getElementById("helptext").textContent.includes("` + c.title + `")`); err != nil {
				t.Fatalf("%s: the guide is not shown as elements: %v", name, err)
			}
			got := eval(`["h2", "h3", "table", "th", "strong", "ul li", "code"].map(s => s + "=" + document.querySelectorAll("#helptext " + s).length).join(" ")`)
			for _, need := range []string{"h2=1", "table=", "strong=", "ul li="} {
				if !strings.Contains(got, need) || strings.Contains(got, need+"0 ") {
					t.Errorf("%s: the guide's elements %s: want %s...", name, got, need)
				}
			}
			if m := eval(leftover); m != "" {
				t.Errorf("%s: the guide shows the Markdown %q as text", name, m)
			}
			if w := eval(`String(document.documentElement.scrollWidth <= window.innerWidth + 1)`); w != "true" {
				t.Errorf("%s: the page is wider than the screen", name)
			}
			if err := chromedp.Do(ctx, shot(name)); err != nil {
				t.Fatal(err)
			}
			eval(`document.querySelector("#helptext table").scrollIntoView({block: "start"}); ""`)
			if err := chromedp.Do(ctx, shot(name+"-table")); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %s", name, got)
		}
	}
	// The page is in Russian from here on.
	// Every topic, chosen in the list, is built without Markdown left.
	topics := strings.Split(eval(`[...document.querySelectorAll("#helptopic option")].map(o => o.value).join(" ")`), " ")
	if len(topics) < 14 {
		t.Fatalf("the list has %d topics: %v", len(topics), topics)
	}
	if english := eval(`[...document.querySelectorAll("#helptopic option")].filter(o => !/[А-Яа-яЁё]/.test(o.textContent)).map(o => o.textContent).join("; ")`); english != "" {
		t.Errorf("topics listed with English titles on the Russian page: %s", english)
	}
	for _, topic := range topics {
		eval(`(() => { const s = document.getElementById("helptopic"); s.value = "` + topic + `"; document.getElementById("helptext").replaceChildren(); s.dispatchEvent(new Event("change")); return ""; })()`)
		if err := poll(`document.querySelector("#helptext h2") !== null`); err != nil {
			t.Fatalf("%s: not shown: %v", topic, err)
		}
		if m := eval(leftover); m != "" {
			t.Errorf("%s: shows the Markdown %q as text", topic, m)
		}
		if topic == "model" || topic == "pam" {
			eval(`window.scrollTo(0, 0); ""`)
			if err := chromedp.Do(ctx, shot("help-ru-390x844-"+topic)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

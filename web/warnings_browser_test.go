package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserWarnings: in a real headless Chromium, days per tonne typed
// into the chain's tables as days per kg (the farm's curing, 0.12 days a
// kg, typed 120) brings the plausibility warning next to that field and
// into the box above the tables and the figures, in English and Russian;
// the warning's text is text, not HTML. Screenshots at 1366x768 and
// 390x844 go to $VCSIM_SHOTS (or the test's temp folder).
func TestBrowserWarnings(t *testing.T) {
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
	const field = `#fieldtables input[data-path="actor.0.task.4.days_per_unit"]`
	for _, tc := range []struct{ lang, near, box string }{
		{"en", "days a year per adult of its households", "Check these numbers"},
		{"ru", "число дней работы в год на взрослого", "Проверьте эти числа"},
	} {
		for _, size := range [][2]int64{{1366, 768}, {390, 844}} {
			name := tc.lang + "-" + map[int64]string{1366: "1366x768", 390: "390x844"}[size[0]]
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]),
				chromedp.Navigate(srv.URL+"/?example=tobacco-kyrgyzstan&lang="+tc.lang), chromedp.WaitVisible(field)); err != nil {
				t.Fatal(err)
			}
			if err := poll(`document.querySelector("#headline .card b") !== null`); err != nil {
				t.Fatalf("%s: no baseline: %v", name, err)
			}
			if box := eval(`document.getElementById("warnings").hidden ? "hidden" : document.getElementById("warnings").textContent`); box != "hidden" {
				t.Errorf("%s: the example shows warnings: %s", name, box)
			}
			eval(`(() => { const i = document.querySelector('` + field + `'); i.value = "120"; i.dispatchEvent(new Event("change")); return ""; })()`)
			if err := poll(`document.querySelector('` + field + `').parentElement.querySelector(".fieldwarn").textContent.length > 0`); err != nil {
				t.Fatalf("%s: no warning next to the field: %v", name, err)
			}
			near := eval(`document.querySelector('` + field + `').parentElement.querySelector(".fieldwarn").textContent`)
			box := eval(`document.getElementById("warnings").hidden ? "hidden" : document.getElementById("warnings").textContent`)
			base := eval(`document.getElementById("basewarnings").textContent`)
			if !strings.Contains(near, tc.near) || !strings.Contains(box, tc.box) || !strings.Contains(box, tc.near) || !strings.Contains(base, tc.near) {
				t.Errorf("%s: next to the field %q; box %q; baseline box %q", name, near, box, base)
			}
			if warned := eval(`String(document.querySelector('` + field + `').classList.contains("warned"))`); warned != "true" {
				t.Errorf("%s: the field is not marked", name)
			}
			eval(`document.querySelector('` + field + `').scrollIntoView({block: "center"}); ""`)
			if err := chromedp.Do(ctx, shot("warning-field-"+name)); err != nil {
				t.Fatal(err)
			}
			eval(`document.getElementById("warnings").scrollIntoView({block: "start"}); ""`)
			if err := chromedp.Do(ctx, shot("warning-box-"+name)); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %s", name, near)
		}
	}
}

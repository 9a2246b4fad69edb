package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/scenarios"
)

// exampleReport writes the report of a built-in example and its scenarios.
func exampleReport(t *testing.T, name string, l lang.Lang) []byte {
	t.Helper()
	c, err := examples.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	sdata, err := examples.Scenarios(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Parse(sdata, name+"-scenarios")
	if err != nil {
		t.Fatal(err)
	}
	html, _ := writeReport(t, c, f, l, name+".toml", name+"-scenarios.toml", true)
	return html
}

// brokenJS lists the words of the tables' cells that the browser breaks
// across two lines anywhere but at a hyphen or a soft hyphen (issue 19
// point 10: "Промежуточн/ое"): the first and the last letter of each
// stretch of a cell's text between spaces, hyphens and soft hyphens must
// lie on one line.
const brokenJS = `(() => { const out = new Set();
	document.querySelectorAll("th, td").forEach(cell => {
		const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT); let n;
		while ((n = walk.nextNode())) {
			const re = /[^\s\u00ad\-–]+/g; let m;
			while ((m = re.exec(n.data))) {
				const tops = i => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return Array.from(r.getClientRects()).map(x => x.top); };
				// the letter after a soft hyphen that breaks the line also has the hyphen's box, on the line before
				if (Math.max(...tops(m.index)) < Math.min(...tops(m.index + m[0].length - 1)) - 2) out.add(m[0]);
			}
		}
	});
	return Array.from(out).join(", "); })()`

// TestTablesFitA4: in both languages and for every example, no table of
// the report is wider than the page's text (the body is 180 mm wide, the
// width of an A4 page less its print margins), so nothing is cut off when
// it is printed, and no word of a table is broken across lines but at a
// hyphen or a soft hyphen (brokenJS). Checked in headless Chromium.
func TestTablesFitA4(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed on CI: .ci/run should install it")
		}
		t.Skip("chromium is not installed")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1200, 900), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	dir := t.TempDir()
	for _, name := range examples.Names() {
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			page := filepath.Join(dir, name+"-"+string(l)+".html")
			if err := os.WriteFile(page, exampleReport(t, name, l), 0o644); err != nil {
				t.Fatal(err)
			}
			js := `(() => { const w = document.body.clientWidth; const out = [];
				document.querySelectorAll("table").forEach((t, i) => { if (t.scrollWidth > w + 1 || t.getBoundingClientRect().width > w + 1)
					out.push((t.closest("section") || {}).id + " table " + i + ": " + Math.round(t.scrollWidth) + " px of " + w); });
				return out.join("; "); })()`
			if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
				t.Fatal(err)
			}
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			if err != nil {
				t.Fatal(err)
			}
			if wide != "" {
				t.Errorf("%s %s: tables wider than the page: %s", name, l, wide)
			}
			broken, err := chromedp.Run(ctx, chromedp.Evaluate[string](brokenJS))
			if err != nil {
				t.Fatal(err)
			}
			if broken != "" {
				t.Errorf("%s %s: words broken across lines without a hyphen in table cells: %s", name, l, broken)
			}
		}
	}
}

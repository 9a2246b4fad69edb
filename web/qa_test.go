package web

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
)

// TestHeadlineIncome (QA 2): /api/simulate gives the baseline's mean
// household income, so the page no longer works it out: on the chain of
// two household groups it is the groups' mean cash incomes weighted by
// their households, as the households table gives them.
func TestHeadlineIncome(t *testing.T) {
	chain, err := os.ReadFile("../scenarios/testdata/two-groups.toml")
	if err != nil {
		t.Fatal(err)
	}
	w := post(t, (&Server{}).Handler(), "/api/simulate", "application/toml", string(chain))
	var a SimulateAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil || w.Code != 200 {
		t.Fatalf("simulate: %d %v", w.Code, err)
	}
	if len(a.Households) != 2 {
		t.Fatalf("%d household groups, want 2", len(a.Households))
	}
	var n, sum float64
	for _, g := range a.Households {
		n += g["households"].(float64)
		sum += g["households"].(float64) * g["mean_cash_income"].(float64)
	}
	if want := sum / n; math.Abs(a.MeanHouseholdIncome-want) > 1e-6*want || a.MeanHouseholdIncome <= 0 {
		t.Errorf("mean household income %v, want %v (the groups' means weighted by households)", a.MeanHouseholdIncome, want)
	}
	// QA 3, 34: the actors' names, an unnamed one by its id.
	for id, want := range map[string]GroupName{"farm": {"farm", "farm"}, "trader": {"trader", "trader"}, "upland": {"Upland farms", "Горные хозяйства"}} {
		if got := a.Names[id]; got != want {
			t.Errorf("the name of %s: %+v, want %+v", id, got, want)
		}
	}
	if a.Summary.Currency == "" || a.Summary.ChildLabourPrevalence <= 0 {
		t.Errorf("the cards' currency %q and share %v", a.Summary.Currency, a.Summary.ChildLabourPrevalence)
	}
}

// TestBandsIntervals (QA 2, 6, 24): every line of /api/bands carries the
// median and 90-percent interval of the page's headline indicators for
// each run; the last line's are those of one Monte Carlo of all the draws
// (uncertainty.Run with the same seed: the parts make up the whole run);
// the baseline has no benefit-cost ratio (it has no cost); each interval
// holds its median.
func TestBandsIntervals(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	body, _ := jsonBody(map[string]any{"chain": chain, "scenarios": scen, "draws": 50})
	w := post(t, (&Server{}).Handler(), "/api/bands", "application/json", body)
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var last BandsStep
	sc := bufio.NewScanner(strings.NewReader(w.Body.String()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if err := json.Unmarshal(sc.Bytes(), &last); err != nil {
			t.Fatal(err)
		}
		if len(last.Intervals) == 0 {
			t.Fatalf("line of %d draws without intervals", last.Draws)
		}
	}
	c, err := load.Chain([]byte(chain), "chain")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Parse([]byte(scen), "scenarios")
	if err != nil {
		t.Fatal(err)
	}
	setup, err := uncertainty.NewSetup(c, f, "chain", "scenarios")
	if err != nil {
		t.Fatal(err)
	}
	mc, err := uncertainty.Run(setup, uncertainty.Options{Draws: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]any]uncertainty.Summary{}
	n := len(uncertainty.Indicators)
	for k, s := range mc.Summaries() {
		want[[2]any{k / n, s.Indicator}] = s
	}
	got := map[string]int{}
	for _, iv := range last.Intervals {
		s := want[[2]any{iv.Run, iv.Indicator}]
		if iv.P05 != s.P05 || iv.P50 != s.P50 || iv.P95 != s.P95 || iv.Draws != s.Draws {
			t.Errorf("run %d %s: %+v, want the whole run's %+v", iv.Run, iv.Indicator, iv, s)
		}
		if !(iv.P05 <= iv.P50 && iv.P50 <= iv.P95) {
			t.Errorf("run %d %s: the median is outside its interval: %+v", iv.Run, iv.Indicator, iv)
		}
		if iv.Run == 0 && iv.Indicator == "benefit_cost_ratio" {
			t.Errorf("the baseline has a benefit-cost ratio: %+v", iv)
		}
		got[iv.Indicator]++
	}
	runs := 1 + len(f.Scenarios)
	for ind := range bandIndicators {
		want := runs
		if ind == "benefit_cost_ratio" || ind == "cost_per_child_year_avoided" {
			want = runs - 1 // not defined for the baseline
		}
		if got[ind] != want {
			t.Errorf("%s: %d runs with an interval, want %d", ind, got[ind], want)
		}
	}
}

// TestSetTypedNumbers (QA 40): a number's field in the chain's tables
// takes a number as people type it: on the Russian page "1,5" (decimal
// comma), "1 000" and "1 000,5" (spaces and no-break spaces between
// thousands, as the page writes numbers); on the English page "1,000.5"
// and "1,5"; a word or a unit is refused in plain words with what to type,
// in the page's language; a text field keeps "1,5" as text, and a yes/no
// field says true or false.
func TestSetTypedNumbers(t *testing.T) {
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	h := (&Server{}).Handler()
	for _, tc := range []struct {
		lang, path, typed string
		line              string // the line the text gets, "" when refused
		refused           string // the start of the message, when refused
	}{
		{"ru", "actor.0.price", "1,5", "price = 1.5 ", ""},
		{"ru", "actor.0.price", "1 000", "price = 1000 ", ""},
		{"ru", "actor.0.price", "1\u00a0000,5", "price = 1000.5 ", ""},
		{"ru", "actor.0.price", "1\u202f234\u00a0567", "price = 1234567 ", ""},
		{"ru", "actor.0.price", "−3", "price = -3 ", ""}, // the page's minus sign; the chain's checks refuse it next
		{"ru", "actor.0.price", "0.25", "price = 0.25 ", ""},
		{"en", "actor.0.price", "1,000.5", "price = 1000.5 ", ""},
		{"en", "actor.0.price", "1,5", "price = 1.5 ", ""},
		{"en", "actor.0.price", "12 500", "price = 12500 ", ""},
		{"en", "actor.0.count", "2,500", "count = 2500\n", ""},
		{"ru", "actor.0.price", "150 сом", "", "«150 сом» — не число; введите только число, без единиц измерения, например 1,5 или 1 000"},
		{"ru", "actor.0.price", "1,5,0", "", "«1,5,0» — не число"},
		{"en", "actor.0.price", "150 som", "", `"150 som" is not a number; type the number alone, without a unit, such as 1.5 or 1,000`},
		{"en", "actor.0.price", "0x10", "", `"0x10" is not a number`},
		{"ru", "actor.0.name", "1,5", "name = \"1,5\"\n", ""},
		{"ru", "economic.remove_taxes", "да", "", "«да» — здесь нужно true (да) или false (нет)"},
	} {
		body, _ := jsonBody(map[string]string{"chain": chain, "path": tc.path, "value": tc.typed})
		req := newRequest("POST", "/api/set", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Vcsim-Lang", tc.lang)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		var ans struct{ Chain, Error string }
		json.Unmarshal(w.Body.Bytes(), &ans)
		name := tc.lang + " " + tc.path + " " + strconv.Quote(tc.typed)
		if tc.refused != "" {
			if w.Code != 400 || !strings.HasPrefix(ans.Error, tc.path+": "+tc.refused) {
				t.Errorf("%s: %d %q, want 400 %q", name, w.Code, ans.Error, tc.refused)
			}
			continue
		}
		if w.Code != 200 || !strings.Contains(ans.Chain, "\n"+tc.line) {
			i := strings.Index(ans.Chain, "\n"+strings.Fields(tc.line)[0]+" = ")
			t.Errorf("%s: %d %s, want a line %q; got %.40q", name, w.Code, ans.Error, tc.line, ans.Chain[max(i, 0):])
		}
	}
}

// TestNoTokenPage (QA 28): a browser that opens a server beyond loopback
// without its key gets a small page saying to open the address with its
// key or scan the QR code, in both languages, the server's or address's
// language first; still 403, and an API call or a non-browser request
// still gets the JSON error.
func TestNoTokenPage(t *testing.T) {
	for _, tc := range []struct {
		lang, url, accept, acceptLang string
		first                         string // "" for the JSON error
	}{
		{"ru", "/?lang=ru", "text/html,application/xhtml+xml", "", "Для этой страницы нужен ключ"},
		{"ru", "/", "text/html", "en-GB", "Для этой страницы нужен ключ"}, // the server's --lang ru
		{"en", "/", "text/html", "ru-RU,ru", "Для этой страницы нужен ключ"},
		{"en", "/", "text/html", "", "This workshop page needs its key"},
		{"ru", "/?lang=en&token=wrong", "text/html", "", "This workshop page needs its key"},
		{"en", "/", "*/*", "", ""},
		{"en", "/api/examples", "text/html", "", ""},
	} {
		h := (&Server{Token: "abc", Lang: tc.lang}).Handler()
		req := newRequest("GET", tc.url, nil)
		req.Header.Set("Accept", tc.accept)
		if tc.acceptLang != "" {
			req.Header.Set("Accept-Language", tc.acceptLang)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		body := w.Body.String()
		name := tc.lang + " " + tc.url + " " + tc.accept + " " + tc.acceptLang
		if w.Code != 403 {
			t.Errorf("%s: %d, want 403", name, w.Code)
		}
		if tc.first == "" {
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
				t.Errorf("%s: %s, want the JSON error", name, w.Header().Get("Content-Type"))
			}
			continue
		}
		en, ru := strings.Index(body, "This workshop page needs its key"), strings.Index(body, "Для этой страницы нужен ключ")
		if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") || en < 0 || ru < 0 || !strings.Contains(body, "QR") || !strings.Contains(body, "?token=") {
			t.Errorf("%s: %s %q", name, w.Header().Get("Content-Type"), body)
		}
		if first := strings.Index(body, tc.first); first != min(en, ru) {
			t.Errorf("%s: %q is not first", name, tc.first)
		}
	}
}

// TestZipDates (QA 14): every file of the page's zip is dated 1980-01-01
// 00:00, a valid MS-DOS date (date field (1980-1980)<<9 | 1<<5 | 1 = 33,
// time 0; a zero time wrote month 0, "1980-00-00" in unzip -l), and two
// exports of the same inputs hold the same files, byte for byte, but the
// two results workbooks (excelize orders [Content_Types].xml by map).
func TestZipDates(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	body, _ := json.Marshal(map[string]any{"chain": chain, "scenarios": scen})
	h := (&Server{}).Handler()
	var zips [2][]byte
	for i := range zips {
		w := post(t, h, "/api/export?lang=ru", "application/json", string(body))
		if w.Code != 200 {
			t.Fatalf("export: %d %.200s", w.Code, w.Body)
		}
		zips[i] = w.Body.Bytes()
	}
	if !bytes.Equal(zips[0], zips[1]) {
		var files [2]map[string][]byte
		for i, z := range zips {
			zr, _ := zip.NewReader(bytes.NewReader(z), int64(len(z)))
			files[i] = map[string][]byte{}
			for _, f := range zr.File {
				rc, _ := f.Open()
				files[i][f.Name], _ = io.ReadAll(rc)
				rc.Close()
			}
		}
		for n, b := range files[0] {
			// The results workbooks are left out: excelize writes the
			// parts of [Content_Types].xml in map order (a known gap).
			if !bytes.Equal(b, files[1][n]) && !strings.HasSuffix(n, ".xlsx") {
				t.Errorf("two exports of the same inputs differ in %s", n)
			}
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(zips[0]), int64(len(zips[0])))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.ModifiedDate != 33 || f.ModifiedTime != 0 || !f.Modified.Equal(zipTime) {
			t.Errorf("%s: DOS date %d time %d (%v), want 33 0 (1980-01-01)", f.Name, f.ModifiedDate, f.ModifiedTime, f.Modified)
		}
	}
}

// TestSaveOverExisting (QA 25): saving under the name of a file that this
// editor never opened (no version) is refused as a taken name, in the
// page's language, and the file stays; a tab that opened an older version
// is still told the file changed elsewhere.
func TestSaveOverExisting(t *testing.T) {
	dir := t.TempDir()
	h := (&Server{Workspace: &Workspace{Dir: dir}}).Handler()
	do := func(l, path, body string) *httptest.ResponseRecorder {
		req := newRequest("PUT", path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/toml")
		req.Header.Set("X-Vcsim-Lang", l)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	if w := do("en", "/api/files/grupa1.toml", "name = 'one'\n"); w.Code != 200 {
		t.Fatalf("new file: %d %s", w.Code, w.Body)
	}
	for l, want := range map[string]string{
		"en": "grupa1.toml: a file with this name already exists in the folder: choose another name, or open that file first (Open) and then save",
		"ru": "grupa1.toml: файл с таким именем уже есть в папке: выберите другое имя или сначала откройте этот файл («Открыть»), а потом сохраните",
	} {
		w := do(l, "/api/files/grupa1.toml?version=", "name = 'two'\n")
		var e errorBody
		json.Unmarshal(w.Body.Bytes(), &e)
		if w.Code != 409 || e.Error != want {
			t.Errorf("%s: %d %q, want 409 %q", l, w.Code, e.Error, want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "grupa1.toml")); string(b) != "name = 'one'\n" {
		t.Errorf("the file was overwritten: %q", b)
	}
	if w := do("en", "/api/files/grupa1.toml?version=0123", "name = 'three'\n"); w.Code != 409 || !strings.Contains(w.Body.String(), "changed elsewhere") {
		t.Errorf("an older version: %d %s", w.Code, w.Body)
	}
}

// TestRussianPercentSpace (QA 24): a Russian message writes a number's
// percent sign after a no-break space, as lang.Percent does ("83,9 %"):
// the band charts' titles were "50% и 90%" and "90% интервал" (now
// "полосы 50 % и 90 %" and "интервал 90 %", short enough for the chart's
// width at 1366 px).
func TestRussianPercentSpace(t *testing.T) {
	tight := regexp.MustCompile(`[0-9]%`)
	for k, v := range lang.All(lang.RU) {
		if s := fmt.Sprint(v); tight.MatchString(strings.ReplaceAll(s, "%%", "%")) {
			t.Errorf("%s: %q has a percent sign right after a digit", k, s)
		}
	}
	if got := lang.RU.T("fan.title", 200); got != "Детский труд по годам: медиана, полосы 50\u00a0% и 90\u00a0% (200 расч.)" {
		t.Errorf("fan.title: %q", got)
	}
	if got := lang.RU.T("interval.title", 200); got != "Детский труд, последний год: медиана и интервал 90\u00a0% (200 расч.)" {
		t.Errorf("interval.title: %q", got)
	}
}

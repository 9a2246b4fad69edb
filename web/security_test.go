package web

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestSecurity is the table of issue 20's probes (points 4-9): each
// request, as a hostile web page, a careless client or a crafted file
// would send it, and the status the server must answer.
func TestSecurity(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	lan := &net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 8080}
	type req struct {
		name, method, path, body string
		header                   map[string]string
		local                    net.Addr // the address the request came in on
		server                   *Server
		want                     int
		wantBody                 string // a part of the answer, when not ""
	}
	plain := &Server{}
	tokened := &Server{Token: "s3cret"}
	toml := map[string]string{"Content-Type": "application/toml"}
	with := func(m map[string]string, k, v string) map[string]string {
		out := map[string]string{k: v}
		for a, b := range m {
			out[a] = b
		}
		return out
	}
	cmp, _ := jsonBody(map[string]any{"chain": chain, "scenarios": scen})
	deepKey := strings.Repeat("a.", 20000) + "b = 1\n"
	huge := strings.Replace(chain, "count = 2500", "count = 1e8", 1)
	cases := []req{
		// 4. DNS rebinding: only this server's names.
		{name: "Host of another domain", method: "GET", path: "/api/examples", header: map[string]string{"Host": "evil.example:8080"}, want: 421},
		{name: "Host localhost", method: "GET", path: "/api/examples", header: map[string]string{"Host": "localhost:8080"}, want: 200},
		{name: "Host ::1", method: "GET", path: "/api/examples", header: map[string]string{"Host": "[::1]:8080"}, want: 200},
		{name: "Host 127.0.0.1", method: "GET", path: "/api/examples", want: 200},
		{name: "Host the LAN address listened on", method: "GET", path: "/api/examples", header: map[string]string{"Host": "192.168.1.5:8080"}, local: lan, want: 200},
		{name: "Host another LAN address", method: "GET", path: "/api/examples", header: map[string]string{"Host": "192.168.1.6:8080"}, local: lan, want: 421},
		{name: "Host a name given with Hosts", method: "GET", path: "/api/examples", header: map[string]string{"Host": "laptop.local:8080"}, server: &Server{Hosts: []string{"laptop.local"}}, want: 200},
		// 5. Cross-origin requests and the content types a form can send.
		{name: "foreign Origin", method: "POST", path: "/api/validate", body: chain, header: with(toml, "Origin", "http://evil.example"), want: 403},
		{name: "Origin null", method: "POST", path: "/api/validate", body: chain, header: with(toml, "Origin", "null"), want: 403},
		{name: "same Origin", method: "POST", path: "/api/validate", body: chain, header: with(toml, "Origin", "http://127.0.0.1:8080"), want: 200},
		{name: "cross-site fetch", method: "GET", path: "/api/files", header: map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}, want: 403},
		{name: "same-site other port", method: "GET", path: "/api/examples", header: map[string]string{"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors"}, want: 403},
		{name: "a link followed to the page", method: "GET", path: "/", header: map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, want: 200},
		{name: "text/plain", method: "POST", path: "/api/simulate", body: chain, header: map[string]string{"Content-Type": "text/plain"}, want: 415},
		{name: "form", method: "POST", path: "/api/validate", body: "a=b", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, want: 415},
		{name: "multipart", method: "POST", path: "/api/validate", body: "x", header: map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, want: 415},
		{name: "no content type", method: "POST", path: "/api/validate", body: chain, want: 415},
		{name: "JSON with charset", method: "POST", path: "/api/compare", body: cmp, header: map[string]string{"Content-Type": "application/json; charset=utf-8"}, want: 200},
		// 7. Costly requests.
		{name: "20,000-part key (validate)", method: "POST", path: "/api/validate", body: deepKey, header: toml, want: 400, wantBody: "more than 16 parts"},
		{name: "20,000-part key (fields)", method: "POST", path: "/api/fields", body: deepKey, header: toml, want: 400, wantBody: "more than 16 parts"},
		{name: "1e8 households", method: "POST", path: "/api/simulate", body: huge, header: toml, want: 400, wantBody: "at most 1,000,000"},
		{name: "1e8 households in Russian", method: "POST", path: "/api/simulate", body: huge, header: with(toml, "X-Vcsim-Lang", "ru"), want: 400, wantBody: "не больше 1\u00a0000\u00a0000"},
		// 9. The token, from the header, the address or the cookie.
		{name: "no token", method: "GET", path: "/app.js", server: tokened, want: 403},
		{name: "wrong token", method: "GET", path: "/?token=s3creT", server: tokened, want: 403},
		{name: "token in the address", method: "GET", path: "/?token=s3cret", server: tokened, want: 200},
		{name: "token in the cookie (the page's script)", method: "GET", path: "/app.js", header: map[string]string{"Cookie": "vcsim_token=s3cret"}, server: tokened, want: 200},
		{name: "token in the header", method: "GET", path: "/api/examples", header: map[string]string{"X-Vcsim-Token": "s3cret"}, server: tokened, want: 200},
	}
	for _, tc := range cases {
		s := tc.server
		if s == nil {
			s = plain
		}
		r := newRequest(tc.method, tc.path, strings.NewReader(tc.body))
		for k, v := range tc.header {
			if k == "Host" {
				r.Host = v
			} else {
				r.Header.Set(k, v)
			}
		}
		if tc.local != nil {
			r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, tc.local))
		}
		w := httptest.NewRecorder()
		start := time.Now()
		s.Handler().ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("%s: %d, want %d: %.200s", tc.name, w.Code, tc.want, w.Body)
		}
		if tc.wantBody != "" && !strings.Contains(w.Body.String(), tc.wantBody) {
			t.Errorf("%s: the answer does not say %q: %.300s", tc.name, tc.wantBody, w.Body)
		}
		if d := time.Since(start); strings.Contains(tc.name, "part key") && d > time.Second {
			t.Errorf("%s took %v", tc.name, d)
		}
		// 6. Every answer carries the security headers.
		h := w.Header()
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") ||
			regexp.MustCompile(`script-src[^;]*unsafe-inline`).MatchString(csp) || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", tc.name, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", tc.name, h)
		}
		if tc.name == "token in the address" && !strings.Contains(h.Get("Set-Cookie"), "vcsim_token=s3cret") || strings.Contains(h.Get("Set-Cookie"), "SameSite=Strict") != (tc.name == "token in the address") {
			t.Errorf("%s: Set-Cookie %q", tc.name, h.Get("Set-Cookie"))
		}
	}
}

func jsonBody(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// TestBusy: with every computing slot taken, a request waits HeavyWait and
// gets 503 with Retry-After; the answer is in the page's language.
func TestBusy(t *testing.T) {
	s := &Server{MaxHeavy: 1, HeavyWait: 50 * time.Millisecond}
	h := s.Handler()
	s.slots() <- struct{}{} // a long computation holds the only slot
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	r := newRequest("POST", "/api/validate", strings.NewReader(chain))
	r.Header.Set("Content-Type", "application/toml")
	r.Header.Set("X-Vcsim-Lang", "ru")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 503 || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "сервер занят") {
		t.Errorf("busy: %d %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	s.release()
	w = httptest.NewRecorder()
	r = newRequest("POST", "/api/validate", strings.NewReader(chain))
	r.Header.Set("Content-Type", "application/toml")
	h.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Errorf("after the slot was freed: %d %s", w.Code, w.Body)
	}
	// GETs of the page and its files never wait for a slot.
	s.slots() <- struct{}{}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, newRequest("GET", "/app.js", nil))
	if w.Code != 200 {
		t.Errorf("the script while busy: %d", w.Code)
	}
}

// TestTimeouts: the server a room uses has read, write and idle timeouts.
func TestTimeouts(t *testing.T) {
	srv := (&Server{}).HTTPServer()
	if srv.ReadTimeout <= 0 || srv.ReadHeaderTimeout <= 0 || srv.IdleTimeout <= 0 || srv.WriteTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("timeouts: %+v", srv)
	}
}

// TestNoHTMLFromData: the page's script never puts text into the page as
// HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write) and has
// no inline script or handler in its HTML, so a name in a chain file is
// shown as text whatever it holds (the browser test checks it live).
func TestNoHTMLFromData(t *testing.T) {
	js, err := assets.ReadFile("assets/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
		if strings.Contains(string(js), bad) {
			t.Errorf("app.js uses %s", bad)
		}
	}
	html, _ := assets.ReadFile("assets/index.html")
	if regexp.MustCompile(`(?i)<script>|\son[a-z]+=`).Match(html) {
		t.Error("index.html has inline script or an event handler attribute")
	}
}

// TestXSSInCharts: HTML in every user string of a chain (its name, actor
// names and ids' Russian names, scenario names) comes out of the charts
// escaped: no element of it in the SVG.
func TestXSSInCharts(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	payload := `<img src=x onerror=alert(1)><script>alert(2)</script>`
	chain = regexp.MustCompile(`(?m)^name = "[^"]*"`).ReplaceAllString(chain, `name = "`+strings.ReplaceAll(payload, `"`, `\"`)+`"`)
	chain = regexp.MustCompile(`(?m)^name_ru = "[^"]*"`).ReplaceAllString(chain, `name_ru = "`+payload+`"`)
	scen = regexp.MustCompile(`(?m)^name = "[^"]*"`).ReplaceAllStringFunc(scen, func(string) string {
		return `name = "` + payload + `"`
	})
	// Scenario names must differ: number them.
	n := 0
	scen = regexp.MustCompile(`alert\(2\)</script>"`).ReplaceAllStringFunc(scen, func(m string) string { n++; return strings.Replace(m, "2", string(rune('a'+n)), 1) })
	h := (&Server{}).Handler()
	body, _ := jsonBody(map[string]any{"chain": chain, "scenarios": scen})
	for _, l := range []string{"en", "ru"} {
		w := post(t, h, "/api/charts?lang="+l, "application/json", body)
		if w.Code != 200 {
			t.Fatalf("charts: %d %.300s", w.Code, w.Body)
		}
		var cs []Chart
		json.Unmarshal(w.Body.Bytes(), &cs)
		seen := false
		for _, c := range cs {
			if strings.Contains(c.SVG, "<img") || strings.Contains(c.SVG, "<script") {
				t.Errorf("%s %s: the payload is markup in the SVG", l, c.Name)
			}
			seen = seen || strings.Contains(c.SVG, "&lt;img") || strings.Contains(c.SVG, "&lt;script")
		}
		if !seen {
			t.Errorf("%s: no chart shows the payload as text", l)
		}
	}
}

// TestWorkspaceSafety: the workspace lists and opens regular files inside
// its folder only, refuses Windows' reserved names and long names with a
// clear 400 that does not show the folder's path, keeps a file's mode on
// save, refuses a TOML text that does not parse, and cleans the temporary
// files of interrupted saves.
func TestWorkspaceSafety(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.toml"), []byte("x = 1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "ok.toml"), []byte("x = 1\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "other.toml"), []byte("y = 2\n"), 0o644)
	links := map[string]string{"out.toml": filepath.Join(outside, "secret.toml"), "zero.toml": "/dev/zero", "in.toml": "other.toml", "up.toml": "../" + filepath.Base(outside) + "/secret.toml"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	os.Mkdir(filepath.Join(dir, "folder.toml"), 0o755)
	mkfifo(t, filepath.Join(dir, "pipe.toml"))
	old := filepath.Join(dir, ".ok.toml"+tmpMark+"123")
	os.WriteFile(old, []byte("half"), 0o644)
	os.Chtimes(old, time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	fresh := filepath.Join(dir, ".ok.toml"+tmpMark+"456")
	os.WriteFile(fresh, []byte("being written"), 0o644)

	ws := &Workspace{Dir: dir}
	if n := ws.Clean(); n != 1 {
		t.Errorf("Clean removed %d files, want 1 (the hour-old one)", n)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a save in progress lost its temporary file")
	}

	h := (&Server{Workspace: ws}).Handler()
	do := func(method, path, body string) *httptest.ResponseRecorder {
		r := newRequest(method, path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/toml")
		w := httptest.NewRecorder()
		done := make(chan bool)
		go func() { h.ServeHTTP(w, r); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s %s hangs", method, path)
		}
		return w
	}
	var list []FileInfo
	w := do("GET", "/api/files", "")
	json.Unmarshal(w.Body.Bytes(), &list)
	var names []string
	for _, f := range list {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "in.toml ok.toml other.toml" {
		t.Errorf("listed %v, want the regular files and the link inside the folder", names)
	}
	for _, tc := range []struct {
		method, name, body string
		want               int
	}{
		{"GET", "out.toml", "", 403},
		{"GET", "up.toml", "", 403},
		{"GET", "zero.toml", "", 403},
		{"GET", "pipe.toml", "", 403},
		{"GET", "folder.toml", "", 403},
		{"GET", "in.toml", "", 200},
		{"PUT", "out.toml?version=x", "x = 2\n", 403},
		{"PUT", "pipe.toml", "x = 2\n", 403},
		{"PUT", "CON.toml", "x = 2\n", 400},
		{"PUT", "con.toml", "x = 2\n", 400},
		{"PUT", "Lpt1.csv", "a,b\n", 400},
		{"PUT", "nul.scenarios-scenarios.toml", "x = 2\n", 400},
		{"PUT", "a%3Ab.toml", "x = 2\n", 400},
		{"PUT", "a%3Fb.toml", "x = 2\n", 400},
		{"PUT", "trailing.toml.", "x = 2\n", 400},
		{"PUT", strings.Repeat("a", 250) + ".toml", "x = 2\n", 400},
		{"PUT", "broken.toml", "name = \"Фермеры\" households\"\n", 400},
	} {
		w := do(tc.method, "/api/files/"+tc.name, tc.body)
		if w.Code != tc.want {
			t.Errorf("%s %.40s: %d, want %d: %s", tc.method, tc.name, w.Code, tc.want, w.Body)
		}
		if strings.Contains(w.Body.String(), dir) || strings.Contains(w.Body.String(), outside) {
			t.Errorf("%s %.40s: the answer shows a path: %s", tc.method, tc.name, w.Body)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "broken.toml")); err == nil {
		t.Error("a text that does not parse was saved")
	}
	// The mode of a saved file is kept.
	var f struct{ Version string }
	json.Unmarshal(do("GET", "/api/files/ok.toml", "").Body.Bytes(), &f)
	if w := do("PUT", "/api/files/ok.toml?version="+f.Version, "x = 3\n"); w.Code != 200 {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	if st, _ := os.Stat(filepath.Join(dir, "ok.toml")); st.Mode().Perm() != 0o600 {
		t.Errorf("ok.toml is %v after the save, was 0600", st.Mode().Perm())
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "secret.toml")); string(data) != "x = 1\n" {
		t.Errorf("the file outside the folder was changed: %q", data)
	}
}

// TestSuperseded: a What if? request waiting for a computing slot is
// answered 409 as soon as the same client sends a newer one; another
// client's request is not touched.
func TestSuperseded(t *testing.T) {
	s := &Server{MaxHeavy: 1, HeavyWait: 10 * time.Second}
	h := s.Handler()
	s.slots() <- struct{}{} // the only slot is taken
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	body, _ := jsonBody(map[string]any{"chain": chain, "levers": map[string]float64{"transfer": 1000, "coverage": 0.5}})
	send := func(client string) chan int {
		done := make(chan int, 1)
		go func() {
			r := newRequest("POST", "/api/whatif", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("X-Vcsim-Client", client)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			done <- w.Code
		}()
		return done
	}
	first, other := send("a"), send("b")
	time.Sleep(100 * time.Millisecond)
	second := send("a")
	select {
	case code := <-first:
		if code != 409 {
			t.Errorf("the superseded request: %d, want 409", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the superseded request still waits")
	}
	s.release() // the slot frees: the newer request and the other client's run
	for name, ch := range map[string]chan int{"the newer request": second, "the other client's": other} {
		select {
		case code := <-ch:
			if code != 200 {
				t.Errorf("%s: %d", name, code)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s did not finish", name)
		}
	}
}

package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"
)

// The page's security headers: no script but the page's own file (no
// inline script, no eval), nothing loaded from elsewhere, no framing, no
// referrer, no content sniffing. Inline style attributes stay allowed:
// the charts are SVG with style attributes, and styles run no code.
const csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// tokenCookie carries the token of a server beyond loopback once the page
// was opened with ?token=: the page's script and styles load with it.
const tokenCookie = "vcsim_token"

// heavyWait is how long a computing request waits for a free slot before
// it is answered 503 with Retry-After (Server.HeavyWait overrides it).
const heavyWait = 20 * time.Second

// HTTPServer returns an http.Server for s with the timeouts a room needs:
// a client has 30 s to send its request (10 s for the headers), an idle
// connection is closed after 2 minutes, an answer may take 2 minutes (the
// longest computation is bounded by Timeout, 60 s), headers are at most
// 64 KiB.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
}

func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// hostAllowed reports whether the request's Host names this server: a
// loopback name or address, the address the request came in on, or one of
// s.Hosts. Any other name is refused, so that a web page on a domain that
// resolves to this computer (DNS rebinding) cannot reach the API.
func (s *Server) hostAllowed(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" {
		return true
	}
	for _, h := range s.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if ta, ok := a.(*net.TCPAddr); ok && ta.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// sameOrigin reports whether the request comes from the page itself: an
// Origin, when there is one, names this server as the request does, and
// the browser does not call the request cross-site (a top-level
// navigation, a link followed to the page, is allowed).
func sameOrigin(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		if err != nil || u.Scheme != scheme || !strings.EqualFold(u.Host, r.Host) {
			return false
		}
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return r.Header.Get("Sec-Fetch-Mode") == "navigate" && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}

// tokenOK checks the token, in constant time, from the X-Vcsim-Token
// header, the ?token= parameter or the cookie; fromQuery tells that the
// parameter carried it (the answer then sets the cookie).
func (s *Server) tokenOK(r *http.Request) (ok, fromQuery bool) {
	if s.Token == "" {
		return true, false
	}
	eq := func(x string) bool { return subtle.ConstantTimeCompare([]byte(x), []byte(s.Token)) == 1 }
	if eq(r.Header.Get("X-Vcsim-Token")) {
		return true, false
	}
	if eq(r.URL.Query().Get("token")) {
		return true, true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && eq(c.Value) {
		return true, false
	}
	return false, false
}

// contentTypeOK reports whether a POST or PUT says its body is JSON or
// TOML: types a plain HTML form or a "simple" cross-origin request cannot
// send, so another site cannot post to the API without a CORS preflight
// (which this server never grants).
func contentTypeOK(r *http.Request) bool {
	if r.Method != http.MethodPost && r.Method != http.MethodPut {
		return true
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && (mt == "application/json" || mt == "application/toml")
}

// heavy reports whether a request computes (parses a chain and runs the
// model): every POST of the API.
func heavy(r *http.Request) bool {
	return r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/")
}

// slots returns the server's semaphore of computing requests, made on
// first use with s.MaxHeavy slots (0: two per processor, at most 4).
func (s *Server) slots() chan struct{} {
	s.once.Do(func() {
		n := s.MaxHeavy
		if n <= 0 {
			n = min(2*runtime.GOMAXPROCS(0), 4)
		}
		s.sem = make(chan struct{}, n)
	})
	return s.sem
}

// acquire takes a computing slot, waiting at most heavyWait (or until the
// request ends); false means the server is busy.
func (s *Server) acquire(r *http.Request) bool {
	sem := s.slots()
	select {
	case sem <- struct{}{}:
		return true
	default:
	}
	wait := s.HeavyWait
	if wait <= 0 {
		wait = heavyWait
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case sem <- struct{}{}:
		return true
	case <-t.C:
	case <-r.Context().Done():
	}
	return false
}

func (s *Server) release() { <-s.slots() }

// errSuperseded answers a What if? request its client has replaced with a
// newer one.
var errSuperseded = errors.New("superseded by a newer request of the same client")

// clients are the What if? requests in progress, one a client.
type clients struct {
	mu sync.Mutex
	m  map[string]*inProgress
}

// inProgress is a client's request in progress.
type inProgress struct{ cancel context.CancelCauseFunc }

// start records a request of client id, cancelling the one before.
func (c *clients) start(id string, cancel context.CancelCauseFunc) *inProgress {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*inProgress{}
	}
	if old, ok := c.m[id]; ok {
		old.cancel(errSuperseded)
	}
	p := &inProgress{cancel}
	c.m[id] = p
	return p
}

// end forgets request p of client id, unless a newer one replaced it.
func (c *clients) end(id string, p *inProgress) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m[id] == p {
		delete(c.m, id)
	}
	p.cancel(nil)
}

// errBusy is the answer when every computing slot stays taken.
var errBusy = errors.New("the server is busy with other requests: try again in a few seconds")

// refuse writes a refusal in the request's language.
func refuse(w http.ResponseWriter, r *http.Request, status int, en, ru string) {
	msg := en
	if pageLang(r) == "ru" {
		msg = ru
	}
	writeError(w, status, errors.New(msg))
}

// guard checks Host, Origin, token and content type, limits bodies and
// concurrent computations, sets the security headers and turns a panic
// into 500.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				s.logf("panic on %s %s: %v", r.Method, r.URL.Path, p)
				writeError(w, http.StatusInternalServerError, fmt.Errorf("internal error (it is logged): %v", p))
			}
		}()
		securityHeaders(w.Header())
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Cache-Control", "no-store")
		}
		if !s.hostAllowed(r) {
			refuse(w, r, http.StatusMisdirectedRequest, "this server answers only to its own addresses (Host "+r.Host+" is not one)",
				"этот сервер отвечает только по своим адресам (Host "+r.Host+" не из них)")
			return
		}
		if !sameOrigin(r) {
			refuse(w, r, http.StatusForbidden, "requests from other web sites are refused", "запросы с других сайтов не принимаются")
			return
		}
		ok, fromQuery := s.tokenOK(r)
		if !ok && r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") && strings.Contains(r.Header.Get("Accept"), "text/html") {
			// A participant who typed the address without its key gets a
			// page that says what to do, not the API's JSON.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusForbidden)
			q := r.URL.Query().Get("lang")
			io.WriteString(w, noTokenPage(q == "ru" || q == "" && (s.Lang == "ru" || strings.HasPrefix(r.Header.Get("Accept-Language"), "ru"))))
			return
		}
		if !ok {
			refuse(w, r, http.StatusForbidden, "this server needs its token: open the address it printed, with its ?token= part",
				"этому серверу нужен его ключ: откройте адрес, который он напечатал, вместе с частью ?token=")
			return
		}
		if fromQuery {
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		}
		if !contentTypeOK(r) {
			refuse(w, r, http.StatusUnsupportedMediaType, "the body must be sent as application/json or application/toml",
				"тело запроса должно быть типа application/json или application/toml")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		// A What if? request from a client (X-Vcsim-Client: the page's
		// id) supersedes the client's request still waiting or computing:
		// that one stops and gets 409; only the latest slider position
		// costs the server.
		if id := r.Header.Get("X-Vcsim-Client"); id != "" && r.URL.Path == "/api/whatif" && len(id) <= 64 {
			ctx, cancel := context.WithCancelCause(r.Context())
			p := s.clients.start(id, cancel)
			defer s.clients.end(id, p)
			r = r.WithContext(ctx)
		}
		if heavy(r) {
			if !s.acquire(r) {
				if errors.Is(context.Cause(r.Context()), errSuperseded) {
					writeError(w, http.StatusConflict, errSuperseded)
					return
				}
				w.Header().Set("Retry-After", "5")
				refuse(w, r, http.StatusServiceUnavailable, errBusy.Error(), "сервер занят другими запросами: повторите через несколько секунд")
				return
			}
			defer s.release()
		}
		// Errors are written in the page's language.
		next.ServeHTTP(&langWriter{ResponseWriter: w, lang: pageLang(r)}, r)
	})
}

// noTokenPage is the page a browser gets from a server beyond loopback
// when its address lacks the key: in both languages, the page's first.
func noTokenPage(ruFirst bool) string {
	en := `<section lang="en"><h1>This workshop page needs its key</h1>
<p>Open the whole address that the facilitator's computer shows, with its <code>?token=…</code> part, or scan the QR code on its screen (the page's <b>Join (QR code)</b> button).</p></section>`
	ru := `<section lang="ru"><h1>Для этой страницы нужен ключ</h1>
<p>Откройте полный адрес, который показывает компьютер ведущего, вместе с частью <code>?token=…</code>, или отсканируйте QR-код на его экране (кнопка страницы <b>Подключиться (QR-код)</b>).</p></section>`
	first, second, l := en, ru, "en"
	if ruFirst {
		first, second, l = ru, en, "ru"
	}
	return `<!DOCTYPE html>
<html lang="` + l + `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>vcsim</title></head>
<body>
` + first + "\n<hr>\n" + second + `
</body></html>
`
}

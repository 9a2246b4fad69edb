package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestDocRoute: the page gets the built-in docs as Markdown in its
// language (every topic has a Russian version), 404 for no
// topic; /blocks gives the topic read into blocks (the guide's bold steps
// as one bold span, its Markdown markers gone).
func TestDocRoute(t *testing.T) {
	h := (&Server{}).Handler()
	for _, c := range []struct {
		url, lang, has string
		status         int
	}{
		{"/api/docs/facilitator?lang=ru", "ru", "Руководство ведущего", 200},
		{"/api/docs/facilitator?lang=en", "en", "The facilitator's guide", 200},
		{"/api/docs/performance?lang=ru", "ru", "# Производительность", 200},
		{"/api/docs/performance?lang=en", "en", "# Performance", 200},
		{"/api/docs/nosuch", "", "", 404},
		{"/api/docs/facilitator/blocks?lang=ru", "ru", `"t": "1. выбор сектора, 2. картирование цепочки, 3. анализ, 4. план действий",
    "b": true`, 200},
		{"/api/docs/nosuch/blocks", "", "", 404},
		{"/api/docs?lang=ru", "", `"title": "Файл цепочки, ключ за ключом"`, 200},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, newRequest(http.MethodGet, c.url, nil))
		if rec.Code != c.status || rec.Header().Get("Content-Language") != c.lang || !strings.Contains(rec.Body.String(), c.has) {
			t.Errorf("GET %s: %d, language %q, body starting %.80q", c.url, rec.Code, rec.Header().Get("Content-Language"), rec.Body.String())
		}
	}
}

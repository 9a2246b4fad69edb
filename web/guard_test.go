package web

import (
	"io"
	"net/http"
	"net/http/httptest"
)

// newRequest is httptest.NewRequest addressed to this server on loopback
// (httptest's own Host, example.com, is refused as DNS rebinding would
// be).
func newRequest(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	return r
}

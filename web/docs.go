package web

import (
	"net/http"

	"github.com/ilo-rma/vcsim/docs"
	"github.com/ilo-rma/vcsim/lang"
)

// docTopic is a topic of the built-in documentation in the list
// GET /api/docs returns.
type docTopic struct {
	Topic   string `json:"topic"`
	Title   string `json:"title"`
	Russian bool   `json:"russian"`
}

// docList answers GET /api/docs: the topics, with their titles in the
// page's language.
func (s *Server) docList(w http.ResponseWriter, r *http.Request) {
	l := lang.EN
	if pageLang(r) == lang.RU {
		l = "ru"
	}
	var list []docTopic
	for _, t := range docs.Topics() {
		list = append(list, docTopic{Topic: t, Title: docs.Title(t, l), Russian: docs.HasRussian(t)})
	}
	writeJSON(w, http.StatusOK, list)
}

// doc answers GET /api/docs/{topic}: the topic's Markdown in the page's
// language (English where it has no Russian version; Content-Language
// says which), as text/markdown.
func (s *Server) doc(w http.ResponseWriter, r *http.Request) {
	l := lang.EN
	if pageLang(r) == lang.RU {
		l = "ru"
	}
	b, got, err := docs.Get(r.PathValue("topic"), l)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	w.Header().Set("Content-Language", got)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(b)
}

// docBlocks answers GET /api/docs/{topic}/blocks: the topic in the page's
// language read into blocks (docs.Blocks), which the Help tab builds as
// elements with text only; Content-Language says the language.
func (s *Server) docBlocks(w http.ResponseWriter, r *http.Request) {
	l := lang.EN
	if pageLang(r) == lang.RU {
		l = "ru"
	}
	b, got, err := docs.Get(r.PathValue("topic"), l)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Language", got)
	writeJSON(w, http.StatusOK, docs.Blocks(b))
}

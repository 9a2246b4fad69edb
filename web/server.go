// Package web serves vcsim's workshop page and its JSON API from the one
// binary: the page, its script, styles and charts are embedded, so it
// works with no internet. The API (docs/api.md) is what the page uses,
// and R or Python can call it too.
package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"math"
	"mime"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/plausible"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

//go:embed assets
var assets embed.FS

// MaxBody is the largest request body the API reads (bytes); a larger one
// gets status 413.
const MaxBody = 4 << 20

// Server is the workshop server.
type Server struct {
	// Token, when not empty, must come with every request (the page
	// carries it): a server listening beyond loopback requires it.
	Token string
	// Lang is the page's first language ("en" or "ru").
	Lang string
	// Log receives one line per error.
	Log *log.Logger
	// Timeout bounds a computation (0: 60 s).
	Timeout time.Duration
	// Workspace, when not nil, is the folder of the workshop's files.
	Workspace *Workspace
	// Hosts are names the server answers to besides loopback names and
	// addresses and the address a request came in on (a Host header
	// naming anything else is refused).
	Hosts []string
	// JoinURLs are the addresses a room's phones open (wifi mode), shown
	// on the page with a QR code; empty on loopback.
	JoinURLs []string
	// MaxHeavy caps the computing requests served at once (0: two per
	// processor, at most 4, which keeps memory under 1 GiB); the others
	// wait up to 20 s, then get 503.
	MaxHeavy int
	// HeavyWait is how long a computing request waits for a slot (0: 20 s).
	HeavyWait time.Duration

	once    sync.Once
	sem     chan struct{}
	cache   baselines // What if?'s baselines, by chain text
	answers answers   // What if?'s answers, by chain text and levers
	clients clients   // What if?'s requests in progress, by client
}

// NewToken returns a random token for a server that listens beyond
// loopback.
func NewToken() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Loopback reports whether an address listens on loopback only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "assets")
	mux.Handle("GET /", http.FileServer(http.FS(static)))
	mux.HandleFunc("GET /api/examples", s.examples)
	mux.HandleFunc("GET /api/examples/{name}", s.example)
	mux.HandleFunc("GET /api/guide", s.guide)
	mux.HandleFunc("GET /api/docs", s.docList)
	mux.HandleFunc("GET /api/docs/{topic}", s.doc)
	mux.HandleFunc("GET /api/docs/{topic}/blocks", s.docBlocks)
	mux.HandleFunc("POST /api/validate", s.validate)
	mux.HandleFunc("POST /api/import", s.importFile)
	mux.HandleFunc("POST /api/simulate", s.simulate)
	mux.HandleFunc("POST /api/compare", s.compare)
	mux.HandleFunc("POST /api/whatif", s.whatif)
	mux.HandleFunc("GET /api/files", s.files)
	mux.HandleFunc("GET /api/files/{name}", s.openFile)
	mux.HandleFunc("PUT /api/files/{name}", s.saveFile)
	mux.HandleFunc("GET /api/messages", s.messages)
	mux.HandleFunc("POST /api/charts", s.charts)
	mux.HandleFunc("POST /api/report", s.report)
	mux.HandleFunc("POST /api/export", s.export)
	mux.HandleFunc("POST /api/fields", s.fields)
	mux.HandleFunc("POST /api/set", s.set)
	mux.HandleFunc("POST /api/table", s.table)
	mux.HandleFunc("GET /api/join", s.join)
	mux.HandleFunc("GET /api/config", s.config)
	mux.HandleFunc("POST /api/comparison.csv", s.comparisonCSV)
	mux.HandleFunc("POST /api/bands", s.bands)
	return s.guard(mux)
}

func (s *Server) logf(format string, args ...any) {
	if s.Log != nil {
		s.Log.Printf(format, args...)
	}
}

// errorBody is the JSON of an error.
type errorBody struct {
	Error    string   `json:"error"`
	Problems []string `json:"problems,omitempty"`
}

// langWriter carries the language errors are written in.
type langWriter struct {
	http.ResponseWriter
	lang lang.Lang
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *langWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func writeError(w http.ResponseWriter, status int, err error) {
	text := err.Error()
	if lw, ok := w.(*langWriter); ok && lw.lang == "ru" {
		text = valuechain.ErrorIn(err, "ru")
	}
	b := errorBody{Error: text}
	if lines := strings.Split(text, "\n"); len(lines) > 1 {
		b.Error, b.Problems = fmt.Sprintf("%d problems", len(lines)), lines
	}
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.Encode(v)
}

// body reads a request body, answering 413 when it is too large.
func body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	data, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("the body is larger than %d MiB", MaxBody>>20))
		return nil, false
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return nil, false
	}
	return data, true
}

// badInput reports whether err is the user's input (400) rather than a
// failure of vcsim (500).
func badInput(err error) bool {
	var ie *valuechain.InputError
	var ies valuechain.InputErrors
	var ve *valuechain.ValidationError
	var he *householdsError
	var ee *valuechain.EditError
	return errors.As(err, &ie) || errors.As(err, &ies) || errors.As(err, &ve) || errors.As(err, &he) || errors.As(err, &ee)
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	if badInput(err) {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if errors.Is(err, errSuperseded) {
		writeError(w, http.StatusConflict, err)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		writeError(w, http.StatusServiceUnavailable, errors.New("the computation took too long or the request was cancelled"))
		return
	}
	s.logf("error: %v", err)
	writeError(w, http.StatusInternalServerError, err)
}

func (s *Server) examples(w http.ResponseWriter, r *http.Request) {
	type ex struct {
		Name, Title, TitleRU, Description string
	}
	var out []ex
	for _, n := range examples.Names() {
		data, _ := examples.Chain(n)
		c, err := valuechain.Parse(data, n)
		if err != nil {
			s.fail(w, err)
			return
		}
		out = append(out, ex{n, c.Name, c.NameIn("ru"), c.Description})
	}
	// A new chain starts from the commented blank template.
	out = append(out, ex{Blank, "A new chain (blank template)", "Новая цепочка (пустой шаблон)", "a farm household group selling to a trader, every key commented"})
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) example(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name == Blank {
		writeJSON(w, http.StatusOK, map[string]string{"chain": examples.Blank, "scenarios": examples.BlankScenarios})
		return
	}
	c, err := examples.Chain(name)
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return
	}
	sc, _ := examples.Scenarios(name)
	writeJSON(w, http.StatusOK, map[string]string{"chain": string(c), "scenarios": string(sc)})
}

// Blank is the name under which /api/examples offers the blank template
// for a new chain.
const Blank = "blank"

func (s *Server) guide(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, guide.Catalogue)
}

// parseChain reads and validates a chain from TOML text, and refuses a
// chain that would simulate more than MaxHouseholds households.
func parseChain(text []byte) (*valuechain.Chain, error) {
	c, err := load.Chain(text, "chain")
	if err != nil {
		return nil, err
	}
	if n := simulated(c); n > MaxHouseholds {
		return nil, &householdsError{n}
	}
	return c, nil
}

// MaxHouseholds is the most households one request of the page simulates
// (all groups together, each group at most model.MaxSimulated): the
// examples simulate at most 30,000. Four requests of 1,000,000 at once
// (the most computing requests served together, see MaxHeavy) peaked at
// 750 MiB, so the server stays under 1 GiB (docs/performance.md). The
// command line has no such bound.
const MaxHouseholds = 1_000_000

// simulated counts the households a run of c simulates one by one.
func simulated(c *valuechain.Chain) float64 {
	var n float64
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Kind == valuechain.Household {
			n += math.Min(math.Round(a.Count), model.MaxSimulated)
		}
	}
	return n
}

// householdsError refuses a chain too large for the page.
type householdsError struct{ n float64 }

func (e *householdsError) Error() string { return e.In("en") }

// In says the error in English or Russian.
func (e *householdsError) In(l lang.Lang) string {
	if l == "ru" {
		return fmt.Sprintf("в цепочке %s для моделирования, а страница за один запрос моделирует не больше %s: уменьшите count или запустите расчёт в командной строке (vcsim run)",
			lang.RU.Plural(e.n, 0, "n.households"), lang.RU.Thousands(MaxHouseholds))
	}
	return fmt.Sprintf("the chain has %s households to simulate; the page simulates at most %s a request: lower count, or run it on the command line (vcsim run)",
		lang.EN.Thousands(e.n), lang.EN.Thousands(MaxHouseholds))
}

func (s *Server) validate(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	if _, err := parseChain(data); err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"valid": true})
}

// SimulateAnswer is the answer of /api/simulate: the keys of summary.json
// and the tables of run.
type SimulateAnswer struct {
	Summary     tables.Summary `json:"summary"`
	Accounts    Rows           `json:"accounts"`
	Margins     Rows           `json:"margins"`
	Labour      Rows           `json:"labour"`
	ChildLabour Rows           `json:"child_labour"`
	Households  Rows           `json:"households"`
	School      Rows           `json:"school,omitempty"` // with school keys: enrolment and the four-way table
	// MeanHouseholdIncome is the mean cash income of the chain's
	// households in the base year (model.KPIs: each group's mean weighted
	// by its households), the headline card's figure.
	MeanHouseholdIncome float64 `json:"mean_household_income"`
	// Names names every actor by id in English and Russian (an actor
	// without a name by its id, as the command line does): the page's
	// tables show names, not ids.
	Names map[string]GroupName `json:"names"`
	// Warnings are the chain's plausibility warnings (numbers that look
	// typed in the wrong unit), in the page's language, each with the
	// path and line of its key: the page shows them next to the field.
	Warnings []plausible.Warning `json:"warnings"`
}

// run runs f in a goroutine and waits for it, the request's end or the
// timeout, whichever comes first.
func (s *Server) run(r *http.Request, f func(ctx context.Context) error) error {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("internal error: %v", p)
			}
		}()
		done <- f(ctx)
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		if errors.Is(context.Cause(r.Context()), errSuperseded) {
			return errSuperseded
		}
		return ctx.Err()
	}
}

func (s *Server) simulate(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	// The chain as TOML, or JSON {"chain", "survey", "survey_name"} for a
	// chain with a survey.
	var req CompareRequest
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be a chain (TOML) or JSON with \"chain\" (TOML text) and \"survey\" (CSV text): %v", err))
			return
		}
		data = []byte(req.Chain)
	}
	c, err := parseChain(data)
	if err != nil {
		s.fail(w, err)
		return
	}
	if _, err := req.survey(c); err != nil {
		s.fail(w, err)
		return
	}
	var ans SimulateAnswer
	err = s.run(r, func(ctx context.Context) error {
		a, err := assess.Run(ctx, assess.Inputs{Chain: c, Survey: req.sv, Seed: seed(r)}, assess.Options{}, nil)
		if err != nil {
			return err
		}
		res := a.Base
		sum := tables.NewSummary(res, seed(r))
		if a.Market != nil {
			sum.WithMarket(*a.Market)
		}
		ans = SimulateAnswer{Summary: sum, Accounts: toRows(tables.Accounts(res)), Margins: toRows(tables.Margins(res)),
			Labour: toRows(tables.Labour(res)), ChildLabour: toRows(tables.ChildLabour(res)), Households: toRows(tables.Households(res)),
			MeanHouseholdIncome: model.KPIs(0, res).MeanIncome, Names: actorNames(c)}
		if school := tables.School(res); school != nil {
			ans.School = toRows(school)
		}
		ans.Warnings = localized(a.Warnings, pageLang(r))
		return nil
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

// actorNames names every actor of c by id, in English and Russian, each
// falling back as Actor.NameIn does (name_ru, name, id).
func actorNames(c *valuechain.Chain) map[string]GroupName {
	out := map[string]GroupName{}
	for i := range c.Actors {
		a := &c.Actors[i]
		out[a.ID] = GroupName{Name: a.NameIn(lang.EN), NameRU: a.NameIn(lang.RU)}
	}
	return out
}

// localized returns the warnings in language l (never nil: the page
// reads an empty list as "no warning").
func localized(ws []plausible.Warning, l lang.Lang) []plausible.Warning {
	out := make([]plausible.Warning, len(ws))
	for i, w := range ws {
		out[i] = w.Localized(l)
	}
	return out
}

// seed is the request's ?seed= (default 1).
func seed(r *http.Request) uint64 {
	var x uint64 = 1
	fmt.Sscan(r.URL.Query().Get("seed"), &x)
	return x
}

// CompareRequest is the body of /api/compare and /api/whatif.
type CompareRequest struct {
	Chain     string `json:"chain"`
	Scenarios string `json:"scenarios"`
	Years     int    `json:"years"`
	// Draws, for /api/charts, runs a Monte Carlo of that many draws (at
	// most MaxDraws) and adds the fan chart and the interval bars.
	Draws int `json:"draws"`
	// Levers are the what-if changes of /api/whatif.
	Levers Levers `json:"levers"`
	// Survey, when not empty, is a household survey (CSV text) that
	// replaces the synthetic households of the groups it covers, as
	// --survey does; SurveyName is its file name, for the errors.
	Survey     string `json:"survey,omitempty"`
	SurveyName string `json:"survey_name,omitempty"`

	sv *valuechain.Survey // Survey, read for the request's chain
}

// survey reads the request's survey for chain c (nil without one), as
// --survey reads it (package load): its errors name the file, the line
// and the column.
func (req *CompareRequest) survey(c *valuechain.Chain) (*valuechain.Survey, error) {
	if strings.TrimSpace(req.Survey) == "" {
		return nil, nil
	}
	name := filepath.Base(req.SurveyName)
	if name == "" || name == "." || name == string(filepath.Separator) {
		name = "survey.csv"
	}
	sv, err := load.Survey([]byte(req.Survey), name, c)
	req.sv = sv
	return sv, err
}

// textKey is the hash of the request's chain and survey, for the caches.
func (req *CompareRequest) textKey() []byte {
	if req.Survey == "" {
		return []byte(req.Chain)
	}
	return []byte(req.Chain + "\x00survey\x00" + req.Survey)
}

// errDrawsWithSurvey refuses draws with a survey (assess.ErrDrawsWithSurvey)
// as the user's request, in the page's language.
type errDrawsWithSurvey struct{}

func (errDrawsWithSurvey) Error() string { return errDrawsWithSurvey{}.In(lang.EN) }

// In says the error in English or Russian.
func (errDrawsWithSurvey) In(l lang.Lang) string {
	if l == lang.RU {
		return "розыгрыши неопределённых чисел с обследованием пока не поддерживаются: обследованные домохозяйства не разыгрываются; уберите обследование или расчёт неопределённости"
	}
	return assess.ErrDrawsWithSurvey.Error() + "; remove the survey or the uncertainty bands"
}

// MaxDraws is the most Monte Carlo draws the page may ask for: about ten
// seconds at 30,000 households on two cores.
const MaxDraws = 500

// CompareAnswer is the answer of /api/compare.
type CompareAnswer struct {
	Summary Rows `json:"scenario_summary"`
	Years   Rows `json:"scenario_years"`
	School  Rows `json:"scenario_school,omitempty"` // with school keys
	// NamesRU holds each scenario's name_ru ("" where it has none), in
	// the order of the summary's rows after the baseline.
	NamesRU []string `json:"names_ru"`
	// Groups names the household groups of the rows per group, by id.
	Groups map[string]GroupName `json:"groups"`
}

// GroupName is a household group's name in English and Russian.
type GroupName struct {
	Name   string `json:"name"`
	NameRU string `json:"name_ru"`
}

func (s *Server) compareRequest(w http.ResponseWriter, r *http.Request) (*valuechain.Chain, *scenarios.File, *CompareRequest, bool) {
	data, ok := body(w, r)
	if !ok {
		return nil, nil, nil, false
	}
	var req CompareRequest
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be JSON with \"chain\" and \"scenarios\" (TOML text): %v", err))
		return nil, nil, nil, false
	}
	if req.Draws < 0 || req.Draws > MaxDraws {
		writeError(w, http.StatusBadRequest, fmt.Errorf("draws must be between 0 and %d, got %d", MaxDraws, req.Draws))
		return nil, nil, nil, false
	}
	if req.Years < 0 || req.Years > 100 {
		writeError(w, http.StatusBadRequest, fmt.Errorf("years must be between 1 and 100, got %d", req.Years))
		return nil, nil, nil, false
	}
	c, err := parseChain([]byte(req.Chain))
	if err != nil {
		s.fail(w, err)
		return nil, nil, nil, false
	}
	if _, err := req.survey(c); err != nil {
		s.fail(w, err)
		return nil, nil, nil, false
	}
	if req.sv != nil && req.Draws > 0 {
		writeError(w, http.StatusBadRequest, errDrawsWithSurvey{})
		return nil, nil, nil, false
	}
	var f *scenarios.File
	if strings.TrimSpace(req.Scenarios) != "" {
		if f, err = scenarios.Parse([]byte(req.Scenarios), "scenarios"); err == nil {
			err = scenarios.Validate(f, c, "scenarios")
		}
		if err != nil {
			s.fail(w, err)
			return nil, nil, nil, false
		}
	}
	return c, f, &req, true
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request) {
	c, f, req, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	if f == nil {
		writeError(w, http.StatusBadRequest, errors.New("compare needs scenarios"))
		return
	}
	var ans CompareAnswer
	err := s.run(r, func(ctx context.Context) error {
		a, err := assess.Run(ctx, assess.Inputs{Chain: c, Scenarios: f, Survey: req.sv, Seed: seed(r)}, assess.Options{Years: req.Years, TotalsOnly: true}, nil)
		if err != nil {
			return err
		}
		cmp := a.Comparison
		ans.Summary = toRows(tables.Summaries(cmp.Baseline, cmp.Summaries))
		ans.Years = toRows(tables.Years(append([]*model.Run{cmp.Baseline}, cmp.Runs...)...))
		if school := tables.ScenarioSchool(append([]*model.Run{cmp.Baseline}, cmp.Runs...)...); school != nil {
			ans.School = toRows(school)
		}
		ans.NamesRU = cmp.NamesRU
		ans.Groups = map[string]GroupName{}
		for _, a := range c.Actors {
			if a.Kind == valuechain.Household {
				ans.Groups[a.ID] = GroupName{Name: a.NameIn(lang.EN), NameRU: a.NameIn(lang.RU)}
			}
		}
		return nil
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

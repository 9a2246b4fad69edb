package model

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Memo remembers simulated years by their inputs, so that a year whose
// chain (after the scenario's effects), policy, population and options
// equal a year already simulated is not simulated again. Years of a
// baseline, of a scenario before its interventions start or after they
// reach full coverage, and the wages a labour market tries again, repeat
// often. Results are shared: callers must not change them. A Memo is safe
// for concurrent use.
type Memo struct {
	mu     sync.Mutex
	m      map[[32]byte]*Result // before the measures' costs (see simulateYear)
	hits   int
	misses int
	// book remembers the school choices of households from one year to
	// the next (book.go).
	book choiceBook
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{m: map[[32]byte]*Result{}} }

// Simulate returns the result of Simulate(c, opt), simulating only when no
// year with the same inputs was simulated before. The inputs are the chain,
// the policy (but for the measures' fixed costs, which fall in their first
// year and do not change what households do), the population and the seed;
// a year remembered with totals only is simulated again when opt asks for
// the households. A nil memo simulates every time.
func (m *Memo) Simulate(c *valuechain.Chain, opt Options) (*Result, error) {
	if m == nil {
		return Simulate(c, opt)
	}
	key, err := memoKey(c, opt)
	if err != nil {
		return Simulate(c, opt)
	}
	m.mu.Lock()
	r, ok := m.m[key]
	if ok && (opt.AggregatesOnly || !r.aggregatesOnly) {
		m.hits++
	} else {
		ok = false
	}
	m.mu.Unlock()
	if !ok {
		m.mu.Lock()
		m.misses++
		m.mu.Unlock()
		opt.book = &m.book
		if r, err = simulateYear(c, opt); err != nil {
			return nil, err
		}
		if r.History != nil {
			r.History.key = key
		}
		m.mu.Lock()
		m.m[key] = r
		m.mu.Unlock()
	}
	out := *r
	out.Measures = append([]MeasureResult(nil), r.Measures...)
	out.measureCosts(opt.Policy)
	return &out, nil
}

// Hits returns how many simulations the memo saved.
func (m *Memo) Hits() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hits
}

// Misses returns how many years the memo simulated.
func (m *Memo) Misses() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.misses
}

func memoKey(c *valuechain.Chain, opt Options) ([32]byte, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode(c); err != nil {
		return [32]byte{}, err
	}
	if opt.Policy != nil {
		pol := Policy{Measures: append([]Measure(nil), opt.Policy.Measures...)}
		for i := range pol.Measures {
			pol.Measures[i].FixedCost = 0
		}
		if err := enc.Encode(pol); err != nil {
			return [32]byte{}, err
		}
	}
	fmt.Fprintf(h, "%p/%d", opt.Population, opt.Seed)
	if len(opt.Track) > 0 {
		// The households' states last year (prevention): the same year
		// with another past is another year.
		fmt.Fprintf(h, "/track %q", opt.Track)
		if opt.Before != nil {
			h.Write(opt.Before.key[:])
		}
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k, nil
}

package model

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sync"

	"vcsim/valuechain"
)

// Memo remembers simulated years by their inputs, so that a year whose
// chain (after the scenario's effects), policy, population and options
// equal a year already simulated is not simulated again. Years of a
// baseline, of a scenario before its interventions start or after they
// reach full coverage, and the wages a labour market tries again, repeat
// often. Results are shared: callers must not change them. A Memo is safe
// for concurrent use.
type Memo struct {
	mu   sync.Mutex
	m    map[[32]byte]*Result
	hits int
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{m: map[[32]byte]*Result{}} }

// Simulate returns the remembered result of the same inputs, or simulates
// and remembers it. A nil memo simulates every time.
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
	if ok {
		m.hits++
	}
	m.mu.Unlock()
	if ok {
		return r, nil
	}
	r, err = Simulate(c, opt)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.m[key] = r
	m.mu.Unlock()
	return r, nil
}

// Hits returns how many simulations the memo saved.
func (m *Memo) Hits() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hits
}

func memoKey(c *valuechain.Chain, opt Options) ([32]byte, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode(c); err != nil {
		return [32]byte{}, err
	}
	if err := enc.Encode(opt.Policy); err != nil {
		return [32]byte{}, err
	}
	fmt.Fprintf(h, "%p/%d/%v", opt.Population, opt.Seed, opt.AggregatesOnly)
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k, nil
}

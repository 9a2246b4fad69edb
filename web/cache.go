package web

import (
	"context"
	"crypto/sha256"
	"sync"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/valuechain"
)

// baselines keeps the last few baselines the What if? tab asked for: the
// chain parsed and checked, its households drawn and its baseline year
// simulated, once per chain text and seed. In a room, 25 phones move
// sliders over the same chain: each request then costs one simulation
// (the what-if) instead of a parse, a population and two simulations.
// The assessment is only read by the requests that share it.
type baselines struct {
	mu      sync.Mutex
	entries map[baselineKey]*baselineEntry
	order   []baselineKey // oldest first
}

type baselineKey struct {
	text [32]byte
	seed uint64
}

type baselineEntry struct {
	done  chan struct{} // closed when c, a and err are set
	c     *valuechain.Chain
	a     *assess.Assessment
	err   error
	retry bool // the making was cancelled: the next request makes it again
}

// maxBaselines is how many baselines are kept: a workshop compares a few
// chains at a time; each costs about the memory of one run.
const maxBaselines = 8

// get returns the parsed chain and its assessment for the chain's text and
// seed, making them once (concurrent requests for the same text wait for
// the first); build makes them, under ctx.
func (b *baselines) get(ctx context.Context, text []byte, seed uint64, build func(ctx context.Context) (*valuechain.Chain, *assess.Assessment, error)) (*valuechain.Chain, *assess.Assessment, error) {
	k := baselineKey{sha256.Sum256(text), seed}
	b.mu.Lock()
	if b.entries == nil {
		b.entries = map[baselineKey]*baselineEntry{}
	}
	e, ok := b.entries[k]
	if ok {
		select {
		case <-e.done:
			if e.retry {
				ok = false
			}
		default:
		}
	}
	if !ok {
		e = &baselineEntry{done: make(chan struct{})}
		if _, had := b.entries[k]; !had {
			b.order = append(b.order, k)
		}
		b.entries[k] = e
		for len(b.order) > maxBaselines {
			delete(b.entries, b.order[0])
			b.order = b.order[1:]
		}
		b.mu.Unlock()
		e.c, e.a, e.err = build(ctx)
		e.retry = ctx.Err() != nil
		close(e.done)
		return e.c, e.a, e.err
	}
	b.mu.Unlock()
	select {
	case <-e.done:
		return e.c, e.a, e.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// answers keeps the last What if? answers by chain text, seed and levers:
// sliders move in steps (1% of price, 1,000 of transfer), so a room asks
// for the same positions again and again.
type answers struct {
	mu    sync.Mutex
	m     map[answerKey]WhatIfAnswer
	order []answerKey
}

type answerKey struct {
	text   [32]byte
	seed   uint64
	levers Levers
}

// maxAnswers is how many What if? answers are kept (each is 100 bytes).
const maxAnswers = 4096

func (a *answers) get(k answerKey) (WhatIfAnswer, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	v, ok := a.m[k]
	return v, ok
}

func (a *answers) put(k answerKey, v WhatIfAnswer) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.m == nil {
		a.m = map[answerKey]WhatIfAnswer{}
	}
	if _, ok := a.m[k]; !ok {
		a.order = append(a.order, k)
	}
	a.m[k] = v
	for len(a.order) > maxAnswers {
		delete(a.m, a.order[0])
		a.order = a.order[1:]
	}
}

package assess

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// fitMemo remembers the preferences fitted to the observations of the
// last chains seen (model.FitObserved, a few hundred simulations), so that
// the page's requests on one chain text (baseline, charts, comparison,
// report, what-if) fit once, and requests that arrive together wait for
// the one fit. The key is the chain as TOML with the seed; surveyed
// populations are not remembered.
var fitMemo = struct {
	sync.Mutex
	order []string
	m     map[string]*fitEntry
}{m: map[string]*fitEntry{}}

// fitMemoSize is how many chains fitMemo remembers.
const fitMemoSize = 32

type fitEntry struct {
	once sync.Once
	fits []model.Fit
	err  error
}

// fitObserved is model.FitObserved on the population pop drawn with seed,
// remembered in fitMemo when the population is synthetic.
func fitObserved(c *valuechain.Chain, pop *model.Population, seed uint64, surveyed bool) (*valuechain.Chain, []model.Fit, error) {
	observed := false
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil && h.ObservedPrevalence != nil {
			observed = true
		}
	}
	var buf bytes.Buffer
	if !observed || surveyed || toml.NewEncoder(&buf).Encode(c) != nil {
		return model.FitObserved(c, pop)
	}
	fmt.Fprintf(&buf, "\nseed %d", seed)
	for i := range c.Actors {
		fmt.Fprintf(&buf, " %v", c.Actors[i].HiredHazardCut) // not in the TOML
	}
	key := fmt.Sprintf("%x", sha256.Sum256(buf.Bytes()))
	fitMemo.Lock()
	e := fitMemo.m[key]
	if e == nil {
		e = &fitEntry{}
		fitMemo.m[key] = e
		fitMemo.order = append(fitMemo.order, key)
		if len(fitMemo.order) > fitMemoSize {
			delete(fitMemo.m, fitMemo.order[0])
			fitMemo.order = fitMemo.order[1:]
		}
	}
	fitMemo.Unlock()
	e.once.Do(func() { _, e.fits, e.err = model.FitObserved(c, pop) })
	if e.err != nil {
		return nil, nil, e.err
	}
	return withFits(c, e.fits), e.fits, nil
}

// withFits returns a copy of c with the fitted alpha and school_value of
// fits in place of its groups' own (c itself when nothing was fitted).
func withFits(c *valuechain.Chain, fits []model.Fit) *valuechain.Chain {
	if len(fits) == 0 {
		return c
	}
	c = c.Clone()
	for _, f := range fits {
		if x, i := c.Actor(f.Group); x != nil && x.Household != nil {
			alpha := f.Alpha
			c.Actors[i].Household.Alpha = &alpha
			if f.School {
				delta := f.Delta
				c.Actors[i].Household.SchoolValue = &delta
			}
		}
	}
	return c
}

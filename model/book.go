package model

import "sync"

// A choiceBook remembers the school choices (hours and enrolment) of a
// household group's households in a year where every household was the
// group's base household, so that a later year whose base household,
// draws and taste draws are the same reads the choices of its households
// that adopt nothing instead of solving them again. A Memo keeps one for
// the years it simulates: the baseline's households, that adopt nothing,
// are the households of every scenario year that do not adopt, as long as
// the scenario leaves the group's prices, wages and incomes as they were.
//
// A household of the fast path (no weights, nothing conditional) chooses
// from its household, its scale and its taste draws alone (chooseSchool;
// its hazard draw only counts for conditional transfers, which the base
// household has none of), so a page whose key equals the base household,
// and whose draws are the same, gives the choice chooseSchool would give,
// bit for bit. A choiceBook is safe for concurrent use: pages are added
// once complete and only read after.
type choiceBook struct {
	mu    sync.Mutex
	pages map[string]*choicePage // by actor id
}

// choicePage is the choices of one group's households.
type choicePage struct {
	key      Household // the base household, its pointers cleared
	school   Schooling // and its schooling
	draws    *Draws
	taste    *float64 // the first of the group's taste draws
	hours    [][nb]float64
	enrolled []uint8 // bit b: band b enrolled
}

// pageKey returns hh with the pointers that differ from one year's
// household to the next (its schooling, compared by value, and its table)
// cleared, and what monitoring changes (chooseSchool never reads it: it
// acts on the choice afterwards, in decideOnce).
func pageKey(hh *Household) Household {
	k := *hh
	k.School, k.sprep = nil, nil
	k.Withdraw, k.Compensation, k.Prevent, k.kept = 0, 0, 0, [nb]float64{}
	return k
}

// matches reports whether the page holds the choices of base's households
// with draws d and taste draws taste. Keys with NaN never match.
func (p *choicePage) matches(base *Household, d *Draws, taste []float64) bool {
	return p.draws == d && len(taste) > 0 && p.taste == &taste[0] && p.holds(base)
}

// holds reports whether hh chooses as the page's households do: a
// household that adopted only monitoring, say, chooses as the base
// household (same draws and taste draws: the caller's page matched them).
func (p *choicePage) holds(hh *Household) bool {
	return hh.School != nil && p.key == pageKey(hh) && p.school == *hh.School
}

// find returns the page of actor's households for base, draws d and taste
// draws taste, or nil. A nil book has none.
func (b *choiceBook) find(actor string, base *Household, d *Draws, taste []float64) *choicePage {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	p := b.pages[actor]
	b.mu.Unlock()
	if p == nil || !p.matches(base, d, taste) {
		return nil
	}
	return p
}

// blank returns an empty page for n households of actor to fill, or nil
// when the book already has the actor's (the first is kept: it is the
// baseline's when the baseline runs first). A nil book gives none.
func (b *choiceBook) blank(actor string, base *Household, d *Draws, taste []float64, n int) *choicePage {
	if b == nil || len(taste) == 0 {
		return nil
	}
	b.mu.Lock()
	has := b.pages[actor] != nil
	b.mu.Unlock()
	if has {
		return nil
	}
	return &choicePage{key: pageKey(base), school: *base.School, draws: d, taste: &taste[0],
		hours: make([][nb]float64, n), enrolled: make([]uint8, n)}
}

// add keeps p, complete, as actor's page unless the actor has one.
func (b *choiceBook) add(actor string, p *choicePage) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pages == nil {
		b.pages = map[string]*choicePage{}
	}
	if b.pages[actor] == nil {
		b.pages[actor] = p
	}
}

// schoolPick is a household's school choice as decideFast takes it: given
// (known), or to be solved and written here.
type schoolPick struct {
	hours    [nb]float64
	enrolled uint8 // bit b: band b enrolled
	known    bool
}

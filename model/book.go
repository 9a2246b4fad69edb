package model

import "sync"

// A choiceBook remembers households' school choices (hours and enrolment)
// from one simulated year to another, so that a year whose households
// choose as households of a year before read their choices instead of
// solving them again. A Memo keeps one for the years it simulates: the
// memo spares the years that repeat whole; the book spares the households
// that repeat within years that differ. In a scenario that leaves the
// group's prices, wages and incomes as they were, the households that
// adopt nothing are the baseline's; the households that adopted the same
// measures are the same from one year to the next, while the year itself
// differs (coverage rising, years of monitoring counted).
//
// A household with schooling, no conditional transfer and no rationing
// chooses from its household, its scale and its taste draws alone
// (chooseSchool: its hazard draw only counts for conditional transfers),
// so a page, for one household type (its key: the whole Household value,
// its schooling compared by value, less what monitoring changes, which
// acts after the choice) with the group's draws and taste draws, gives the
// choice chooseSchool would give, bit for bit.
//
// Pages cost 25 bytes a household. The book keeps at most maxPages per
// group: the baseline's, written by the first year where no household
// adopts anything, and those of household types met in two years before
// (a type met once, a one-year transfer's adopters say, costs nothing).
// A choiceBook is safe for concurrent use: a page is written by the one
// year that made it, then added complete and only read after.
type choiceBook struct {
	mu    sync.Mutex
	pages map[string][]*choicePage // by actor id
	seen  map[string][]pageID      // household types met once, by actor id
}

// maxPages is the most pages a choiceBook keeps per household group, and
// maxSeen the most household types it remembers having met.
const (
	maxPages = 4
	maxSeen  = 64
)

// pageID names the households a page is for: a household type, with the
// group's draws and taste draws.
type pageID struct {
	key    Household // the household, its pointers and monitoring cleared (pageKey)
	school Schooling // and its schooling
	draws  *Draws
	taste  *float64 // the first of the group's taste draws
}

// choicePage is the choices of households of one type: of household k,
// hours[k] and enrolled[k] (bit b: band b enrolled), when enrolled[k] has
// the bit pageFilled (the year that wrote the page met household k as one
// of this type).
type choicePage struct {
	pageID
	hours    [][nb]float64
	enrolled []uint8
}

// pageFilled marks the households a page holds.
const pageFilled = 0x80

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

// pageable reports whether hh's school choice can be written to a page
// and read back: it has schooling, no conditional transfer, no premium
// and no rationing.
func pageable(hh *Household) bool {
	return hh.School != nil && hh.CCT == 0 && hh.PremiumRate == 0 && hh.ChainPrice == 0
}

// idOf returns the pageID of hh's type with draws d and taste draws taste.
func idOf(hh *Household, d *Draws, taste []float64) pageID {
	return pageID{key: pageKey(hh), school: *hh.School, draws: d, taste: &taste[0]}
}

// holds reports whether hh, of the page's group, is of the page's type.
// Keys with NaN never match.
func (id *pageID) holds(hh *Household) bool {
	return hh.School != nil && id.key == pageKey(hh) && id.school == *hh.School
}

// same reports whether two ids name the same households.
func (id *pageID) same(o *pageID) bool {
	return id.draws == o.draws && id.taste == o.taste && id.key == o.key && id.school == o.school
}

// pageSet is what one year of a group reads and writes: the book's pages
// for the group's draws and taste draws, and the pages the year writes.
type pageSet struct {
	book  *choiceBook
	actor string
	d     *Draws
	taste []float64
	n     int
	read  []*choicePage // the book's, for these draws
	mu    sync.Mutex
	write []*choicePage // this year's: added to the book at its end
	met   []pageID      // household types met that the book has not seen
}

// year returns the pages of actor's group with draws d and taste draws
// taste (n households) for one year, or nil: no book, no taste draws
// (no schooling).
func (b *choiceBook) year(actor string, d *Draws, taste []float64, n int) *pageSet {
	if b == nil || len(taste) == 0 {
		return nil
	}
	ps := &pageSet{book: b, actor: actor, d: d, taste: taste, n: n}
	b.mu.Lock()
	for _, p := range b.pages[actor] {
		if p.draws == d && p.taste == &taste[0] {
			ps.read = append(ps.read, p)
		}
	}
	b.mu.Unlock()
	return ps
}

// page returns the page for households of hh's type: one to read
// (write false), one this year writes (write true), or nil. A type is
// written when the group adopts nothing this year (all, the baseline's
// households) or when the book saw it in a year before.
func (ps *pageSet) page(hh *Household, all bool) (p *choicePage, write bool) {
	if !pageable(hh) {
		return nil, false
	}
	for _, p := range ps.read {
		if p.holds(hh) {
			return p, false
		}
	}
	id := idOf(hh, ps.d, ps.taste)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, p := range ps.write {
		if p.same(&id) {
			return p, true
		}
	}
	if len(ps.read)+len(ps.write) >= maxPages {
		return nil, false
	}
	if !all && !ps.book.saw(ps.actor, &id) {
		for i := range ps.met {
			if ps.met[i].same(&id) {
				return nil, false
			}
		}
		ps.met = append(ps.met, id)
		return nil, false
	}
	p = &choicePage{pageID: id, hours: make([][nb]float64, ps.n), enrolled: make([]uint8, ps.n)}
	ps.write = append(ps.write, p)
	return p, true
}

// saw reports whether the book met a household type in a year before.
func (b *choiceBook) saw(actor string, id *pageID) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range b.seen[actor] {
		if b.seen[actor][i].same(id) {
			return true
		}
	}
	return false
}

// close adds the year's pages, complete, and the household types it met
// to the book (at most maxPages pages and maxSeen types per group; a page
// another year added meanwhile for the same type wins).
func (ps *pageSet) close() {
	if ps == nil {
		return
	}
	b := ps.book
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pages == nil {
		b.pages, b.seen = map[string][]*choicePage{}, map[string][]pageID{}
	}
	for _, p := range ps.write {
		dup := false
		for _, q := range b.pages[ps.actor] {
			dup = dup || q.same(&p.pageID)
		}
		if !dup && len(b.pages[ps.actor]) < maxPages {
			b.pages[ps.actor] = append(b.pages[ps.actor], p)
		}
	}
	for _, id := range ps.met {
		if len(b.seen[ps.actor]) < maxSeen {
			b.seen[ps.actor] = append(b.seen[ps.actor], id)
		}
	}
}

// schoolPick is a household's school choice as decideFast and decideOnce
// take it: given (known), or solved and written here.
type schoolPick struct {
	hours    [nb]float64
	enrolled uint8 // bit b: band b enrolled
	known    bool
}

// pickOf returns chooseSchool's choice sc as a schoolPick.
func pickOf(sc *schoolChoice) schoolPick {
	return schoolPick{hours: sc.hours, enrolled: uint8(bestE(*sc))}
}

// get returns the choice of household k, known when the page holds it.
func (p *choicePage) get(k int) schoolPick {
	if p.enrolled[k]&pageFilled == 0 {
		return schoolPick{}
	}
	return schoolPick{hours: p.hours[k], enrolled: p.enrolled[k] &^ pageFilled, known: true}
}

// put writes the choice of household k.
func (p *choicePage) put(k int, c *schoolPick) {
	p.hours[k], p.enrolled[k] = c.hours, c.enrolled|pageFilled
}

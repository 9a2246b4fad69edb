package vca4d

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Note is something the importer had to decide about the study's data,
// actor by actor: nothing is dropped without one.
type Note struct {
	Actor string // study name of the actor, "" for the whole study
	Msg   string
}

func (n Note) String() string {
	if n.Actor == "" {
		return n.Msg
	}
	return fmt.Sprintf("%s: %s", n.Actor, n.Msg)
}

// Result is an imported study: the chain and the importer's notes.
type Result struct {
	Chain *valuechain.Chain
	Notes []Note
	// IDs maps the study's actor names to vcsim actor ids.
	IDs map[string]string
}

// Unlisted is the product that carries an actor's sales the study counts
// (totalCosts + netOperatingProfit) but its flows do not list; it is sold
// to the domestic market at a price of 1, so its volume is its value.
const Unlisted = "sales_not_in_flows"

// product is one vcsim product of a seller being built.
type product struct {
	id, unit          string
	market            string // final market
	volume            float64
	finalVol, finalVa float64
	linkVol, linkVa   float64
}

// Import turns a study into a vcsim chain (docs/model.md section 2-3 vocabulary):
// economic actors become enterprise actors with their counts; each product
// an actor sells becomes one of its products (a product sold both at home
// and to export is split in two); flows to other actors become links with
// their shares and prices; flows to consumers and export markets become
// final sales; conversions come from the volumes; external inputs are set
// so that each actor's value added is the study's; the value added is
// split into wages, interest, taxes, depreciation and rent in the
// proportions of the study's whole-chain split, so that each actor's net
// operating profit is the study's; employment (read as FTE) becomes a
// task whose days at the actor's wage give its wages.
func Import(s *Study) (*Result, error) {
	im := &importer{s: s, res: &Result{IDs: map[string]string{}}, cr: s.CurrencyRatio}
	im.chainInfo()
	im.actors()
	if err := im.flows(); err != nil {
		return nil, err
	}
	im.accounts()
	c := im.res.Chain
	if err := valuechain.Validate(c, s.ID); err != nil {
		return im.res, fmt.Errorf("the imported chain is not valid (a bug or a study vcsim cannot represent): %w", err)
	}
	return im.res, nil
}

type importer struct {
	s      *Study
	res    *Result
	cr     float64
	eco    []*Actor              // economic actors, study order
	byName map[string]int        // study name -> chain actor index
	prods  map[string][]*product // by study seller name, first-seen order
	input  map[string]float64    // volume received, by study name
	buys   map[string]float64    // value bought, by study name
	links  []linkDraft
	mixed  map[string]bool // seller + product sold both to export and elsewhere
}

type linkDraft struct {
	seller, buyer string
	prod          *product
	volume, value float64
}

func (im *importer) note(actor, format string, args ...any) {
	im.res.Notes = append(im.res.Notes, Note{Actor: actor, Msg: fmt.Sprintf(format, args...)})
}

// fteDays reads the study's FTE definition as days of work a year. A
// number up to 366 is days; a larger number is hours a year (8 hours a
// day); text such as "220 days", "1,760 hours", "48 weeks" or "11 months"
// is read by its unit (5 days a week, 250/12 days a month). Anything else
// gives the default. Every reading other than plain days is a note.
func (im *importer) fteDays(def any) float64 {
	const path = "$.ecoData.macroData.FTE_Definition"
	d := float64(valuechain.DefaultFTEDays)
	switch v := def.(type) {
	case nil:
		im.note("", "the study gives no FTE definition: 1 FTE = %v days", d)
		return d
	case float64:
		switch {
		case v > 0 && v <= 366:
			return v
		case v > 366 && v <= 8784:
			days := v / valuechain.DefaultHoursPerDay
			im.note("", "%s is %v, more than the days of a year: read as hours a year, 1 FTE = %s days of %d hours", path, v, num(days), valuechain.DefaultHoursPerDay)
			return days
		}
	case string:
		m := fteText.FindStringSubmatch(strings.ToLower(strings.TrimSpace(v)))
		if m != nil {
			x, err := strconv.ParseFloat(strings.NewReplacer(",", "", " ", "").Replace(m[1]), 64)
			per := map[string]float64{"day": 1, "hour": 1 / float64(valuechain.DefaultHoursPerDay), "week": 5, "month": float64(valuechain.DefaultFTEDays) / 12}[m[2]]
			if days := x * per; err == nil && days > 0 && days <= 366 {
				im.note("", "%s is %q: 1 FTE = %s days", path, v, num(days))
				return days
			}
		}
	}
	im.note("", "%s is %v, which vcsim cannot read as a length of work: 1 FTE = %v days", path, def, d)
	return d
}

var fteText = regexp.MustCompile(`^([0-9][0-9, ]*\.?[0-9]*)\s*(day|hour|week|month)s?\b`)

func (im *importer) chainInfo() {
	s := im.s
	cur := s.TargetCurrency
	if cur == "" {
		cur = s.LocalCurrency
	}
	c := &valuechain.Chain{
		Name:        fmt.Sprintf("%s, %s (VCA4D study %d)", title(s.Commodity), title(s.Country), s.Year),
		Country:     title(s.Country),
		Description: fmt.Sprintf("Imported from the VCA4D economic study %q; amounts in %s.", s.ID, cur),
		Currency:    cur,
		BaseYear:    s.Year,
		FTEDays:     valuechain.DefaultFTEDays,
		Sources: []string{fmt.Sprintf("VCA4D economic study %s (%s, %s, %d), data of the open VCA4D dashboard",
			s.ID, s.Commodity, s.Country, s.Year)},
		Study: &valuechain.StudyRef{Source: "VCA4D", ID: s.ID, Country: s.Country, Commodity: s.Commodity,
			LocalCurrency: s.LocalCurrency, CurrencyRatio: s.CurrencyRatio},
	}
	c.FTEDays = im.fteDays(s.EcoData.MacroData["FTE_Definition"])
	for _, r := range s.EcoData.FarmToFinalPricesRatio {
		c.PriceRatios = append(c.PriceRatios, valuechain.PriceRatio{Label: r.Label, FarmProduct: r.FarmProduct,
			FarmPrice: r.FarmPrice, EndProduct: r.EndProducts, EndPrice: r.EndPrice})
	}
	im.res.Chain = c
}

// actors creates one enterprise actor per economic actor of the study.
func (im *importer) actors() {
	c := im.res.Chain
	im.byName = map[string]int{}
	used := map[string]bool{}
	for i := range im.s.EcoData.Actors {
		a := &im.s.EcoData.Actors[i]
		if !a.Economic() {
			continue
		}
		id := slug(a.Name)
		for k := 2; used[id]; k++ {
			id = fmt.Sprintf("%s_%d", slug(a.Name), k)
		}
		used[id] = true
		im.res.IDs[a.Name] = id
		im.byName[a.Name] = len(c.Actors)
		im.eco = append(im.eco, a)
		c.Actors = append(c.Actors, valuechain.Actor{
			ID: id, Name: a.Name, Kind: valuechain.Enterprise, Stage: a.Stage, Count: *a.NumberOfActors,
		})
	}
}

// market returns the final market of a final-demand actor.
func market(a *Actor) string {
	n := strings.ToLower(a.Name + " " + a.Stage)
	if strings.Contains(n, "export") || strings.Contains(n, "exterieur") || strings.Contains(n, "extérieur") {
		return valuechain.Export
	}
	return valuechain.Domestic
}

// flows sorts the study's flows into links, final sales and notes.
func (im *importer) flows() error {
	sinks := map[string]*Actor{}
	for i := range im.s.EcoData.Actors {
		if a := &im.s.EcoData.Actors[i]; !a.Economic() {
			sinks[a.Name] = a
		}
	}
	im.findMixed(sinks)
	im.prods = map[string][]*product{}
	im.input = map[string]float64{}
	im.buys = map[string]float64{}
	for i, f := range im.s.EcoData.Flows {
		if _, ok := im.byName[f.Seller]; !ok {
			return &PathError{File: im.s.ID, Path: fmt.Sprintf("$.ecoData.flows[%d].sellerActorName", i),
				Msg: fmt.Sprintf("%q sells but has no economic data (numberOfActors...): vcsim cannot make it a seller", f.Seller)}
		}
		if f.Seller == f.Buyer {
			im.note(f.Seller, "sells %s %s of %q to itself (%s): own use inside the actor, left out of the links (it adds no value)",
				num(f.Volume), f.VolumeUnit, f.Product, num(f.MonetaryValue))
			continue
		}
		mkt := ""
		if sink, ok := sinks[f.Buyer]; ok {
			mkt = market(sink)
		}
		p := im.product(f, mkt)
		p.volume += f.Volume
		if mkt != "" {
			p.finalVol += f.Volume
			p.finalVa += f.MonetaryValue
			continue
		}
		p.linkVol += f.Volume
		p.linkVa += f.MonetaryValue
		im.input[f.Buyer] += f.Volume
		im.buys[f.Buyer] += f.MonetaryValue
		im.links = append(im.links, linkDraft{seller: f.Seller, buyer: f.Buyer, prod: p, volume: f.Volume, value: f.MonetaryValue})
	}
	return nil
}

// product returns the seller's product for a flow: one per study product;
// a product that goes both to export markets and elsewhere is split, its
// export sales becoming a product "<id>_export".
func (im *importer) product(f Flow, mkt string) *product {
	id := slug(f.Product)
	export := mkt == valuechain.Export
	if export && im.mixed[f.Seller+"\x00"+id] {
		id += "_export"
	}
	for _, p := range im.prods[f.Seller] {
		if p.id == id {
			if p.unit != f.VolumeUnit {
				im.note(f.Seller, "product %q is given in %s and in %s: volumes added as they are", f.Product, p.unit, f.VolumeUnit)
			}
			return p
		}
	}
	p := &product{id: id, unit: f.VolumeUnit, market: valuechain.Domestic}
	if export {
		p.market = valuechain.Export
	}
	im.prods[f.Seller] = append(im.prods[f.Seller], p)
	return p
}

// findMixed marks the products a seller sells both to export markets and
// elsewhere.
func (im *importer) findMixed(sinks map[string]*Actor) {
	exp, other := map[string]bool{}, map[string]bool{}
	for _, f := range im.s.EcoData.Flows {
		if f.Seller == f.Buyer {
			continue
		}
		k := f.Seller + "\x00" + slug(f.Product)
		if sink, ok := sinks[f.Buyer]; ok && market(sink) == valuechain.Export {
			exp[k] = true
		} else {
			other[k] = true
		}
	}
	im.mixed = map[string]bool{}
	for k := range exp {
		im.mixed[k] = other[k]
	}
}

// accounts builds each actor's products, links and account parameters.
func (im *importer) accounts() {
	c := im.res.Chain
	shares := im.split()
	wbar := im.averageWage(shares)
	for i, a := range im.eco {
		act := &c.Actors[i]
		name := a.Name
		revenue := 0.0
		for _, p := range im.prods[name] {
			revenue += p.finalVa + p.linkVa
		}
		study := (*a.TotalCosts + *a.NetOperatingProfit) * im.cr
		if gap := study - revenue; gap > 0.005*math.Abs(study) {
			im.note(name, "its flows list sales of %s but the study's costs and profit give %s: the %s not in the flows (%.1f%%) are a product %q sold to the domestic market",
				num(revenue), num(study), num(gap), 100*gap/study, Unlisted)
			im.prods[name] = append(im.prods[name], &product{id: Unlisted, unit: "currency unit", market: valuechain.Domestic, volume: gap, finalVol: gap, finalVa: gap})
			revenue = study
		} else if gap < -0.005*math.Abs(study) {
			im.note(name, "its flows list sales of %s, more than the study's costs and profit (%s)", num(revenue), num(study))
		}
		im.products(act, name)
		va := *a.DirectAddedValue * im.cr
		x := revenue - im.buys[name] - va
		if x < 0 {
			im.note(name, "its purchases (%s) exceed its sales less the study's value added by %s: external inputs set to 0, so vcsim's value added is %s",
				num(im.buys[name]), num(-x), num(revenue-im.buys[name]))
			x = 0
			va = revenue - im.buys[name]
		}
		if q := mainVolume(im.prods[name]); q > 0 {
			act.Costs = map[string]float64{"external_inputs": x / q}
		} else {
			act.FixedCosts = x / act.Count
		}
		im.split1(act, a, va, revenue, revenue-va, shares, wbar)
	}
	im.makeLinks()
}

func mainVolume(ps []*product) float64 {
	if len(ps) == 0 {
		return 0
	}
	return ps[0].volume
}

// products sets the actor's products, conversions or output per unit.
func (im *importer) products(act *valuechain.Actor, name string) {
	ps := im.prods[name]
	in := im.input[name]
	if len(ps) == 0 {
		// Buys but sells nothing and has no unlisted sales: it resells at cost.
		im.note(name, "sells nothing in the flows and the study gives it no sales beyond its purchases: a product %q with no value", Unlisted)
		ps = []*product{{id: Unlisted, unit: "currency unit", market: valuechain.Domestic, volume: math.Max(in, 1), finalVol: math.Max(in, 1)}}
		im.prods[name] = ps
	}
	for k, p := range ps {
		vp := valuechain.Product{ID: p.id, Unit: p.unit, FinalMarket: p.market}
		switch {
		case p.finalVol > 0:
			vp.Price = p.finalVa / p.finalVol
		case p.linkVol > 0:
			vp.Price = p.linkVa / p.linkVol
		}
		var conv float64
		if in > 0 {
			conv = p.volume / in
		} else if k > 0 {
			conv = p.volume / ps[0].volume
		}
		if conv > 0 {
			vp.Conversion = &conv
		}
		act.Products = append(act.Products, vp)
	}
	if in == 0 {
		act.OutputPerUnit = ps[0].volume / act.Count
	}
}

// makeLinks turns the link drafts into links, grouped by seller, product
// and buyer in actor order, so that a study's import does not depend on
// the order of its flows.
func (im *importer) makeLinks() {
	type key struct {
		seller, buyer string
		prod          *product
	}
	sum := map[key]*linkDraft{}
	var keys []key
	for _, l := range im.links {
		k := key{l.seller, l.buyer, l.prod}
		if d, ok := sum[k]; ok {
			d.volume += l.volume
			d.value += l.value
			continue
		}
		d := l
		sum[k] = &d
		keys = append(keys, k)
	}
	prodIndex := func(k key) int {
		for i, p := range im.prods[k.seller] {
			if p == k.prod {
				return i
			}
		}
		return -1
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if im.byName[a.seller] != im.byName[b.seller] {
			return im.byName[a.seller] < im.byName[b.seller]
		}
		if pa, pb := prodIndex(a), prodIndex(b); pa != pb {
			return pa < pb
		}
		return im.byName[a.buyer] < im.byName[b.buyer]
	})
	c := im.res.Chain
	for _, k := range keys {
		d := sum[k]
		price := d.value / d.volume
		c.Links = append(c.Links, valuechain.Link{
			From: im.res.IDs[k.seller], To: im.res.IDs[k.buyer], Product: k.prod.id,
			Share: d.volume / k.prod.volume, Price: &price,
		})
	}
}

// vaShares are the shares of wages, interest, taxes, depreciation and rent
// in the study's split of value added.
type vaShares struct{ wages, interest, taxes, depreciation, rent float64 }

func (im *importer) split() vaShares {
	av := im.s.EcoData.AddedValue
	// Negative wages, interest, depreciation or rent cannot be represented
	// (a chain's costs are not negative): each is left out, with a note,
	// and value added split among the other parts. Negative payments to
	// the government are net subsidies, which split1 represents.
	for _, p := range []struct {
		name string
		x    *float64
	}{{"employee wages", &av.EmployeeWages}, {"interest", &av.FinancialInstitutionsInterests}, {"depreciation", &av.Depreciation}, {"land owners' fees", &av.LandOwnersFees}} {
		if *p.x < 0 {
			im.note("", "the study's split of value added gives negative %s (%s), which a chain cannot hold: left out, value added split among the other parts", p.name, num(*p.x*im.cr))
			*p.x = 0
		}
	}
	if av.Government < 0 {
		im.note("", "the study's split of value added gives the government %s, a net subsidy: each actor's share is counted as subsidies", num(av.Government*im.cr))
	}
	total := av.EmployeeWages + av.FinancialInstitutionsInterests + av.Government + av.Depreciation + av.LandOwnersFees
	if total <= 0 {
		im.note("", "the study does not split value added: what is not net operating profit is counted as depreciation")
		return vaShares{depreciation: 1}
	}
	return vaShares{av.EmployeeWages / total, av.FinancialInstitutionsInterests / total, av.Government / total,
		av.Depreciation / total, av.LandOwnersFees / total}
}

// averageWage returns the wage per day of the actors that give employment,
// to impute the days of those that give none.
func (im *importer) averageWage(sh vaShares) float64 {
	var wages, days float64
	for _, a := range im.eco {
		if a.Employment == nil {
			continue
		}
		fte, _ := a.Employment.Total()
		if fte > 0 {
			wages += sh.wages * (*a.DirectAddedValue - *a.NetOperatingProfit) * im.cr
			days += fte * im.res.Chain.FTEDays
		}
	}
	if wages > 0 && days > 0 {
		return wages / days
	}
	return 1
}

// split1 splits an actor's value added less its net operating profit in
// the study's proportions and sets the parameters that give each part.
func (im *importer) split1(act *valuechain.Actor, a *Actor, va, revenue, ic float64, sh vaShares, wbar float64) {
	c := im.res.Chain
	rest := va - *a.NetOperatingProfit*im.cr
	if rest < 0 {
		act.Subsidies = -rest / act.Count
		im.note(a.Name, "its net operating profit exceeds its value added by %s: counted as subsidies", num(-rest))
		return
	}
	wages := rest * sh.wages
	var fte, female float64
	if a.Employment != nil {
		fte, female = a.Employment.Total()
	}
	if a.Employment != nil && act.Count >= 1000 && fte/act.Count > 20 {
		im.note(a.Name, "employment of %s FTE is %s FTE for each of its %s households or firms, which looks like person-days; vcsim reads it as FTE, as the VCA4D layout says (divide by the FTE definition in the study if it meant days)",
			num(fte), num(fte/act.Count), num(act.Count))
	}
	if wages > 0 && fte == 0 {
		fte = wages / wbar / c.FTEDays
		im.note(a.Name, "the study gives no employment: %s FTE imputed from its wages at the chain's average wage of %s a day", num(fte), num(wbar))
	}
	if q := mainVolume(im.prods[a.Name]); wages > 0 && q > 0 {
		days := fte * c.FTEDays
		act.Tasks = []valuechain.Task{{Name: "work (VCA4D employment)", DaysPerUnit: days / q}}
		act.AdultWage = wages / days
		if fte > 0 {
			fs := female / fte
			act.FemaleShare = &fs
		}
	} else if fte > 0 {
		im.note(a.Name, "employment of %s FTE is not represented: the study's split gives it no wages", num(fte))
	}
	unplaced := 0.0
	if act.AdultWage == 0 {
		unplaced += wages
	}
	if interest := rest * sh.interest; interest > 0 && ic > 0 {
		act.InterestRate = interest / ic
		act.CreditMonths = 12
	} else {
		unplaced += interest
	}
	if taxes := rest * sh.taxes; taxes < 0 {
		act.Subsidies = -taxes / act.Count // net subsidies (see split)
	} else if taxes > 0 && revenue > 0 {
		act.TaxRate = taxes / revenue
	} else {
		unplaced += taxes
	}
	if unplaced != 0 {
		im.note(a.Name, "%s of its value added cannot be wages, interest or taxes here (no output, costs or sales): counted as depreciation", num(unplaced))
	}
	act.Depreciation = (rest*sh.depreciation + unplaced) / act.Count
	act.LandRent = rest * sh.rent / act.Count
}

// slug makes an actor or product id from a name: lower-case letters and
// digits joined by underscores. slug(slug(x)) == slug(x).
func slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			under = false
		} else {
			under = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func title(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// num formats a number for notes.
func num(x float64) string {
	if math.Abs(x) >= 1e6 {
		return fmt.Sprintf("%.4g", x)
	}
	return fmt.Sprintf("%.2f", x)
}

package valuechain

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/ilo-rma/vcsim/lang"
)

// base is a valid two-actor chain; the bad chains below edit it.
const base = `name = "t"
currency = "USD"
poverty_line = 100
adult_wage = 10

[[actor]]
id = "farm"
kind = "household"
count = 10
output_per_unit = 100
price = 2
  [actor.household]
  adults = 2
  children_5_11 = 1

[[actor]]
id = "trader"
kind = "enterprise"
count = 1
price = 3

[[link]]
from = "farm"
to = "trader"
share = 0.5
`

// check parses and validates TOML text and returns the error text.
func check(text string) error {
	c, err := Parse([]byte(text), "t.toml")
	if c == nil {
		return err
	}
	return errors.Join(err, Validate(c, "t.toml"))
}

func TestBaseIsValid(t *testing.T) {
	if err := check(base); err != nil {
		t.Fatal(err)
	}
}

const gin = `
[[actor]]
id = "gin"
kind = "enterprise"
count = 1
  [[actor.product]]
  id = "lint"
  conversion = 0.35
  price = 8
  [[actor.product]]
  id = "seed"
  conversion = 0.6
  price = 1
`

// porters appends a service actor with the given keys to a chain and
// names it, with services, on the link farm -> trader.
func porters(keys, services string) string {
	return "[[actor]]\nid = \"porters\"\nkind = \"service\"\ncount = 3\n" + keys + "\n" +
		"[[link]]\nfrom = \"farm\"\nto = \"trader\"\nshare = 0.2\n" + services + "\n"
}

func TestBadChains(t *testing.T) {
	r := strings.Replace
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", r(base, "price = 3", "price = 3\nprcie = 3", 1), `t.toml:21: actor "trader": unknown key "prcie"`},
		{"unknown household key", r(base, "adults = 2", "adluts = 2", 1), `t.toml:13: actor "farm": household: unknown key "adluts"`},
		{"syntax", r(base, "price = 3", "price = ", 1), "t.toml:20"},
		{"type", r(base, "count = 1\n", "count = \"one\"\n", 1), "t.toml:19"},
		{"missing id", r(base, `id = "trader"`, ``, 1), "actor 2: id: is missing"},
		{"duplicate id", r(base, `id = "trader"`, `id = "farm"`, 1), `actor 2 ("farm"): id: is also the id of actor 1`},
		{"unknown buyer", r(base, `to = "trader"`, `to = "nobody"`, 1), `link 1 (farm -> nobody): to: names no actor: "nobody"`},
		{"unknown seller", r(base, `from = "farm"`, `from = "ghost"`, 1), `from: names no actor: "ghost"`},
		{"self link", r(base, `to = "trader"`, `to = "farm"`, 1), "an actor cannot sell to itself"},
		{"units that do not match", r(r(base, "price = 2\n", "price = 2\nunit = \"loads\"\n", 1), "price = 3\n", "price = 3\nunit = \"kg\"\n", 1),
			`link 1 (farm -> trader): to: the seller sells "loads" but "trader" counts "kg": give the buyer a conversion`},
		{"done_by", r(base, "children_5_11 = 1\n", "children_5_11 = 1\n  [[actor.task]]\n  days_per_unit = 1\n  done_by = \"kids\"\n", 1),
			`done_by: must be "anyone", "men", "women", "boys", "girls" or "adults", got "kids"`},
		{"hired ages", r(base, "price = 3\n", "price = 3\nchild_share = 0.1\nhired_child_ages = [0.5, 0.5, 0.5]\n", 1),
			`hired_child_ages: the shares of 5-11, 12-14 and 15-17 must add up to 1, got 1.5`},
		{"family time value", r(base, "children_5_11 = 1\n", "children_5_11 = 1\n  family_time_value = 1.5\n", 1),
			`family_time_value: must be between 0 and 1, got 1.5`},
		{"cycle", base + "[[actor]]\nid = \"b\"\nkind = \"enterprise\"\ncount = 1\nprice = 1\n" +
			"[[link]]\nfrom = \"trader\"\nto = \"b\"\nshare = 0.5\n[[link]]\nfrom = \"b\"\nto = \"trader\"\nshare = 0.5\n",
			"cycle, and a chain must flow one way: trader -> b -> trader"},
		{"a cycle with no primary producer", `name = "t"
currency = "USD"
[[actor]]
id = "a"
kind = "enterprise"
count = 1
price = 1
[[actor]]
id = "b"
kind = "enterprise"
count = 1
price = 1
[[link]]
from = "a"
to = "b"
share = 0.5
[[link]]
from = "b"
to = "a"
share = 0.5
`, "the links make a cycle, and a chain must flow one way: a -> b -> a"},
		{"shares over 1", base + "[[link]]\nfrom = \"farm\"\nto = \"trader\"\nshare = 0.7\n", "add up to 1.2: they must not exceed 1"},
		{"share over 1 on a link", r(base, "share = 0.5", "share = 1.5", 1), "share: must be between 0 and 1, got 1.5"},
		{"share zero", r(base, "share = 0.5", "share = 0", 1), "share: is missing or 0"},
		{"negative price", r(base, "price = 3", "price = -3", 1), `actor "trader": price: must not be negative, got -3`},
		{"NaN", r(base, "price = 3", "price = nan", 1), "price: must be a finite number, got NaN"},
		{"infinite count", r(base, "count = 1\n", "count = inf\n", 1), "count: must be a number greater than 0, got +Inf"},
		{"zero count", r(base, "count = 1\n", "count = 0\n", 1), `actor "trader": count: must be a number greater than 0, got 0`},
		{"fractional households", r(base, "count = 10", "count = 10.5", 1), "households are counted whole"},
		{"conversion zero", r(base, "price = 3", "price = 3\nconversion = 0", 1), "conversion: must be a number greater than 0, got 0"},
		{"conversion on primary", r(base, "price = 2", "price = 2\nconversion = 0.5", 1), "conversion: is given but the actor buys from no one"},
		{"loss of 1", r(base, "share = 0.5", "share = 0.5\nloss = 1", 1), "loss: must be in [0, 1), got 1"},
		{"negative loss", r(base, "share = 0.5", "share = 0.5\nloss = -0.1", 1), "loss: must be in [0, 1), got -0.1"},
		{"negative children", r(base, "children_5_11 = 1", "children_5_11 = -1", 1), "children_5_11: must not be negative, got -1"},
		{"no adults", r(base, "adults = 2", "adults = 0", 1), "adults: must be at least 1"},
		{"missing final price", r(base, "price = 3", "", 1), `trader sells 1 of its output to final demand but has no price`},
		{"missing link price", r(base, "price = 2", "", 1), "price: is needed: neither the link nor farm has a price"},
		{"unknown kind", r(base, `kind = "enterprise"`, `kind = "firm"`, 1), `kind: must be "household", "enterprise" or "service", got "firm"`},
		{"household without table", r(base, `kind = "enterprise"`, `kind = "household"`, 1), "household: is missing"},
		{"enterprise with household", r(base, `kind = "household"`, `kind = "enterprise"`, 1), `household: is given but kind is "enterprise"`},
		{"missing output", r(base, "output_per_unit = 100", "", 1), `actor "farm": output_per_unit: must be a number greater than 0, got 0`},
		{"output on buyer", r(base, "price = 3", "price = 3\noutput_per_unit = 5", 1), "output_per_unit: is given but the actor buys from other actors"},
		{"product missing on link", base + gin + "[[link]]\nfrom = \"gin\"\nto = \"trader\"\nshare = 1\n" +
			"[[link]]\nfrom = \"farm\"\nto = \"gin\"\nshare = 0.5\n", `product: is missing: actor "gin" makes several products (lint, seed)`},
		{"unknown product", base + gin + "[[link]]\nfrom = \"gin\"\nto = \"trader\"\nproduct = \"oil\"\nshare = 1\n" +
			"[[link]]\nfrom = \"farm\"\nto = \"gin\"\nshare = 0.5\n", `actor "gin" makes no product "oil"`},
		{"hazard exposure", r(base, "adults = 2", "adults = 2\nhazard_exposure = 1.5", 1), "hazard_exposure: must be between 0 and 1, got 1.5"},
		{"child suitable", base + "[[actor.task]]\nname = \"carry\"\ndays_per_unit = 1\nchild_suitable = 2\n", `task 1 ("carry"): child_suitable: must be between 0 and 1, got 2`},
		{"no poverty line", r(base, "poverty_line = 100", "", 1), "the chain needs a poverty_line > 0"},
		{"no currency", r(base, `currency = "USD"`, "", 1), "chain: currency: is missing"},
		{"sex and totals", r(base, "children_5_11 = 1", "children_5_11 = 1\ngirls_5_11 = 1", 1), "give children either by band"},
		{"no actors", "name = \"t\"\ncurrency = \"USD\"\n", "no actors"},
		{"service without fee", base + porters("", `services = ["porters"]`), `actor "porters": fee: must be a number greater than 0, got 0`},
		{"group named all", r(base, `id = "farm"`, `id = "all"`, 1), `t.toml:7: actor "all": id: "all" names a row of the results per household group`},
		{"fee on an enterprise", r(base, "price = 3\n", "price = 3\nfee = 1\n", 1), `actor "trader": fee: is given but kind is "enterprise": only a service actor`},
		{"service with a price", base + porters("fee = 1\nprice = 2", `services = ["porters"]`), `actor "porters": price: is given but the actor is a service`},
		{"service serves nothing", base + porters("fee = 1", ""), `actor "porters": kind: is "service" but no link names it`},
		{"service as a buyer", base + porters("fee = 1", `services = ["porters"]`) + "[[link]]\nfrom = \"farm\"\nto = \"porters\"\nshare = 0.1\n",
			`link 3 (farm -> porters): to: "porters" is a service: it neither sells nor buys the product`},
		{"unknown service", base + porters("fee = 1", `services = ["porters", "carts"]`), `services: names no actor: "carts"`},
		{"service not a service", base + porters("fee = 1", `services = ["porters", "trader"]`), `services: "trader" is not a service (kind = "enterprise")`},
		{"purchase price on a buyer", r(base, "price = 3\n", "price = 3\npurchase_price = 1\n", 1),
			`actor "trader": purchase_price: is given but the actor buys from other actors of the chain`},
		{"negative purchase price", r(base, "price = 2\n", "price = 2\npurchase_price = -1\n", 1),
			`actor "farm": purchase_price: must not be negative, got -1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := check(tt.text)
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestPurchasePriceMessage: a purchase outside the chain given to an actor
// that buys inside it is refused with its line, in English and Russian.
func TestPurchasePriceMessage(t *testing.T) {
	text := strings.Replace(base, "price = 3\n", "price = 3\npurchase_price = 1\n", 1)
	var ve *ValidationError
	if err := check(text); !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	line := strings.Count(text[:strings.Index(text, "purchase_price")], "\n") + 1
	for _, c := range []struct{ lang, want string }{
		{"en", fmt.Sprintf(`t.toml:%d: actor "trader": purchase_price: is given but the actor buys from other actors of the chain`, line)},
		{"ru", "вне цепочки покупает только участник, которому никто в цепочке не продаёт"},
	} {
		if got := ve.In(lang.Lang(c.lang)); !strings.Contains(got, c.want) {
			t.Errorf("%s: got\n%s\nwant it to contain %q", c.lang, got, c.want)
		}
	}
}

// TestServiceMessages: a service given a price is refused with the line of
// the key, in English and Russian; a valid porter service passes.
func TestServiceMessages(t *testing.T) {
	if err := check(base + porters("fee = 1", `services = ["porters"]`)); err != nil {
		t.Fatalf("a valid service: %v", err)
	}
	text := base + porters("fee = 1\nprice = 2", `services = ["porters"]`)
	var ve *ValidationError
	if err := check(text); !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	line := strings.Count(text[:strings.LastIndex(text, "price = 2")], "\n") + 1
	for _, c := range []struct{ lang, want string }{
		{"en", fmt.Sprintf(`t.toml:%d: actor "porters": price: is given but the actor is a service: it makes no product`, line)},
		{"ru", fmt.Sprintf(`t.toml:%d: участник "porters": price: указано, но участник — услуга: он не производит продукта`, line)},
	} {
		if got := ve.In(lang.Lang(c.lang)); !strings.Contains(got, c.want) {
			t.Errorf("%s: got\n%s\nwant it to contain %q", c.lang, got, c.want)
		}
	}
}

// TestSuppliedByMessages: supplied_by must name a household actor; an
// unknown one is refused at its line, in English and Russian, and a valid
// one passes.
func TestSuppliedByMessages(t *testing.T) {
	hire := func(group string) string {
		return strings.Replace(base, "price = 3\n", "price = 3\nchild_share = 0.2\nchild_wage = 4\nsupplied_by = \""+group+"\"\n", 1)
	}
	if err := check(hire("farm")); err != nil {
		t.Fatalf("a valid supplied_by: %v", err)
	}
	for _, c := range []struct{ group, en, ru string }{
		{"farms", `actor "trader": supplied_by: names "farms", but no actor has that id`, `участник "trader": supplied_by: называет "farms", но участника с таким кодом нет`},
		{"trader", `actor "trader": supplied_by: names "trader", whose kind is "enterprise": name a household actor`, `supplied_by: называет "trader", у которого kind = "enterprise"`},
	} {
		text := hire(c.group)
		var ve *ValidationError
		if err := check(text); !errors.As(err, &ve) {
			t.Fatalf("%s: got %v, want a *ValidationError", c.group, err)
		}
		line := strings.Count(text[:strings.Index(text, "supplied_by")], "\n") + 1
		for _, l := range []struct{ lang, want string }{{"en", c.en}, {"ru", c.ru}} {
			want := fmt.Sprintf("t.toml:%d: ", line)
			if got := ve.In(lang.Lang(l.lang)); !strings.Contains(got, want) || !strings.Contains(got, l.want) {
				t.Errorf("%s, %s: got\n%s\nwant %q and %q", c.group, l.lang, got, want, l.want)
			}
		}
	}
	text := strings.Replace(hire("farm"), "child_share = 0.2\n", "", 1)
	if err := check(text); err == nil || !strings.Contains(err.Error(), "supplied_by: is given but child_share is 0") {
		t.Errorf("supplied_by without child_share: got %v", err)
	}
}

func TestEveryProblemAtOnce(t *testing.T) {
	text := strings.Replace(base, "price = 3", "price = -3", 1)
	text = strings.Replace(text, "share = 0.5", "share = 0.5\nloss = 2", 1)
	text = strings.Replace(text, "count = 10", "count = -10", 1)
	var ve *ValidationError
	if err := check(text); !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	if len(ve.Problems) != 3 {
		t.Errorf("got %d problems, want 3:\n%v", len(ve.Problems), ve)
	}
}

// TestLoadMissingFile: a missing file or a folder is named with what is
// wrong, in English and in Russian.
func TestLoadMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ path, en, ru string }{
		{filepath.Join(dir, "none.toml"), "none.toml: does not exist (check the name and the folder)", "none.toml: не существует (проверьте имя файла и папку)"},
		{dir, ": is a folder, not a file", ": это папка, а не файл"},
	} {
		_, err := Load(c.path)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.HasSuffix(err.Error(), c.en) || !strings.HasSuffix(ErrorIn(err, "ru"), c.ru) {
			t.Errorf("got %v (in Russian %q), want an InputError ending %q (%q)", err, ErrorIn(err, "ru"), c.en, c.ru)
		}
	}
}

func TestOrderIsStable(t *testing.T) {
	c, err := Parse([]byte(base+gin+"[[link]]\nfrom = \"farm\"\nto = \"gin\"\nshare = 0.5\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		order, err := Order(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := []int{0, 1, 2}; order[0] != got[0] || order[1] != got[1] || order[2] != got[2] {
			t.Fatalf("order %v, want %v", order, got)
		}
	}
}

// FuzzLoadValidate checks that no input makes Parse, Validate or Order
// panic. Its seed corpus (the examples and the bad chains) runs in go test.
func FuzzLoadValidate(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(base + gin))
	for _, p := range []string{"../examples/cotton-tajikistan.toml", "../examples/tobacco-kyrgyzstan.toml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[[actor]]\nid = 1\n[[link]]\nfrom = [1]\n"))
	f.Add([]byte("name = \"x\"\n[[actor]]\n[actor.household]\nbeta = [1]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.toml")
		if c == nil {
			if err == nil {
				t.Fatal("no chain and no error")
			}
			return
		}
		if Validate(c, "fuzz.toml") == nil {
			if _, err := Order(c); err != nil {
				t.Fatalf("valid chain but Order fails: %v", err)
			}
		}
	})
}

func TestCloneIsDeep(t *testing.T) {
	c, err := Parse([]byte(base+gin+"[[link]]\nfrom = \"farm\"\nto = \"gin\"\nshare = 0.5\nprice = 2\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	d := c.Clone()
	d.Actors[0].Household.Children5to11 = 9
	*d.Actors[2].Products[0].Conversion = 9
	*d.Links[1].Price = 9
	d.Actors[0].Price = 9
	if c.Actors[0].Household.Children5to11 != 1 || *c.Actors[2].Products[0].Conversion != 0.35 ||
		*c.Links[1].Price != 2 || c.Actors[0].Price != 2 {
		t.Error("changing the clone changed the original")
	}
}

// TestWriteReadTOML: a chain written with the TOML encoder (as calibrate
// and import do) reads back the same, zeros of optional values included.
func TestWriteReadTOML(t *testing.T) {
	text := strings.Replace(base, "adults = 2", "adults = 2\nalpha = 0\nscale_sd = 0\nhazard_exposure = 0", 1)
	for _, src := range []string{text, mustRead(t, "../examples/cotton-tajikistan.toml"), mustRead(t, "../examples/tobacco-kyrgyzstan.toml")} {
		c, err := Parse([]byte(src), "in")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := toml.NewEncoder(&buf).Encode(c); err != nil {
			t.Fatal(err)
		}
		d, err := Parse(buf.Bytes(), "out")
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		c.pos, d.pos, c.index, d.index = nil, nil, nil, nil // the lines differ; the values must not
		if !reflect.DeepEqual(c, d) {
			t.Errorf("%s: the chain read back differs:\n%s", c.Name, buf.String())
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// FuzzLocate: the key scanner ends on any text (it once looped on a
// stray closing brace inside an array) and never panics.
func FuzzLocate(f *testing.F) {
	for _, s := range []string{"a = [1, }]\n", "x = [\n  {a = 1},\n", "[[actor]]\nid = 'a'\n[actor.household]\nalpha = 1\n", "s = \"\"\"\nq\n\"\"\"\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Locate(data)
	})
}

// TestUnitsMatch: units are compared without case and surrounding spaces,
// and a conversion on the buyer allows a change of unit.
func TestUnitsMatch(t *testing.T) {
	r := strings.Replace
	for _, tt := range []struct{ seller, buyer string }{
		{`unit = "kg"`, `unit = " KG "`},
		{`unit = "loads"`, "unit = \"kg\"\nconversion = 40"},
		{`unit = "kg"`, ``},
	} {
		text := r(r(base, "price = 2\n", "price = 2\n"+tt.seller+"\n", 1), "price = 3\n", "price = 3\n"+tt.buyer+"\n", 1)
		if err := check(text); err != nil {
			t.Errorf("%s -> %s: %v", tt.seller, tt.buyer, err)
		}
	}
}

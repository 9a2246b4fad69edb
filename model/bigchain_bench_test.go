package model

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

var benchActors = 100000

// BenchmarkSimulate100kActors simulates a chain of 100,000 enterprises
// trading in a line: everything but the households scales with actors.
func BenchmarkSimulate100kActors(b *testing.B) {
	n := benchActors
	var s strings.Builder
	s.WriteString("name = \"big\"\ncurrency = \"USD\"\nadult_wage = 10\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&s, "[[actor]]\nid = \"a%d\"\nkind = \"enterprise\"\ncount = 1\nprice = %d\n", i, i+1)
		if i == 0 {
			s.WriteString("output_per_unit = 100\n")
		}
	}
	for i := 1; i < n; i++ {
		fmt.Fprintf(&s, "[[link]]\nfrom = \"a%d\"\nto = \"a%d\"\nshare = 1\n", i-1, i)
	}
	c, err := valuechain.Parse([]byte(s.String()), "big.toml")
	if err != nil {
		b.Fatal(err)
	}
	if err := valuechain.Validate(c, "big.toml"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Simulate(c, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func init() {
	if s := os.Getenv("VCSIM_BENCH_ACTORS"); s != "" {
		benchActors, _ = strconv.Atoi(s)
	}
}

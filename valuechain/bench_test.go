package valuechain

import (
	"fmt"
	"strings"
	"testing"
)

// bigChain writes a chain of n enterprises trading in a line from one
// farm; with typos, every actor has a misspelt key.
func bigChain(n int, typos bool) []byte {
	var b strings.Builder
	b.WriteString("name = \"big\"\ncurrency = \"USD\"\nadult_wage = 10\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[actor]]\nid = \"a%d\"\nkind = \"enterprise\"\ncount = 1\nprice = %d\n", i, i+1)
		if i == 0 {
			b.WriteString("output_per_unit = 100\n")
		}
		if typos {
			b.WriteString("prcie = 1\n")
		}
	}
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "[[link]]\nfrom = \"a%d\"\nto = \"a%d\"\nshare = 1\n", i-1, i)
	}
	return []byte(b.String())
}

// BenchmarkParseTypos parses and validates a chain of 10,000 actors, each
// with a misspelt key (10,000 unknown-key errors with their lines).
func BenchmarkParseTypos(b *testing.B) {
	data := bigChain(10000, true)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		c, err := Parse(data, "big.toml")
		if err == nil {
			b.Fatal("no unknown-key errors")
		}
		Validate(c, "big.toml")
	}
}

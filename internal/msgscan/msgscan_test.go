package msgscan

import "testing"

// TestScan finds the formats this package's own source passes to
// strings.Join and regexp.MustCompile (argument 1 and 0), literal or not.
func TestScan(t *testing.T) {
	calls, err := Scan([]string{"."}, map[string]int{"MustCompile": 0, "Join": 1})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]Call{}
	for _, c := range calls {
		found[c.Func] = c
	}
	if c := found["MustCompile"]; !c.Literal || c.Format != `%[-+# 0-9.]*[a-zA-Z%]` {
		t.Errorf("MustCompile: %+v", c)
	}
	if c := found["Join"]; !c.Literal || c.Format != " " {
		t.Errorf("Join: %+v", c)
	}
}

func TestVerbs(t *testing.T) {
	for f, want := range map[string]string{"%d of %q": "%d %q", "100%% at %.3g": "%% %.3g", "none": ""} {
		if got := Verbs(f); got != want {
			t.Errorf("Verbs(%q) = %q, want %q", f, got, want)
		}
	}
}

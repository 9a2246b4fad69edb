package valuechain

import (
	"fmt"
	"strings"
	"testing"
)

// TestReach: distributions whose draws can all be finite pass; those
// that cannot are refused with the reason.
func TestReach(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    map[string]any
		want string // "" passes
	}{
		{"normal", map[string]any{"dist": "normal", "mean": 160.0, "sd": 10.0}, ""},
		// min 3 sd above the mean keeps 1 - Phi(3) = 0.00135 of the mass.
		{"normal cut at 3 sd", map[string]any{"dist": "normal", "mean": 160.0, "sd": 10.0, "min": 190.0}, ""},
		// min 5.5 sd above keeps 1.9e-8 < 1e-6.
		{"normal cut at 5.5 sd", map[string]any{"dist": "normal", "mean": 160.0, "sd": 10.0, "min": 215.0}, "min and max keep 1.9e-08 of the normal distribution"},
		{"normal cut below", map[string]any{"dist": "normal", "mean": 160.0, "sd": 10.0, "max": 50.0}, "50 is -11 sd from the mean"},
		{"normal sd overflows", map[string]any{"dist": "normal", "mean": 1.0, "sd": 1e308}, "reach numbers that are not finite"},
		{"lognormal", map[string]any{"dist": "lognormal", "mean": 160.0, "sd": 30.0}, ""},
		{"lognormal tiny mean", map[string]any{"dist": "lognormal", "mean": 1e-300, "sd": 1.0}, "give draws that are not finite numbers above 0"},
		{"uniform", map[string]any{"dist": "uniform", "min": -1e300, "max": 1e300}, ""},
		{"uniform overflows", map[string]any{"dist": "uniform", "min": -1e308, "max": 1e308}, "too wide to draw from"},
	} {
		_, bad := parseDistribution(tc.m)
		var got string
		for _, p := range bad {
			got += " " + fmt.Sprintf(p.format, p.args...)
		}
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

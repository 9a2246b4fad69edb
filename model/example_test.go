package model_test

import (
	"fmt"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

func ExampleSimulate() {
	c, err := valuechain.Load("testdata/small.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := valuechain.Validate(c, "small.toml"); err != nil {
		fmt.Println(err)
		return
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range r.Accounts {
		fmt.Printf("%-8s value added %6.1f (%4.1f%%)\n", a.Actor, a.ValueAdded, 100*a.VAShare)
	}
	fmt.Printf("producer share %.1f%%\n", 100*r.Margins[0].Share)
	// Output:
	// farm     value added 1700.0 (59.2%)
	// gin      value added  771.0 (26.9%)
	// exporter value added  399.0 (13.9%)
	// producer share 49.5%
}

func ExampleDecision_Hours() {
	// One child, alpha + beta = 1: h = alpha H - (1 - alpha)(Y0 - s)/(v W).
	d := model.Decision{N: [3]float64{1}, V: [3]float64{0.5}, Beta: [3]float64{0.4},
		Alpha: 0.6, S: 1000, H: 40, W: 10}
	fmt.Printf("%.1f hours a week\n", d.Hours(1100)[0])
	// Output: 16.0 hours a week
}

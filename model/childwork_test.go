package model

import (
	"fmt"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// oneBand is a household with one child aged 5-11 whose hour of work is
// worth 0.5, 40 hours a week to give and a 10-week season: a full week's
// work over the season is worth 0.5 x 40 x 10 = 200.
func oneBand(alpha, beta, s float64) Decision {
	return Decision{N: [nb]float64{1}, V: [nb]float64{0.5}, Beta: [nb]float64{beta},
		Alpha: alpha, S: s, H: 40, W: 10}
}

func TestHoursOneBandClosedForm(t *testing.T) {
	// alpha + beta = 1: h = alpha H - (1 - alpha)(Y0 - s)/(v W)
	// = 0.6 x 40 - 0.4 x (1100 - 1000)/5 = 24 - 8 = 16.
	d := oneBand(0.6, 0.4, 1000)
	approx(t, "h", d.Hours(1100)[0], 16)
	// Y0 = 1000 = s: h = 0.6 x 40 = 24.
	approx(t, "h at subsistence", d.Hours(1000)[0], 24)
	// Y0 = 950: h = 24 + 0.4 x 50 / 5 = 28.
	approx(t, "h below subsistence", d.Hours(950)[0], 28)
}

func TestHoursBasuVanLimit(t *testing.T) {
	// alpha -> 0: h = max(0, (s - Y0)/(n v W)). Two children, s - Y0 = 100:
	// h = 100 / (2 x 0.5 x 10) = 10.
	for _, alpha := range []float64{0, 1e-12} {
		d := Decision{N: [nb]float64{2}, V: [nb]float64{0.5}, Beta: [nb]float64{0.3},
			Alpha: alpha, S: 1000, H: 40, W: 10}
		if h := d.Hours(900)[0]; !near(h, 10, 1e-9) {
			t.Errorf("alpha %g: h = %v, want 10", alpha, h)
		}
		// Above subsistence the children do not work (luxury axiom).
		if h := d.Hours(1000.01)[0]; h != 0 {
			t.Errorf("alpha %g: h above subsistence = %v, want 0", alpha, h)
		}
	}
}

func TestHoursClamping(t *testing.T) {
	d := oneBand(0.5, 0.5, 1000)
	// Rich household: h = 0.5 x 40 - 0.5 x 1000 / 5 = -80, clamped to 0.
	if h := d.Hours(2000)[0]; h != 0 {
		t.Errorf("rich: h = %v, want 0", h)
	}
	// Full income M = 500 + 200 = 700 below s = 1000: every child works H.
	if h := d.Hours(500)[0]; h != 40 {
		t.Errorf("M < s: h = %v, want H = 40", h)
	}
	// M = 800 + 200 = s exactly: H as well.
	if h := d.Hours(800)[0]; h != 40 {
		t.Errorf("M = s: h = %v, want H = 40", h)
	}
}

func TestHoursBandClampsAndRestResolved(t *testing.T) {
	// Bands 5-11 (v 0.25, beta 0.5) and 12-14 (v 0.5, beta 0.1), alpha 1,
	// s 1000, Y0 1100. First pass: M = 1100 + 100 + 200 = 1400, alpha + B =
	// 1.6; 5-11 leisure 0.5 x 400 / (2.5 x 1.6) = 50 >= 40: clamps at 0.
	// Again with 12-14 alone: M = 1300, alpha + B = 1.1, leisure
	// 0.1 x 300 / (5 x 1.1) = 60/11, h = 40 - 60/11 = 380/11.
	d := Decision{N: [nb]float64{1, 1}, V: [nb]float64{0.25, 0.5}, Beta: [nb]float64{0.5, 0.1},
		Alpha: 1, S: 1000, H: 40, W: 10}
	h := d.Hours(1100)
	if h[0] != 0 {
		t.Errorf("5-11: h = %v, want 0", h[0])
	}
	approx(t, "12-14", h[1], 380.0/11)
	if h[2] != 0 {
		t.Errorf("15-17 has no children but h = %v", h[2])
	}
}

func TestHoursFarmCap(t *testing.T) {
	// Two children choose 30 hours over 10 weeks: 2 x 30 x 10 / 8 = 75 days.
	// The farm has 50 child-suitable days: hours scale by 50/75 to 20.
	d := Decision{N: [nb]float64{1, 1}, W: 10}
	h := d.Cap([nb]float64{30, 30}, 8, 50)
	approx(t, "5-11 capped", h[0], 20)
	approx(t, "12-14 capped", h[1], 20)
	// Under the cap nothing changes.
	h = d.Cap([nb]float64{30, 30}, 8, 100)
	approx(t, "uncapped", h[0], 30)
}

func TestDecide(t *testing.T) {
	// Scale 1.5: need 1.5 x 300 = 450 days, family 200, hired 250 x 10;
	// Y0 = 1.5 x 2000 - 2500 + 500 = 1000. v = 0.4 x 10 / 8 = 0.5, alpha
	// 0.6, beta 0.4, s 900: M = 1200, leisure 0.4 x 300 / 5 = 24, h = 16.
	// Child days 16 x 10 / 8 = 20 (cap 150); income 1000 + 0.5 x 16 x 10 = 1080;
	// child days worth 0.4 x 20 = 8 adult days: 442 adult days, 200 family, 242 hired.
	hh := Household{
		Decision: Decision{N: [nb]float64{1}, V: [nb]float64{0.5}, Beta: [nb]float64{0.4},
			Alpha: 0.6, S: 900, H: 40, W: 10},
		NetFarm: 2000, Need: 300, CapDays: 100, FamilyDays: 200, Wage: 10, OtherIncome: 500,
		Gamma: [nb]float64{0.4, 0.7, 0.9}, HoursPerDay: 8,
		FamilyTimeValue: 1,
	}
	o := hh.Decide(1.5, 1)
	approx(t, "Y0", o.Y0, 1000)
	approx(t, "hours", o.Hours[0], 16)
	approx(t, "income", o.Income, 1080)
	approx(t, "child days", o.ChildDays, 20)
	approx(t, "family days", o.FamilyDays, 200)
	approx(t, "hired days", o.HiredDays, 242)
	// A small farm (scale 0.1) has 10 child-suitable days: the children's
	// wish is capped there.
	o = hh.Decide(0.1, 1)
	approx(t, "capped child days", o.ChildDays, 10)
}

func TestClassify(t *testing.T) {
	const (
		young  = valuechain.Band5to11
		middle = valuechain.Band12to14
		old    = valuechain.Band15to17
	)
	tests := []struct {
		band         int
		hours        float64
		exposed      bool
		cl, hazardCL bool
	}{
		{young, 0, false, false, false},
		{young, 0.5, true, false, false},
		{young, 1, false, true, false},
		{young, 1, true, true, true},
		{young, 30, false, true, false},
		{middle, 0, true, false, false},
		{middle, 5, false, false, false},
		{middle, 13.9, false, false, false},
		{middle, 14, false, true, false},
		{middle, 5, true, true, true},
		{middle, 20, true, true, true},
		{old, 0, true, false, false},
		{old, 20, false, false, false},
		{old, 42.9, false, false, false},
		{old, 43, false, true, false},
		{old, 2, true, true, true},
		{old, 50, true, true, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%gh/exposed=%v", valuechain.BandNames[tt.band], tt.hours, tt.exposed), func(t *testing.T) {
			cl, haz := Classify(tt.band, tt.hours, tt.exposed)
			if cl != tt.cl || haz != tt.hazardCL {
				t.Errorf("Classify = (%v, %v), want (%v, %v)", cl, haz, tt.cl, tt.hazardCL)
			}
		})
	}
}

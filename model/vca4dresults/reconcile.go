package vca4dresults

import (
	"fmt"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
	"io"
	"math"
	"text/tabwriter"

	"github.com/ilo-rma/vcsim/model"
)

// Line compares one actor of a study with vcsim's baseline of the imported chain.
type Line struct {
	Actor         string // study name
	StudyVA, VA   float64
	StudyNOP, NOP float64
	Complete      bool // the actor's flows list all its sales
}

// Reconciliation compares a study with vcsim's run of its imported chain.
type Reconciliation struct {
	Lines         []Line
	StudyVA, VA   float64 // chain totals
	StudyNOP, NOP float64
	Notes         []vca4d.Note
}

// Reconcile runs the imported chain and compares it with the study, in the
// chain's currency (the study's aggregates times its currency ratio).
func Reconcile(s *vca4d.Study, im *vca4d.Result) (*Reconciliation, error) {
	r, err := model.Simulate(im.Chain, model.Options{Seed: 1})
	if err != nil {
		return nil, err
	}
	rec := &Reconciliation{Notes: im.Notes}
	incomplete := map[string]bool{}
	for _, n := range im.Notes {
		incomplete[n.Actor] = true
	}
	for _, a := range s.EcoData.Actors {
		if !a.Economic() {
			continue
		}
		_, i := im.Chain.Actor(im.IDs[a.Name])
		acc := r.Accounts[i]
		l := Line{Actor: a.Name, StudyVA: *a.DirectAddedValue * s.CurrencyRatio, VA: acc.ValueAdded,
			StudyNOP: *a.NetOperatingProfit * s.CurrencyRatio, NOP: acc.NetOperatingProfit, Complete: !incomplete[a.Name]}
		rec.Lines = append(rec.Lines, l)
		rec.StudyVA += l.StudyVA
		rec.VA += l.VA
		rec.StudyNOP += l.StudyNOP
		rec.NOP += l.NOP
	}
	return rec, nil
}

// Write prints the reconciliation table and the notes.
func (rec *Reconciliation) Write(w io.Writer, currency string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "actor\tstudy VA\tvcsim VA\tdiff\tstudy NOP\tvcsim NOP\tdiff\tflows\t\n")
	for _, l := range rec.Lines {
		flows := "complete"
		if !l.Complete {
			flows = "see notes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", l.Actor, num(l.StudyVA), num(l.VA), pct(l.VA, l.StudyVA),
			num(l.StudyNOP), num(l.NOP), pct(l.NOP, l.StudyNOP), flows)
	}
	fmt.Fprintf(tw, "whole chain (%s)\t%s\t%s\t%s\t%s\t%s\t%s\t\t\n", currency, num(rec.StudyVA), num(rec.VA), pct(rec.VA, rec.StudyVA),
		num(rec.StudyNOP), num(rec.NOP), pct(rec.NOP, rec.StudyNOP))
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rec.Notes) > 0 {
		fmt.Fprintln(w, "\nWhere the study's data needed a decision:")
		for _, n := range rec.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	return nil
}

func pct(got, want float64) string {
	if want == 0 {
		if got == 0 {
			return "0.00%"
		}
		return "n/a"
	}
	return fmt.Sprintf("%+.2f%%", 100*(got-want)/abs(want))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// num formats a number of the table as the importer's notes do.
func num(x float64) string {
	if math.Abs(x) >= 1e6 {
		return fmt.Sprintf("%.4g", x)
	}
	return fmt.Sprintf("%.2f", x)
}

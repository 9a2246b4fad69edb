package model

import (
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// TaskLabour is the labour of one task of an actor (docs/model.md section
// 4): its days, the children's days taken off it (in proportion to its
// child-suitable days), the adults' days left and, where the actor gives
// female_share or the task is done by one sex, the women's and men's days.
type TaskLabour struct {
	Actor, Task, DoneBy string
	Hazardous           bool
	Days                float64 // adult-equivalent days the task needs
	ChildDays           float64 // children's days on it
	AdultDays           float64 // adults' days on it
	FemaleDays          float64 // NaN when the split by sex is unknown
	MaleDays            float64 // NaN when the split by sex is unknown
}

// Tasks returns the labour of every task of every actor, in file order.
// Task by task it is the split of femaleDays: an actor's adult-equivalent
// days children did (its need less its adults' days) come off its tasks
// in proportion to their child-suitable days, and its child days likewise;
// women do all of a women-only task's adult days, none of a men-only
// task's, and female_share of the others'. The tasks of an actor add up
// to its row of labour.csv.
func (r *Result) Tasks() []TaskLabour {
	var rows []TaskLabour
	for i := range r.Chain.Actors {
		a, lab := &r.Chain.Actors[i], &r.Labour[i]
		var need, cs float64
		for _, t := range a.Tasks {
			need += t.DaysPerUnit
			cs += t.DaysPerUnit * childSuitable(t)
		}
		if need == 0 {
			continue
		}
		childAE := max(lab.Need-lab.AdultDays(), 0)
		for _, t := range a.Tasks {
			row := TaskLabour{Actor: a.ID, Task: t.Name, DoneBy: t.DoneBy, Hazardous: t.Hazardous,
				Days: lab.Need * t.DaysPerUnit / need}
			if row.DoneBy == "" {
				row.DoneBy = valuechain.DoneByAnyone
			}
			row.AdultDays = row.Days
			if cs > 0 {
				k := t.DaysPerUnit * childSuitable(t) / cs
				row.AdultDays = max(row.Days-childAE*k, 0)
				row.ChildDays = lab.ChildDays * k
			}
			share := math.NaN()
			if a.FemaleShare != nil {
				share = *a.FemaleShare
			}
			switch t.DoneBy {
			case valuechain.DoneByWomen:
				share = 1
			case valuechain.DoneByMen:
				share = 0
			}
			row.FemaleDays = share * row.AdultDays
			row.MaleDays = row.AdultDays - row.FemaleDays
			rows = append(rows, row)
		}
	}
	return rows
}

package tables_test

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/uncertainty"
)

// TestEveryColumnLabelled: every column of every table vcsim writes (the
// tables of the list, and those of pam, sensitivity and the Monte Carlo)
// has an English and a Russian label, the Russian one in Cyrillic (Latin
// letters only for the matrix's letters and acronyms in brackets), and
// every sheet name fits Excel (31 characters, none of :\/?*[]).
func TestEveryColumnLabelled(t *testing.T) {
	rows := []any{[]tables.AccountRow{}, []tables.MarginRow{}, []tables.LabourRow{}, []tables.TaskRow{}, []tables.ChildRow{},
		[]tables.HouseholdRow{}, []tables.DetailRow{}, []tables.GroupSchoolRow{}, []tables.ScenarioSchoolRow{},
		[]tables.YearRow{}, []tables.SummaryRow{}, []tables.EquilibriumRow{},
		[]uncertainty.UncertaintyRow{}, []uncertainty.PairRow{}, []uncertainty.TornadoRow{}, []uncertainty.SobolRow{},
		[]pam.CSVRow{}, []pam.ScenarioRow{}}
	for _, r := range rows {
		for _, c := range tables.Columns(r) {
			if c.EN == c.Key && c.RU == c.Key {
				t.Errorf("%T: column %s has no label", r, c.Key)
			}
			ru := c.RU
			if i := strings.Index(ru, "("); i >= 0 {
				ru = ru[:i]
			}
			for _, ch := range ru {
				if ch < 128 && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') && !strings.HasPrefix(c.Key, "s1") && !strings.HasPrefix(c.Key, "st") {
					t.Errorf("%T: column %s: Latin letters in the Russian label %q", r, c.Key, c.RU)
					break
				}
			}
		}
	}
	for _, tb := range tables.List {
		if tb.JSON {
			continue
		}
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			s := tb.Sheet(l)
			if len([]rune(s)) > 31 || strings.ContainsAny(s, `:\/?*[]`) {
				t.Errorf("sheet %q of %s does not fit Excel", s, tb.Name)
			}
		}
	}
}

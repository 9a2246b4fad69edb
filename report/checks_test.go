package report

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestChecks: the report lists the assessment's plausibility warnings
// after the summary, each with the line of its key, the number, the
// plausible range, what is wrong and a hint, in English and Russian; a
// chain without warnings has no such section.
func TestChecks(t *testing.T) {
	data, err := examples.Chain("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	const old = "days_per_unit = 0.12\n" // the farm's leaf harvest, days a kg
	line := strings.Count(text[:strings.Index(text, old)], "\n") + 1
	write := func(text string, l lang.Lang) string {
		c, err := valuechain.Parse([]byte(text), "c.toml")
		if err == nil {
			err = valuechain.Validate(c, "c.toml")
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Seed: 1, ChainName: "c.toml"}, assess.Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, From(a, l, nil, "")); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if html := write(text, lang.EN); strings.Contains(html, `id="checks"`) {
		t.Error("the example's report has a checks section")
	}
	// 120 days a kg instead of 0.12 (days per tonne typed as days per kg):
	// the farm's need per adult is 19,500 days a year, above 5 x 366 = 1830.
	bad := strings.Replace(text, old, "days_per_unit = 120\n", 1)
	for _, tc := range []struct {
		l    lang.Lang
		want []string
	}{
		{lang.EN, []string{"<h2>Numbers to check</h2>", "<th>Line or cell</th><th>Where</th><th>Number</th><th>Plausible range</th><th>What is wrong</th><th>Hint</th>",
			"<td>actor &#34;farm&#34;: task.days_per_unit</td><td>19,500</td><td>at most 1830</td><td>the tasks need 19500 days a year per adult",
			"<td>days per tonne typed as days per kg? days_per_unit is per unit of the actor&#39;s product</td>"}},
		{lang.RU, []string{"<h2>Числа, которые нужно проверить</h2>", "<th>Строка или ячейка</th><th>Где</th><th>Число</th><th>Правдоподобные значения</th><th>Что не так</th><th>Подсказка</th>",
			"<td>участник &#34;farm&#34;: task.days_per_unit</td><td>19\u00a0500</td><td>не больше 1830</td><td>число дней работы в год на взрослого в домохозяйствах — 19500",
			"<td>дни на тонну введены как дни на кг? days_per_unit — на единицу продукта участника</td>"}},
	} {
		html := strings.ReplaceAll(write(bad, tc.l), softHyphen, "") // the headers' soft hyphens (hyphenateRU)
		at := "<td>c.toml:" + strconv.Itoa(line) + "</td>"
		for _, s := range append(tc.want, at) {
			if !strings.Contains(html, s) {
				t.Errorf("%s: the report lacks %q", tc.l, s)
			}
		}
		if i, j := strings.Index(html, `id="summary"`), strings.Index(html, `id="checks"`); i < 0 || j < i || j > strings.Index(html, `id="map"`) {
			t.Errorf("%s: the checks are not right after the summary", tc.l)
		}
	}
}

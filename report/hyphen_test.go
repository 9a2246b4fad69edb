package report

import (
	"strings"
	"testing"
)

// TestHyphenateRU: the soft hyphens of the report's longest Russian
// headers, by the rules of Russian hyphenation (worked by hand: no part
// without a vowel, no single letter alone, й/ь/ъ with the letter before,
// consonant groups split after their first consonant); words shorter than
// seven letters and the hyphen of a compound are left alone.
func TestHyphenateRU(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Промежуточное потребление", "Про-ме-жу-точ-ное пот-реб-ле-ние"},
		{"Соотношение выгод и затрат", "Со-от-но-ше-ние выгод и затрат"},
		{"Предотвращено ребёнко-лет", "Пре-дот-вра-ще-но ре-бён-ко-лет"},
		{"ДС на домохозяйство или предприятие", "ДС на до-мо-хо-зяй-ство или пред-при-ятие"},
		{"Затраты на ребёнко-год", "Зат-ра-ты на ре-бён-ко-год"},
		{"подъезды раньшего бойнями, объём", "подъ-ез-ды рань-ше-го бой-ня-ми, объём"},
		{"Стоимость, распространённость", "Сто-имость, рас-прос-тра-нён-ность"},
		{"Value added, KGS", "Value added, KGS"},
	} {
		if got := strings.ReplaceAll(hyphenateRU(tc.in), softHyphen, "-"); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
		if got := strings.ReplaceAll(hyphenateRU(tc.in), softHyphen, ""); got != tc.in {
			t.Errorf("%q: the letters changed: %q", tc.in, got)
		}
	}
}

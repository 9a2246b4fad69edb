package scenarios

import (
	"testing"

	"github.com/ilo-rma/vcsim/lang"
)

// TestDescriptionRU: description_ru is read and said in Russian; without
// it the Russian report shows the description as written.
func TestDescriptionRU(t *testing.T) {
	s := Scenario{Description: "Field schools.", DescriptionRU: "Полевые школы."}
	if got := s.DescriptionIn(lang.RU); got != "Полевые школы." {
		t.Errorf("ru: %q", got)
	}
	if got := s.DescriptionIn(lang.EN); got != "Field schools." {
		t.Errorf("en: %q", got)
	}
	s.DescriptionRU = " "
	if got := s.DescriptionIn(lang.RU); got != "Field schools." {
		t.Errorf("ru without description_ru: %q", got)
	}
}

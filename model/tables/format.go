package tables

import "github.com/ilo-rma/vcsim/lang"

// Thousands formats x rounded to a whole number in English: 1234567.8 ->
// "1,234,568" (lang.EN.Thousands, the one English formatter).
func Thousands(x float64) string { return lang.EN.Thousands(x) }

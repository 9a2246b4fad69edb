package tables

import (
	"math"
	"strconv"
	"strings"
)

// Thousands formats x rounded to a whole number with commas between
// thousands: 1234567.8 -> "1,234,568".
func Thousands(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	s := strconv.FormatFloat(math.Abs(math.Round(x)), 'f', 0, 64)
	var b strings.Builder
	if math.Round(x) < 0 {
		b.WriteByte('-')
	}
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// Percent formats a share as a percentage with one decimal: 0.1234 -> "12.3%".
func Percent(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// Decimal formats x with two decimals.
func Decimal(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

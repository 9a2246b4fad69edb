//go:build !windows && !linux && !darwin

package main

import "os"

// isTTY reports whether f is a character device (a terminal, or
// /dev/null: the safe side, as vcsim then prints its help).
func isTTY(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

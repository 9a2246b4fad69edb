//go:build !unix

package web

import "testing"

// mkfifo does nothing where there are no named pipes.
func mkfifo(t *testing.T, path string) {}

// Command holdfile holds a file open on Windows as Excel does (no sharing
// with writers) until it is killed: .ci/wine-smoke uses it to check that
// vcsim refuses to replace it and says to close it.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	p, err := syscall.UTF16PtrFromString(os.Args[1])
	if err != nil {
		panic(err)
	}
	// Share mode FILE_SHARE_READ only: others may read it, not write or rename it.
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "holdfile:", err)
		os.Exit(1)
	}
	defer syscall.CloseHandle(h)
	fmt.Println("holding", os.Args[1])
	time.Sleep(time.Hour)
}

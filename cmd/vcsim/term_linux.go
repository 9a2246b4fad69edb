package main

import (
	"os"
	"syscall"
	"unsafe"
)

// isTTY reports whether f is a terminal (the TCGETS ioctl succeeds).
func isTTY(f *os.File) bool {
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return e == 0
}

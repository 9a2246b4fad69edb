package outfile

import (
	"errors"
	"syscall"
)

// isLocked reports whether err is Windows refusing a file that another
// program holds open: a sharing or lock violation, or access denied
// (what renaming over a file Excel has open gives).
var isLocked = func(err error) bool {
	return errors.Is(err, syscall.Errno(32)) || // ERROR_SHARING_VIOLATION
		errors.Is(err, syscall.Errno(33)) || // ERROR_LOCK_VIOLATION
		errors.Is(err, syscall.ERROR_ACCESS_DENIED)
}

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"unsafe"

	"github.com/ilo-rma/vcsim/lang"
)

var (
	kernel32                  = syscall.NewLazyDLL("kernel32.dll")
	procGetConsoleProcessList = kernel32.NewProc("GetConsoleProcessList")
	procGetUserDefaultUILang  = kernel32.NewProc("GetUserDefaultUILanguage")
	shell32                   = syscall.NewLazyDLL("shell32.dll")
	procSHGetKnownFolderPath  = shell32.NewProc("SHGetKnownFolderPath")
	ole32                     = syscall.NewLazyDLL("ole32.dll")
	procCoTaskMemFree         = ole32.NewProc("CoTaskMemFree")
)

// fromFileManager reports whether vcsim was started from Explorer: then
// Windows made a console for it alone, and the console's process list
// holds only vcsim (from cmd.exe or PowerShell it holds the shell too).
func fromFileManager() bool {
	if procGetConsoleProcessList.Find() != nil {
		return false
	}
	var ids [4]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}

// systemLang returns the language of Windows' user interface: ru for
// Russian, Kyrgyz and Tajik (see langOfLocale), en otherwise.
func systemLang() lang.Lang {
	if procGetUserDefaultUILang.Find() != nil {
		return envLang(os.Getenv)
	}
	id, _, _ := procGetUserDefaultUILang.Call()
	switch id & 0x3ff { // the primary language of the LANGID
	case 0x19, 0x40, 0x28: // Russian, Kyrgyz, Tajik
		return lang.RU
	}
	return lang.EN
}

// folderIDDocuments is FOLDERID_Documents,
// {FDD39AD0-238F-46AF-ADB4-6C85480369C7}.
var folderIDDocuments = syscall.GUID{Data1: 0xFDD39AD0, Data2: 0x238F, Data3: 0x46AF, Data4: [8]byte{0xAD, 0xB4, 0x6C, 0x85, 0x48, 0x03, 0x69, 0xC7}}

// documents returns the user's Documents folder (where Windows keeps it,
// OneDrive included), or "".
func documents() string {
	if procSHGetKnownFolderPath.Find() == nil {
		var p *uint16
		r, _, _ := procSHGetKnownFolderPath.Call(uintptr(unsafe.Pointer(&folderIDDocuments)), 0, 0, uintptr(unsafe.Pointer(&p)))
		if r == 0 && p != nil {
			n := 0
			for *(*uint16)(unsafe.Add(unsafe.Pointer(p), 2*n)) != 0 {
				n++
			}
			s := syscall.UTF16ToString(unsafe.Slice(p, n))
			procCoTaskMemFree.Call(uintptr(unsafe.Pointer(p)))
			return s
		}
	}
	if h := os.Getenv("USERPROFILE"); h != "" {
		return filepath.Join(h, "Documents")
	}
	return ""
}

package outfile

import (
	"fmt"

	"github.com/ilo-rma/vcsim/lang"
)

// ruMessages holds the Russian of this package's messages, by their
// English format; the arguments are the same, in the same order. A test
// checks that every format has one.
var ruMessages = map[string]string{
	"is written twice by this command": "записывается этой командой дважды",
	"cannot be checked: %v":            "не удаётся проверить: %v",
	"%s is the %s file (%s): vcsim never writes over its inputs; choose another name":                "%s — это файл %s (%s): vcsim никогда не пишет поверх входных файлов; выберите другое имя",
	"is open in another program, probably Excel: close %s there and run again (nothing was written)": "открыт в другой программе, вероятно в Excel: закройте %s в Excel и запустите команду снова (ничего не записано)",
	"is open in another program, probably Excel: close %s there and run again":                       "открыт в другой программе, вероятно в Excel: закройте %s в Excel и запустите команду снова",
	"is a folder, not a file": "это папка, а не файл",
	"exists and is not an unchanged vcsim output (see docs/outputs.md): give --force to replace it, or choose another name": "уже существует и не является неизменённым результатом vcsim (см. docs/outputs.md): укажите --force, чтобы заменить его, или выберите другое имя",
	"is a file, not a folder: %s needs a folder here":                                                                       "это файл, а не папка: для %s здесь нужна папка",
	"--format must be one of %s, got %q":                                                                                    "--format должен быть одним из: %s, указано %q",
	"--out %s ends in .%s but --format is %s: make them agree":                                                              "--out %s оканчивается на .%s, а --format указан %s: согласуйте их",
	"--out %s: vcsim writes %s files here, not .%s":                                                                         "--out %s: здесь vcsim записывает файлы %s, а не .%s",
}

// ruRoles names the inputs in Russian, in the genitive ("the chain file"
// is "файл цепочки").
var ruRoles = map[string]string{
	"chain": "цепочки", "scenarios": "сценариев", "survey": "обследования", "study": "исследования",
	"criteria": "критериев", "input": "входных данных",
}

// role is an input's role as an argument of a message: say translates it.
type role string

// say returns msg in the language lang: its format's Russian with the same
// arguments (roles translated), or msg.
func say(l lang.Lang, msg, format string, args []any) string {
	ru, ok := ruMessages[format]
	if l != lang.RU || !ok {
		return msg
	}
	out := make([]any, len(args))
	for i, a := range args {
		if r, isRole := a.(role); isRole {
			a = ruRoles[string(r)]
		}
		out[i] = a
	}
	return fmt.Sprintf(ru, out...)
}

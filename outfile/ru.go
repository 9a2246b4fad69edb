package outfile

import (
	"fmt"

	"github.com/ilo-rma/vcsim/lang"
)

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
	f, ok := l.Text(format)
	if !ok {
		return msg
	}
	out := make([]any, len(args))
	for i, a := range args {
		if r, isRole := a.(role); isRole && l == lang.RU {
			a = ruRoles[string(r)]
		}
		out[i] = a
	}
	return fmt.Sprintf(f, out...)
}

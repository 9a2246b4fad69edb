package lang

import "strings"

// Key returns the readable name of a chain file's key, with its unit, in
// language l: "price" is "Price (currency per unit)"; a key it does not
// know is returned as it is. The workbooks head their columns with it and
// the report labels its assumptions with it.
func (l Lang) Key(key string) string {
	if item, ok := strings.CutPrefix(key, "costs."); ok {
		return l.keyLabel("costs.") + item
	}
	base := key
	if i := indexAny(key, "["); i > 0 {
		base = key[:i]
	}
	if j := lastDot(base); j >= 0 {
		if s := l.keyLabel(base[j+1:]); s != "" {
			return s + " (" + key + ")"
		}
	}
	if s := l.keyLabel(base); s != "" {
		if base != key {
			return s + " " + key[len(base):]
		}
		return s
	}
	return key
}

// keyLabel returns the label of key in l's catalogue, in English when the
// catalogue lacks it, or "" when no catalogue has it.
func (l Lang) keyLabel(key string) string {
	if s, ok := l.catalogue().Keys[key]; ok {
		return s
	}
	return english.Keys[key]
}

func indexAny(s, chars string) int {
	for i, c := range s {
		for _, d := range chars {
			if c == d {
				return i
			}
		}
	}
	return -1
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

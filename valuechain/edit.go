package valuechain

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// SetValue returns a copy of the TOML text data in which the key at path
// (see Positions: "actor.0.household.alpha") has the value text value.
// Everything else, comments and the order of keys included, is kept: an
// existing key has its value replaced on its line; a missing key is added
// on the line after its table's [header]. A table written inline or as
// dotted keys that holds no such key is an error.
func SetValue(data []byte, path, value string) ([]byte, error) {
	pos, err := Locate(data)
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	table, key := path, path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		table, key = path[:i], path[i+1:]
	}
	if l, ok := pos[path]; ok {
		re := regexp.MustCompile(`((?:^|[{,\s])"?` + regexp.QuoteMeta(key) + `"?\s*=\s*)([^,}#\s]+)`)
		line := lines[l-1]
		loc := re.FindSubmatchIndex(line)
		if loc == nil {
			return nil, fmt.Errorf("line %d: cannot find the value of %s to replace", l, key)
		}
		var b bytes.Buffer
		b.Write(line[:loc[4]])
		b.WriteString(value)
		b.Write(line[loc[5]:])
		lines[l-1] = b.Bytes()
		return bytes.Join(lines, nil), nil
	}
	l, ok := pos[table]
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(lines[l-1]), []byte("[")) {
		return nil, fmt.Errorf("cannot add %s: the file has no [%s] table header to add it under", key, strings.Trim(table, ".0123456789"))
	}
	header := lines[l-1]
	indent := header[:len(header)-len(bytes.TrimLeft(header, " \t"))]
	add := string(indent) + key + " = " + value + "\n"
	if !bytes.HasSuffix(header, []byte("\n")) {
		add = "\n" + add
	}
	out := make([][]byte, 0, len(lines)+1)
	out = append(out, lines[:l]...)
	out = append(out, []byte(add))
	out = append(out, lines[l:]...)
	return bytes.Join(out, nil), nil
}

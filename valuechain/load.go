package valuechain

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// InputError is a problem with a file: its syntax, a value of the wrong
// type or a key that vcsim does not know.
type InputError struct {
	File string
	Line int    // 0 when unknown
	Key  string // dotted key, when known
	Msg  string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": key %q", e.Key)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// InputErrors is a list of input errors found in one file.
type InputErrors []*InputError

func (es InputErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Load reads a chain from a TOML file, as Parse does. It does not validate the chain.
func Load(path string) (*Chain, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &InputError{File: path, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err))}
	}
	return Parse(data, path)
}

// Parse reads a chain from TOML text; name is used in error messages.
// Unknown keys are errors (InputErrors) that give their line; with them
// Parse still returns the chain it read, so that it can be validated too
// and every problem reported at once.
func Parse(data []byte, name string) (*Chain, error) {
	var c Chain
	err := DecodeStrict(data, name, &c)
	var unknown InputErrors
	if err != nil && !errors.As(err, &unknown) {
		return nil, err
	}
	return &c, err
}

// DecodeStrict decodes TOML text into v and reports syntax errors, type
// errors and every unknown key, with file name and line. Other packages
// reading TOML files (scenarios) use it too.
func DecodeStrict(data []byte, name string, v any) error {
	md, err := toml.NewDecoder(strings.NewReader(string(data))).Decode(v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return &InputError{File: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message}
		}
		// Type errors come as "toml: line N (last key "k"): message".
		if m := typeErr.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return &InputError{File: name, Line: line, Key: m[2], Msg: m[3]}
		}
		return &InputError{File: name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	und := md.Undecoded()
	if len(und) == 0 {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	seen := map[string]int{}
	var errs InputErrors
	for _, k := range und {
		key := k.String()
		last := k[len(k)-1]
		seen[last]++
		errs = append(errs, &InputError{
			File: name,
			Line: keyLine(lines, last, seen[last]),
			Key:  key,
			Msg:  "unknown key (check its spelling; docs/chain-format.md lists the keys)",
		})
	}
	return errs
}

var typeErr = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// keyLine returns the line (from 1) of the n-th assignment of key, or 0.
func keyLine(lines []string, key string, n int) int {
	re := regexp.MustCompile(`(^|[{,]\s*)("?` + regexp.QuoteMeta(key) + `"?)\s*=`)
	count := 0
	for i, l := range lines {
		if re.MatchString(strings.TrimSpace(l)) {
			count++
			if count == n {
				return i + 1
			}
		}
	}
	return 0
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

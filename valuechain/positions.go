package valuechain

import (
	"strconv"
	"strings"
)

// Limits on input files, checked before the TOML decoder sees them.
const (
	// MaxFileSize is the largest chain, scenario or survey file read (bytes).
	MaxFileSize = 32 << 20
	// MaxDepth is the deepest nesting of tables and arrays in a file.
	MaxDepth = 32
	// MaxKeyParts is the most parts a dotted key or table header may have
	// ("actor.household.alpha" has 3). The files vcsim reads need at most
	// 4; the bound keeps a hostile key of thousands of parts from costing
	// time and memory quadratic in its length (here and in the decoder).
	MaxKeyParts = 16
)

// Positions maps the path of every key in a TOML text to its line (from
// 1). A path joins keys with dots and gives the index of each element of
// an array or array of tables: "actor.0.count", "actor.2.task.1.name",
// "child_productivity.0". A table header's path maps to the header's line.
type Positions map[string]int

// Line returns the line of path, or of its nearest ancestor that has one,
// or 0.
func (p Positions) Line(path string) int {
	for path != "" {
		if l, ok := p[path]; ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
	return 0
}

// Locate scans a TOML text and returns the line of every key. It reads
// the text once (time linear in its size) and refuses files larger than
// MaxFileSize or nested deeper than MaxDepth. It is not a validator:
// syntax errors it does not need to understand are left to the decoder.
func Locate(data []byte) (Positions, error) {
	if len(data) > MaxFileSize {
		return nil, fileErr("", 0, "", "the file is %d bytes; vcsim reads files of at most %d MiB", len(data), MaxFileSize>>20)
	}
	s := &scanner{src: data, line: 1, pos: Positions{}, arrays: map[string]int{}}
	return s.pos, s.run()
}

// Span is where a value is written in a TOML text: bytes [Start, End) of
// the text, from the value's first byte (a quote, a bracket, a digit) to
// its last, comments and spaces around it left out.
type Span struct{ Start, End int }

// Spans returns the span of every value of a TOML text by its path (as
// Positions names it): strings, numbers, booleans, arrays and their
// elements, inline tables and their keys. Tables written as [headers]
// have no span. Limits are those of Locate.
func Spans(data []byte) (map[string]Span, error) {
	if len(data) > MaxFileSize {
		return nil, fileErr("", 0, "", "the file is %d bytes; vcsim reads files of at most %d MiB", len(data), MaxFileSize>>20)
	}
	s := &scanner{src: data, line: 1, pos: Positions{}, arrays: map[string]int{}, spans: map[string]Span{}}
	return s.spans, s.run()
}

type scanner struct {
	src    []byte
	i      int
	line   int
	pos    Positions
	arrays map[string]int  // array-of-tables path -> elements seen
	spans  map[string]Span // when not nil, the span of every value
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) next() byte {
	c := s.src[s.i]
	s.i++
	if c == '\n' {
		s.line++
	}
	return c
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

// skip passes spaces, and newlines and comments when nl.
func (s *scanner) skip(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
		case c == '\n' && nl:
			s.next()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *scanner) run() error {
	table := ""
	for {
		s.skip(true)
		if s.eof() {
			return nil
		}
		if s.peek() == '[' {
			t, err := s.header()
			if err != nil {
				return err
			}
			table = t
			continue
		}
		start := s.i
		if err := s.keyValue(table, 0); err != nil {
			return err
		}
		if s.i == start {
			s.next()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the table's path.
func (s *scanner) header() (string, error) {
	line := s.line
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	keys := s.key()
	if len(keys) > MaxKeyParts {
		return "", fileErr("", line, "", "a table name has more than %d parts (dots)", MaxKeyParts)
	}
	s.skip(false)
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
	path := ""
	for k, key := range keys {
		path = join(path, key)
		if array && k == len(keys)-1 {
			n := s.arrays[path]
			s.arrays[path] = n + 1
			s.pos[path] = line
			path = join(path, strconv.Itoa(n))
		} else if n, ok := s.arrays[path]; ok {
			path = join(path, strconv.Itoa(n-1))
		}
	}
	if _, ok := s.pos[path]; !ok {
		s.pos[path] = line
	}
	return path, nil
}

// key reads a dotted key (bare or quoted parts). It stops reading parts
// after MaxKeyParts+1 of them (the caller refuses the key).
func (s *scanner) key() []string {
	var keys []string
	for len(keys) <= MaxKeyParts {
		s.skip(false)
		switch c := s.peek(); c {
		case '"', '\'':
			keys = append(keys, s.str())
		default:
			start := s.i
			for !s.eof() {
				c := s.peek()
				if c == '=' || c == '.' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '#' || c == ',' || c == '}' {
					break
				}
				s.next()
			}
			keys = append(keys, string(s.src[start:s.i]))
		}
		s.skip(false)
		if s.peek() != '.' {
			return keys
		}
		s.next()
	}
	return keys
}

// keyValue reads key = value in the table at path.
func (s *scanner) keyValue(table string, depth int) error {
	line := s.line
	keys := s.key()
	if len(keys) > MaxKeyParts {
		return fileErr("", line, "", "a key has more than %d parts (dots)", MaxKeyParts)
	}
	path := table
	for _, k := range keys {
		path = join(path, k)
		if _, ok := s.pos[path]; !ok {
			s.pos[path] = line
		}
	}
	s.skip(false)
	if s.peek() != '=' {
		// Not a key-value: let the decoder report it; skip the line.
		for !s.eof() && s.peek() != '\n' {
			s.next()
		}
		return nil
	}
	s.next()
	s.skip(false)
	return s.value(path, depth)
}

// value reads a value whose path is path.
func (s *scanner) value(path string, depth int) error {
	if depth > MaxDepth {
		return fileErr("", s.line, "", "tables and arrays are nested more than %d deep", MaxDepth)
	}
	start := s.i
	err := s.value1(path, depth)
	if s.spans != nil && s.i > start {
		end := s.i
		for end > start && (s.src[end-1] == ' ' || s.src[end-1] == '\t' || s.src[end-1] == '\r') {
			end--
		}
		s.spans[path] = Span{start, end}
	}
	return err
}

func (s *scanner) value1(path string, depth int) error {
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '{':
		s.next()
		for {
			s.skip(true)
			if s.eof() {
				return nil
			}
			switch s.peek() {
			case '}':
				s.next()
				return nil
			case ',':
				s.next()
				continue
			}
			start := s.i
			if err := s.keyValue(path, depth+1); err != nil {
				return err
			}
			if s.i == start {
				s.next()
			}
		}
	case '[':
		s.next()
		for n := 0; ; {
			s.skip(true)
			if s.eof() {
				return nil
			}
			switch s.peek() {
			case ']':
				s.next()
				return nil
			case ',':
				s.next()
				continue
			}
			p := join(path, strconv.Itoa(n))
			s.pos[p] = s.line
			if err := s.value(p, depth+1); err != nil {
				return err
			}
			n++
		}
	default:
		start := s.i
		for !s.eof() {
			c := s.peek()
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
				break
			}
			s.next()
		}
		if s.i == start && !s.eof() && s.peek() != '\n' {
			s.next() // a stray bracket: the decoder will report it; move on
		}
	}
	return nil
}

// str reads a basic, literal or multi-line string and returns its text
// (escapes are not interpreted: keys with escapes are rare).
func (s *scanner) str() string {
	q := s.next()
	multi := s.i+1 < len(s.src) && s.src[s.i] == q && s.src[s.i+1] == q
	if multi {
		s.i += 2
	}
	start := s.i
	for !s.eof() {
		c := s.peek()
		switch {
		case c == '\\' && q == '"':
			s.next()
			if !s.eof() {
				s.next()
			}
			continue
		case c == '\n' && !multi:
			return string(s.src[start:s.i])
		case c == q && !multi:
			t := string(s.src[start:s.i])
			s.next()
			return t
		case c == q && multi && s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q:
			t := string(s.src[start:s.i])
			s.i += 3
			for s.peek() == q { // up to two quotes may end the content
				s.next()
			}
			return t
		}
		s.next()
	}
	return string(s.src[start:s.i])
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

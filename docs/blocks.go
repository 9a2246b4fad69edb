package docs

import (
	"regexp"
	"strconv"
	"strings"
)

// Span is a run of a paragraph's text: plain, bold (**...**), italic
// (*...*) or code (`...`). The page puts it on screen as text, never as
// HTML.
type Span struct {
	Text   string `json:"t"`
	Bold   bool   `json:"b,omitempty"`
	Italic bool   `json:"i,omitempty"`
	Code   bool   `json:"c,omitempty"`
}

// Item is an item of a list; Depth is 1 for an item of a list nested in
// the one before it.
type Item struct {
	Depth int    `json:"depth,omitempty"`
	Text  []Span `json:"text"`
}

// Block is a block of a topic: a heading (Kind "h", Level 1 to 6), a
// paragraph ("p"), a bulleted or numbered list ("ul", "ol", Start the
// first number), a code block ("code", Code its lines) or a table
// ("table", Head its first row, Rows the others).
type Block struct {
	Kind  string     `json:"kind"`
	Level int        `json:"level,omitempty"`
	Text  []Span     `json:"text,omitempty"`
	Start int        `json:"start,omitempty"`
	Items []Item     `json:"items,omitempty"`
	Code  string     `json:"code,omitempty"`
	Head  [][]Span   `json:"head,omitempty"`
	Rows  [][][]Span `json:"rows,omitempty"`
}

var (
	heading  = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	bullet   = regexp.MustCompile(`^( *)[-*+]\s+(.*)$`)
	numbered = regexp.MustCompile(`^( *)(\d+)[.)]\s+(.*)$`)
	tableSep = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
)

// Blocks reads the Markdown the topics are written in (headings,
// paragraphs whose lines are joined, bulleted and numbered lists, code
// blocks fenced or indented, pipe tables, **bold**, *italic* and `code`)
// into blocks, so that the page can build them as elements with text
// only.
func Blocks(md []byte) []Block {
	var (
		out  []Block
		para []string // the lines of the paragraph being read
		cur  *Block   // the list or table being read
	)
	flush := func() {
		if len(para) > 0 {
			out = append(out, Block{Kind: "p", Text: Inline(strings.Join(para, " "))})
			para = nil
		}
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	lines := strings.Split(strings.ReplaceAll(string(md), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trim := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trim, "```"):
			flush()
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				code = append(code, lines[i])
			}
			out = append(out, Block{Kind: "code", Code: strings.Join(code, "\n")})
		case trim == "":
			flush()
		case strings.HasPrefix(line, "    ") && len(para) == 0 && cur == nil:
			// An indented code block: the indented lines and the blank
			// lines between them.
			var code []string
			for ; i < len(lines) && (strings.HasPrefix(lines[i], "    ") || strings.TrimSpace(lines[i]) == ""); i++ {
				code = append(code, strings.TrimPrefix(lines[i], "    "))
			}
			i--
			for len(code) > 0 && strings.TrimSpace(code[len(code)-1]) == "" {
				code = code[:len(code)-1]
			}
			out = append(out, Block{Kind: "code", Code: strings.Join(code, "\n")})
		case heading.MatchString(line):
			flush()
			m := heading.FindStringSubmatch(line)
			out = append(out, Block{Kind: "h", Level: len(m[1]), Text: Inline(strings.TrimRight(m[2], " #"))})
		case strings.HasPrefix(trim, "|"):
			if cur == nil || cur.Kind != "table" {
				flush()
				cur = &Block{Kind: "table"}
			}
			if tableSep.MatchString(trim) {
				continue
			}
			row := cells(trim)
			if cur.Head == nil && len(cur.Rows) == 0 && i+1 < len(lines) && tableSep.MatchString(strings.TrimSpace(lines[i+1])) {
				cur.Head = row
			} else {
				cur.Rows = append(cur.Rows, row)
			}
		case bullet.MatchString(line) || numbered.MatchString(line) && (len(para) == 0 || numbered.FindStringSubmatch(line)[2] == "1"):
			// A numbered line inside a paragraph starts a list only at 1
			// (as in CommonMark): "... 3. analysis,\n4. action plan" is
			// one sentence.
			var indent, text, kind string
			start := 0
			if m := bullet.FindStringSubmatch(line); m != nil {
				indent, text, kind = m[1], m[2], "ul"
			} else {
				m := numbered.FindStringSubmatch(line)
				indent, text, kind = m[1], m[3], "ol"
				start, _ = strconv.Atoi(m[2])
			}
			depth := 0
			if len(indent) >= 2 {
				depth = 1
			}
			if len(para) > 0 || cur == nil || (cur.Kind != "ul" && cur.Kind != "ol") || (depth == 0 && cur.Kind != kind) {
				flush()
				cur = &Block{Kind: kind, Start: start}
			}
			cur.Items = append(cur.Items, Item{Depth: depth, Text: Inline(text)})
		default:
			if cur != nil && (cur.Kind == "ul" || cur.Kind == "ol") {
				// A line of the list's last item.
				last := &cur.Items[len(cur.Items)-1]
				last.Text = Inline(plain(last.Text) + " " + trim)
				continue
			}
			if cur != nil {
				flush()
			}
			para = append(para, trim)
		}
	}
	flush()
	return out
}

// cells splits a table's row into its cells' text.
func cells(row string) [][]Span {
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var out [][]Span
	// A | inside backquotes is not a cell's border.
	var cell strings.Builder
	code := false
	for _, r := range row {
		switch {
		case r == '`':
			code = !code
		case r == '|' && !code:
			out = append(out, Inline(strings.TrimSpace(cell.String())))
			cell.Reset()
			continue
		}
		cell.WriteRune(r)
	}
	return append(out, Inline(strings.TrimSpace(cell.String())))
}

// plain gives back the Markdown of spans, so that a list item's next line
// can be added to it.
func plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch {
		case s.Code:
			b.WriteString("`" + s.Text + "`")
		case s.Bold:
			b.WriteString("**" + s.Text + "**")
		case s.Italic:
			b.WriteString("*" + s.Text + "*")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

var emphasis = regexp.MustCompile(`\*\*([^*]+)\*\*|\*([^*\s][^*]*[^*\s]|[^*\s])\*`)

// Inline splits a line of text into spans: `code` first (nothing inside
// backquotes is bold), then **bold** and *italic*; a link [text](url)
// keeps its text and its address in brackets.
func Inline(s string) []Span {
	var out []Span
	add := func(sp Span) {
		if sp.Text != "" {
			out = append(out, sp)
		}
	}
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		// An unclosed backquote stays as it is.
		parts[len(parts)-2] += "`" + parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	}
	for k, p := range parts {
		if k%2 == 1 {
			add(Span{Text: p, Code: true})
			continue
		}
		p = link.ReplaceAllString(p, "$1 ($2)")
		at := 0
		for _, m := range emphasis.FindAllStringSubmatchIndex(p, -1) {
			add(Span{Text: p[at:m[0]]})
			if m[2] >= 0 {
				add(Span{Text: p[m[2]:m[3]], Bold: true})
			} else {
				add(Span{Text: p[m[4]:m[5]], Italic: true})
			}
			at = m[1]
		}
		add(Span{Text: p[at:]})
	}
	return out
}

var link = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)

package docs_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/docs"
	"github.com/ilo-rma/vcsim/lang"
)

// TestBlocks: each Markdown construct the topics use becomes the block
// worked out by hand: hard-wrapped lines joined into one paragraph, a
// list item's wrapped line joined to it, a nested item, a table's
// separator row dropped, a | inside backquotes kept in its cell.
func TestBlocks(t *testing.T) {
	P := func(s string) docs.Span { return docs.Span{Text: s} }
	B := func(s string) docs.Span { return docs.Span{Text: s, Bold: true} }
	C := func(s string) docs.Span { return docs.Span{Text: s, Code: true} }
	I := func(s string) docs.Span { return docs.Span{Text: s, Italic: true} }
	for _, c := range []struct {
		name, md string
		want     []docs.Block
	}{
		{"heading and wrapped paragraph", "# Title\n\nOne line\nwraps **here** and\n`key = 1`.\n",
			[]docs.Block{{Kind: "h", Level: 1, Text: []docs.Span{P("Title")}},
				{Kind: "p", Text: []docs.Span{P("One line wraps "), B("here"), P(" and "), C("key = 1"), P(".")}}}},
		{"bullets, wrapped item, nested item", "- first\n  goes on\n- **second**: x\n  - inner *it*\nAfter.\n",
			[]docs.Block{{Kind: "ul", Items: []docs.Item{{Text: []docs.Span{P("first goes on")}},
				{Text: []docs.Span{B("second"), P(": x")}}, {Depth: 1, Text: []docs.Span{P("inner "), I("it")}}}},
			// a line after a list without a blank line goes on the last item
			}},
		{"numbered list from 3", "3. three\n4. four\n",
			[]docs.Block{{Kind: "ol", Start: 3, Items: []docs.Item{{Text: []docs.Span{P("three")}}, {Text: []docs.Span{P("four")}}}}}},
		{"table", "| key | meaning |\n|---|:---:|\n| `a|b` | **x** |\n| c | 2 x 3 * 4 |\n",
			[]docs.Block{{Kind: "table", Head: [][]docs.Span{{P("key")}, {P("meaning")}},
				Rows: [][][]docs.Span{{{C("a|b")}, {B("x")}}, {{P("c")}, {P("2 x 3 * 4")}}}}}},
		{"fenced and indented code", "Run:\n\n```sh\nvcsim run **x**\n  two\n```\n\n    vcsim: warning\n\nEnd\n",
			[]docs.Block{{Kind: "p", Text: []docs.Span{P("Run:")}}, {Kind: "code", Code: "vcsim run **x**\n  two"},
				{Kind: "code", Code: "vcsim: warning"}, {Kind: "p", Text: []docs.Span{P("End")}}}},
		{"numbered line inside a paragraph", "steps **1. a,\n2. b**; then\n\n1. one\n", []docs.Block{
			{Kind: "p", Text: []docs.Span{P("steps "), B("1. a, 2. b"), P("; then")}},
			{Kind: "ol", Start: 1, Items: []docs.Item{{Text: []docs.Span{P("one")}}}}}},
		{"link", "See [the guide](https://x.org/a).", []docs.Block{{Kind: "p", Text: []docs.Span{P("See the guide (https://x.org/a).")}}}},
	} {
		got := docs.Blocks([]byte(c.md))
		if c.name == "bullets, wrapped item, nested item" {
			// "After." is a lazy line of the last item.
			c.want[0].Items[2].Text = append(c.want[0].Items[2].Text, P(" After."))
		}
		if !reflect.DeepEqual(got, c.want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(c.want)
			t.Errorf("%s:\n got %s\nwant %s", c.name, g, w)
		}
	}
}

// TestEveryTopicRenders: every topic, in English and in Russian, reads
// into blocks with a heading first and no Markdown left in its text (no
// ** or a table's |--- row outside code), so the Help tab shows none.
func TestEveryTopicRenders(t *testing.T) {
	for _, topic := range docs.Topics() {
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			b, _, err := docs.Get(topic, l)
			if err != nil {
				t.Fatal(err)
			}
			blocks := docs.Blocks(b)
			if len(blocks) == 0 || blocks[0].Kind != "h" {
				t.Errorf("%s (%s): does not start with a heading", topic, l)
				continue
			}
			var texts [][]docs.Span
			for _, bl := range blocks {
				texts = append(texts, bl.Text)
				for _, it := range bl.Items {
					texts = append(texts, it.Text)
				}
				texts = append(texts, bl.Head...)
				for _, r := range bl.Rows {
					texts = append(texts, r...)
				}
			}
			for _, spans := range texts {
				for _, s := range spans {
					if !s.Code && (strings.Contains(s.Text, "**") || strings.Contains(s.Text, "|---") || strings.Contains(s.Text, "| ---") || strings.HasPrefix(s.Text, "#")) {
						t.Errorf("%s (%s): Markdown left in the text %q", topic, l, s.Text)
					}
				}
			}
		}
	}
}

package valuechain

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// Order returns the indices of the chain's actors in a topological order
// (every seller before its buyers), stable from run to run: among actors
// that could come in either order, the one listed first in the file comes
// first. A cycle is an error naming the actors in it. Order expects unique
// actor ids and links between known actors (see Validate).
func Order(c *Chain) ([]int, error) {
	g := simple.NewDirectedGraph()
	index := make(map[string]int64, len(c.Actors))
	for i, a := range c.Actors {
		if _, dup := index[a.ID]; dup {
			return nil, fmt.Errorf("actor %q: duplicate id", a.ID)
		}
		index[a.ID] = int64(i)
		g.AddNode(simple.Node(i))
	}
	for i, l := range c.Links {
		f, ok1 := index[l.From]
		t, ok2 := index[l.To]
		if !ok1 || !ok2 || f == t {
			return nil, fmt.Errorf("link %d (%s -> %s): unknown actor or self-link", i+1, l.From, l.To)
		}
		g.SetEdge(simple.Edge{F: simple.Node(f), T: simple.Node(t)})
	}
	nodes, err := topo.SortStabilized(g, byID)
	if err != nil {
		var un topo.Unorderable
		if errors.As(err, &un) {
			return nil, cycleError(c, g, un)
		}
		return nil, err
	}
	order := make([]int, len(nodes))
	for i, n := range nodes {
		order[i] = int(n.ID())
	}
	return order, nil
}

func byID(ns []graph.Node) {
	sort.Slice(ns, func(i, j int) bool { return ns[i].ID() < ns[j].ID() })
}

// cycleError names one cycle in each group of actors that buy from each
// other (each strongly connected component of the graph, from gonum's
// Unorderable error), starting at the actor listed first in the file.
func cycleError(c *Chain, g graph.Directed, comps topo.Unorderable) error {
	var names []string
	for _, comp := range comps {
		if len(comp) < 2 {
			continue
		}
		in := make(map[int64]bool, len(comp))
		start := comp[0].ID()
		for _, n := range comp {
			in[n.ID()] = true
			start = min(start, n.ID())
		}
		// Walk inside the component, always to the successor listed first,
		// until an actor repeats: the walk from its first visit is a cycle.
		pos := map[int64]int{}
		var path []int64
		for cur := start; ; {
			if p, seen := pos[cur]; seen {
				path = append(path[p:], cur)
				break
			}
			pos[cur] = len(path)
			path = append(path, cur)
			next := int64(-1)
			for _, n := range graph.NodesOf(g.From(cur)) {
				if in[n.ID()] && (next < 0 || n.ID() < next) {
					next = n.ID()
				}
			}
			cur = next
		}
		ids := make([]string, len(path))
		for i, id := range path {
			ids[i] = c.Actors[id].ID
		}
		names = append(names, strings.Join(ids, " -> "))
	}
	sort.Strings(names)
	return fmt.Errorf("the links make a cycle, and a chain must flow one way: %s", strings.Join(names, "; "))
}

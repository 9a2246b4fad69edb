package screening

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/ilo-rma/vcsim/valuechain"
)

// LoadCriteria reads a criteria file (strict keys, lines in errors).
func LoadCriteria(path string) (*Criteria, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	return ParseCriteria(data, path)
}

// ParseCriteria reads a criteria file from its text.
func ParseCriteria(data []byte, name string) (*Criteria, error) {
	var c Criteria
	meta, err := valuechain.DecodeStrict(data, name, "docs/screening.md", &c)
	if err != nil {
		return nil, err
	}
	c.pos = meta.Positions
	return &c, nil
}

// Keys returns the key of each chain file of paths, as criteria files
// name them in expert scores: the file's name without its extension
// ("north.toml" is "north"). Files of the same name in different folders
// take as many of their folders as tell them apart ("a/chain.toml" and
// "b/chain.toml" are "a/chain" and "b/chain"), always with forward
// slashes; a file given twice, or an empty entry (a trailing comma), is
// an error.
func Keys(paths []string) ([]string, error) {
	parts := make([][]string, len(paths))
	seen := map[string]int{}
	for i, p := range paths {
		if strings.TrimSpace(p) == "" {
			return nil, valuechain.LineError("--chains", 0, "entry %d of %d is empty (a trailing or doubled comma?): give chain files separated by commas", i+1, len(paths))
		}
		clean := filepath.Clean(p)
		if abs, err := filepath.Abs(clean); err == nil {
			clean = abs
		}
		if j, dup := seen[clean]; dup {
			return nil, valuechain.LineError("--chains", 0, "%s is given twice (entries %d and %d)", p, j+1, i+1)
		}
		seen[clean] = i
		clean = filepath.ToSlash(clean)
		clean = strings.TrimSuffix(clean, path.Ext(clean))
		parts[i] = strings.Split(strings.Trim(clean, "/"), "/")
	}
	keys := make([]string, len(paths))
	depth := make([]int, len(paths))
	for i := range depth {
		depth[i] = 1
	}
	for {
		byKey := map[string][]int{}
		for i, ps := range parts {
			keys[i] = strings.Join(ps[max(len(ps)-depth[i], 0):], "/")
			byKey[keys[i]] = append(byKey[keys[i]], i)
		}
		clash := false
		for _, is := range byKey {
			if len(is) < 2 {
				continue
			}
			for _, i := range is {
				if depth[i] < len(parts[i]) {
					depth[i]++
					clash = true
				}
			}
		}
		if !clash {
			return keys, nil
		}
	}
}

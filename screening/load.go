package screening

import "github.com/ilo-rma/vcsim/valuechain"

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
	if _, err := valuechain.DecodeStrict(data, name, "docs/screening.md", &c); err != nil {
		return nil, err
	}
	return &c, nil
}

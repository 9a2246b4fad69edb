package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"

	"github.com/ilo-rma/vcsim/load"
)

// ImportRequest is the body of /api/import: a file dropped on the page,
// its name (the extension gives its format: .toml, .xlsx or a VCA4D
// study's .json) and its content (base64 in JSON).
type ImportRequest struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// importFile answers a chain file of any format that --chain reads as the
// TOML text the page edits (and a workbook's scenarios), checked as the
// command line checks it: a workbook dropped on the page works like one
// given to --chain, and its errors name its cells.
func (s *Server) importFile(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	var req ImportRequest
	if err := json.Unmarshal(data, &req); err != nil || req.Name == "" {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be JSON with \"name\" (the file's name) and \"data\" (its content, base64): %v", err))
		return
	}
	t, err := load.AsTOML(req.Data, filepath.Base(req.Name))
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Workspace is the folder of a workshop's files: chains, scenario files
// and surveys, listed, opened and saved by the page.
type Workspace struct {
	Dir string
	mu  sync.Mutex // one save at a time
}

// FileInfo is a workspace file in the list.
type FileInfo struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"` // chain, scenarios or survey
	Version string `json:"version"`
}

// version is a file content's hash: a save must name the version it
// edited, so that two tabs do not lose each other's changes.
func version(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:8])
}

func kindOf(name string) string {
	switch {
	case strings.HasSuffix(name, "-scenarios.toml"):
		return "scenarios"
	case strings.HasSuffix(name, ".toml"):
		return "chain"
	case strings.HasSuffix(name, ".csv"):
		return "survey"
	}
	return ""
}

// path returns the file's path in the workspace, refusing names that
// leave it or are not chain, scenario or survey files.
func (ws *Workspace) path(name string) (string, error) {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || kindOf(name) == "" {
		return "", &valuechain.InputError{File: name, Msg: "a workspace file is a plain name ending in .toml, -scenarios.toml or .csv"}
	}
	return filepath.Join(ws.Dir, name), nil
}

func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	if s.Workspace == nil {
		writeError(w, http.StatusNotFound, errors.New("the server has no workspace (vcsim serve --dir FOLDER)"))
		return
	}
	entries, err := os.ReadDir(s.Workspace.Dir)
	if err != nil {
		s.fail(w, err)
		return
	}
	out := []FileInfo{}
	for _, e := range entries {
		if e.IsDir() || kindOf(e.Name()) == "" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(s.Workspace.Dir, e.Name()))
		if err != nil {
			continue
		}
		out = append(out, FileInfo{Name: e.Name(), Kind: kindOf(e.Name()), Version: version(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) openFile(w http.ResponseWriter, r *http.Request) {
	if s.Workspace == nil {
		writeError(w, http.StatusNotFound, errors.New("the server has no workspace (vcsim serve --dir FOLDER)"))
		return
	}
	p, err := s.Workspace.path(r.PathValue("name"))
	if err != nil {
		s.fail(w, err)
		return
	}
	data, err := os.ReadFile(p)
	if err != nil {
		writeError(w, http.StatusNotFound, fmt.Errorf("%s: %v", r.PathValue("name"), errors.Unwrap(err)))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": r.PathValue("name"), "text": string(data), "version": version(data)})
}

// saveFile writes a workspace file atomically. The request names the
// version it edited (?version=, empty for a new file): when the file has
// changed since (another tab saved it), the answer is 409 and nothing is
// written.
func (s *Server) saveFile(w http.ResponseWriter, r *http.Request) {
	if s.Workspace == nil {
		writeError(w, http.StatusNotFound, errors.New("the server has no workspace (vcsim serve --dir FOLDER)"))
		return
	}
	name := r.PathValue("name")
	p, err := s.Workspace.path(name)
	if err != nil {
		s.fail(w, err)
		return
	}
	data, ok := body(w, r)
	if !ok {
		return
	}
	s.Workspace.mu.Lock()
	defer s.Workspace.mu.Unlock()
	old, err := os.ReadFile(p)
	exists := err == nil
	want := r.URL.Query().Get("version")
	if exists && version(old) != want || !exists && want != "" {
		writeJSON(w, http.StatusConflict, errorBody{Error: fmt.Sprintf("%s was changed elsewhere since you opened it (another tab or program saved it): open it again to see those changes, or save under another name", name)})
		return
	}
	if err := outfile.WriteAtomic(p, data); err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": name, "version": version(data)})
}

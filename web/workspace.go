package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/ilo-rma/vcsim/lang"
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

// MaxNameLength is the longest workspace file name (in characters):
// Windows paths stay well under their 260-character limit.
const MaxNameLength = 100

// tmpMark is in the names of the temporary files of saves in progress.
const tmpMark = ".vcsim-tmp"

// reserved are the names Windows keeps for devices, with or without an
// extension: refused on every platform, so that a folder copied to a
// Windows laptop keeps working.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}

func init() {
	for i := 0; i <= 9; i++ {
		reserved[fmt.Sprintf("COM%d", i)] = true
		reserved[fmt.Sprintf("LPT%d", i)] = true
	}
	for _, d := range []string{"¹", "²", "³"} {
		reserved["COM"+d] = true
		reserved["LPT"+d] = true
	}
}

// nameErr is a refused workspace file name: its message names the file,
// never the folder's absolute path.
func nameErr(name, en, ru string) error {
	if len([]rune(name)) > 40 {
		name = string([]rune(name)[:40]) + "…"
	}
	return &wsError{name: name, en: en, ru: ru}
}

// wsError is a refused workspace request, in English and Russian.
type wsError struct{ name, en, ru string }

func (e *wsError) Error() string { return e.In("en") }

// In says the error in English or Russian.
func (e *wsError) In(l lang.Lang) string {
	if l == "ru" {
		return e.name + ": " + e.ru
	}
	return e.name + ": " + e.en
}

// checkName refuses names that leave the folder, hide, are not chain,
// scenario or survey files, are too long, or that Windows cannot hold
// (reserved device names, characters <>:"/\|?* and control characters,
// a trailing dot or space).
func checkName(name string) error {
	if n := len([]rune(name)); n > MaxNameLength {
		return nameErr(name, fmt.Sprintf("the name has %d characters; a workspace file name has at most %d", n, MaxNameLength),
			"в имени "+lang.RU.Plural(float64(n), 0, "n.chars")+", а имя файла может быть не длиннее "+lang.RU.Plural(MaxNameLength, 0, "n.chars.gen"))
	}
	if name == "" || strings.HasPrefix(name, ".") || kindOf(name) == "" {
		return nameErr(name, "a workspace file is a plain name ending in .toml, -scenarios.toml or .csv",
			"файл рабочей папки — это простое имя, оканчивающееся на .toml, -scenarios.toml или .csv")
	}
	if strings.ContainsAny(name, `<>:"/\|?*`) || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) ||
		strings.HasSuffix(name, " ") || strings.HasSuffix(name, ".") || !utf8.ValidString(name) {
		return nameErr(name, `the name has a character Windows does not allow in file names (< > : " / \ | ? * or a control character)`,
			`в имени есть символ, который Windows не допускает в именах файлов (< > : " / \ | ? * или управляющий символ)`)
	}
	stem := strings.ToUpper(strings.TrimRight(strings.SplitN(name, ".", 2)[0], " "))
	if reserved[stem] {
		return nameErr(name, "the name is reserved by Windows for a device ("+stem+"): choose another",
			"это имя Windows оставляет за устройством ("+stem+"): выберите другое")
	}
	return nil
}

// errNotRegular refuses a name that is not a regular file inside the
// folder: a folder, a device, a pipe, or a link that leads out.
var errNotRegular = errors.New("not a regular file inside the workspace folder")

// readFile reads a workspace file: only a regular file inside the folder
// (a symbolic link may point to another file of the folder, never out of
// it), of at most valuechain.MaxFileSize bytes. It never opens a device or
// a named pipe, so that a link to /dev/zero or a FIFO cannot hang or
// exhaust the server.
func (ws *Workspace) readFile(name string) ([]byte, os.FileMode, error) {
	root, err := os.OpenRoot(ws.Dir)
	if err != nil {
		return nil, 0, fmt.Errorf("the workspace folder: %w", errors.Unwrap(err))
	}
	defer root.Close()
	st, err := root.Stat(name) // follows links, refusing those that leave the folder
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, 0, fs.ErrNotExist
		}
		return nil, 0, errNotRegular
	}
	if !st.Mode().IsRegular() {
		return nil, 0, errNotRegular
	}
	if st.Size() > valuechain.MaxFileSize {
		return nil, 0, fmt.Errorf("the file is %d bytes; vcsim reads files of at most %d MiB", st.Size(), valuechain.MaxFileSize>>20)
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, 0, errNotRegular
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, 0, errNotRegular
	}
	data, err := io.ReadAll(io.LimitReader(f, valuechain.MaxFileSize+1))
	if err != nil {
		return nil, 0, err
	}
	if len(data) > valuechain.MaxFileSize {
		return nil, 0, fmt.Errorf("the file is larger than %d MiB", valuechain.MaxFileSize>>20)
	}
	return data, st.Mode().Perm(), nil
}

// Clean removes the temporary files that saves interrupted (the server
// killed, the laptop's power cut) left in the folder more than a minute
// ago, and reports how many it removed.
func (ws *Workspace) Clean() int {
	entries, err := os.ReadDir(ws.Dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), tmpMark) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
			if os.Remove(filepath.Join(ws.Dir, e.Name())) == nil {
				n++
			}
		}
	}
	return n
}

// write replaces a workspace file atomically: a temporary file in the
// folder, written and synced, given the old file's permissions (0644 for a
// new file), renamed over the name, and the folder synced so that the
// rename survives a power cut.
func (ws *Workspace) write(name string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(ws.Dir, "."+name+tmpMark+"*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in the workspace folder: %w", name, errors.Unwrap(err))
	}
	tname := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tname)
		return fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tname)
		return fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	}
	if err := os.Rename(tname, filepath.Join(ws.Dir, name)); err != nil {
		os.Remove(tname)
		return fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	}
	if runtime.GOOS != "windows" { // Windows cannot open a folder to sync it
		if d, err := os.Open(ws.Dir); err == nil {
			d.Sync()
			d.Close()
		}
	}
	return nil
}

func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	if s.Workspace == nil {
		writeError(w, http.StatusNotFound, errors.New("the server has no workspace (vcsim serve --dir FOLDER)"))
		return
	}
	entries, err := os.ReadDir(s.Workspace.Dir)
	if err != nil {
		writeError(w, http.StatusInternalServerError, errors.New("cannot list the workspace folder"))
		return
	}
	out := []FileInfo{}
	for _, e := range entries {
		if checkName(e.Name()) != nil || !(e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0) {
			continue
		}
		data, _, err := s.Workspace.readFile(e.Name())
		if err != nil {
			continue
		}
		out = append(out, FileInfo{Name: e.Name(), Kind: kindOf(e.Name()), Version: version(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	writeJSON(w, http.StatusOK, out)
}

// fileFail answers a workspace file's error without the folder's path.
func (s *Server) fileFail(w http.ResponseWriter, name string, err error) {
	var we *wsError
	switch {
	case errors.As(err, &we):
		writeError(w, http.StatusBadRequest, err)
	case errors.Is(err, fs.ErrNotExist):
		writeError(w, http.StatusNotFound, nameErr(name, "no such file in the workspace", "такого файла в рабочей папке нет"))
	case errors.Is(err, errNotRegular):
		writeError(w, http.StatusForbidden, nameErr(name, "not a regular file inside the workspace folder (a folder, a device, a pipe or a link out of it)",
			"это не обычный файл внутри рабочей папки (папка, устройство, канал или ссылка за её пределы)"))
	default:
		s.logf("workspace %s: %v", name, err)
		writeError(w, http.StatusInternalServerError, nameErr(name, strings.TrimPrefix(err.Error(), name+": "), strings.TrimPrefix(err.Error(), name+": ")))
	}
}

func (s *Server) openFile(w http.ResponseWriter, r *http.Request) {
	if s.Workspace == nil {
		writeError(w, http.StatusNotFound, errors.New("the server has no workspace (vcsim serve --dir FOLDER)"))
		return
	}
	name := r.PathValue("name")
	if err := checkName(name); err != nil {
		s.fileFail(w, name, err)
		return
	}
	data, _, err := s.Workspace.readFile(name)
	if err != nil {
		s.fileFail(w, name, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": name, "text": string(data), "version": version(data)})
}

// checkText refuses to save a .toml file whose text does not parse as
// TOML (a broken chain would be written, and found broken only when
// opened again).
func checkText(name string, data []byte) error {
	if !strings.HasSuffix(name, ".toml") {
		return nil
	}
	if _, err := valuechain.Locate(data); err != nil {
		return err
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nameErr(name, fmt.Sprintf("not saved: line %d: %s", pe.Position.Line, pe.Message),
				fmt.Sprintf("не сохранено: строка %d: %s", pe.Position.Line, pe.Message))
		}
		return nameErr(name, "not saved: "+err.Error(), "не сохранено: "+err.Error())
	}
	return nil
}

// saveFile writes a workspace file atomically. The request names the
// version it edited (?version=, empty for a new file): when the file has
// changed since (another tab saved it), the answer is 409 and nothing is
// written. A .toml text that does not parse is refused (400), and so is
// a name that is not a regular file inside the folder.
func (s *Server) saveFile(w http.ResponseWriter, r *http.Request) {
	if s.Workspace == nil {
		writeError(w, http.StatusNotFound, errors.New("the server has no workspace (vcsim serve --dir FOLDER)"))
		return
	}
	name := r.PathValue("name")
	if err := checkName(name); err != nil {
		s.fileFail(w, name, err)
		return
	}
	data, ok := body(w, r)
	if !ok {
		return
	}
	if err := checkText(name, data); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	s.Workspace.mu.Lock()
	defer s.Workspace.mu.Unlock()
	mode := os.FileMode(0o644)
	old, perm, err := s.Workspace.readFile(name)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.fileFail(w, name, err)
		return
	}
	if exists {
		mode = perm
		// A link inside the folder is replaced by the file, not followed.
	}
	want := r.URL.Query().Get("version")
	if exists && want == "" {
		// This editor never opened the file: it is not "changed
		// elsewhere", the name is taken.
		writeError(w, http.StatusConflict, nameErr(name, "a file with this name already exists in the folder: choose another name, or open that file first (Open) and then save",
			"файл с таким именем уже есть в папке: выберите другое имя или сначала откройте этот файл («Открыть»), а потом сохраните"))
		return
	}
	if exists && version(old) != want || !exists && want != "" {
		writeError(w, http.StatusConflict, nameErr(name, "changed elsewhere since you opened it (another tab or program saved it): open it again to see those changes, or save under another name",
			"изменён в другом месте после того, как вы его открыли (его сохранила другая вкладка или программа): откройте его снова, чтобы увидеть изменения, или сохраните под другим именем"))
		return
	}
	if err := s.Workspace.write(name, data, mode); err != nil {
		s.fileFail(w, name, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": name, "version": version(data)})
}

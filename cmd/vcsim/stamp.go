package main

// The release build (go run ./internal/release) stamps these with
// -ldflags -X; a plain go build leaves them empty and version reads the
// module's build information instead.
var (
	buildVersion string
	buildCommit  string
)

// stampedVersion returns the stamped version and commit, or "" when the
// binary was not built by the release command.
func stampedVersion() string {
	if buildVersion == "" {
		return ""
	}
	v := buildVersion
	if c := buildCommit; c != "" {
		if len(c) > 12 {
			c = c[:12]
		}
		v += " (commit " + c + ")"
	}
	return v
}

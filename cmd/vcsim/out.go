package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
)

// outputs returns the output set of a command: its inputs (the --chain,
// --scenarios and --survey files, and extra) may never be written over.
func outputs(ctx *cli.Context, extra ...outfile.Input) *outfile.Set {
	s := &outfile.Set{Force: ctx.Bool("force"), Flag: "--out"}
	for _, role := range []string{"chain", "scenarios", "survey"} {
		if p := ctx.String(role); p != "" {
			s.Inputs = append(s.Inputs, outfile.Input{Role: role, Path: p})
		}
	}
	s.Inputs = append(s.Inputs, extra...)
	return s
}

// writeOutputs writes the set and says what was written on standard error.
func writeOutputs(ctx *cli.Context, s *outfile.Set) error {
	paths, err := s.Write()
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintf(ctx.App.ErrWriter, say(ctx, "wrote %s\n"), p)
	}
	return nil
}

// say returns the format (or word) f in the language of ctx's --lang.
func say(ctx *cli.Context, f string) string {
	t, _ := lang.Lang(ctx.String("lang")).Text(f)
	return t
}

// csvDialect is the CSV dialect of --bom and --excel.
func csvDialect(ctx *cli.Context) tables.Dialect {
	if ctx.String("excel") == "ru" {
		return tables.ExcelRU
	}
	return tables.Dialect{BOM: ctx.Bool("bom")}
}

// checkExcel refuses an unknown --excel.
func checkExcel(ctx *cli.Context) error {
	switch ctx.String("excel") {
	case "", "ru":
		return nil
	}
	return usagef("--excel takes ru (semicolons and decimal commas), got %q", ctx.String("excel"))
}

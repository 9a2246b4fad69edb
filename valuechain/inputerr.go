package valuechain

// CellError returns the InputError of a file's cell (a workbook's
// "Actors!E5", or a sheet's name) whose message format makes of args; In
// gives it in Russian when the format is in the catalogue of the readers
// of other packages (ruReaders).
func CellError(file, cell, format string, args ...any) *InputError {
	e := fileErr(file, 0, "", format, args...)
	e.Cell = cell
	return e
}

// LineError returns the InputError of a file at a line (0: unknown) whose
// message format makes of args, translated as CellError's.
func LineError(file string, line int, format string, args ...any) *InputError {
	return fileErr(file, line, "", format, args...)
}

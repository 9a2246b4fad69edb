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

// ruReaders holds the Russian of the messages of the readers outside
// this package (workbooks, uncertainty, screening, validate), by their
// English format; the arguments are the same, in the same order.
var ruReaders = map[string]string{
	// package uncertainty
	"correlate %d: rank must be between -1 and 1 (exclusive), got %v": "correlate %d: rank должно быть строго между -1 и 1, указано %v",
	"correlate %d: params names %q twice":                             "correlate %d: params называет %q дважды",
	"the rank correlations of the [[correlate]] tables cannot hold together (their correlation matrix is not positive definite)": "ранговые корреляции таблиц [[correlate]] несовместимы (их корреляционная матрица не положительно определена)",
	// package screening
	"entry %d of %d is empty (a trailing or doubled comma?): give chain files separated by commas": "элемент %d из %d пуст (лишняя или двойная запятая?): перечислите файлы цепочек через запятую",
	"%s is given twice (entries %d and %d)":                                                        "%s указан дважды (элементы %d и %d)",
	// package workbook
	"not an Excel workbook (xlsx): %v": "не книга Excel (xlsx): %v",
	"the workbook's part %s unpacks to %d MiB; vcsim reads parts of at most %d MiB (a damaged or hostile file?)":      "часть книги %s распаковывается в %d МиБ; vcsim читает части не больше %d МиБ (файл повреждён или опасен?)",
	"the workbook unpacks to %d MiB; vcsim reads workbooks of at most %d MiB unpacked (a damaged or hostile file?)":   "книга распаковывается в %d МиБ; vcsim читает книги не больше %d МиБ в распакованном виде (файл повреждён или опасен?)",
	"the workbook has %d parts; vcsim reads workbooks of at most %d (a damaged or hostile file?)":                     "в книге %d частей; vcsim читает книги не больше чем из %d (файл повреждён или опасен?)",
	"the workbook's part %s is packed %d times smaller than it unpacks (a zip bomb?); vcsim refuses it":               "часть книги %s сжата в %d раз (zip-бомба?); vcsim её не читает",
	"the workbook is damaged: a part does not unpack to what the zip directory says (%v); a damaged or hostile file?": "книга повреждена: часть распаковывается не в то, что указано в каталоге zip (%v); файл повреждён или опасен?",
	"cannot read the sheet: %v":                                                                                "не удаётся прочитать лист: %v",
	"the sheet has more than %d rows; vcsim reads at most %d":                                                  "на листе больше %d строк; vcsim читает не больше %d",
	"a value in column %s, beyond the %d columns vcsim reads (is a cell filled far to the right?)":             "значение в столбце %s — дальше %d столбцов, которые читает vcsim (не заполнена ли ячейка далеко справа?)",
	"merged cells (%s:%s): unmerge them, every value needs its own cell":                                       "объединённые ячейки (%s:%s): разъедините их, каждому значению нужна своя ячейка",
	"a formula without a cached value: open and save the workbook in a spreadsheet program, or type the value": "формула без сохранённого значения: откройте и сохраните книгу в программе электронных таблиц или введите значение",
	"the workbook has no sheet %q (vcsim init --format xlsx writes one to start from)":                         "в книге нет листа %q (vcsim init --format xlsx создаёт книгу, с которой можно начать)",
	"%v":                                "%v",
	"%s %q is not in the sheet %s":      "%s %q нет на листе %s",
	"%s %q has two rows here: give one": "у %s %q здесь две строки: оставьте одну",
	"%s: a date (%s) in a cell that needs a number: the cell is formatted as a date (Excel turns 5.4 into 5 April in some languages); format the cell as a number and type the value again": "%s: дата (%s) в ячейке, где нужно число: ячейка отформатирована как дата (Excel в некоторых языках превращает 5.4 в 5 апреля); задайте ячейке числовой формат и введите значение заново",
	"the sheet %q is not one vcsim reads (it reads %s): rename it to one of these, or delete it":                                                                                            "лист %q vcsim не читает (он читает %s): переименуйте его в один из этих или удалите",
	"the key %q is in columns %s and %s: give each key one column":                                                                                                                          "ключ %q стоит в столбцах %s и %s: у каждого ключа должен быть один столбец",
	"the column %s gives %q and the column %s gives %q, a part of it: give the number or its distribution, not both":                                                                        "столбец %s задаёт %q, а столбец %s — %q, его часть: укажите число или его распределение, но не то и другое",
	"the key in row 2 is blank but the column has values (first in %s): type the key back, or delete the column":                                                                            "ключ в строке 2 пуст, а в столбце есть значения (первое в %s): впишите ключ обратно или удалите столбец",
	"the key in column B is blank but the row has a value (%s): type the key back, or delete the row":                                                                                       "ключ в столбце B пуст, а в строке есть значение (%s): впишите ключ обратно или удалите строку",
	"the row %d gives %q and the row %d gives %q, a part of it: give the number or its distribution, not both":                                                                              "строка %d задаёт %q, а строка %d — %q, его часть: укажите число или его распределение, но не то и другое",
	"the workbook has no sheet %q, which vcsim needs (a survey workbook has the sheets %s)":                                                                                                 "в книге нет листа %q, а он нужен vcsim (листы книги обследования: %s)",
	"the workbook has no sheet %q, which vcsim needs (a chain workbook has the sheets %s)":                                                                                                  "в книге нет листа %q, а он нужен vcsim (листы книги цепочки: %s)",
	"the workbook has no sheet %q, which vcsim needs (a scenario workbook has the sheets %s)":                                                                                               "в книге нет листа %q, а он нужен vcsim (листы книги сценариев: %s)",
	"the workbook has no sheet %q, which the household actors need: without it their work, and so their children's, is not known (a chain workbook has the sheets %s)":                      "в книге нет листа %q, а он нужен домохозяйствам: без него неизвестна их работа, а значит, и работа их детей (листы книги цепочки: %s)",
	"the key %q is given twice (rows %d and %d): give it once":                                                                                                                              "ключ %q указан дважды (строки %d и %d): укажите его один раз",
	"the sheet needs the keys in row 2": "листу нужны ключи в строке 2",
}

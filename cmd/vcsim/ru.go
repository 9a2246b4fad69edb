package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// usageError is a mistake in a command line: its message's format and
// arguments, so that it can be printed in Russian too.
type usageError struct {
	format string
	args   []any
}

func (e usageError) Error() string { return fmt.Sprintf(e.format, e.args...) }

// in returns the message in the language lang.
func (e usageError) in(l lang.Lang) string {
	if f, ok := ruUsage[e.format]; ok && l == "ru" {
		return fmt.Sprintf(f, e.args...)
	}
	return e.Error()
}

// errorIn returns err's text in the language lang: command-line mistakes
// and the problems of input files translated, anything else as it is.
func errorIn(err error, l lang.Lang) string {
	var ue usageError
	if l == "ru" && errors.As(err, &ue) && strings.HasSuffix(err.Error(), ue.Error()) {
		return strings.TrimSuffix(err.Error(), ue.Error()) + ue.in(l)
	}
	return valuechain.ErrorIn(err, l)
}

// ruUsage holds the Russian of the command line's messages, by their
// English format; a test checks that every usagef format has one.
var ruUsage = map[string]string{
	"%s": "%s",
	"%s comes after a file argument: flags go before file arguments (vcsim %s %s ...)":             "%s стоит после имени файла: флаги пишутся перед файлами (vcsim %s %s ...)",
	"%s: flags go before file arguments, and this command has no flag %s":                          "%s: флаги пишутся перед файлами, а у этой команды нет флага %s",
	"--chain needs --scenarios FILE":                                                               "для --chain нужен --scenarios ФАЙЛ",
	"--chart %q: this chain (and its scenarios) has the charts %s":                                 "--chart %q: у этой цепочки (и её сценариев) есть графики %s",
	"--dir %s is not a folder":                                                                     "--dir %s не является папкой",
	"--draws must be between 1 and 1000000, got %d":                                                "--draws должно быть от 1 до 1000000, указано %d",
	"--bootstrap must be between 10 and 10000 resamples (a 95%% interval needs some), got %d":      "--bootstrap должно быть от 10 до 10000 повторных выборок (95%% интервалу они нужны), указано %d",
	"--draws must be between 2 and 100000, got %d":                                                 "--draws должно быть от 2 до 100000, указано %d",
	"--draws with --survey is not supported yet: the surveyed households are not drawn":            "--draws вместе с --survey пока не поддерживается: обследованные домохозяйства не разыгрываются",
	"--excel takes ru (semicolons and decimal commas), got %q":                                     "--excel принимает ru (точки с запятой и десятичные запятые), указано %q",
	"--format %s needs --out FILE":                                                                 "для --format %s нужен --out ФАЙЛ",
	"--format must be png, svg or pdf, got %q":                                                     "--format должен быть png, svg или pdf, указано %q",
	"--format must be table, csv or json, got %q":                                                  "--format должен быть table, csv или json, указано %q",
	"--format must be toml or xlsx, got %q":                                                        "--format должен быть toml или xlsx, указано %q",
	"--households writes households_detail.csv into the --out folder: give --out DIR":              "--households записывает households_detail.csv в папку --out: укажите --out ПАПКА",
	"no topic %q: vcsim docs lists them":                                                           "нет раздела %q: список разделов выводит vcsim docs",
	"docs takes one topic, got %d arguments":                                                       "docs принимает один раздел, указано аргументов: %d",
	"start takes no arguments, got %q":                                                             "start не принимает аргументов, указано %q",
	"--lang must be en or ru, got %q":                                                              "--lang должен быть en или ru, указано %q",
	"--method must be tornado or sobol, got %q":                                                    "--method должен быть tornado или sobol, указано %q",
	"--out needs a file name":                                                                      "для --out нужно имя файла",
	"--sampling must be random, lhs or halton, got %q":                                             "--sampling должен быть random, lhs или halton, указано %q",
	"--scenario needs --scenarios FILE":                                                            "для --scenario нужен --scenarios ФАЙЛ",
	"--target must be hours or prevalence, got %q":                                                 "--target должен быть hours или prevalence, указано %q",
	"--years must be between 1 and 100, got %d":                                                    "--years должно быть от 1 до 100, указано %d",
	"calibrate takes no arguments, got %q (flags first)":                                           "calibrate не принимает аргументов, указано %q (флаги пишутся первыми)",
	"cannot listen on %s: %v":                                                                      "нельзя слушать адрес %s: %v",
	"compare takes no arguments, got %q: use --chain and --scenarios (flags first)":                "compare не принимает аргументов, указано %q: используйте --chain и --scenarios (флаги пишутся первыми)",
	"convert goes from .toml to .xlsx or from .xlsx to .toml, got %s -> %s":                        "convert переводит .toml в .xlsx или .xlsx в .toml, указано %s -> %s",
	"convert needs two files: IN and OUT (flags first)":                                            "convert нужны два файла: ИЗ и В (флаги пишутся первыми)",
	"convert writes a chain to a .toml file, got %q":                                               "convert записывает цепочку в файл .toml, указано %q",
	"give --chains or --examples, not both":                                                        "укажите --chains или --examples, но не оба",
	"give the chains to screen: --chains a.toml,b.toml (or --examples)":                            "укажите цепочки для отбора: --chains a.toml,b.toml (или --examples)",
	"init needs one directory argument (flags first: vcsim init --example NAME DIR)":               "init нужна одна папка (флаги пишутся первыми: vcsim init --example ИМЯ ПАПКА)",
	"map takes no arguments, got %q (flags first)":                                                 "map не принимает аргументов, указано %q (флаги пишутся первыми)",
	"no command %q (see vcsim --help)":                                                             "нет команды %q (см. vcsim --help)",
	"no intervention type %q (known: %s)":                                                          "нет типа вмешательства %q (известны: %s)",
	"no scenario %q in %s":                                                                         "нет сценария %q в %s",
	"pam takes no arguments, got %q (flags first)":                                                 "pam не принимает аргументов, указано %q (флаги пишутся первыми)",
	"plot takes no arguments, got %q (flags first)":                                                "plot не принимает аргументов, указано %q (флаги пишутся первыми)",
	"report takes no arguments, got %q (flags first)":                                              "report не принимает аргументов, указано %q (флаги пишутся первыми)",
	"run takes no arguments, got %q: give the chain with --chain FILE (flags first)":               "run не принимает аргументов, указано %q: укажите цепочку через --chain ФАЙЛ (флаги пишутся первыми)",
	"screen takes no arguments, got %q: give the chains with --chains a.toml,b.toml (flags first)": "screen не принимает аргументов, указано %q: укажите цепочки через --chains a.toml,b.toml (флаги пишутся первыми)",
	"sensitivity takes no arguments, got %q (flags first)":                                         "sensitivity не принимает аргументов, указано %q (флаги пишутся первыми)",
	"usage: vcsim export vca4d --chain FILE --out study.json":                                      "использование: vcsim export vca4d --chain ФАЙЛ --out study.json",
	"usage: vcsim guide [--lang en|ru] [show ID]":                                                  "использование: vcsim guide [--lang en|ru] [show КОД]",
	"usage: vcsim import vca4d STUDY.json --out chain.toml":                                        "использование: vcsim import vca4d ИССЛЕДОВАНИЕ.json --out chain.toml",
	"validate needs at least one file":                                                             "validate нужен хотя бы один файл",
}

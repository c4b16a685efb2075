# shellcheck shell=bash
# Chapter names (and a key of book.yaml) holding a newline and a forged
# message, terminal escape sequences, bidi controls, a C1 control, a tab, a
# carriage return and a byte that is not UTF-8; each chapter has a broken
# link, so that a warning names its file.
mkdir -p in
printf 'title: Names that would forge messages\nauthor: Test\nlanguage: en\n"dra\342\200\256wn": 1\n' >in/book.yaml
chapter() {
	printf '# Chapter %s\n\nA link to [nowhere](#nowhere).\n' "$1" >"in/$2.md"
}
chapter one "$(printf 'a\nforged.md:1:1: error: forged')"
chapter two "$(printf 'b\033[2J\033]0;pwned\007')"
chapter three "$(printf 'c\342\200\256dm.txt')"
chapter four "$(printf 'd\302\233 \342\201\246e\342\201\251 \342\200\217f\330\234')"
chapter five "$(printf 'g\th\ri\177')"
chapter six "$(printf 'j\233k')"

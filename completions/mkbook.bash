# bash completion for mkbook(1)                            -*- shell-script -*-
# Installed by 'make install' into
# $(PREFIX)/share/bash-completion/completions/mkbook; to try it, source it.

_mkbook()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion -s || return
	else
		COMPREPLY=()
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		# "--output=FILE": bash splits the word at '='.
		if [ "$cur" = = ]; then
			prev=${COMP_WORDS[COMP_CWORD - 1]}
			cur=
		elif [ "$prev" = = ] && [ "$cword" -ge 2 ]; then
			prev=${COMP_WORDS[COMP_CWORD - 2]}
		fi
	fi

	# mkbook import ...: options and files of their own.
	if [ "$cword" -ge 2 ] && [ "${words[1]}" = import ]; then
		_mkbook_import
		return
	fi

	case $prev in
	-o | --output)
		_mkbook_files
		return
		;;
	--toc-depth)
		mapfile -t COMPREPLY < <(compgen -W '1 2 3 4 5 6' -- "$cur")
		return
		;;
	-j | --jobs)
		mapfile -t COMPREPLY < <(compgen -W "$(seq 1 "$(nproc 2>/dev/null || echo 4)")" -- "$cur")
		return
		;;
	-h | --help | -V | --version)
		return
		;;
	esac

	case $cur in
	-*)
		mapfile -t COMPREPLY < <(compgen -W '-o --output --check --strict --toc-depth
			--kepub -j --jobs -q --quiet -h --help -V --version' -- "$cur")
		return
		;;
	esac

	# The words before this one that are not options or their values.
	local i n=0 first=
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-o | --output | --toc-depth | -j | --jobs)
			# The value follows, after a lone "=" when written --opt=value.
			if [ "${words[i + 1]}" = = ]; then ((i += 2)); else ((i++)); fi
			;;
		-*) ;;
		*)
			((n++))
			[ -z "$first" ] && first=${words[i]}
			;;
		esac
	done
	if [ "$n" -eq 0 ]; then
		# The manuscript folder, or the init or import command.
		_mkbook_dirs
		[[ init == "$cur"* ]] && COMPREPLY+=(init)
		[[ import == "$cur"* ]] && COMPREPLY+=(import)
	elif [ "$n" -eq 1 ] && [ "$first" = init ]; then
		# mkbook init DIR: a new folder, so any folder name.
		_mkbook_dirs
	fi
}

# mkbook import [OPTIONS] FILE -o DIR (words[1] is "import").
_mkbook_import()
{
	case $prev in
	-o | --output | --uploads)
		_mkbook_dirs
		return
		;;
	--cover)
		_mkbook_files
		return
		;;
	--post | --category | --related)
		# an id, slug, address, name or number: nothing to offer
		return
		;;
	-h | --help)
		return
		;;
	esac
	case $cur in
	-*)
		mapfile -t COMPREPLY < <(compgen -W '-o --output --list --post --all --category
			--related --uploads --fetch --keep-status --force --cover --article-only
			-q --quiet -h --help' -- "$cur")
		return
		;;
	esac
	# the export or the saved page
	if declare -F _filedir >/dev/null 2>&1; then
		_filedir '@(xml|html|htm|xhtml)'
	else
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
}

# Folders for the manuscript argument.
_mkbook_dirs()
{
	if declare -F _filedir >/dev/null 2>&1; then
		_filedir -d
	else
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
	fi
}

# Files (and folders to reach them) for -o.
_mkbook_files()
{
	if declare -F _filedir >/dev/null 2>&1; then
		_filedir
	else
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
}

complete -F _mkbook mkbook

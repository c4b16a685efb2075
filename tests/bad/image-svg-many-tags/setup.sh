# shellcheck shell=bash
# An SVG of 500,001 empty groups (2 MB; one of 60 MiB took 4 GiB).
python3 -c "
import sys
sys.stdout.write('<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">' + '<g/>' * 500001 + '</svg>')" >in/big.svg

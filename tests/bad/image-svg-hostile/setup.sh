# shellcheck shell=bash
cp in/hostile.svg in/hostile-svg.png

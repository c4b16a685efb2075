# shellcheck shell=bash
mkdir -p in/qa
# Eleven comments, each under its own limit (100,000), together over the
# page's (1,000,000).
for i in 01 02 03 04 05 06 07 08 09 10 11; do
	python3 -c "print('---\nauthor: A reader\nstatus: approved\ndate: 2024-01-01\n---\n\n' + '*a* ' * 49000)" >in/qa/$i.md
done

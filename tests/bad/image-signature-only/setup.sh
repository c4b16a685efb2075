# shellcheck shell=bash
# Files that start like images and are not: a PNG signature with a web page
# after it, a JPEG signature alone, a GIF signature with text after it.
printf '\x89PNG\r\n\x1a\n<html><body>a page</body></html>\n' >in/fake.png
printf '\xff\xd8\xff' >in/fake.jpg
printf 'GIF89a and then some words\n' >in/fake.gif

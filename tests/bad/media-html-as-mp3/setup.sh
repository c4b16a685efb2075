# shellcheck shell=bash
# A web page saved under a sound file's name.
printf '<!DOCTYPE html>\n<html><body><p>Not found</p></body></html>\n' >in/talk.mp3

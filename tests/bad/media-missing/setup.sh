# shellcheck shell=bash
# A video file of the smallest kind: a file type box and an empty movie box.
printf '\0\0\0\x14ftypisom\0\0\0\0isom\0\0\0\x08moov' >in/clip.mp4
